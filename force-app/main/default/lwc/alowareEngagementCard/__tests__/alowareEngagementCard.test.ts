import { createElement } from 'lwc';
import AlowareEngagementCard, { OPTIONAL_FIELDS, PREVIEW_LENGTH } from 'c/alowareEngagementCard';
import { getRecord } from 'lightning/uiRecordApi';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const LEAD = require('./data/leadWithEngagement.json');

// eslint-disable-next-line @lwc/lwc/no-unexpected-wire-adapter-usages -- the jest stub adapter is driven directly
const getRecordAdapter = getRecord as unknown as {
  emit: (value: unknown) => void;
  error: (body?: unknown) => void;
  getLastConfig: () => any;
};

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

type Fields = Record<string, { value: unknown; displayValue: string | null }>;

function lead(change: (fields: Fields) => void = () => undefined): unknown {
  const copy = JSON.parse(JSON.stringify(LEAD));
  change(copy.fields);
  return copy;
}

async function mount(): Promise<HTMLElement> {
  const element = createElement('c-aloware-engagement-card', { is: AlowareEngagementCard }) as HTMLElement & {
    recordId: string;
  };
  element.recordId = '00Q000000000001AAA';
  document.body.appendChild(element);
  await flush();
  return element;
}

function byId(element: HTMLElement, id: string): (HTMLElement & Record<string, any>) | null {
  return element.shadowRoot!.querySelector(`[data-id="${id}"]`);
}

