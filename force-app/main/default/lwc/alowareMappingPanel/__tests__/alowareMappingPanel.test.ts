import { createElement } from 'lwc';
import { markupIcons } from '../../../../../../tests/lwc/sldsIcons';
import AlowareMappingPanel, { DEPLOY_POLL_LIMIT, DEPLOY_POLL_MS, PICKER_RENDER_LIMIT } from 'c/alowareMappingPanel';
import getMappingState from '@salesforce/apex/AlowareMappingController.getMappingState';
import saveMappings from '@salesforce/apex/AlowareMappingController.saveMappings';
import getDeploymentStatus from '@salesforce/apex/AlowareMappingController.getDeploymentStatus';
import searchLeads from '@salesforce/apex/AlowareMappingController.searchLeads';
import getPreviewData from '@salesforce/apex/AlowareMappingController.getPreviewData';
import { runLater } from 'c/alowareUiUtils';

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

/**
 * The deployment poll is the panel's only timer. It is queued here and run by the test (`nextPoll`), so no test
 * depends on fake timers, on how many microtask turns a promise chain takes, or on the machine's speed.
 */
const mockScheduled: (() => void)[] = [];
jest.mock('c/alowareUiUtils', () => {
  const actual = jest.requireActual('c/alowareUiUtils');
  return {
    ...actual,
    runLater: jest.fn((callback: () => void) => {
      mockScheduled.push(callback);
      return mockScheduled.length;
    }),
    cancelLater: jest.fn()
  };
});

// eslint-disable-next-line @typescript-eslint/no-require-imports
const STATE = require('./data/mappingState.json');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const PREVIEW = require('./data/previewData.json');

const mock = (fn: unknown): jest.Mock => fn as jest.Mock;
/** One macrotask: every promise chain of resolved mocks, and the re-render, has settled by then. */
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Runs the queued deployment poll, then lets its answer render. */
async function nextPoll(): Promise<void> {
  const callback = mockScheduled.shift();
  if (!callback) throw new Error('no deployment poll is scheduled');
  callback();
  await flush();
}

type El = HTMLElement & Record<string, any>;

/** A read-only (formula) text field: offered only for Salesforce → Aloware. */
const FORMULA = {
  name: 'Segment_Formula__c',
  label: 'Segment Formula',
  type: 'string',
  length: 255,
  updateable: false,
  accessible: true
};

function state(edit: (s: any) => void = () => undefined): any {
  const copy = JSON.parse(JSON.stringify(STATE));
  copy.leadFields.push({ ...FORMULA });
  edit(copy);
  return copy;
}

async function mount(): Promise<{ element: HTMLElement }> {
  const element = createElement('c-aloware-mapping-panel', { is: AlowareMappingPanel });
  document.body.appendChild(element);
  await flush();
  return { element };
}

const root = (element: HTMLElement): ShadowRoot => element.shadowRoot as ShadowRoot;
const byId = (element: HTMLElement, id: string): El | null => root(element).querySelector(`[data-id="${id}"]`);
const rowOf = (element: HTMLElement, property: string): El | null =>
  root(element).querySelector(`tr[data-id="${property}"]`);
const inRow = (element: HTMLElement, property: string, id: string): El | null =>
  root(element).querySelector(`[data-id="${id}"][data-property="${property}"]`);
const picker = (element: HTMLElement, id: string): HTMLInputElement =>
  root(element).querySelector(`input[data-picker="${id}"]`) as HTMLInputElement;
const options = (element: HTMLElement): HTMLElement[] =>
  Array.from(root(element).querySelectorAll('[role="option"]')) as HTMLElement[];
const option = (element: HTMLElement, name: string): HTMLElement | undefined =>
  options(element).find((o) => o.dataset.name === name);
const active = (element: HTMLElement): Element | null => root(element).activeElement;

