import { createElement } from 'lwc';
import AlowareSyncSettings, { POLL_INTERVAL_MS, timeZoneOptions, validateOptions } from 'c/alowareSyncSettings';
import getSettings from '@salesforce/apex/AlowareSettingsController.getSettings';
import saveSettings from '@salesforce/apex/AlowareSettingsController.saveSettings';
import saveApiToken from '@salesforce/apex/AlowareSettingsController.saveApiToken';
import testConnection from '@salesforce/apex/AlowareSettingsController.testConnection';
import rotateWebhookCredential from '@salesforce/apex/AlowareSettingsController.rotateWebhookCredential';
import finishWebhookRotation from '@salesforce/apex/AlowareSettingsController.finishWebhookRotation';
import scheduleReconcile from '@salesforce/apex/AlowareSettingsController.scheduleReconcile';
import scheduleSweeper from '@salesforce/apex/AlowareSettingsController.scheduleSweeper';
import startOperation from '@salesforce/apex/AlowareOperationsController.startOperation';
import getOperationStatus from '@salesforce/apex/AlowareOperationsController.getOperationStatus';
import getOperationScope from '@salesforce/apex/AlowareOperationsController.getOperationScope';

jest.mock('@salesforce/apex/AlowareSettingsController.getSettings', () => ({ default: jest.fn() }), { virtual: true });
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
jest.mock('@salesforce/apex/AlowareSettingsController.scheduleSweeper', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/AlowareOperationsController.startOperation', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/AlowareOperationsController.getOperationStatus', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/AlowareOperationsController.getOperationScope', () => ({ default: jest.fn() }), {
  virtual: true
});

// eslint-disable-next-line @typescript-eslint/no-require-imports
const SETTINGS = require('./data/settings.json');

const mock = (fn: unknown): jest.Mock => fn as jest.Mock;
const TOAST = 'lightning__showtoast';
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function settings(edit: (s: any) => void = () => undefined): any {
  const copy = JSON.parse(JSON.stringify(SETTINGS));
  edit(copy);
  return copy;
}

interface Mounted {
  element: HTMLElement;
  toasts: any[];
}

async function mount(): Promise<Mounted> {
  const element = createElement('c-aloware-sync-settings', { is: AlowareSyncSettings });
  const toasts: any[] = [];
  element.addEventListener(TOAST, (e: Event) => toasts.push((e as CustomEvent).detail));
  document.body.appendChild(element);
  await flush();
  return { element, toasts };
}

function byId(element: HTMLElement, id: string): (HTMLElement & Record<string, any>) | null {
  return element.shadowRoot!.querySelector(`[data-id="${id}"]`);
}

