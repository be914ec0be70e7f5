import { createElement } from 'lwc';
import AlowareEngagementCard, {
  CLOCK_TICK_MS,
  OPTIONAL_FIELDS,
  PREVIEW_LENGTH,
  VIEWER_LOCALE,
  VIEWER_TIME_ZONE
} from 'c/alowareEngagementCard';
import { getRecord } from 'lightning/uiRecordApi';
import { refreshApex } from '@salesforce/apex';
import getEngagementStatus from '@salesforce/apex/AlowareEngagementController.getEngagementStatus';

// The rep's locale and zone: not the jest defaults (en-US, America/Los_Angeles), to prove the card uses them.
jest.mock('@salesforce/i18n/locale', () => ({ default: 'en-GB' }), { virtual: true });
jest.mock('@salesforce/i18n/timeZone', () => ({ default: 'Asia/Tokyo' }), { virtual: true });
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });
jest.mock(
  '@salesforce/apex/AlowareEngagementController.getEngagementStatus',
  () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const LEAD = require('./data/leadWithEngagement.json');

// eslint-disable-next-line @lwc/lwc/no-unexpected-wire-adapter-usages -- the jest stub adapter is driven directly
const getRecordAdapter = getRecord as unknown as {
  emit: (value: unknown) => void;
  error: (body?: unknown) => void;
  getLastConfig: () => any;
};

const statusAdapter = getEngagementStatus as unknown as {
  emit: (value: unknown) => void;
  error: (body?: unknown) => void;
  getLastConfig: () => any;
};

/** Settles the re-render (microtasks only, so it also works under fake timers). */
const flush = (): Promise<void> =>
  Promise.resolve()
    .then(() => undefined)
    .then(() => undefined)
    .then(() => undefined)
    .then(() => undefined);

/** "Now" for every test: 2026-12-01 12:00 UTC (21:00 in Tokyo). The clock is never read for real. */
const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const MINUTE = 60_000;
const iso = (ms: number): string => new Date(ms).toISOString();

const STATUS = {
  contactLinkTemplate: 'https://app.aloware.com/contacts/{id}',
  phoneFieldLabel: 'Phone',
  hasPhone: true,
  syncLogReadable: true,
  sync: { status: 'Succeeded', completedAt: iso(NOW - 2 * MINUTE), createdAt: iso(NOW - 3 * MINUTE) }
};

function status(change: Partial<typeof STATUS> | Record<string, unknown> = {}): unknown {
  return { ...JSON.parse(JSON.stringify(STATUS)), ...change };
}

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
  beforeEach(() => {
    jest.spyOn(Date, 'now').mockReturnValue(NOW);
  });

  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.restoreAllMocks();
    jest.useRealTimers();
    (refreshApex as jest.Mock).mockClear();
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
    expect(inboundCall.textContent).toContain('Disposition: Interested');
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
    expect(byId(element, 'last-engagement')!.querySelector('time')).not.toBeNull();
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
        f.Aloware_Contact_ID__c.value = null;
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

  it('should show every time in the rep locale and zone with how long ago, the recorded value in the tooltip', async () => {
    expect([VIEWER_LOCALE, VIEWER_TIME_ZONE]).toEqual(['en-GB', 'Asia/Tokyo']);
    const element = await mount();
    getRecordAdapter.emit(lead());
    await flush();
    const inboundCall = byId(element, 'inbound-call')!;
    const time = inboundCall.querySelector('time')!;
    // 2026-11-20 08:33:16-07:00 is 15:33:16 UTC, already the 21st in Tokyo.
    expect(time.querySelector('[data-id="relative"]')!.textContent).toBe('10 days ago');
    expect(time.querySelector('[data-id="absolute"]')!.textContent).toBe('21 Nov 2026, 00:33 GMT+9');
    expect(time.getAttribute('datetime')).toBe('2026-11-20T15:33:16.000Z');
    expect(time.getAttribute('title')).toBe('Recorded by Aloware as 2026-11-20 08:33:16-07:00');
    expect(inboundCall.textContent).not.toContain('-07:00');
    // The last engagement is the outbound text: both say the same moment in the same zone.
    const outboundText = byId(element, 'outbound-text')!.querySelector('[data-id="absolute"]')!.textContent;
    expect(outboundText).toBe('21 Nov 2026, 18:05 GMT+9');
    expect(byId(element, 'last-engagement')!.textContent).toContain('21 Nov 2026, 18:05 GMT+9');
    expect(byId(element, 'last-engagement')!.textContent).toContain('10 days ago');
  });

  it('should keep "x ago" current while the page stays open', async () => {
    jest.useFakeTimers({ now: NOW, doNotFake: ['queueMicrotask', 'nextTick'] });
    const element = await mount();
    getRecordAdapter.emit(lead());
    statusAdapter.emit(status());
    await flush();
    expect(byId(element, 'sync-status')!.textContent).toContain('Synced 2 minutes ago');
    // Fake timers move the fake clock with them: five ticks are five minutes.
    jest.advanceTimersByTime(5 * CLOCK_TICK_MS);
    await flush();
    expect(byId(element, 'sync-status')!.textContent).toContain('Synced 7 minutes ago');
    document.body.removeChild(element);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('should ask the controller for this Lead and show the sync status lines', async () => {
    const element = await mount();
    expect(statusAdapter.getLastConfig()).toEqual({ leadId: '00Q000000000001AAA' });
    getRecordAdapter.emit(lead());
    statusAdapter.emit(status());
    await flush();
    const line = byId(element, 'sync-status')!;
    expect(line.textContent).toContain('Synced 2 minutes ago');
    expect(line.querySelector('p')!.getAttribute('title')).toBe('1 Dec 2026, 20:58 GMT+9');
    expect((line.querySelector('lightning-icon') as any).iconName).toBe('utility:success');

    statusAdapter.emit(
      status({ sync: { status: 'Retrying', outcome: 'RATE_LIMITED', nextAttemptAt: iso(NOW + 4 * MINUTE) } })
    );
    await flush();
    expect(byId(element, 'sync-status')!.textContent).toContain('Waiting to retry: Aloware rate limit');
    expect(byId(element, 'sync-status')!.textContent).toContain('Next attempt in 4 minutes');

    statusAdapter.emit(
      status({ sync: { status: 'Failed', outcome: 'INVALID', errorMessage: 'The email field must be a valid email.' } })
    );
    await flush();
    expect(byId(element, 'sync-status')!.textContent).toContain('Sync failed: The email field must be a valid email.');
    await expect(element).toBeAccessible();
  });

  it('should say "Waiting to be sent" for a change recorded by the trigger and not yet in the sync log', async () => {
    const element = await mount();
    getRecordAdapter.emit(lead());
    statusAdapter.emit(status({ sync: { status: 'Pending', queued: true, createdAt: iso(NOW - 3 * MINUTE) } }));
    await flush();
    const line = byId(element, 'sync-status')!;
    expect(line.textContent).toContain('Waiting to be sent');
    expect(line.textContent).not.toContain('Next attempt');
    expect(line.querySelector('p')!.getAttribute('title')).toBe('1 Dec 2026, 20:57 GMT+9');

    statusAdapter.emit(status({ sync: { status: 'Pending', nextAttemptAt: iso(NOW - MINUTE) } }));
    await flush();
    expect(byId(element, 'sync-status')!.textContent).toContain('Waiting to sync');
    await expect(element).toBeAccessible();
  });

  it('should omit the sync line for a rep who may not read the sync log, or when the status cannot be read', async () => {
    const element = await mount();
    getRecordAdapter.emit(lead());
    statusAdapter.emit(status({ syncLogReadable: false, sync: null }));
    await flush();
    expect(byId(element, 'sync-status')).toBeNull();
    expect(byId(element, 'inbound-call')).not.toBeNull();
    statusAdapter.error({ message: 'No access' });
    await flush();
    expect(byId(element, 'sync-status')).toBeNull();
    expect(byId(element, 'error')).toBeNull();
    expect((byId(element, 'open-in-aloware') as HTMLAnchorElement).href).toBe('https://app.aloware.com/contacts/4242');
  });

  it('should say a Lead without a phone can never sync instead of promising engagement', async () => {
    const element = await mount();
    getRecordAdapter.emit(
      lead((f) => {
        for (const [name, entry] of Object.entries(f)) {
          if (name.startsWith('Aloware_Total')) entry.value = 0;
          else if (name.startsWith('Aloware_Last')) entry.value = null;
        }
        f.Aloware_DNC__c.value = false;
        f.Aloware_Lead_Link__c.value = null;
        f.Aloware_Contact_ID__c.value = null;
      })
    );
    statusAdapter.emit(status({ hasPhone: false, sync: null }));
    await flush();
    expect(byId(element, 'sync-status')!.textContent).toContain('Not syncing: this Lead has no phone');
    expect(byId(element, 'sync-status')!.textContent).toContain('add a phone to sync this Lead');
    expect(byId(element, 'empty')!.textContent).toContain('cannot sync with Aloware');
    expect(byId(element, 'empty')!.textContent).not.toContain('will appear here');
    await expect(element).toBeAccessible();
  });

  it('should open the contact in Aloware from its id when the stored link is blank', async () => {
    const element = await mount();
    getRecordAdapter.emit(
      lead((f) => {
        f.Aloware_Lead_Link__c.value = null;
        f.Aloware_Contact_ID__c.value = '5003';
      })
    );
    await flush();
    // No template yet (status not loaded): no link is guessed.
    expect(byId(element, 'open-in-aloware')).toBeNull();
    statusAdapter.emit(status({ contactLinkTemplate: 'https://app.aloware.io/contacts/{id}' }));
    await flush();
    const link = byId(element, 'open-in-aloware') as HTMLAnchorElement;
    expect(link.href).toBe('https://app.aloware.io/contacts/5003');
    expect(link.textContent).toContain('opens in a new tab');
    // A stored https link is the sync's own and wins.
    getRecordAdapter.emit(lead((f) => (f.Aloware_Contact_ID__c.value = '5003')));
    await flush();
    expect((byId(element, 'open-in-aloware') as HTMLAnchorElement).href).toBe('https://app.aloware.com/contacts/4242');
  });

  it("should show each call's own disposition and the generic one only when it matches the latest call", async () => {
    const element = await mount();
    statusAdapter.emit(status());
    // Inbound call on Nov 20 (Interested), outbound call later on Nov 24 (Left Voicemail).
    const twoCalls = (generic: string | null) =>
      lead((f) => {
        f.Aloware_Last_Outbound_Call_Date__c.value = '2026-11-24';
        f.Aloware_Last_Outbound_Call_Time__c.value = '14:05:40-07:00';
        f.Aloware_Last_Outbound_Call_Disposition__c.value = 'Left Voicemail';
        f.Aloware_Last_Call_Disposition__c.value = generic;
      });
    getRecordAdapter.emit(twoCalls('Interested'));
    await flush();
    expect(byId(element, 'inbound-call')!.textContent).toContain('Disposition: Interested');
    expect(byId(element, 'outbound-call')!.textContent).toContain('Disposition: Left Voicemail');
    expect(byId(element, 'last-disposition')).toBeNull();
    getRecordAdapter.emit(twoCalls('left voicemail'));
    await flush();
    expect(byId(element, 'last-disposition')!.textContent).toContain('Last call disposition: left voicemail');
    // Same day, no offsets: which call came last cannot be told, so the generic one must match one of them.
    const sameDay = (generic: string) =>
      lead((f) => {
        f.Aloware_Last_Inbound_Call_Time__c.value = '08:00:00';
        f.Aloware_Last_Outbound_Call_Date__c.value = '2026-11-20';
        f.Aloware_Last_Outbound_Call_Time__c.value = '09:00:00';
        f.Aloware_Last_Outbound_Call_Disposition__c.value = 'Left Voicemail';
        f.Aloware_Last_Call_Disposition__c.value = generic;
      });
    getRecordAdapter.emit(sameDay('Interested'));
    await flush();
    expect(byId(element, 'last-disposition')!.textContent).toContain('Interested');
    getRecordAdapter.emit(sameDay('Wrong Number'));
    await flush();
    expect(byId(element, 'last-disposition')).toBeNull();
    // The latest call without a disposition of its own cannot contradict the generic one.
    getRecordAdapter.emit(
      lead((f) => {
        f.Aloware_Last_Outbound_Call_Date__c.value = '2026-11-24';
        f.Aloware_Last_Outbound_Call_Time__c.value = '14:05:40-07:00';
        f.Aloware_Last_Call_Disposition__c.value = 'Appointment Set';
      })
    );
    await flush();
    expect(byId(element, 'last-disposition')!.textContent).toContain('Appointment Set');
  });

  it('should put the DNC warning first, before the sync status and the engagement', async () => {
    const element = await mount();
    getRecordAdapter.emit(lead());
    statusAdapter.emit(
      status({ sync: { status: 'Failed', errorMessage: 'Aloware rejected the token.', completedAt: iso(NOW) } })
    );
    await flush();
    const order = Array.from(element.shadowRoot!.querySelectorAll('[data-id]')).map((n) => n.getAttribute('data-id'));
    const body = order.filter((id) => id !== 'open-in-aloware');
    expect(body[0]).toBe('dnc-warning');
    expect(body.indexOf('sync-status')).toBeLessThan(body.indexOf('inbound-call'));
  });

  it('should fetch an open entry again on the minute tick, and a settled one never', async () => {
    jest.useFakeTimers({ now: NOW, doNotFake: ['queueMicrotask', 'nextTick'] });
    await mount();
    getRecordAdapter.emit(lead());
    statusAdapter.emit(status({ sync: { status: 'Retrying', outcome: 'RATE_LIMITED' } }));
    await flush();
    jest.advanceTimersByTime(CLOCK_TICK_MS);
    expect(refreshApex).toHaveBeenCalledTimes(1);
    statusAdapter.emit(status());
    await flush();
    jest.advanceTimersByTime(3 * CLOCK_TICK_MS);
    expect(refreshApex).toHaveBeenCalledTimes(1);
  });

  it('should refresh the sync status when the record changes', async () => {
    await mount();
    getRecordAdapter.emit(lead());
    statusAdapter.emit(status());
    await flush();
    expect(refreshApex).not.toHaveBeenCalled();
    getRecordAdapter.emit(lead((f) => (f.Aloware_Total_Inbound_Calls__c.value = 4)));
    await flush();
    expect(refreshApex).toHaveBeenCalledTimes(1);
    expect((refreshApex as jest.Mock).mock.calls[0][0]).toEqual(expect.objectContaining({ data: status() }));
  });
});