/** A change as the user makes it: a native select takes the value, a base component reports it in the detail. */
function change(target: Element | null, value: string): void {
  if (target instanceof HTMLSelectElement) {
    target.value = value;
    if (target.value !== value) throw new Error(`the select offers no option ${value}`);
    target.dispatchEvent(new CustomEvent('change', { bubbles: true }));
    return;
  }
  (target as Element).dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

async function key(target: Element, name: string): Promise<void> {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
  await flush();
}

async function type(input: HTMLInputElement, text: string): Promise<void> {
  input.value = text;
  input.dispatchEvent(new CustomEvent('input', { bubbles: true }));
  await flush();
}

/** Opens a picker, types to narrow it and clicks the option. */
async function pick(element: HTMLElement, id: string, name: string): Promise<void> {
  const input = picker(element, id);
  input.click();
  await flush();
  await type(input, name);
  const found = option(element, name);
  if (!found) throw new Error(`${name} is not offered by the ${id} picker`);
  found.click();
  await flush();
}

/** Removes a row through its confirmation dialog. */
async function remove(element: HTMLElement, property: string): Promise<void> {
  inRow(element, property, 'remove')!.click();
  await flush();
  (byId(element, 'confirm-remove')!.querySelector('[data-id="dialog-confirm"]') as HTMLElement).click();
  await flush();
}

/** Save → the review dialog → confirm. */
async function saveAndConfirm(element: HTMLElement): Promise<void> {
  byId(element, 'save')!.click();
  await flush();
  (byId(element, 'review')!.querySelector('[data-id="dialog-confirm"]') as HTMLElement).click();
  await flush();
}

describe('c-aloware-mapping-panel', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    mockScheduled.length = 0;
    // mockReset also drops unused mockResolvedValueOnce answers, so a failing test cannot leak into the next one.
    [getMappingState, saveMappings, getDeploymentStatus, searchLeads, getPreviewData].forEach((fn) =>
      mock(fn).mockReset()
    );
    mock(runLater).mockClear();
  });

  it('should show a spinner, then the five sections with SLDS icons and the Sync Settings direction wording', async () => {
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
    const legendIcons = Array.from(byId(element, 'legend')!.querySelectorAll<HTMLElement>('[data-icon]')).map((i) => [
      i.dataset.icon,
      i.querySelector('.slds-assistive-text')?.textContent
    ]);
    expect(legendIcons).toEqual([
      ['utility:lock', 'Locked'],
      ['utility:change_owner', 'Special'],
      ['utility:ban', 'Already mapped'],
      ['utility:delete', 'Remove']
    ]);
    expect(root(element).textContent).not.toMatch(/[🔒🚫🗑]/u);
    const phone = rowOf(element, 'phone_number')!;
    expect(phone.querySelector('[data-id="locked-icon"]')).not.toBeNull();
    expect(phone.querySelector('input[role="combobox"]')).toBeNull();
    expect(phone.querySelector('[data-id="remove"]')).toBeNull();
    expect(phone.textContent).toContain('Both ways (Aloware ↔ Salesforce)');
    const owner = rowOf(element, 'contact_owner')!;
    expect(owner.querySelector('[data-id="special-icon"]')).not.toBeNull();
    // Every icon is the SLDS utility icon of its name, drawn from the SLDS assets' own path, and hidden from
    // assistive technology (its meaning is in text beside it).
    const icons = markupIcons(root(element));
    expect(icons.length).toBeGreaterThan(5);
    expect(icons.filter((i) => !i.hidden || !i.sldsPath)).toEqual([]);
    expect(root(element).querySelector('lightning-icon')).toBeNull();
    expect(owner.querySelector('[data-id="field-picker"]')).not.toBeNull();
    expect(owner.querySelector('[data-id="remove"]')).toBeNull();
    expect(rowOf(element, 'company')!.textContent).toContain('string(255)');
    const removeCompany = inRow(element, 'company', 'remove')!;
    expect(removeCompany.tagName).toBe('BUTTON');
    expect(removeCompany.getAttribute('title')).toBe('Remove the Company mapping');
    expect(removeCompany.querySelector('.slds-assistive-text')!.textContent).toBe('Remove the Company mapping');
    expect(removeCompany.querySelector('svg')!.getAttribute('aria-hidden')).toBe('true');
    const tracking = rowOf(element, 'last_engagement')!;
    expect(tracking.querySelector('[data-id="direction-select"]')).toBeNull();
    expect(tracking.textContent).toContain('Aloware → Salesforce only');
    const citySelect = inRow(element, 'city', 'direction-select') as unknown as HTMLSelectElement;
    expect(citySelect.tagName).toBe('SELECT');
    expect(citySelect.getAttribute('aria-label')).toBe('Direction for City');
    expect(Array.from(citySelect.options).map((o) => o.label)).toEqual([
      'Both ways (Aloware ↔ Salesforce)',
      'Aloware → Salesforce only',
      'Salesforce → Aloware only'
    ]);
    expect(rowOf(element, 'fax')).toBeNull();
    // The picker renders no option until it is opened; "Add a mapping" and the sticky footer are always there.
    expect(options(element)).toHaveLength(0);
    expect(picker(element, 'first_name').value).toBe('First Name (FirstName)');
    expect(byId(element, 'add-mapping')).not.toBeNull();
    expect(byId(element, 'footer')!.contains(byId(element, 'save'))).toBe(true);
    expect(byId(element, 'save')!.disabled).toBe(true);
    expect(byId(element, 'unsaved')).toBeNull();
    expect(byId(element, 'error-summary')).toBeNull();
    expect(byId(element, 'deploy-status')).toBeNull();
  });

  it('should show the load error and load again, telling its host after each load', async () => {
    mock(getMappingState).mockRejectedValueOnce({ body: { message: 'Insufficient privileges' } });
    const element = createElement('c-aloware-mapping-panel', { is: AlowareMappingPanel });
    const loads: boolean[] = [];
    element.addEventListener('stateload', () =>
      loads.push(root(element).querySelector('[data-id="load-error"]') === null)
    );
    document.body.appendChild(element);
    await flush();
    expect(byId(element, 'load-error')!.textContent).toContain('Insufficient privileges');
    expect(loads).toHaveLength(1);
    mock(getMappingState).mockResolvedValueOnce(state());
    byId(element, 'reload')!.click();
    await flush();
    expect(byId(element, 'load-error')).toBeNull();
    expect(rowOf(element, 'email')).not.toBeNull();
    expect(loads).toHaveLength(2);
  });

  it('should show empty sections and the locked-row problems when no mapping record exists', async () => {
    mock(getMappingState).mockResolvedValue(state((s) => (s.mappings = [])));
    const { element } = await mount();
    expect(root(element).textContent).toContain('No mapping in this section.');
    expect(byId(element, 'error-summary')!.textContent).toMatch(/problems must be fixed/);
    expect(byId(element, 'save')!.disabled).toBe(true);
  });

  it('should open the field picker with grouped, tagged options; already-mapped fields are disabled', async () => {
    mock(getMappingState).mockResolvedValue(state());
    const { element } = await mount();
    const input = picker(element, 'first_name');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    input.click();
    await flush();
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(byId(element, 'picker-listbox')).not.toBeNull();
    const groups = Array.from(root(element).querySelectorAll('[role="group"]')).map((g) =>
      g.getAttribute('aria-label')
    );
    expect(groups).toEqual(['Standard fields', 'Custom fields']);
    const names = options(element).map((o) => o.dataset.name);
    expect(names).toContain('FirstName');
    expect(names).toContain('Title');
    expect(names).not.toContain('Phone'); // a phone field is not compatible with a name
    expect(names.length).toBeLessThanOrEqual(PICKER_RENDER_LIMIT);
    // The current field is selected; a field another row maps is disabled, with who maps it.
    expect(option(element, 'FirstName')!.getAttribute('aria-selected')).toBe('true');
    const lastName = option(element, 'LastName')!;
    expect(lastName.getAttribute('aria-disabled')).toBe('true');
    expect(lastName.textContent).toContain('Already mapped: Last Name');
    // The full API name and the type are shown on every option.
    expect(option(element, 'Title')!.textContent).toContain('Title');
    expect(option(element, 'Title')!.textContent).toMatch(/string\(\d+\)/);
    // A read-only formula field is not offered for a direction that writes Salesforce.
    expect(names).not.toContain(FORMULA.name);
    // Only one picker renders options at a time; the owner picker offers the owner field only.
    picker(element, 'contact_owner').click();
    await flush();
    expect(options(element).map((o) => o.dataset.name)).toEqual(['OwnerId']);
    expect(inRow(element, 'first_name', 'direction-select')!.options).toHaveLength(3);
    await expect(element).toBeAccessible();
  });

  it('should filter as the admin types and work by keyboard (arrows, Enter, Escape)', async () => {
    mock(getMappingState).mockResolvedValue(state());
    const { element } = await mount();
    const input = picker(element, 'company');
    await key(input, 'ArrowDown');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    await type(input, 'title');
    expect(options(element).map((o) => o.dataset.name)).toEqual(['Title']);
    expect(byId(element, 'picker-more')!.textContent).toBe('1 field.');
    await type(input, 'zzz');
    expect(options(element)).toHaveLength(0);
    expect(byId(element, 'picker-more')!.textContent).toContain('No compatible Lead field matches');
    // Escape closes and leaves the row as it was.
    await key(input, 'Escape');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.value).toBe('Company (Company)');
    expect(byId(element, 'unsaved')).toBeNull();
    // Arrows move the active option (aria-activedescendant), skipping disabled ones; Enter picks it.
    await key(input, 'ArrowDown');
    await type(input, 'i');
    const enabled = options(element).filter((o) => o.getAttribute('aria-disabled') === 'false');
    expect(input.getAttribute('aria-activedescendant')).toBe(enabled[0].id);
    await key(input, 'ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).toBe(enabled[1].id);
    expect(enabled[1].className).toContain('slds-has-focus');
    await key(input, 'ArrowUp');
    await key(input, 'ArrowDown');
    const chosen = enabled[1].dataset.name as string;
    await key(input, 'Enter');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.value).toContain(`(${chosen})`);
    expect(active(element)).toBe(input);
    expect(byId(element, 'unsaved')).not.toBeNull();
    expect(rowOf(element, 'company')!.querySelector('[data-id="changed"]')!.textContent).toBe('Changed');
    // Leaving the picker (focus out) closes it.
    input.click();
    await flush();
    input.dispatchEvent(new FocusEvent('focusout', { bubbles: true, relatedTarget: null }));
    await flush();
    expect(byId(element, 'picker-listbox')).toBeNull();
  });

  it('should offer a read-only field only for Salesforce → Aloware, and flag it when the direction writes Salesforce', async () => {
    mock(getMappingState).mockResolvedValue(state());
    const { element } = await mount();
    change(inRow(element, 'first_name', 'direction-select'), 'SalesforceToAloware');
    await flush();
    picker(element, 'first_name').click();
    await flush();
    const formula = option(element, FORMULA.name)!;
    expect(formula.textContent).toContain('read-only');
    formula.click();
    await flush();
    expect(byId(element, 'error-summary')).toBeNull();
    change(inRow(element, 'first_name', 'direction-select'), 'Bidirectional');
    await flush();
    expect(rowOf(element, 'first_name')!.className).toContain('slds-has-error');
    expect(inRow(element, 'first_name', 'row-notes')!.textContent).toMatch(/read-only/i);
    expect(byId(element, 'error-summary')!.textContent).toBe('1 problem must be fixed before saving');
    expect(byId(element, 'save')!.disabled).toBe(true);
    // The problem count is a link to the row: it focuses the row's field picker.
    byId(element, 'error-summary')!.click();
    await flush();
    expect(active(element)).toBe(picker(element, 'first_name'));
    change(inRow(element, 'first_name', 'direction-select'), 'SalesforceToAloware');
    await flush();
    expect(byId(element, 'error-summary')).toBeNull();
    expect(byId(element, 'save')!.disabled).toBe(false);
  });

  it('should show each problem once', async () => {
    mock(getMappingState).mockResolvedValue(state((s) => (s.mappings = [])));
    const { element } = await mount();
    const messages = Array.from(
      root(element).querySelectorAll('[data-id="row-notes"] li, [data-id="general-issues"] li')
    ).map((li) => `${li.closest('[data-property]')?.getAttribute('data-property') ?? ''}|${li.textContent}`);
    expect(new Set(messages).size).toBe(messages.length);
  });

  it('should show the Time-field recommendation as a warning that does not block saving', async () => {
    mock(getMappingState).mockResolvedValue(state());
    const { element } = await mount();
    await pick(element, 'last_inbound_call_time', 'Call_Time__c');
    expect(inRow(element, 'last_inbound_call_time', 'row-notes')!.textContent).toContain('Text(40)');
    expect(byId(element, 'error-summary')).toBeNull();
    expect(byId(element, 'save')!.disabled).toBe(false);
  });

  it('should ask before removing a mapping, then move the focus to the next row', async () => {
    mock(getMappingState).mockResolvedValue(state());
    const { element } = await mount();
    inRow(element, 'company', 'remove')!.click();
    await flush();
    const dialog = byId(element, 'confirm-remove')!;
    expect(dialog.getAttribute('role')).toBe('alertdialog');
    expect(dialog.textContent).toContain('Remove the Company mapping?');
    expect(dialog.textContent).toContain('Company (Company)');
    expect(dialog.textContent).toContain('Discard changes brings it back');
    expect(active(element)).toBe(dialog.querySelector('[data-id="dialog-cancel"]'));
    await expect(element).toBeAccessible();
    // Tab stays in the dialog; Escape cancels and gives the focus back.
    const confirm = dialog.querySelector('[data-id="dialog-confirm"]') as HTMLElement;
    confirm.focus();
    await key(confirm, 'Tab');
    expect(active(element)).toBe(dialog.querySelector('[data-id="dialog-cancel"]'));
    await key(dialog, 'Escape');
    expect(byId(element, 'confirm-remove')).toBeNull();
    expect(rowOf(element, 'company')).not.toBeNull();
    // Confirmed: the row goes; the focus moves to the next editable row's field picker.
    const open = Array.from(root(element).querySelectorAll('[data-id="section-Open"] tr[data-id]')).map(
      (r) => r.getAttribute('data-id') as string
    );
    const next = open[open.indexOf('company') + 1];
    await remove(element, 'company');
    expect(rowOf(element, 'company')).toBeNull();
    expect(active(element)).toBe(picker(element, next));
  });

  it('should add a mapping with the picker: direction-aware, already-mapped fields disabled', async () => {
    mock(getMappingState).mockResolvedValue(state());
    const { element } = await mount();
    const property = byId(element, 'add-property')!;
    expect(property.tagName).toBe('SELECT');
    expect(Array.from(property.options as HTMLOptionElement[]).map((o) => o.value)).toEqual(
      expect.arrayContaining(['', 'fax'])
    );
    expect(byId(element, 'add-direction')!.disabled).toBe(true);
    expect(picker(element, '__add__').disabled).toBe(true);
    expect(byId(element, 'add')!.disabled).toBe(true);
    change(property, 'fax');
    await flush();
    expect(byId(element, 'add-direction')!.value).toBe('Bidirectional');
    const input = picker(element, '__add__');
    input.click();
    await flush();
    const names = options(element).map((o) => o.dataset.name);
    expect(names).toEqual(expect.arrayContaining(['Fax', 'Other_Phone__c', 'Phone']));
    expect(option(element, 'Phone')!.getAttribute('aria-disabled')).toBe('true');
    // A disabled option cannot be picked.
    option(element, 'Phone')!.click();
    await flush();
    expect(byId(element, 'add')!.disabled).toBe(true);
    await type(input, 'other');
    expect(options(element).map((o) => o.dataset.name)).toEqual(['Other_Phone__c']);
    option(element, 'Other_Phone__c')!.click();
    await flush();
    expect(input.value).toBe('Other Phone (Other_Phone__c)');
    change(byId(element, 'add-direction'), 'AlowareToSalesforce');
    await flush();
    byId(element, 'add')!.click();
    await flush();
    expect(picker(element, 'fax').value).toContain('(Other_Phone__c)');
    expect(inRow(element, 'fax', 'direction-select')!.value).toBe('AlowareToSalesforce');
    expect(rowOf(element, 'fax')!.querySelector('[data-id="changed"]')!.textContent).toBe('Added');
    expect(active(element)).toBe(picker(element, 'fax'));
    expect(byId(element, 'add-property')!.value).toBe('');
  });

  it('should keep one current notice: Reset replaces it and an edit clears it; Discard goes back', async () => {
    mock(getMappingState).mockResolvedValue(state());
    const { element } = await mount();
    byId(element, 'reset-defaults')!.click();
    await flush();
    expect(rowOf(element, 'fax')).not.toBeNull();
    expect(byId(element, 'notice-title')!.textContent).toBe('Defaults loaded, not saved yet');
    expect(byId(element, 'unsaved')).not.toBeNull();
    change(inRow(element, 'city', 'direction-select'), 'AlowareToSalesforce');
    await flush();
    expect(byId(element, 'deploy-status')).toBeNull();
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
    await remove(element, 'company');
    const dirty = new CustomEvent('beforeunload', { cancelable: true });
    window.dispatchEvent(dirty);
    expect(dirty.defaultPrevented).toBe(true);
  });

  it('should review every change before saving, follow the deployment and drop the notice at the next edit', async () => {
    mock(getMappingState).mockResolvedValue(state());
    mock(saveMappings).mockResolvedValue({
      accepted: true,
      jobId: '0Af000000000001AAA',
      issues: [],
      message: 'Saving 3 mapping records.'
    });
    mock(getDeploymentStatus)
      .mockResolvedValueOnce({ status: 'InProgress', message: 'Still deploying…' })
      .mockResolvedValueOnce({ status: 'Succeeded', message: 'Mappings saved. The sync uses them from now on.' });
    const { element } = await mount();
    await remove(element, 'company');
    change(inRow(element, 'city', 'direction-select'), 'AlowareToSalesforce');
    await flush();
    byId(element, 'save')!.click();
    await flush();
    const review = byId(element, 'review')!;
    expect(review.querySelector('h2')!.textContent).toBe('Save 2 changes?');
    const items = Array.from(review.querySelectorAll('[data-id="review-list"] li')).map((li) => [
      li.getAttribute('data-property'),
      li.querySelector('strong')!.textContent,
      li.querySelector('[data-id="before"]')!.textContent,
      li.querySelector('[data-id="after"]')!.textContent
    ]);
    expect(items).toEqual([
      ['company', 'Company', 'Company (Company), Both ways (Aloware ↔ Salesforce)', 'not mapped'],
      ['city', 'City', 'City (City), Both ways (Aloware ↔ Salesforce)', 'City (City), Aloware → Salesforce only']
    ]);
    expect(saveMappings).not.toHaveBeenCalled();
    await expect(element).toBeAccessible();
    // "Keep editing" closes the review without saving.
    (review.querySelector('[data-id="dialog-cancel"]') as HTMLElement).click();
    await flush();
    expect(byId(element, 'review')).toBeNull();
    expect(saveMappings).not.toHaveBeenCalled();

    await saveAndConfirm(element);
    const sent = mock(saveMappings).mock.calls[0][0];
    expect(Object.keys(sent)).toEqual(['mappings']);
    expect(sent.mappings).toHaveLength(41);
    expect(sent.mappings.find((m: any) => m.alowareProperty === 'company')).toMatchObject({ active: false });
    expect(byId(element, 'deploy-status')!.textContent).toContain('Saving 3 mapping records.');
    expect(byId(element, 'save')!.disabled).toBe(true);
    expect(runLater).toHaveBeenLastCalledWith(expect.any(Function), DEPLOY_POLL_MS);
    await nextPoll();
    expect(getDeploymentStatus).toHaveBeenCalledWith({ jobId: '0Af000000000001AAA', mappings: sent.mappings });
    expect(byId(element, 'deploy-status')!.textContent).toContain('Still deploying');
    await nextPoll();
    expect(byId(element, 'notice-title')!.textContent).toBe('Mappings saved');
    expect(getMappingState).toHaveBeenCalledTimes(2);
    expect(byId(element, 'unsaved')).toBeNull();
    // The next edit makes "Mappings saved" untrue: it goes.
    change(inRow(element, 'city', 'direction-select'), 'SalesforceToAloware');
    await flush();
    expect(byId(element, 'deploy-status')).toBeNull();
    expect(byId(element, 'unsaved')).not.toBeNull();
  });

  it('should finish at once when Apex finds nothing to deploy', async () => {
    mock(getMappingState).mockResolvedValue(state());
    mock(saveMappings).mockResolvedValue({
      accepted: true,
      jobId: null,
      issues: [],
      message: 'Nothing changed: the mappings are already saved.'
    });
    const { element } = await mount();
    change(inRow(element, 'city', 'direction-select'), 'AlowareToSalesforce');
    await flush();
    await saveAndConfirm(element);
    expect(getDeploymentStatus).not.toHaveBeenCalled();
    expect(byId(element, 'deploy-message')!.textContent).toBe('Nothing changed: the mappings are already saved.');
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
    const { element } = await mount();
    change(inRow(element, 'city', 'direction-select'), 'AlowareToSalesforce');
    await flush();
    await saveAndConfirm(element);
    expect(byId(element, 'deploy-message')!.textContent).toBe('The mappings were not saved: 2 problems.');
    expect(inRow(element, 'city', 'row-notes')!.textContent).toContain('City is read-only for you.');
    expect(byId(element, 'general-issues')!.textContent).toContain('Org-level problem.');
    expect(getDeploymentStatus).not.toHaveBeenCalled();
  });

  it('should map a failed deployment back to its row (highlighted, focused, in row terms) and save again', async () => {
    mock(getMappingState).mockResolvedValue(state());
    const failure =
      'The mappings were not saved. The deployment failed: Lead_city: Field Town__c is not available for mapping. ' +
      'Your changes are still on the page: correct them and save again.';
    mock(saveMappings)
      .mockResolvedValueOnce({ accepted: true, jobId: '0Af000000000001AAA', issues: [], message: 'Queued.' })
      .mockResolvedValueOnce({ accepted: true, jobId: '0Af000000000002AAA', issues: [], message: 'Queued again.' });
    mock(getDeploymentStatus)
      .mockResolvedValueOnce({ status: 'InProgress', message: 'Deploying: 1 record is not updated yet.' })
      .mockResolvedValueOnce({ status: 'Failed', message: failure })
      .mockResolvedValueOnce({ status: 'Succeeded', message: 'Mappings saved. The sync uses them from now on.' });
    const { element } = await mount();
    change(inRow(element, 'city', 'direction-select'), 'AlowareToSalesforce');
    await flush();
    await saveAndConfirm(element);
    await nextPoll();
    expect(byId(element, 'deploy-failed')).toBeNull();
    await nextPoll();

    expect(byId(element, 'deploy-failed')!.textContent).toBe('The mappings were not saved');
    const message = byId(element, 'deploy-message')!.textContent!;
    expect(message).toContain('Salesforce refused the City row');
    expect(message).not.toContain('Lead_city');
    expect(rowOf(element, 'city')!.className).toContain('slds-has-error');
    expect(inRow(element, 'city', 'row-notes')!.textContent).toBe(
      'Not saved: Salesforce refused City → City. Field Town__c is not available for mapping.'
    );
    expect(active(element)).toBe(picker(element, 'city'));
    // Nothing was reloaded: the edit is still on screen, unsaved, and Save is enabled again.
    expect(getMappingState).toHaveBeenCalledTimes(1);
    expect(inRow(element, 'city', 'direction-select')!.value).toBe('AlowareToSalesforce');
    expect(byId(element, 'save')!.disabled).toBe(false);
    await expect(element).toBeAccessible();

    // Saving again sends the same edits and follows the new job to success; the row's failure goes.
    await saveAndConfirm(element);
    const [first, second] = mock(saveMappings).mock.calls.map((c) => c[0]);
    expect(second).toEqual(first);
    expect(byId(element, 'deploy-failed')).toBeNull();
    expect(inRow(element, 'city', 'row-notes')).toBeNull();
    await nextPoll();
    expect(getDeploymentStatus).toHaveBeenLastCalledWith({ jobId: '0Af000000000002AAA', mappings: second.mappings });
    expect(byId(element, 'notice-title')!.textContent).toBe('Mappings saved');
    expect(getMappingState).toHaveBeenCalledTimes(2);
  });

  it('should report a save that throws, an unmapped failure, a deployment that never finishes and an unreadable status', async () => {
    mock(getMappingState).mockResolvedValue(state());
    const { element } = await mount();
    change(inRow(element, 'city', 'direction-select'), 'AlowareToSalesforce');
    await flush();
    mock(saveMappings).mockRejectedValueOnce({ body: { message: 'You need the Aloware Admin permission set.' } });
    await saveAndConfirm(element);
    expect(byId(element, 'deploy-message')!.textContent).toBe('You need the Aloware Admin permission set.');

    mock(saveMappings).mockResolvedValue({ accepted: true, jobId: '0Af1', issues: [], message: 'Queued.' });
    mock(getDeploymentStatus).mockResolvedValueOnce({
      status: 'Failed',
      message: 'Deploy failed: field not writable.'
    });
    await saveAndConfirm(element);
    await nextPoll();
    expect(byId(element, 'deploy-message')!.textContent).toBe('Deploy failed: field not writable.');
    expect(byId(element, 'deploy-status')!.className).toContain('slds-theme_error');

    mock(getDeploymentStatus).mockResolvedValue({ status: 'InProgress', message: 'Still deploying…' });
    await saveAndConfirm(element);
    for (let i = 0; i < DEPLOY_POLL_LIMIT; i++) {
      // eslint-disable-next-line no-await-in-loop -- each poll waits for the previous one
      await nextPoll();
    }
    expect(mockScheduled).toHaveLength(0);
    expect(byId(element, 'deploy-status')!.textContent).toContain('Deployment Status');

    mock(getDeploymentStatus).mockRejectedValueOnce({ body: { message: 'Status unavailable' } });
    await saveAndConfirm(element);
    await nextPoll();
    expect(byId(element, 'deploy-failed')!.textContent).toBe('The deployment status could not be read');
    expect(byId(element, 'deploy-status')!.textContent).toContain('Status unavailable');
  });

  it('should show a view-only user the mapping without validation errors or edit controls', async () => {
    // A broken mapping (a field the org does not have) would be "problems" for an admin; a view-only user cannot fix them.
    mock(getMappingState).mockResolvedValue(
      state((s) => {
        s.canEdit = false;
        s.mappings = s.mappings.map((m: any) => {
          return m.alowareProperty === 'company' ? { ...m, salesforceField: 'Nope__c' } : m;
        });
      })
    );
    const { element } = await mount();
    expect(byId(element, 'read-only-note')!.textContent).toContain('Aloware Admin permission set');
    expect(byId(element, 'error-summary')).toBeNull();
    expect(root(element).querySelector('[data-id="row-notes"]')).toBeNull();
    expect(root(element).querySelector('.slds-has-error')).toBeNull();
    expect(root(element).querySelector('[data-id="field-picker"]')).toBeNull();
    expect(root(element).querySelector('[data-id="remove"]')).toBeNull();
    expect(byId(element, 'add-mapping')).toBeNull();
    expect(byId(element, 'footer')).toBeNull();
    expect(rowOf(element, 'first_name')!.textContent).toContain('FirstName');
    expect(rowOf(element, 'company')!.textContent).toContain('Nope__c');
    await expect(element).toBeAccessible();
  });

  /** Opens "Test mapping" (closed at first: its controls render only when opened). */
  async function openTest(element: HTMLElement): Promise<void> {
    byId(element, 'test-toggle')!.click();
    await flush();
  }

  it('should keep "Test mapping" closed until the admin opens it, and keep what was typed when it is closed', async () => {
    mock(getMappingState).mockResolvedValue(state());
    const { element } = await mount();
    const toggle = byId(element, 'test-toggle')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(byId(element, 'test-mapping')!.classList.contains('slds-is-open')).toBe(false);
    expect(byId(element, 'lead-search')).toBeNull();
    expect(byId(element, 'sample-contact')).toBeNull();
    await openTest(element);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(byId(element, 'test-mapping')!.classList.contains('slds-is-open')).toBe(true);
    change(byId(element, 'lead-search'), 'Ada');
    await openTest(element);
    expect(byId(element, 'lead-search')).toBeNull();
    await openTest(element);
    expect(byId(element, 'lead-search')!.value).toBe('Ada');
    await expect(element).toBeAccessible();
  });

  it('should test the mapping against a Lead: redacted outbound payload and inbound changes', async () => {
    mock(getMappingState).mockResolvedValue(state());
    mock(searchLeads).mockResolvedValue([{ id: '00Q000000000001AAA', label: 'Ada Byron · ada@example.com' }]);
    mock(getPreviewData).mockResolvedValue(PREVIEW);
    const { element } = await mount();
    await openTest(element);
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
    await openTest(element);
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
    await openTest(element);
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
    change(inRow(element, 'first_name', 'direction-select'), 'SalesforceToAloware');
    await pick(element, 'first_name', FORMULA.name);
    change(inRow(element, 'first_name', 'direction-select'), 'Bidirectional');
    await flush();
    expect(byId(element, 'error-summary')).not.toBeNull();
    picker(element, 'company').click();
    await flush();
    await expect(element).toBeAccessible();
    const controls = root(element).querySelectorAll(
      'lightning-button, lightning-button-icon, lightning-input, lightning-combobox, lightning-textarea, input, a'
    );
    expect(controls.length).toBeGreaterThan(30);
    controls.forEach((c) => expect(c.getAttribute('tabindex')).not.toBe('-1'));
    root(element)
      .querySelectorAll('lightning-combobox')
      .forEach((c) => expect((c as El).label).toBeTruthy());
    root(element)
      .querySelectorAll('input[role="combobox"]')
      .forEach((c) => expect(c.getAttribute('aria-label') ?? c.id).toBeTruthy());
  });
});
