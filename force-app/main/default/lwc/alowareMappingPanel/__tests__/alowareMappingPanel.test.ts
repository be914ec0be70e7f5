import { createElement } from 'lwc';
import AlowareMappingPanel, { DEPLOY_POLL_LIMIT, DEPLOY_POLL_MS } from 'c/alowareMappingPanel';
import getMappingState from '@salesforce/apex/AlowareMappingController.getMappingState';
import saveMappings from '@salesforce/apex/AlowareMappingController.saveMappings';
import getDeploymentStatus from '@salesforce/apex/AlowareMappingController.getDeploymentStatus';
import searchLeads from '@salesforce/apex/AlowareMappingController.searchLeads';
import getPreviewData from '@salesforce/apex/AlowareMappingController.getPreviewData';

jest.mock('@salesforce/apex/AlowareMappingController.getMappingState', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/AlowareMappingController.saveMappings', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AlowareMappingController.getDeploymentStatus', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/AlowareMappingController.searchLeads', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AlowareMappingController.getPreviewData', () => ({ default: jest.fn() }), {
  virtual: true
});

// eslint-disable-next-line @typescript-eslint/no-require-imports
const STATE = require('./data/mappingState.json');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const PREVIEW = require('./data/previewData.json');

const mock = (fn: unknown): jest.Mock => fn as jest.Mock;
const TOAST = 'lightning__showtoast';
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const ticks = async (n = 4): Promise<void> => {
  for (let i = 0; i < n; i++) {
    // eslint-disable-next-line no-await-in-loop -- lets chained promises settle under fake timers
    await Promise.resolve();
  }
};

type El = HTMLElement & Record<string, any>;

function state(edit: (s: any) => void = () => undefined): any {
  const copy = JSON.parse(JSON.stringify(STATE));
  edit(copy);
  return copy;
}

async function mount(): Promise<{ element: HTMLElement; toasts: any[] }> {
  const element = createElement('c-aloware-mapping-panel', { is: AlowareMappingPanel });
  const toasts: any[] = [];
  element.addEventListener(TOAST, (e: Event) => toasts.push((e as CustomEvent).detail));
  document.body.appendChild(element);
  await flush();
  return { element, toasts };
}

const root = (element: HTMLElement): ShadowRoot => element.shadowRoot as ShadowRoot;
const byId = (element: HTMLElement, id: string): El | null => root(element).querySelector(`[data-id="${id}"]`);
const rowOf = (element: HTMLElement, property: string): El | null =>
  root(element).querySelector(`tr[data-id="${property}"]`);
const inRow = (element: HTMLElement, property: string, id: string): El | null =>
  root(element).querySelector(`[data-id="${id}"][data-property="${property}"]`);

