import { createElement } from 'lwc';
import { markupIcons } from '../../../../../../tests/lwc/sldsIcons';
import AlowareSetup, { SETUP_TABS } from 'c/alowareSetup';
import { runAfterPaint } from 'c/alowareUiUtils';
import getHealth from '@salesforce/apex/AlowareSetupHealthController.getHealth';

// The hosted components load their data from Apex: answer with never-settling promises so only the shell is tested.
jest.mock(
  '@salesforce/apex/AlowareMappingController.getMappingState',
  () => ({ default: jest.fn(() => new Promise(() => undefined)) }),
  { virtual: true }
);
jest.mock('@salesforce/apex/AlowareMappingController.saveMappings', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AlowareMappingController.getDeploymentStatus', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/AlowareMappingController.searchLeads', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AlowareMappingController.getPreviewData', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock(
  '@salesforce/apex/AlowareSettingsController.getSettings',
  () => ({ default: jest.fn(() => new Promise(() => undefined)) }),
  { virtual: true }
);
jest.mock('@salesforce/apex/AlowareSettingsController.saveSettings', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AlowareSettingsController.saveApiToken', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AlowareSettingsController.testConnection', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/AlowareSettingsController.rotateWebhookCredential', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/AlowareSettingsController.finishWebhookRotation', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/AlowareSettingsController.scheduleReconcile', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/AlowareOperationsController.startOperation', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/AlowareOperationsController.getOperationStatus', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock(
  '@salesforce/apex/AlowareSyncLogController.getLogPage',
  () => ({ default: jest.fn(() => new Promise(() => undefined)) }),
  { virtual: true }
);
jest.mock('@salesforce/apex/AlowareSyncLogController.getLogDetail', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AlowareSyncLogController.retryLogs', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AlowareSetupHealthController.getHealth', () => ({ default: jest.fn() }), { virtual: true });

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
/** When the page asks for what it loads after the panel is painted (queued after its own callback), then a task. */
const afterPaint = (): Promise<void> => new Promise<void>((resolve) => runAfterPaint(resolve)).then(flush);

async function mount(): Promise<HTMLElement> {
  const element = createElement('c-aloware-setup', { is: AlowareSetup });
  document.body.appendChild(element);
  await flush();
  return element;
}

const q = (element: HTMLElement, selector: string): HTMLElement | null => element.shadowRoot!.querySelector(selector);

