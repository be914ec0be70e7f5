import { createElement } from 'lwc';
import AlowareSetup, { SETUP_TABS } from 'c/alowareSetup';

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
jest.mock('@salesforce/apex/AlowareSettingsController.startOperation', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/AlowareSettingsController.getOperationStatus', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock(
  '@salesforce/apex/AlowareSyncLogController.getLogPage',
  () => ({ default: jest.fn(() => new Promise(() => undefined)) }),
  { virtual: true }
);
jest.mock('@salesforce/apex/AlowareSyncLogController.getLogDetail', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AlowareSyncLogController.retryLogs', () => ({ default: jest.fn() }), { virtual: true });

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

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
});