function change(target: Element | null, value: string): void {
  (target as Element).dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-aloware-mapping-panel', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it('should show a spinner, then the five sections with locked rows read-only', async () => {
    let resolve: (v: unknown) => void = () => undefined;
    mock(getMappingState).mockReturnValue(new Promise((r) => (resolve = r)));
    const element = createElement('c-aloware-mapping-panel', { is: AlowareMappingPanel });
    document.body.appendChild(element);
    await Promise.resolve();
    expect(root(element).querySelector('lightning-spinner')).not.toBeNull();
    resolve(state());
    await flush();
    expect(root(element).querySelector('lightning-spinner')).toBeNull();
    const headings = Array.from(root(element).querySelectorAll('section h2')).map((h) => h.textContent);
    expect(headings.slice(0, 5)).toEqual([
      'Default locked',
      'Special',
      'Default open',
      'Additional',
      'Outbound tracking'
    ]);
    const phone = rowOf(element, 'phone_number')!;
    expect(phone.textContent).toContain('🔒');
    expect(phone.querySelector('lightning-combobox')).toBeNull();
    expect(phone.querySelector('[data-id="remove"]')).toBeNull();
    expect(phone.textContent).toContain('Aloware ↔ Salesforce');
    const owner = rowOf(element, 'contact_owner')!;
    expect(owner.querySelector('[data-id="field-select"]')).not.toBeNull();
    expect(owner.querySelector('[data-id="remove"]')).toBeNull();
    const company = rowOf(element, 'company')!;
    expect(company.textContent).toContain('string(255)');
    expect(inRow(element, 'company', 'remove')).not.toBeNull();
    const tracking = rowOf(element, 'last_engagement')!;
    expect(tracking.querySelector('[data-id="direction-select"]')).toBeNull();
    expect(tracking.textContent).toContain('Aloware → Salesforce');
    expect(rowOf(element, 'fax')).toBeNull();
    expect(byId(element, 'save')!.disabled).toBe(true);
    expect(byId(element, 'unsaved')).toBeNull();
    expect(byId(element, 'error-summary')).toBeNull();
  });

  it('should show the load error and load again', async () => {
    mock(getMappingState).mockRejectedValueOnce({ body: { message: 'Insufficient privileges' } });
    const { element } = await mount();
    expect(byId(element, 'load-error')!.textContent).toContain('Insufficient privileges');
    mock(getMappingState).mockResolvedValueOnce(state());
    byId(element, 'reload')!.click();
    await flush();
    expect(byId(element, 'load-error')).toBeNull();
    expect(rowOf(element, 'email')).not.toBeNull();
  });

  it('should show empty sections and the locked-row problems when no mapping record exists', async () => {
    mock(getMappingState).mockResolvedValue(state((s) => (s.mappings = [])));
    const { element } = await mount();
    expect(root(element).textContent).toContain('No mapping in this section.');
    expect(byId(element, 'error-summary')!.textContent).toMatch(/problems must be fixed/);
    expect(byId(element, 'general-issues')).toBeNull();
    expect(byId(element, 'save')!.disabled).toBe(true);
  });

  it('should offer only compatible, unmapped fields and count the hidden ones (🚫)', async () => {
    mock(getMappingState).mockResolvedValue(state());
    const { element } = await mount();
    const select = inRow(element, 'first_name', 'field-select')!;
    const values = select.options.map((o: any) => o.value);
    expect(values).toContain('FirstName');
    expect(values).toContain('Title');
    expect(values).not.toContain('LastName');
    expect(values).not.toContain('Phone');
    expect(rowOf(element, 'first_name')!.textContent).toMatch(/🚫 \d+ already mapped elsewhere/);
    const owner = inRow(element, 'contact_owner', 'field-select')!;
    expect(owner.options.map((o: any) => o.value)).toEqual(['OwnerId']);
    const direction = inRow(element, 'first_name', 'direction-select')!;
    expect(direction.options).toHaveLength(3);
  });

  it('should validate instantly, show how to fix, and block saving', async () => {
    mock(getMappingState).mockResolvedValue(state());
    const { element } = await mount();
    change(inRow(element, 'company', 'field-select'), 'FirstName');
    await flush();
    const notes = inRow(element, 'company', 'row-notes')!;
    expect(notes.textContent).toContain('FirstName is already mapped');
    expect(rowOf(element, 'company')!.className).toContain('slds-has-error');
    expect(byId(element, 'error-summary')!.textContent).toBe('1 problem must be fixed before saving.');
    expect(byId(element, 'unsaved')).not.toBeNull();
    expect(byId(element, 'save')!.disabled).toBe(true);
    change(inRow(element, 'company', 'field-select'), 'Company');
    await flush();
    expect(byId(element, 'error-summary')).toBeNull();
    expect(byId(element, 'unsaved')).toBeNull();
  });

  it('should show the Time-field recommendation as a warning that does not block saving', async () => {
    mock(getMappingState).mockResolvedValue(state());
    const { element } = await mount();
    change(inRow(element, 'last_inbound_call_time', 'field-select'), 'Call_Time__c');
    await flush();
    expect(inRow(element, 'last_inbound_call_time', 'row-notes')!.textContent).toContain('Text(40)');
    expect(byId(element, 'error-summary')).toBeNull();
    expect(byId(element, 'save')!.disabled).toBe(false);
  });

  it('should change a direction within what the row allows', async () => {
    mock(getMappingState).mockResolvedValue(state());
    const { element } = await mount();
    change(inRow(element, 'city', 'direction-select'), 'SalesforceToAloware');
    await flush();
    expect(inRow(element, 'city', 'direction-select')!.value).toBe('SalesforceToAloware');
    expect(byId(element, 'save')!.disabled).toBe(false);
  });

  it('should remove an open mapping and add it back from the catalog', async () => {
    mock(getMappingState).mockResolvedValue(state());
    const { element } = await mount();
    inRow(element, 'company', 'remove')!.click();
    await flush();
    expect(rowOf(element, 'company')).toBeNull();
    const property = byId(element, 'add-property')!;
    expect(property.options.map((o: any) => o.value)).toEqual(expect.arrayContaining(['company', 'fax']));
    expect(byId(element, 'add')!.disabled).toBe(true);
    change(property, 'fax');
    await flush();
    expect(byId(element, 'add-direction')!.value).toBe('Bidirectional');
    const fieldValues = byId(element, 'add-field')!.options.map((o: any) => o.value);
    expect(fieldValues).toEqual(expect.arrayContaining(['Fax', 'Other_Phone__c']));
    expect(fieldValues).not.toContain('Phone');
    expect(byId(element, 'add-hidden-note')!.textContent).toContain('already mapped are not offered');
    change(byId(element, 'add-search'), 'other');
    await flush();
    expect(byId(element, 'add-field')!.options.map((o: any) => o.value)).toEqual(['Other_Phone__c']);
    change(byId(element, 'add-search'), 'zzz');
    await flush();
    expect(byId(element, 'add-no-fields')).not.toBeNull();
    change(byId(element, 'add-search'), '');
    change(byId(element, 'add-field'), 'Other_Phone__c');
    change(byId(element, 'add-direction'), 'AlowareToSalesforce');
    await flush();
    byId(element, 'add')!.click();
    await flush();
    const fax = rowOf(element, 'fax')!;
    expect(fax).not.toBeNull();
    expect(inRow(element, 'fax', 'field-select')!.value).toBe('Other_Phone__c');
    expect(inRow(element, 'fax', 'direction-select')!.value).toBe('AlowareToSalesforce');
    expect(byId(element, 'add-property')!.value).toBe('');
  });

  it('should load the defaults on reset and discard back to the saved mappings', async () => {
    mock(getMappingState).mockResolvedValue(state());
    const { element, toasts } = await mount();
    byId(element, 'reset-defaults')!.click();
    await flush();
    expect(rowOf(element, 'fax')).not.toBeNull();
    expect(byId(element, 'unsaved')).not.toBeNull();
    expect(toasts[0].title).toBe('Defaults loaded');
    byId(element, 'discard')!.click();
    await flush();
    expect(rowOf(element, 'fax')).toBeNull();
    expect(byId(element, 'unsaved')).toBeNull();
  });

  it('should warn before leaving the page with unsaved changes', async () => {
    mock(getMappingState).mockResolvedValue(state());
    const { element } = await mount();
    const clean = new CustomEvent('beforeunload', { cancelable: true });
    window.dispatchEvent(clean);
    expect(clean.defaultPrevented).toBe(false);
    inRow(element, 'company', 'remove')!.click();
    await flush();
    const dirty = new CustomEvent('beforeunload', { cancelable: true });
    window.dispatchEvent(dirty);
    expect(dirty.defaultPrevented).toBe(true);
  });

  it('should save, follow the deployment and reload when it succeeds', async () => {
    mock(getMappingState).mockResolvedValue(state());
    mock(saveMappings).mockResolvedValue({
      accepted: true,
      jobId: '0Af000000000001AAA',
      issues: [],
      message: 'Deployment queued.'
    });
    mock(getDeploymentStatus)
      .mockResolvedValueOnce({ status: 'InProgress', message: 'Still deploying…' })
      .mockResolvedValueOnce({ status: 'Succeeded', message: 'Mappings saved: 41 records deployed.' });
    const { element, toasts } = await mount();
    inRow(element, 'company', 'remove')!.click();
    await flush();
    jest.useFakeTimers();
    byId(element, 'save')!.click();
    await ticks();
    const sent = mock(saveMappings).mock.calls[0][0];
    expect(Object.keys(sent)).toEqual(['mappings']);
    expect(sent.mappings).toHaveLength(41);
    expect(sent.mappings.find((m: any) => m.alowareProperty === 'company')).toMatchObject({ active: false });
    expect(byId(element, 'deploy-status')!.textContent).toContain('Deployment queued.');
    expect(byId(element, 'save')!.disabled).toBe(true);
    jest.advanceTimersByTime(DEPLOY_POLL_MS);
    await ticks();
    expect(getDeploymentStatus).toHaveBeenCalledWith({ jobId: '0Af000000000001AAA', mappings: sent.mappings });
    expect(byId(element, 'deploy-status')!.textContent).toContain('Still deploying');
    jest.advanceTimersByTime(DEPLOY_POLL_MS);
    await ticks(8);
    expect(toasts.pop()).toMatchObject({ variant: 'success', message: 'Mappings saved: 41 records deployed.' });
    expect(getMappingState).toHaveBeenCalledTimes(2);
  });

  it('should finish at once when Apex finds nothing to deploy', async () => {
    mock(getMappingState).mockResolvedValue(state());
    mock(saveMappings).mockResolvedValue({
      accepted: true,
      jobId: null,
      issues: [],
      message: 'Nothing changed: the mappings are already saved.'
    });
    const { element, toasts } = await mount();
    change(inRow(element, 'city', 'direction-select'), 'AlowareToSalesforce');
    await flush();
    byId(element, 'save')!.click();
    await flush();
    expect(getDeploymentStatus).not.toHaveBeenCalled();
    expect(toasts[0]).toMatchObject({
      variant: 'success',
      message: 'Nothing changed: the mappings are already saved.'
    });
    expect(getMappingState).toHaveBeenCalledTimes(2);
  });

  it('should show the issues Apex found and not deploy', async () => {
    mock(getMappingState).mockResolvedValue(state());
    mock(saveMappings).mockResolvedValue({
      accepted: false,
      jobId: null,
      message: 'The mappings were not saved: 2 problems.',
      issues: [
        {
          code: 'FIELD_NOT_UPDATEABLE',
          severity: 'error',
          property: 'city',
          field: 'City',
          message: 'City is read-only for you.'
        },
        { code: 'LOCKED_ROW_MISSING', severity: 'error', property: null, field: null, message: 'Org-level problem.' }
      ]
    });
    const { element, toasts } = await mount();
    change(inRow(element, 'city', 'direction-select'), 'AlowareToSalesforce');
    await flush();
    byId(element, 'save')!.click();
    await flush();
    expect(toasts[0]).toMatchObject({ variant: 'error', message: 'The mappings were not saved: 2 problems.' });
    expect(inRow(element, 'city', 'row-notes')!.textContent).toContain('City is read-only for you.');
    expect(byId(element, 'general-issues')!.textContent).toContain('Org-level problem.');
    expect(getDeploymentStatus).not.toHaveBeenCalled();
  });

  it('should show a failed deployment with its message, keep the changes and let the admin save again', async () => {
    mock(getMappingState).mockResolvedValue(state());
    const failure =
      'The mappings were not saved. The deployment failed: Lead_city: Salesforce_Field__c: bad value. ' +
      'Your changes are still on the page: correct them and save again.';
    mock(saveMappings)
      .mockResolvedValueOnce({ accepted: true, jobId: '0Af000000000001AAA', issues: [], message: 'Queued.' })
      .mockResolvedValueOnce({ accepted: true, jobId: '0Af000000000002AAA', issues: [], message: 'Queued again.' });
    mock(getDeploymentStatus)
      .mockResolvedValueOnce({ status: 'InProgress', message: 'Deploying: 1 record is not updated yet.' })
      .mockResolvedValueOnce({ status: 'Failed', message: failure })
      .mockResolvedValueOnce({ status: 'Succeeded', message: 'Mappings saved. The sync uses them from now on.' });
    const { element, toasts } = await mount();
    change(inRow(element, 'city', 'direction-select'), 'AlowareToSalesforce');
    await flush();
    jest.useFakeTimers();
    byId(element, 'save')!.click();
    await ticks();
    expect(byId(element, 'deploy-failed')).toBeNull();
    jest.advanceTimersByTime(DEPLOY_POLL_MS);
    await ticks();
    expect(byId(element, 'deploy-failed')).toBeNull();
    jest.advanceTimersByTime(DEPLOY_POLL_MS);
    await ticks();

    // The error state: heading, the message naming the record and the problem, an error toast.
    expect(byId(element, 'deploy-failed')!.textContent).toContain('The mappings were not saved');
    expect(byId(element, 'deploy-message')!.textContent).toBe(failure);
    expect(byId(element, 'deploy-message')!.className).toContain('slds-text-color_error');
    expect(toasts.pop()).toMatchObject({ variant: 'error', title: 'The mappings were not saved', message: failure });
    // Nothing was reloaded: the edit is still on screen, unsaved, and Save is enabled again.
    expect(getMappingState).toHaveBeenCalledTimes(1);
    expect(inRow(element, 'city', 'direction-select')!.value).toBe('AlowareToSalesforce');
    expect(byId(element, 'unsaved')).not.toBeNull();
    expect(byId(element, 'save')!.disabled).toBe(false);
    jest.useRealTimers();
    await expect(element).toBeAccessible();
    jest.useFakeTimers();

    // Saving again sends the same edits and follows the new job to success.
    byId(element, 'save')!.click();
    await ticks();
    const [first, second] = mock(saveMappings).mock.calls.map((c) => c[0]);
    expect(second).toEqual(first);
    expect(byId(element, 'deploy-failed')).toBeNull();
    jest.advanceTimersByTime(DEPLOY_POLL_MS);
    await ticks(8);
    expect(getDeploymentStatus).toHaveBeenLastCalledWith({ jobId: '0Af000000000002AAA', mappings: second.mappings });
    expect(toasts.pop()).toMatchObject({ variant: 'success' });
    expect(getMappingState).toHaveBeenCalledTimes(2);
  });

  it('should report a save that throws, a failed deployment and a deployment that never finishes', async () => {
    mock(getMappingState).mockResolvedValue(state());
    const { element, toasts } = await mount();
    change(inRow(element, 'city', 'direction-select'), 'AlowareToSalesforce');
    await flush();
    mock(saveMappings).mockRejectedValueOnce({ body: { message: 'You need the Aloware Admin permission set.' } });
    byId(element, 'save')!.click();
    await flush();
    expect(toasts.pop()).toMatchObject({ variant: 'error', message: 'You need the Aloware Admin permission set.' });

    mock(saveMappings).mockResolvedValue({ accepted: true, jobId: '0Af1', issues: [], message: 'Queued.' });
    mock(getDeploymentStatus).mockResolvedValueOnce({
      status: 'Failed',
      message: 'Deploy failed: field not writable.'
    });
    jest.useFakeTimers();
    byId(element, 'save')!.click();
    await ticks();
    jest.advanceTimersByTime(DEPLOY_POLL_MS);
    await ticks();
    expect(byId(element, 'deploy-status')!.textContent).toContain('field not writable');
    expect(byId(element, 'deploy-status')!.querySelector('p')!.className).toContain('slds-text-color_error');

    mock(getDeploymentStatus).mockResolvedValue({ status: 'InProgress', message: 'Still deploying…' });
    byId(element, 'save')!.click();
    await ticks();
    for (let i = 0; i < DEPLOY_POLL_LIMIT; i++) {
      jest.advanceTimersByTime(DEPLOY_POLL_MS);
      // eslint-disable-next-line no-await-in-loop -- each poll waits for the previous one
      await ticks();
    }
    expect(byId(element, 'deploy-status')!.textContent).toContain('Deployment Status');

    mock(getDeploymentStatus).mockRejectedValueOnce({ body: { message: 'Status unavailable' } });
    byId(element, 'save')!.click();
    await ticks();
    jest.advanceTimersByTime(DEPLOY_POLL_MS);
    await ticks();
    expect(byId(element, 'deploy-status')!.textContent).toContain('Status unavailable');
  });

  it('should be read-only without edit permission', async () => {
    mock(getMappingState).mockResolvedValue(state((s) => (s.canEdit = false)));
    const { element } = await mount();
    expect(byId(element, 'read-only-note')!.textContent).toContain('Aloware Admin permission set');
    expect(root(element).querySelector('[data-id="field-select"]')).toBeNull();
    expect(root(element).querySelector('[data-id="remove"]')).toBeNull();
    expect(byId(element, 'add-mapping')).toBeNull();
    expect(byId(element, 'save')!.disabled).toBe(true);
    expect(byId(element, 'reset-defaults')!.disabled).toBe(true);
    expect(rowOf(element, 'company')!.textContent).toContain('Company');
    await expect(element).toBeAccessible();
  });

  it('should test the mapping against a Lead: redacted outbound payload and inbound changes', async () => {
    mock(getMappingState).mockResolvedValue(state());
    mock(searchLeads).mockResolvedValue([{ id: '00Q000000000001AAA', label: 'Ada Byron · ada@example.com' }]);
    mock(getPreviewData).mockResolvedValue(PREVIEW);
    const { element } = await mount();
    expect(byId(element, 'run-test')!.disabled).toBe(true);
    change(byId(element, 'lead-search'), ' Ada ');
    byId(element, 'lead-search')!.dispatchEvent(new KeyboardEvent('keyup', { key: 'Enter' }));
    await flush();
    expect(searchLeads).toHaveBeenCalledWith({ searchText: 'Ada' });
    expect(byId(element, 'lead-pick')!.value).toBe('00Q000000000001AAA');
    change(byId(element, 'lead-pick'), '00Q000000000001AAA');
    change(byId(element, 'sample-contact'), JSON.stringify({ first_name: 'Ada', last_name: 'Lovelace' }));
    await flush();
    byId(element, 'run-test')!.click();
    await flush();
    expect(getPreviewData).toHaveBeenCalledWith({ leadId: '00Q000000000001AAA' });
    const payload = JSON.parse(byId(element, 'preview-payload')!.textContent!);
    expect(payload.api_token).toBe('[REDACTED]');
    expect(payload.phone_number).toBe('+15555550100');
    expect(payload.force_update).toBe(true);
    expect(payload.first_name).toBe('Ada');
    const changes = byId(element, 'preview-changes')!.textContent!;
    expect(changes).toContain('LastName');
    expect(changes).toContain('Byron');
    expect(changes).toContain('Lovelace');
    expect(changes).not.toContain('FirstName');
    await expect(element).toBeAccessible();
  });

  it('should explain a skipped push, an empty inbound result and bad sample JSON', async () => {
    mock(getMappingState).mockResolvedValue(state());
    mock(searchLeads).mockResolvedValue([{ id: '00Q000000000002AAA', label: 'No Phone' }]);
    const noPhone = JSON.parse(JSON.stringify(PREVIEW));
    noPhone.lead.Phone = null;
    noPhone.ownerNote = 'No API token is saved: the owner is not previewed.';
    mock(getPreviewData).mockResolvedValue(noPhone);
    const { element } = await mount();
    byId(element, 'find-leads')!.click();
    await flush();
    change(byId(element, 'sample-contact'), '[1, 2]');
    await flush();
    byId(element, 'run-test')!.click();
    await flush();
    expect(byId(element, 'sample-error')!.textContent).toContain('JSON object');
    expect(getPreviewData).not.toHaveBeenCalled();
    change(byId(element, 'sample-contact'), '{}');
    await flush();
    byId(element, 'run-test')!.click();
    await flush();
    expect(byId(element, 'preview-skipped')!.textContent).toContain('no Phone');
    expect(byId(element, 'preview')!.textContent).toContain('the owner is not previewed');
    expect(byId(element, 'preview-no-changes')).not.toBeNull();
  });

  it('should report lead search and preview failures', async () => {
    mock(getMappingState).mockResolvedValue(state());
    mock(searchLeads).mockResolvedValueOnce([]);
    const { element } = await mount();
    byId(element, 'find-leads')!.click();
    await flush();
    expect(byId(element, 'preview-error')!.textContent).toContain('No Lead matches');
    mock(searchLeads).mockRejectedValueOnce({ body: { message: 'Search failed' } });
    byId(element, 'find-leads')!.click();
    await flush();
    expect(byId(element, 'preview-error')!.textContent).toContain('Search failed');
    mock(searchLeads).mockResolvedValueOnce([{ id: '00Q000000000001AAA', label: 'Ada' }]);
    byId(element, 'find-leads')!.click();
    await flush();
    mock(getPreviewData).mockRejectedValueOnce({ body: { message: 'You cannot read this Lead.' } });
    byId(element, 'run-test')!.click();
    await flush();
    expect(byId(element, 'preview-error')!.textContent).toContain('You cannot read this Lead.');
    expect(byId(element, 'preview')).toBeNull();
  });

  it('should be accessible and keyboard operable while editing', async () => {
    mock(getMappingState).mockResolvedValue(state());
    const { element } = await mount();
    change(inRow(element, 'company', 'field-select'), 'FirstName');
    await flush();
    await expect(element).toBeAccessible();
    const controls = root(element).querySelectorAll(
      'lightning-button, lightning-button-icon, lightning-input, lightning-combobox, lightning-textarea'
    );
    expect(controls.length).toBeGreaterThan(30);
    controls.forEach((c) => expect(c.getAttribute('tabindex')).not.toBe('-1'));
    root(element)
      .querySelectorAll('lightning-combobox')
      .forEach((c) => expect((c as El).label).toBeTruthy());
  });
});