describe('c-aloware-setup', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('should host mapping, settings and log tabs, starting on the mapping panel', async () => {
    const element = await mount();
    const tabs = Array.from(element.shadowRoot!.querySelectorAll('lightning-tab')) as (HTMLElement & {
      label: string;
      value: string;
    })[];
    expect(tabs.map((t) => [t.value, t.label])).toEqual(SETUP_TABS.map((t) => [t.value, t.label]));
    expect((q(element, 'lightning-tabset') as HTMLElement & { activeTabValue: string }).activeTabValue).toBe('mapping');
    expect(q(element, 'c-aloware-mapping-panel')).not.toBeNull();
    expect(q(element, 'c-aloware-sync-settings')).toBeNull();
    expect(q(element, 'c-aloware-sync-log')).toBeNull();
    expect(element.shadowRoot!.querySelector('h1')!.textContent).toBe('Aloware Setup');
  });

  it('should draw the icons of its first view as SLDS markup, with no lightning-icon before the health arrives', async () => {
    const element = await mount();
    const panel = q(element, 'c-aloware-mapping-panel')!.shadowRoot!;

    const icons = [...markupIcons(element.shadowRoot!), ...markupIcons(panel)];

    expect(icons.map((i) => [i.name, i.hidden, i.sldsPath])).toEqual([
      ['standard:call_coaching', true, true],
      ['utility:refresh', true, true],
      ['standard:data_mapping', true, true]
    ]);
    expect([q(element, 'lightning-icon'), panel.querySelector('lightning-icon')]).toEqual([null, null]);
    expect(q(element, '[data-id="health-refresh"]')!.textContent!.trim()).toBe('Refresh the sync health');
  });

  it('should mount a tab on first activation and keep the mapping panel mounted (unsaved edits survive)', async () => {
    const element = await mount();
    q(element, '[data-id="tab-log"]')!.dispatchEvent(new CustomEvent('active'));
    await flush();
    expect(q(element, 'c-aloware-sync-log')).not.toBeNull();
    expect(q(element, 'c-aloware-mapping-panel')).not.toBeNull();
    q(element, '[data-id="tab-settings"]')!.dispatchEvent(new CustomEvent('active'));
    await flush();
    expect(q(element, 'c-aloware-sync-settings')).not.toBeNull();
    q(element, '[data-id="tab-log"]')!.dispatchEvent(new CustomEvent('active'));
    await flush();
    expect(element.shadowRoot!.querySelectorAll('c-aloware-sync-log')).toHaveLength(1);
    expect((q(element, 'lightning-tabset') as HTMLElement & { activeTabValue: string }).activeTabValue).toBe('log');
  });

  it('should ignore an activation from an unknown tab', async () => {
    const element = await mount();
    const tab = q(element, '[data-id="tab-log"]') as HTMLElement & { value: string };
    tab.value = 'billing';
    tab.dispatchEvent(new CustomEvent('active'));
    await flush();
    expect((q(element, 'lightning-tabset') as HTMLElement & { activeTabValue: string }).activeTabValue).toBe('mapping');
    expect(q(element, 'c-aloware-sync-log')).toBeNull();
  });

  it('should be accessible, with keyboard-operable tabs', async () => {
    const element = await mount();
    await expect(element).toBeAccessible();
    element.shadowRoot!.querySelectorAll('lightning-tab').forEach((tab) => {
      expect((tab as HTMLElement & { label: string }).label).toBeTruthy();
      expect(tab.getAttribute('tabindex')).not.toBe('-1');
    });
  });

  describe('health header', () => {
    const HEALTH = {
      hasApiToken: true,
      connectionState: 'verified',
      checkedAt: '2026-12-01T04:00:00.000Z',
      checkedBy: 'Avery Admin',
      connectionError: null,
      canReadLog: true,
      lastWebhookAt: '2026-12-01T03:00:00.000Z',
      lastTestPingAt: null,
      pendingLast24h: 2,
      failedLast24h: 3,
      windowStart: '2026-11-30T04:00:00.000Z',
      lastReconcileAt: null,
      reconcileMinutes: 60
    };
    const health = getHealth as unknown as jest.Mock;
    /** Mounts the page and lets the mapping panel report its state, which is when the header asks for its figures. */
    async function mountLoaded(): Promise<HTMLElement> {
      const element = await mount();
      q(element, 'c-aloware-mapping-panel')!.dispatchEvent(new CustomEvent('stateload'));
      await afterPaint();
      return element;
    }
    const text = (element: HTMLElement, id: string): string =>
      (q(element, `[data-id="${id}"]`)?.textContent ?? '').replace(/\s+/g, ' ').trim();

    it('should ask for the health only after the mapping panel has its state and is painted, and only once', async () => {
      health.mockResolvedValue(HEALTH);
      health.mockClear();
      const element = await mount();
      expect(health).not.toHaveBeenCalled();
      expect(text(element, 'health-loading')).toBe('Checking the sync health…');
      expect(q(element, '[data-id="health"]')!.getAttribute('aria-busy')).toBe('true');
      const panel = q(element, 'c-aloware-mapping-panel')!;
      panel.dispatchEvent(new CustomEvent('stateload'));
      // Not in the task that renders the panel's state: the frame that paints it comes first.
      expect(health).not.toHaveBeenCalled();
      await afterPaint();
      expect(health).toHaveBeenCalledTimes(1);
      expect(q(element, '[data-id="health-loading"]')).toBeNull();
      expect(q(element, '[data-id="health"]')!.getAttribute('aria-busy')).toBe('false');
      expect(text(element, 'health-connection-title')).toBe('Connected');
      // The panel reloads (Try again, after a save): the header keeps its own refresh.
      panel.dispatchEvent(new CustomEvent('stateload'));
      await afterPaint();
      expect(health).toHaveBeenCalledTimes(1);
    });

    it('should show a verified connection in green with when and by whom', async () => {
      health.mockResolvedValue(HEALTH);
      const element = await mountLoaded();
      expect(text(element, 'health-connection-title')).toBe('Connected');
      expect((q(element, '[data-id="health-connection-icon"]') as any).variant).toBe('success');
      expect(text(element, 'health-checked')).toContain('by Avery Admin');
      expect(text(element, 'health-last-webhook')).toContain('Last event:');
      expect(text(element, 'health-test-ping')).toMatch(/^Last test ping:\s*none$/);
      expect((q(element, '[data-id="health-pending"]') as any).label).toBe('2 pending');
      expect((q(element, '[data-id="health-failed"]') as any).label).toBe('3 failed');
      expect(text(element, 'health-reconcile-schedule')).toBe('Every hour');
      expect(element.shadowRoot!.textContent).not.toContain('API token saved');
      await expect(element).toBeAccessible();
    });

    it('should never show green before a verification, and red with the precise error after a failed test', async () => {
      health.mockResolvedValueOnce({ ...HEALTH, connectionState: 'unverified', checkedAt: null, checkedBy: null });
      const element = await mountLoaded();
      expect(text(element, 'health-connection-title')).toBe('Not verified');
      expect((q(element, '[data-id="health-connection-icon"]') as any).variant).toBe('warning');
      expect(q(element, '[data-id="health-checked"]')).toBeNull();
      health.mockResolvedValueOnce({
        ...HEALTH,
        connectionState: 'failing',
        connectionError: 'Aloware answered with an HTML page instead of JSON: the API token is wrong.'
      });
      (q(element, '[data-id="tab-settings"]') as HTMLElement).dispatchEvent(new CustomEvent('active'));
      await flush();
      q(element, 'c-aloware-sync-settings')!.dispatchEvent(new CustomEvent('healthchange'));
      await flush();
      expect(text(element, 'health-connection-title')).toBe('Connection failing');
      expect((q(element, '[data-id="health-connection-icon"]') as any).variant).toBe('error');
      expect(text(element, 'health-connection-text')).toBe(
        'Aloware answered with an HTML page instead of JSON: the API token is wrong.'
      );
      expect(text(element, 'health-connection-text')).not.toContain('HTTP 200');
      health.mockResolvedValueOnce({ ...HEALTH, hasApiToken: false, connectionState: 'none' });
      (q(element, '[data-id="health-refresh"]') as HTMLElement).click();
      await flush();
      expect(text(element, 'health-connection-title')).toBe('No API token');
      health.mockRejectedValueOnce({ body: { message: 'No access' } });
      (q(element, '[data-id="health-refresh"]') as HTMLElement).click();
      await flush();
      expect(text(element, 'health-error')).toBe('No access');
    });

    it('should open the sync log filtered to the failed, pending or webhook entries, and to an operation', async () => {
      health.mockResolvedValue(HEALTH);
      const element = await mountLoaded();
      (q(element, '[data-id="health-failed"]') as HTMLElement).click();
      await flush();
      expect((q(element, '[data-id="setup-tabs"]') as any).activeTabValue).toBe('log');
      const log = q(element, 'c-aloware-sync-log') as any;
      expect(log.filter).toEqual({ statuses: ['Failed'], createdSince: '2026-11-30T04:00:00.000Z' });
      (q(element, '[data-id="health-pending"]') as HTMLElement).click();
      await flush();
      expect(log.filter.statuses).toEqual(['Pending', 'In Progress', 'Retrying']);
      (q(element, '[data-id="health-show-webhooks"]') as HTMLElement).click();
      await flush();
      expect(log.filter).toEqual({ direction: 'Inbound', source: 'Webhook' });
      (q(element, '[data-id="tab-settings"]') as HTMLElement).dispatchEvent(new CustomEvent('active'));
      await flush();
      q(element, 'c-aloware-sync-settings')!.dispatchEvent(
        new CustomEvent('viewlog', { detail: { source: 'Pull', fromDate: '2026-12-01' } })
      );
      await flush();
      expect(log.filter).toEqual({ source: 'Pull', fromDate: '2026-12-01' });
    });

    it('should hide the log figures from users who cannot read the log', async () => {
      health.mockResolvedValue({ ...HEALTH, canReadLog: false, lastWebhookAt: null, reconcileMinutes: 30 });
      const element = await mountLoaded();
      expect(q(element, '[data-id="health-counts"]')).toBeNull();
      expect(text(element, 'health-last-webhook')).toContain('not visible to you');
      expect(text(element, 'health-reconcile-schedule')).toBe('Every 30 minutes');
    });
  });
});