function change(element: HTMLElement, id: string, value: unknown): void {
  byId(element, id)!.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

/** The open confirmation dialog's shadow root, or null. */
function dialog(element: HTMLElement): ShadowRoot | null {
  return byId(element, 'confirm-dialog')?.shadowRoot ?? null;
}

function dialogButton(element: HTMLElement, id: 'confirm' | 'cancel'): HTMLButtonElement {
  return dialog(element)!.querySelector(`[data-id="${id}"]`) as HTMLButtonElement;
}

const PUSH_SCOPE = {
  operation: 'push',
  leadCount: 1204,
  capped: false,
  filter: 'Every Lead you can see that is not converted.',
  effect: 'Each Lead is queued and sent to Aloware.',
  irreversible: 'Contacts created or overwritten in Aloware cannot be restored from Salesforce.',
  logSource: 'One-time Push'
};
const PULL_SCOPE = {
  ...PUSH_SCOPE,
  operation: 'pull',
  leadCount: 1,
  filter: 'Every Lead you can see that is not converted and has a phone or mobile number.',
  irreversible: 'The overwritten Lead values are not kept.',
  logSource: 'Pull'
};

describe('c-aloware-sync-settings', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it('should show a spinner, then the settings', async () => {
    let resolve: (v: unknown) => void = () => undefined;
    mock(getSettings).mockReturnValue(new Promise((r) => (resolve = r)));
    const element = createElement('c-aloware-sync-settings', { is: AlowareSyncSettings });
    document.body.appendChild(element);
    await Promise.resolve();
    expect(element.shadowRoot!.querySelector('lightning-spinner')).not.toBeNull();
    resolve(settings());
    await flush();
    expect(element.shadowRoot!.querySelector('lightning-spinner')).toBeNull();
    expect(byId(element, 'token-stored')!.textContent).toContain('Test the connection to verify it');
    expect(element.shadowRoot!.querySelector('lightning-badge')).toBeNull();
    expect(byId(element, 'create-direction')!.value).toBe('SalesforceToAloware');
    const zones = byId(element, 'time-zone')!.options as { value: string }[];
    expect(zones.map((z) => z.value)).toEqual(expect.arrayContaining(['America/New_York', 'UTC', 'Europe/London']));
    expect(byId(element, 'time-zone')!.value).toBe('America/New_York');
    expect(byId(element, 'dnc-policy')!.value).toBe('keep');
    expect(byId(element, 'object-module')!.disabled).toBe(true);
    expect(element.shadowRoot!.textContent).toContain('Contacts are not part of this package yet');
    expect(byId(element, 'webhook-url')!.value).toContain('/services/apexrest/aloware/webhook');
    expect(byId(element, 'reconcile-interval')!.value).toBe('60');
    expect(byId(element, 'save-settings')!.disabled).toBe(true);
    expect(byId(element, 'token-input')!.value).toBe('');
  });

  it('should show the load error and retry', async () => {
    mock(getSettings).mockRejectedValueOnce({ body: { message: 'Insufficient privileges' } });
    const { element } = await mount();
    expect(byId(element, 'load-error')!.textContent).toContain('Insufficient privileges');
    mock(getSettings).mockResolvedValueOnce(settings());
    byId(element, 'reload')!.click();
    await flush();
    expect(byId(element, 'load-error')).toBeNull();
    expect(byId(element, 'token-stored')).not.toBeNull();
  });

  it('should validate options instantly and refuse to save invalid ones', async () => {
    mock(getSettings).mockResolvedValue(settings());
    const { element } = await mount();
    change(element, 'time-zone', 'Mars/Olympus');
    change(element, 'phone-country', 'usa');
    change(element, 'max-attempts', '0');
    change(element, 'log-retention', '400');
    await flush();
    expect(byId(element, 'time-zone-error')!.textContent).toContain('not a time zone');
    expect(byId(element, 'phone-country-error')!.textContent).toContain('two-letter');
    expect(byId(element, 'max-attempts-error')!.textContent).toContain('1 to 10');
    expect(byId(element, 'log-retention-error')!.textContent).toContain('1 to 365');
    byId(element, 'save-settings')!.click();
    await flush();
    expect(saveSettings).not.toHaveBeenCalled();
  });

  it('should save edited options and show success', async () => {
    mock(getSettings).mockResolvedValue(settings());
    mock(saveSettings).mockImplementation(({ options }) => Promise.resolve(settings((s) => (s.options = options))));
    const { element, toasts } = await mount();
    change(element, 'create-direction', 'Bidirectional');
    change(element, 'update-direction', 'AlowareToSalesforce');
    change(element, 'time-zone', ' Europe/Paris ');
    change(element, 'phone-country', 'fr');
    change(element, 'dnc-policy', 'allow');
    change(element, 'max-attempts', '7');
    change(element, 'log-retention', '90');
    await flush();
    expect(byId(element, 'save-settings')!.disabled).toBe(false);
    byId(element, 'save-settings')!.click();
    await flush();
    expect(saveSettings).toHaveBeenCalledWith({
      options: {
        createDirection: 'Bidirectional',
        updateDirection: 'AlowareToSalesforce',
        accountTimeZone: 'Europe/Paris',
        defaultPhoneCountry: 'FR',
        allowDncClearing: true,
        maxAttempts: 7,
        logRetentionDays: 90
      }
    });
    expect(toasts[0]).toMatchObject({ variant: 'success', title: 'Settings saved' });
    expect(byId(element, 'save-settings')!.disabled).toBe(true);
  });

  it('should report a refused save and keep the edits', async () => {
    mock(getSettings).mockResolvedValue(settings());
    mock(saveSettings).mockRejectedValue({ body: { message: 'Retry attempts must be from 1 to 10.' } });
    const { element, toasts } = await mount();
    change(element, 'max-attempts', '3');
    await flush();
    byId(element, 'save-settings')!.click();
    await flush();
    expect(toasts[0]).toMatchObject({ variant: 'error', message: 'Retry attempts must be from 1 to 10.' });
    expect(byId(element, 'max-attempts')!.value).toBe(3);
    byId(element, 'cancel-settings')!.click();
    await flush();
    expect(byId(element, 'max-attempts')!.value).toBe(5);
  });

  it('should save the API token without ever reading it back', async () => {
    mock(getSettings).mockResolvedValue(settings((s) => (s.hasApiToken = false)));
    mock(saveApiToken).mockResolvedValue(settings());
    const { element, toasts } = await mount();
    expect(byId(element, 'token-stored')!.textContent).toContain('No API token yet');
    expect(byId(element, 'test-connection')!.disabled).toBe(true);
    expect(byId(element, 'save-token')!.disabled).toBe(true);
    expect(byId(element, 'token-input')!.type).toBe('password');
    change(element, 'token-input', ' tok-123 ');
    await flush();
    byId(element, 'save-token')!.click();
    await flush();
    expect(saveApiToken).toHaveBeenCalledWith({ token: 'tok-123' });
    expect(byId(element, 'token-input')!.value).toBe('');
    expect(byId(element, 'token-stored')!.textContent).toContain('An API token is stored');
    expect(toasts[0].variant).toBe('success');
    mock(saveApiToken).mockRejectedValue({ body: { message: 'The token cannot be empty.' } });
    change(element, 'token-input', 'x');
    await flush();
    byId(element, 'save-token')!.click();
    await flush();
    expect(toasts[1]).toMatchObject({ variant: 'error', message: 'The token cannot be empty.' });
  });

  it('should show who the token belongs to, or the precise error', async () => {
    mock(getSettings).mockResolvedValue(settings());
    mock(testConnection).mockResolvedValueOnce({
      ok: true,
      httpStatus: 200,
      outcome: 'SUCCESS',
      message: 'Connected to Aloware: 12 users.',
      userCount: 12,
      tokenOwnerName: 'Grace Hopper',
      tokenOwnerEmail: 'grace@example.com'
    });
    const { element } = await mount();
    byId(element, 'test-connection')!.click();
    await flush();
    expect(byId(element, 'connection-result')!.textContent).toContain('Grace Hopper (grace@example.com)');
    mock(testConnection).mockResolvedValueOnce({
      ok: false,
      httpStatus: 401,
      outcome: 'UNAUTHORIZED',
      message: 'Aloware refused the token (HTTP 401). Check the API token.',
      userCount: null,
      tokenOwnerName: null,
      tokenOwnerEmail: null
    });
    byId(element, 'test-connection')!.click();
    await flush();
    const result = byId(element, 'connection-result')!;
    expect(result.textContent).toContain('HTTP 401');
    expect(result.querySelector('p')!.className).toContain('slds-text-color_error');
    mock(testConnection).mockRejectedValueOnce({ body: { message: 'Callout failed: timeout' } });
    byId(element, 'test-connection')!.click();
    await flush();
    expect(byId(element, 'connection-result')!.textContent).toContain('Callout failed: timeout');
  });

  it('should reveal a generated webhook secret once and finish a rotation', async () => {
    mock(getSettings).mockResolvedValue(settings());
    mock(rotateWebhookCredential).mockResolvedValue({
      value: 'new-secret-value',
      state: settings((s) => (s.webhook.rotationPending = true))
    });
    mock(finishWebhookRotation).mockResolvedValue(settings());
    const { element, toasts } = await mount();
    expect(byId(element, 'rotate-secret')!.label).toBe('Rotate secret');
    byId(element, 'rotate-secret')!.click();
    await flush();
    expect(rotateWebhookCredential).toHaveBeenCalledWith({ kind: 'secret' });
    expect(byId(element, 'credential-value')!.value).toBe('new-secret-value');
    expect(byId(element, 'secret-status')!.textContent).toContain('previous one still works');
    expect(byId(element, 'secret-status')!.textContent).toContain('replaces only the new one');
    byId(element, 'hide-credential')!.click();
    await flush();
    expect(byId(element, 'revealed-credential')).toBeNull();
    const health: string[] = [];
    element.addEventListener('healthchange', () => health.push('changed'));
    byId(element, 'finish-rotation')!.click();
    await flush();
    expect(finishWebhookRotation).not.toHaveBeenCalled();
    expect(dialog(element)!.textContent).toContain('refused (401 Unauthorized)');
    expect(dialog(element)!.querySelector('[data-id="warning"]')!.textContent).toContain('cannot be undone');
    const focus = jest.spyOn(byId(element, 'finish-rotation')!, 'focus');
    dialogButton(element, 'cancel').click();
    await flush();
    expect(byId(element, 'confirm-dialog')).toBeNull();
    expect(finishWebhookRotation).not.toHaveBeenCalled();
    expect(focus).toHaveBeenCalled();
    byId(element, 'finish-rotation')!.click();
    await flush();
    dialogButton(element, 'confirm').click();
    await flush();
    expect(finishWebhookRotation).toHaveBeenCalled();
    expect(health).toEqual(['changed']);
    expect(byId(element, 'finish-rotation')).toBeNull();
    expect(toasts.pop().title).toBe('Rotation finished');
    mock(rotateWebhookCredential).mockResolvedValue({
      value: 'tok en',
      state: settings((s) => (s.webhook.hasUrlToken = true))
    });
    expect(byId(element, 'rotate-url-token')!.label).toBe('Generate URL token');
    expect(byId(element, 'rotate-url-token')!.variant).toBeUndefined();
    byId(element, 'rotate-url-token')!.click();
    await flush();
    expect(rotateWebhookCredential).toHaveBeenLastCalledWith({ kind: 'urlToken' });
    expect(byId(element, 'token-url')!.value).toBe(
      'https://acme.my.salesforce-sites.com/services/apexrest/aloware/webhook?token=tok%20en'
    );
    expect(byId(element, 'url-token-status')!.textContent).toContain('A URL token is set');
    mock(rotateWebhookCredential).mockRejectedValue({ body: { message: 'No access' } });
    mock(finishWebhookRotation).mockRejectedValue({ body: { message: 'No access' } });
    byId(element, 'rotate-secret')!.click();
    await flush();
    expect(toasts.pop()).toMatchObject({ variant: 'error', title: 'Credential not generated' });
  });

  it('should report a failed rotation finish', async () => {
    mock(getSettings).mockResolvedValue(settings((s) => (s.webhook.rotationPending = true)));
    mock(finishWebhookRotation).mockRejectedValue({ body: { message: 'No access' } });
    const { element, toasts } = await mount();
    byId(element, 'finish-rotation')!.click();
    await flush();
    dialogButton(element, 'confirm').click();
    await flush();
    expect(toasts[0]).toMatchObject({ variant: 'error', title: 'Rotation not finished' });
  });

  it('should copy the webhook URL, or explain when copying is unavailable', async () => {
    mock(getSettings).mockResolvedValue(settings());
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { element, toasts } = await mount();
    byId(element, 'copy-webhook-url')!.click();
    await flush();
    expect(writeText).toHaveBeenCalledWith('https://acme.my.salesforce-sites.com/services/apexrest/aloware/webhook');
    expect(toasts[0].title).toBe('Copied');
    writeText.mockRejectedValue(new Error('denied'));
    byId(element, 'copy-webhook-url')!.click();
    await flush();
    expect(toasts[1].variant).toBe('warning');
  });

  it('should explain what to do when no Site exists and no secret is set', async () => {
    mock(getSettings).mockResolvedValue(
      settings((s) => {
        s.webhook.urls = [];
        s.webhook.hasSecret = false;
      })
    );
    const { element } = await mount();
    expect(byId(element, 'no-site')!.textContent).toContain('Create a Site');
    expect(byId(element, 'secret-status')!.textContent).toContain('No webhook secret yet');
    expect(byId(element, 'rotate-secret')!.label).toBe('Generate secret');
    mock(rotateWebhookCredential).mockResolvedValue({ value: 'tok', state: settings((s) => (s.webhook.urls = [])) });
    byId(element, 'rotate-url-token')!.click();
    await flush();
    expect(byId(element, 'token-url')).toBeNull();
    expect(byId(element, 'token-url-hint')!.textContent).toContain('?token=');
  });

  it('should schedule and stop the reconcile', async () => {
    mock(getSettings).mockResolvedValue(settings());
    mock(scheduleReconcile).mockImplementation(({ intervalMinutes }) =>
      Promise.resolve(settings((s) => (s.reconcileMinutes = intervalMinutes || null)))
    );
    const { element, toasts } = await mount();
    expect(byId(element, 'apply-schedule')!.disabled).toBe(true);
    change(element, 'reconcile-interval', '15');
    await flush();
    byId(element, 'apply-schedule')!.click();
    await flush();
    expect(scheduleReconcile).toHaveBeenCalledWith({ intervalMinutes: 15 });
    expect(toasts[0].title).toBe('Reconcile scheduled');
    change(element, 'reconcile-interval', '0');
    await flush();
    byId(element, 'apply-schedule')!.click();
    await flush();
    expect(scheduleReconcile).toHaveBeenLastCalledWith({ intervalMinutes: 0 });
    expect(toasts[1].title).toBe('Reconcile stopped');
    mock(scheduleReconcile).mockRejectedValue({ body: { message: 'Scheduling failed' } });
    change(element, 'reconcile-interval', '30');
    await flush();
    byId(element, 'apply-schedule')!.click();
    await flush();
    expect(toasts[2]).toMatchObject({ variant: 'error', message: 'Scheduling failed' });
  });

  it('should show the sweeper unscheduled and schedule it once', async () => {
    mock(getSettings).mockResolvedValue(settings((s) => (s.sweeperJobs = 0)));
    mock(scheduleSweeper).mockResolvedValueOnce(
      settings((s) => {
        s.sweeperJobs = 4;
        s.sweeperNextRunAt = '2026-11-27T10:15:00.000Z';
        s.sweeperLastRunAt = '2026-11-27T10:00:00.000Z';
      })
    );
    const { element, toasts } = await mount();
    expect(byId(element, 'sweeper-status')!.textContent).toContain('Not scheduled');
    expect(byId(element, 'schedule-sweeper')!.disabled).toBe(false);
    byId(element, 'schedule-sweeper')!.click();
    await flush();
    expect(scheduleSweeper).toHaveBeenCalledTimes(1);
    expect(toasts[0].title).toBe('Sweeper scheduled');
    expect(byId(element, 'sweeper-status')!.textContent).toContain('every 15 minutes');
    expect(byId(element, 'sweeper-next')).not.toBeNull();
    expect(byId(element, 'sweeper-last')).not.toBeNull();
    expect(byId(element, 'schedule-sweeper')!.disabled).toBe(true);
  });

  it('should say when the sweeper is partly scheduled and show a failure to schedule it', async () => {
    mock(getSettings).mockResolvedValue(settings((s) => (s.sweeperJobs = 2)));
    mock(scheduleSweeper).mockRejectedValueOnce({ body: { message: 'Scheduling failed' } });
    const { element, toasts } = await mount();
    expect(byId(element, 'sweeper-status')!.textContent).toContain('2 of 4');
    byId(element, 'schedule-sweeper')!.click();
    await flush();
    expect(toasts[0]).toMatchObject({ variant: 'error', message: 'Scheduling failed' });
  });

  it('should run a one-time pull with a progress bar until it finishes', async () => {
    mock(getSettings).mockResolvedValue(settings());
    mock(startOperation).mockResolvedValue({
      operation: 'pull',
      jobId: '707000000000001AAA',
      status: 'Queued',
      done: false,
      percent: 0,
      processed: 0,
      total: 0,
      failures: 0,
      message: 'Pull queued.',
      counts: []
    });
    mock(getOperationStatus)
      .mockResolvedValueOnce({
        operation: 'pull',
        jobId: '707000000000001AAA',
        status: 'Processing',
        done: false,
        percent: 50,
        processed: 5,
        total: 10,
        failures: 0,
        message: '',
        counts: []
      })
      .mockResolvedValueOnce({
        operation: 'pull',
        jobId: '707000000000001AAA',
        status: 'Completed',
        done: true,
        percent: 100,
        processed: 10,
        total: 10,
        failures: 0,
        message: 'Pull finished.',
        counts: [{ label: 'Leads updated', value: 42 }]
      });
    mock(getOperationScope).mockResolvedValue(PULL_SCOPE);
    const { element, toasts } = await mount();
    byId(element, 'op-pull')!.click();
    await flush();
    expect(getOperationScope).toHaveBeenCalledWith({ operation: 'pull' });
    expect(startOperation).not.toHaveBeenCalled();
    expect(dialog(element)!.querySelector('[data-id="heading"]')!.textContent).toBe('Pull 1 Lead from Aloware?');
    expect(dialog(element)!.textContent).toContain('has a phone or mobile number');
    expect(dialogButton(element, 'confirm').textContent).toBe('Pull 1 Lead');
    jest.useFakeTimers();
    dialogButton(element, 'confirm').click();
    await Promise.resolve();
    await Promise.resolve();
    expect(startOperation).toHaveBeenCalledWith({ operation: 'pull' });
    expect(byId(element, 'op-push')!.disabled).toBe(true);
    jest.advanceTimersByTime(POLL_INTERVAL_MS);
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
    expect(getOperationStatus).toHaveBeenCalledWith({ operation: 'pull', jobId: '707000000000001AAA' });
    expect(byId(element, 'operation-progress')!.value).toBe(50);
    expect(byId(element, 'operation-status')!.textContent).toBe('Processing: 5 of 10 batches');
    jest.advanceTimersByTime(POLL_INTERVAL_MS);
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
    expect(byId(element, 'operation-progress')!.value).toBe(100);
    expect(byId(element, 'operation-counts')!.textContent).toContain('Leads updated: 42');
    expect(toasts[0]).toMatchObject({ title: 'Pull from Aloware', message: 'Pull finished.', variant: 'success' });
    expect(byId(element, 'op-push')!.disabled).toBe(false);
    const views: any[] = [];
    element.addEventListener('viewlog', (e: Event) => views.push((e as CustomEvent).detail));
    byId(element, 'operation-log-link')!.click();
    expect(views[0]).toMatchObject({ source: 'Pull' });
    expect(views[0].fromDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('should show a synchronous user sync result and reload the last sync time', async () => {
    mock(getSettings).mockResolvedValue(settings());
    mock(startOperation).mockResolvedValue({
      operation: 'syncUsers',
      jobId: null,
      status: 'Completed',
      done: true,
      percent: 100,
      processed: 0,
      total: 0,
      failures: 2,
      message: '10 Aloware users: 8 matched, 2 without a Salesforce user.',
      counts: [
        { label: 'Matched', value: 8 },
        { label: 'Unmatched', value: 2 }
      ]
    });
    const { element, toasts } = await mount();
    byId(element, 'op-sync-users')!.click();
    await flush();
    expect(toasts[0]).toMatchObject({ title: 'Sync users', variant: 'warning' });
    expect(byId(element, 'operation-status')!.textContent).toBe('Completed');
    expect(getSettings).toHaveBeenCalledTimes(2);
  });

  it('should show why an operation could not start or be followed', async () => {
    mock(getSettings).mockResolvedValue(settings());
    mock(startOperation).mockRejectedValueOnce({ body: { message: 'Save an API token first.' } });
    mock(getOperationScope).mockRejectedValueOnce({ body: { message: 'No access to Leads' } });
    const { element } = await mount();
    byId(element, 'op-push')!.click();
    await flush();
    expect(byId(element, 'operation-error')!.textContent).toContain('No access to Leads');
    expect(byId(element, 'confirm-dialog')).toBeNull();
    mock(getOperationScope).mockResolvedValue(PUSH_SCOPE);
    byId(element, 'op-push')!.click();
    await flush();
    expect(dialog(element)!.querySelector('[data-id="heading"]')!.textContent).toBe('Push 1,204 Leads to Aloware?');
    expect(dialog(element)!.querySelector('[data-id="warning"]')!.textContent).toContain('cannot be restored');
    dialogButton(element, 'confirm').click();
    await flush();
    expect(byId(element, 'operation-error')!.textContent).toContain('Save an API token first.');
    mock(startOperation).mockResolvedValueOnce({
      operation: 'push',
      jobId: '707000000000002AAA',
      status: 'Queued',
      done: false,
      percent: 0,
      processed: 0,
      total: 0,
      failures: 0,
      message: '',
      counts: []
    });
    mock(getOperationStatus).mockRejectedValueOnce({ body: { message: 'Job not found' } });
    byId(element, 'op-push')!.click();
    await flush();
    jest.useFakeTimers();
    dialogButton(element, 'confirm').click();
    await Promise.resolve();
    await Promise.resolve();
    jest.advanceTimersByTime(POLL_INTERVAL_MS);
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
    expect(byId(element, 'operation-error')!.textContent).toContain('Job not found');
    document.body.removeChild(element);
  });

  it('should be read-only for users without the admin permission set', async () => {
    mock(getSettings).mockResolvedValue(settings((s) => (s.canManage = false)));
    const { element } = await mount();
    expect(byId(element, 'read-only-note')!.textContent).toContain('Aloware Admin permission set');
    expect(byId(element, 'token-input')).toBeNull();
    expect(byId(element, 'save-settings')).toBeNull();
    expect(byId(element, 'rotate-secret')).toBeNull();
    expect(byId(element, 'op-pull')).toBeNull();
    expect(byId(element, 'time-zone')!.disabled).toBe(true);
    expect(byId(element, 'create-direction')!.disabled).toBe(true);
    await expect(element).toBeAccessible();
  });

  it('should be accessible and keyboard operable', async () => {
    mock(getSettings).mockResolvedValue(settings((s) => (s.webhook.rotationPending = true)));
    mock(rotateWebhookCredential).mockResolvedValue({ value: 'abc', state: settings() });
    const { element } = await mount();
    byId(element, 'rotate-secret')!.click();
    await flush();
    await expect(element).toBeAccessible();
    const controls = element.shadowRoot!.querySelectorAll(
      'lightning-button, lightning-button-icon, lightning-input, lightning-combobox, lightning-radio-group'
    );
    expect(controls.length).toBeGreaterThan(15);
    controls.forEach((c) => expect(c.getAttribute('tabindex')).not.toBe('-1'));
  });

  it('should check every option with a clear message', () => {
    const good = {
      createDirection: 'None' as const,
      updateDirection: 'Bidirectional' as const,
      accountTimeZone: 'UTC',
      defaultPhoneCountry: 'US',
      allowDncClearing: false,
      maxAttempts: 1,
      logRetentionDays: 365
    };
    expect(validateOptions(good)).toEqual({});
    expect(Object.keys(validateOptions({ ...good, accountTimeZone: '' }))).toEqual(['accountTimeZone']);
    expect(Object.keys(validateOptions({ ...good, maxAttempts: 2.5 }))).toEqual(['maxAttempts']);
    expect(validateOptions({ ...good, contactLinkTemplate: 'http://x/{id}' }).contactLinkTemplate).toContain(
      'https://'
    );
    expect(validateOptions({ ...good, contactLinkTemplate: 'https://x/' }).contactLinkTemplate).toContain('{id}');
    expect(
      validateOptions({ ...good, contactLinkTemplate: 'https://x/{id}', activityDefaultOwner: '005000000000001AAA' })
    ).toEqual({});
    expect(Object.keys(validateOptions({ ...good, activityDefaultOwner: 'bob' }))).toEqual(['activityDefaultOwner']);
    expect(timeZoneOptions('Mars/Base')).toEqual(expect.arrayContaining([{ label: 'Mars/Base', value: 'Mars/Base' }]));
  });

  it('should edit the contact link and activity logging with one error per field', async () => {
    mock(getSettings).mockResolvedValue(
      settings((s) => {
        s.options.contactLinkTemplate = 'https://app.aloware.com/contacts/{id}';
        s.options.logCallActivities = true;
        s.options.logMissedCallActivities = true;
        s.options.logTextActivities = true;
        s.options.activityDefaultOwner = '005000000000001AAA';
        s.options.activityDefaultOwnerName = 'Avery Admin';
      })
    );
    mock(saveSettings).mockImplementation(({ options }) => Promise.resolve(settings((s) => (s.options = options))));
    const { element } = await mount();
    expect(byId(element, 'contact-link-example')!.textContent).toContain('https://app.aloware.com/contacts/12345');
    expect(byId(element, 'activity-owner-name')!.textContent).toContain('Avery Admin');
    change(element, 'contact-link', 'https://eu.aloware.com/c/');
    change(element, 'max-attempts', '11');
    await flush();
    expect(byId(element, 'contact-link-error')!.textContent).toContain('{id}');
    expect(byId(element, 'contact-link-example')).toBeNull();
    expect(byId(element, 'max-attempts')!.max).toBeUndefined();
    expect(element.shadowRoot!.querySelectorAll('[data-id="max-attempts-error"]').length).toBe(1);
    change(element, 'contact-link', 'https://eu.aloware.com/c/{id}');
    change(element, 'max-attempts', '5');
    byId(element, 'log-missed-calls')!.dispatchEvent(new CustomEvent('change', { detail: { checked: false } }));
    change(element, 'activity-owner', '');
    await flush();
    byId(element, 'save-settings')!.click();
    await flush();
    expect(saveSettings).toHaveBeenCalledWith({
      options: expect.objectContaining({
        contactLinkTemplate: 'https://eu.aloware.com/c/{id}',
        logCallActivities: true,
        logMissedCallActivities: false,
        logTextActivities: true,
        activityDefaultOwner: ''
      })
    });
  });
});
