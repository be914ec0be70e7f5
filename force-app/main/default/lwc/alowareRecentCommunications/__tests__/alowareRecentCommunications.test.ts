import { createElement } from 'lwc';
import AlowareRecentCommunications, { relativeTime } from 'c/alowareRecentCommunications';
import getRecentCommunications from '@salesforce/apex/AlowareRecentCommunicationsController.getRecentCommunications';
import { getRecord } from 'lightning/uiRecordApi';
import { refreshApex } from '@salesforce/apex';

jest.mock(
  '@salesforce/apex/AlowareRecentCommunicationsController.getRecentCommunications',
  () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

type TestAdapter = { emit: (value: unknown) => void; error: (body?: unknown) => void; getLastConfig: () => any };
const communicationsAdapter = getRecentCommunications as unknown as TestAdapter;
// eslint-disable-next-line @lwc/lwc/no-unexpected-wire-adapter-usages -- the jest stub adapter is driven directly
const recordAdapter = getRecord as unknown as TestAdapter;
const mockRefreshApex = refreshApex as unknown as jest.Mock;

const LEAD_ID = '00Q000000000001AAA';
const NOW = new Date('2026-12-02T10:00:00Z');
const minutesAgo = (minutes: number): string => new Date(NOW.getTime() - minutes * 60000).toISOString();

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function mount(): Promise<HTMLElement & { shadowRoot: ShadowRoot }> {
  const element = createElement('c-aloware-recent-communications', {
    is: AlowareRecentCommunications
  }) as HTMLElement & {
    recordId: string;
    shadowRoot: ShadowRoot;
  };
  element.recordId = LEAD_ID;
  document.body.appendChild(element);
  await flush();
  return element;
}

function all(element: HTMLElement, id: string): HTMLElement[] {
  return Array.from(element.shadowRoot!.querySelectorAll(`[data-id="${id}"]`));
}

function byId(element: HTMLElement, id: string): (HTMLElement & Record<string, any>) | null {
  return element.shadowRoot!.querySelector(`[data-id="${id}"]`);
}

const ITEMS = [
  {
    id: '00T000000000001AAA',
    subject: 'Outbound call — Appointment Set',
    channel: 'Call',
    direction: 'Outbound',
    disposition: 'Appointment Set',
    occurredAt: minutesAgo(5)
  },
  {
    id: '00T000000000002AAA',
    subject: 'Inbound text',
    channel: 'SMS',
    direction: 'Inbound',
    disposition: null,
    occurredAt: minutesAgo(60 * 26)
  },
  {
    id: '00T000000000003AAA',
    subject: 'Missed inbound call',
    channel: 'Call',
    direction: 'Inbound',
    disposition: null,
    occurredAt: minutesAgo(60 * 24 * 40)
  }
];

describe('c-aloware-recent-communications', () => {
  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['setTimeout', 'nextTick', 'setImmediate', 'queueMicrotask'] });
    jest.setSystemTime(NOW);
  });
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.useRealTimers();
    jest.clearAllMocks();
  });

  it('should ask the controller for the communications of the Lead on the page', async () => {
    await mount();
    expect(communicationsAdapter.getLastConfig()).toEqual({ leadId: LEAD_ID });
  });

  it('should show a spinner until the answer arrives', async () => {
    const element = await mount();
    expect(element.shadowRoot!.querySelector('lightning-spinner')).not.toBeNull();
  });

  it('should list the communications with relative time, kind and disposition, and link to the timeline', async () => {
    const element = await mount();
    communicationsAdapter.emit({ canRead: true, items: ITEMS });
    await flush();
    const rows = all(element, 'communication');
    expect(rows).toHaveLength(3);
    expect(rows[0].textContent).toContain('Outbound call — Appointment Set');
    expect(rows[0].textContent).toContain('Outbound call');
    expect(byId(element, 'disposition')!.textContent).toBe('Disposition: Appointment Set');
    const times = all(element, 'relative-time');
    expect(times.map((t) => t.textContent)).toEqual(['5 min. ago', 'yesterday', 'last mo.']);
    expect(times[0].getAttribute('datetime')).toBe(ITEMS[0].occurredAt);
    expect(times[0].getAttribute('title')).toMatch(/2026/);
    const textIcon = rows[1].querySelector('lightning-icon') as HTMLElement & {
      iconName: string;
      alternativeText: string;
    };
    expect(textIcon.iconName).toBe('utility:chat');
    expect(textIcon.alternativeText).toBe('Inbound text');
    expect(byId(element, 'timeline-link')!.getAttribute('href')).toBe(
      `/lightning/r/Lead/${LEAD_ID}/related/ActivityHistories/view`
    );
    expect(byId(element, 'empty')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('should show the empty state when nothing is logged yet', async () => {
    const element = await mount();
    communicationsAdapter.emit({ canRead: true, items: [] });
    await flush();
    expect(byId(element, 'empty')!.textContent).toContain('No Aloware calls or texts logged yet');
    expect(all(element, 'communication')).toHaveLength(0);
    expect(byId(element, 'no-access')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('should show the no-access state when the user cannot read the logged communications', async () => {
    const element = await mount();
    communicationsAdapter.emit({ canRead: false, items: [] });
    await flush();
    expect(byId(element, 'no-access')!.textContent).toContain('Aloware User permission set');
    expect(byId(element, 'empty')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('should show the error when the controller fails', async () => {
    const element = await mount();
    communicationsAdapter.error({ message: 'Open a Lead to see its Aloware communications.' });
    await flush();
    expect(byId(element, 'error')!.textContent).toContain('Open a Lead');
    expect(element.shadowRoot!.querySelector('lightning-spinner')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('should refresh the list when the Lead changes (a communication also updates the Lead)', async () => {
    await mount();
    communicationsAdapter.emit({ canRead: true, items: [] });
    await flush();
    recordAdapter.emit({ id: LEAD_ID, apiName: 'Lead', fields: {} });
    await flush();
    expect(mockRefreshApex).toHaveBeenCalledTimes(1);
  });
});

describe('relativeTime', () => {
  it('should speak the user locale', () => {
    expect(relativeTime(minutesAgo(5), NOW, 'en-US')).toBe('5 min. ago');
    expect(relativeTime(minutesAgo(0), NOW, 'en-US')).toBe('now');
    expect(relativeTime(minutesAgo(120), NOW, 'de-DE')).toBe('vor 2 Std.');
    // French separates with a no-break space.
    expect(relativeTime(minutesAgo(60 * 24 * 3), NOW, 'fr-FR').replace(/\s/g, ' ')).toBe('il y a 3 j');
  });
});