describe('c-aloware-engagement-card', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('should ask the UI API for every field as optional so unreadable fields are left out', async () => {
    const element = await mount();
    const config = getRecordAdapter.getLastConfig();
    expect(config.recordId).toBe('00Q000000000001AAA');
    expect(config.fields).toBeUndefined();
    expect(config.optionalFields).toBe(OPTIONAL_FIELDS);
    expect(OPTIONAL_FIELDS.map((f) => f.fieldApiName)).toEqual(
      expect.arrayContaining(['DoNotCall', 'Aloware_DNC__c', 'Aloware_TCPA_Approved__c', 'Aloware_Last_Engagement__c'])
    );
    expect(element.shadowRoot!.querySelector('lightning-spinner')).not.toBeNull();
  });

  it('should show calls, texts, totals, last engagement, the DNC warning, the TCPA badge and the Aloware link', async () => {
    const element = await mount();
    getRecordAdapter.emit(lead());
    await flush();
    expect(element.shadowRoot!.querySelector('lightning-spinner')).toBeNull();
    expect(byId(element, 'dnc-warning')!.textContent).toContain('marked Do Not Call in Aloware.');
    expect(byId(element, 'tcpa-badge')!.label).toBe('TCPA approved');
    const link = byId(element, 'open-in-aloware') as HTMLAnchorElement;
    expect(link.href).toBe('https://app.aloware.com/contacts/4242');
    expect(link.target).toBe('_blank');
    expect(link.rel).toBe('noopener noreferrer');
    const inboundCall = byId(element, 'inbound-call')!;
    expect(inboundCall.textContent).toContain('08:33:16-07:00');
    expect(inboundCall.textContent).toContain('Disposition: Interested');
    expect(
      inboundCall.querySelector('lightning-formatted-date-time')!.getAttribute('time-zone') ??
        (inboundCall.querySelector('lightning-formatted-date-time') as any).timeZone
    ).toBe('UTC');
    expect(byId(element, 'outbound-call')!.textContent).toContain('None yet');
    const preview = byId(element, 'inbound-text')!.textContent!;
    expect(preview).toContain('…');
    expect(preview.length).toBeLessThan(PREVIEW_LENGTH + 60);
    expect(byId(element, 'outbound-text')!.textContent).toContain('“Thanks, talk soon”');
    const totals = Array.from(byId(element, 'totals')!.querySelectorAll('lightning-formatted-number')).map(
      (n: any) => n.value
    );
    expect(totals).toEqual([3, 0, 1, 1]);
    expect(byId(element, 'last-disposition')!.textContent).toContain('Interested');
    expect(byId(element, 'last-engagement')!.querySelector('lightning-formatted-date-time')).not.toBeNull();
    expect(byId(element, 'empty')).toBeNull();
  });

  it('should name both sources in the DNC warning and mark a missing TCPA approval', async () => {
    const element = await mount();
    getRecordAdapter.emit(
      lead((f) => {
        f.DoNotCall.value = true;
        f.Aloware_TCPA_Approved__c.value = false;
      })
    );
    await flush();
    expect(byId(element, 'dnc-warning')!.textContent).toContain('in Aloware and Salesforce');
    expect(byId(element, 'tcpa-badge')!.label).toBe('TCPA not approved');
    expect(byId(element, 'tcpa-badge')!.iconName).toBe('utility:warning');
  });

  it('should show the empty state for a Lead with no engagement and no DNC', async () => {
    const element = await mount();
    getRecordAdapter.emit(
      lead((f) => {
        for (const [name, entry] of Object.entries(f)) {
          if (name.startsWith('Aloware_Total')) entry.value = 0;
          else if (name.startsWith('Aloware_Last')) entry.value = null;
        }
        f.Aloware_DNC__c.value = false;
        f.Aloware_Lead_Link__c.value = null;
      })
    );
    await flush();
    expect(byId(element, 'empty')!.textContent).toContain('No Aloware engagement yet');
    expect(byId(element, 'dnc-warning')).toBeNull();
    expect(byId(element, 'open-in-aloware')).toBeNull();
    expect(byId(element, 'totals')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('should hide everything the user cannot read (field-level security)', async () => {
    const element = await mount();
    getRecordAdapter.emit(
      lead((f) => {
        delete f.Aloware_TCPA_Approved__c;
        delete f.Aloware_Total_Inbound_Calls__c;
        delete f.Aloware_Total_Outbound_Calls__c;
        delete f.Aloware_Last_Outbound_Call_Date__c;
        delete f.Aloware_Last_Outbound_Call_Time__c;
        delete f.Aloware_Last_Outbound_Call_Disposition__c;
        delete f.Aloware_Last_Engagement__c;
      })
    );
    await flush();
    expect(byId(element, 'tcpa-badge')).toBeNull();
    expect(byId(element, 'outbound-call')).toBeNull();
    expect(byId(element, 'inbound-call')).not.toBeNull();
    expect(byId(element, 'last-engagement')).toBeNull();
    const labels = Array.from(byId(element, 'totals')!.querySelectorAll('li')).map((li) => li.textContent);
    expect(labels.join('|')).not.toContain('calls');
    expect(labels).toHaveLength(2);
  });

  it('should say so when no engagement field is readable', async () => {
    const element = await mount();
    getRecordAdapter.emit({
      id: '00Q000000000001AAA',
      apiName: 'Lead',
      fields: { DoNotCall: { value: false, displayValue: null } }
    });
    await flush();
    expect(byId(element, 'no-access')!.textContent).toContain('Aloware User permission set');
    expect(byId(element, 'empty')).toBeNull();
    expect(byId(element, 'dnc-warning')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('should show "none yet" for a readable but empty last engagement', async () => {
    const element = await mount();
    getRecordAdapter.emit(lead((f) => (f.Aloware_Last_Engagement__c.value = null)));
    await flush();
    expect(byId(element, 'last-engagement')!.textContent).toContain('none yet');
  });

  it('should never link to a non-https Aloware link', async () => {
    const element = await mount();
    getRecordAdapter.emit(lead((f) => (f.Aloware_Lead_Link__c.value = ['javascript', 'alert(1)'].join(':'))));
    await flush();
    expect(byId(element, 'open-in-aloware')).toBeNull();
    getRecordAdapter.emit(lead((f) => (f.Aloware_Lead_Link__c.value = 'not a url')));
    await flush();
    expect(byId(element, 'open-in-aloware')).toBeNull();
  });

  it('should show the error when the record cannot be loaded', async () => {
    const element = await mount();
    getRecordAdapter.error({ message: 'The requested resource does not exist' });
    await flush();
    expect(byId(element, 'error')!.textContent).toContain('does not exist');
    expect(element.shadowRoot!.querySelector('lightning-spinner')).toBeNull();
    expect(byId(element, 'empty')).toBeNull();
  });

  it('should be accessible and keyboard operable with engagement shown', async () => {
    const element = await mount();
    getRecordAdapter.emit(lead());
    await flush();
    await expect(element).toBeAccessible();
    const link = byId(element, 'open-in-aloware') as HTMLAnchorElement;
    expect(link.tagName).toBe('A');
    expect(link.getAttribute('href')).toBeTruthy();
    expect(link.getAttribute('tabindex')).toBeNull();
    link.focus();
    expect(element.shadowRoot!.activeElement).toBe(link);
  });
});
