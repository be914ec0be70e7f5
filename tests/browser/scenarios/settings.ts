/**
 * Sync Settings against the mock Aloware API: the connection test (who the token belongs to, and the precise error
 * for each failure mode) with the health header's states (unverified, verified, failing), a one-time push that asks
 * for confirmation with its Lead count, fails, links to its entries in the sync log and is retried there, and the
 * confirmation of "Finish rotation".
 */
import {
  assert,
  chooseOption,
  expectText,
  openSetupTab,
  toast,
  waitUntil,
  type Scenario,
  TIMEOUT_SCALE
} from '../harness';

const SETTINGS = 'c-aloware-sync-settings';

export const settingsScenarios: Scenario[] = [
  {
    name: 'settings: the connection test shows who the token belongs to, then each failure the mock is switched to (HTML, 429, 500, timeout)',
    async run(t) {
      await openSetupTab(t, 'Sync Settings');
      const settings = t.page.locator(SETTINGS);
      const health = t.page.locator('c-aloware-setup [data-id="health-connection"]');
      // The seeded org saved a token but never tested it: nothing green.
      await expectText(health, 'Not verified', 20_000);
      const icon = t.page.locator('c-aloware-setup [data-id="health-connection-icon"]');
      const variant = async (): Promise<string> => icon.evaluate((e) => String((e as { variant?: string }).variant));
      assert((await variant()) === 'warning', 'no success icon before a verification');
      const result = settings.locator('[data-id="connection-result"]');
      await settings.getByRole('button', { name: 'Test connection' }).click();
      await expectText(result, 'Connected to Aloware', 15_000);
      await expectText(result, 'Avery Admin');
      await expectText(health, 'Connected');
      await expectText(health.locator('[data-id="health-checked"]'), 'by Avery Admin');
      assert((await variant()) === 'success', 'green once verified');
      assert(
        t.server.mock.requests.some((r) => r.path === '/api/v1/webhook/users' && r.query.api_token === '[REDACTED]'),
        'the test called GET /api/v1/webhook/users with the token'
      );

      // The footer switch (what a developer uses) changes how the mock answers.
      await t.page.locator('#preview-failure-mode').selectOption('html');
      await waitUntil(async () => t.server.mock.failureMode() === 'html', 'mock switched to HTML answers');
      await settings.getByRole('button', { name: 'Test connection' }).click();
      const html = await expectText(result, 'HTML page instead of JSON', 15_000);
      assert(!html.startsWith('HTTP 200'), `no "HTTP 200:" prefix on an error that is not an HTTP error: ${html}`);
      await expectText(health, 'Connection failing');
      assert((await variant()) === 'error', 'red after a failed test');
      const headerError = await expectText(health.locator('[data-id="health-connection-text"]'), 'HTML page');
      assert(!headerError.includes('HTTP 200'), `the header's error has no HTTP 200 prefix: ${headerError}`);

      t.server.mock.setFailure('429');
      await settings.getByRole('button', { name: 'Test connection' }).click();
      await expectText(result, /HTTP 429/, 15_000);

      t.server.mock.setFailure('500');
      await settings.getByRole('button', { name: 'Test connection' }).click();
      await expectText(result, /HTTP 500/, 15_000);

      t.server.mock.setFailure('timeout');
      await settings.getByRole('button', { name: 'Test connection' }).click();
      await expectText(result, /Timeout or transport error after \d+ ms/, 15_000);
    }
  },
  {
    name: 'settings + sync log: a push Aloware refuses fails, a retry after the fix succeeds (round trips through the mock)',
    async run(t) {
      t.server.mock.setFailure('html');
      await openSetupTab(t, 'Sync Settings');
      const settings = t.page.locator(SETTINGS);
      const requestsBefore = t.server.mock.requests.length;
      await settings.getByRole('button', { name: 'Push Leads to Aloware' }).click();
      // The confirmation states the scope first; nothing is pushed until it is confirmed.
      const dialog = t.page.getByRole('alertdialog');
      const heading = await expectText(dialog.locator('h1'), /^Push [\d,]+ Leads? to Aloware\?$/, 15_000);
      await expectText(dialog, 'not converted');
      await expectText(dialog, 'cannot be restored');
      assert(
        await dialog
          .getByRole('button', { name: 'Cancel' })
          .evaluate((b) => b === (b.getRootNode() as ShadowRoot).activeElement),
        'Cancel has focus when the confirmation opens'
      );
      await t.page.keyboard.press('Escape');
      await waitUntil(async () => (await dialog.count()) === 0, 'Escape closes the confirmation');
      assert(t.server.mock.requests.length === requestsBefore, 'a cancelled push sends nothing');
      await settings.getByRole('button', { name: 'Push Leads to Aloware' }).click();
      const count = heading.replace(/^Push ([\d,]+) .*$/, '$1');
      await dialog.getByRole('button', { name: new RegExp(`^Push ${count} Leads?$`) }).click();
      await settings.locator('[data-id="operation-progress"]').waitFor({ timeout: 10_000 * TIMEOUT_SCALE });
      await expectText(settings.locator('[data-id="operation-message"]'), 'Details are in the sync log', 30_000);
      await expectText(settings.locator('[data-id="operation-counts"]'), 'Failed');
      t.server.mock.setFailure('none');

      // The result links to the sync log filtered to the push's entries.
      await settings.getByRole('button', { name: 'View these entries in the sync log' }).click();
      const log = t.page.locator('c-aloware-sync-log');
      await expectText(log.locator('[data-id="range"]'), 'Showing 1–', 20_000);
      await waitUntil(
        async () => {
          const sources = await log.locator('[data-id="log-table"] tbody tr td[data-label="Source"]').allInnerTexts();
          return sources.length > 0 && sources.every((x) => x.trim() === 'One-time Push');
        },
        'only the one-time push entries are listed',
        20_000
      );
      await chooseOption(log, 'Status', 'Failed');
      await chooseOption(log, 'Source', 'One-time Push');
      await log.getByRole('button', { name: 'Apply filters' }).click();
      const rows = log.locator('[data-id="log-table"] tbody tr');
      // The filtered page (every row a failed one-time push), not the page shown before Apply.
      await waitUntil(async () => {
        const sources = await rows.locator('td[data-label="Source"]').allInnerTexts();
        const statuses = await rows.locator('td[data-label="Status"]').allInnerTexts();
        return (
          sources.length > 0 &&
          sources.every((x) => x.trim() === 'One-time Push') &&
          statuses.every((x) => x.trim() === 'Failed') &&
          (await rows.locator('td[data-label="Lead"]').allInnerTexts()).some((n) => n.includes('Jordan Rivera'))
        );
      }, 'the failed push of Jordan Rivera is listed');
      const row = rows.filter({ hasText: 'Jordan Rivera' }).first();
      await expectText(row.locator('td[data-label="Outcome"]'), 'UNAUTHORIZED');
      const checkbox = row.locator('td').first().locator('input[type="checkbox"]');
      await waitUntil(async () => {
        await checkbox.check({ force: true, timeout: 2000 }).catch(() => undefined);
        return checkbox.isChecked();
      }, 'the entry is selected');
      const pushes = t.server.mock.requests.filter((r) => r.path === '/api/v1/webhook/forms').length;
      await log.getByRole('button', { name: /Retry selected/ }).click();
      await toast(t.page, /1 entry queued for retry/).waitFor({ timeout: 10_000 * TIMEOUT_SCALE });
      await expectText(log.locator('[data-id="retry-item"]'), /^Queued/);
      await waitUntil(
        async () => t.server.mock.requests.filter((r) => r.path === '/api/v1/webhook/forms').length > pushes,
        'the retry pushed the Lead to the mock Aloware API'
      );
      await chooseOption(log, 'Status', 'Succeeded');
      await log.getByRole('button', { name: 'Apply filters' }).click();
      await waitUntil(
        async () =>
          (await rows.locator('td[data-label="Lead"]').allInnerTexts()).some((n) => n.includes('Jordan Rivera')),
        'the retried entry is now Succeeded',
        15_000
      );
    }
  },
  {
    name: 'settings: Finish rotation says the previous secret stops working and runs only when confirmed',
    async run(t) {
      await openSetupTab(t, 'Sync Settings');
      const settings = t.page.locator(SETTINGS);
      await settings.getByRole('button', { name: 'Rotate secret' }).click();
      await expectText(settings.locator('[data-id="revealed-credential"]'), 'copy it now', 15_000);
      await settings.getByRole('button', { name: 'I copied it' }).click();
      const finish = settings.getByRole('button', { name: 'Finish rotation' });
      await finish.click();
      const dialog = t.page.getByRole('alertdialog');
      await expectText(dialog, 'refused (401 Unauthorized)');
      await expectText(dialog, 'cannot be undone');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await waitUntil(async () => (await dialog.count()) === 0, 'Cancel closes the confirmation');
      assert(await finish.isVisible(), 'the rotation is still pending after Cancel');
      await finish.click();
      await dialog.getByRole('button', { name: 'Finish rotation' }).click();
      await toast(t.page, 'Rotation finished').waitFor({ timeout: 10_000 * TIMEOUT_SCALE });
      await waitUntil(async () => (await finish.count()) === 0, 'no rotation pending any more');
    }
  },
  {
    name: 'settings: webhook set-up guidance, URL token button and time-zone picker; one error per field',
    async run(t) {
      await openSetupTab(t, 'Sync Settings');
      const settings = t.page.locator(SETTINGS);
      const guide = await expectText(settings.locator('[data-id="webhook-guide"]'), 'Basic authentication', 20_000);
      assert(guide.includes('Password: the webhook secret'), `the guide says where the secret goes: ${guide}`);
      await settings.getByRole('button', { name: 'Generate URL token' }).click();
      await expectText(settings.locator('[data-id="revealed-credential"]'), 'URL token');
      // The preview org has no public Site (no webhook URL to build on): the page says how to append the token.
      await expectText(settings.locator('[data-id="token-url-hint"]'), '?token=');
      await settings.getByRole('button', { name: 'I copied it' }).click();
      await chooseOption(settings, 'Aloware account time zone', 'Europe/Paris');
      const attempts = settings.getByRole('spinbutton', { name: 'Retry attempts' });
      await attempts.fill('11');
      await attempts.blur();
      await expectText(settings.locator('[data-id="max-attempts-error"]'), 'from 1 to 10');
      const messages = await settings.locator('[data-id="max-attempts"]').locator('xpath=..').innerText();
      assert(messages.split('1 to 10').length === 2, `the attempts error shows once: ${messages.replace(/\s+/g, ' ')}`);
      await attempts.fill('5');
      await attempts.blur();
      await settings.getByRole('button', { name: 'Save settings' }).click();
      await toast(t.page, 'Settings saved').waitFor({ timeout: 10_000 * TIMEOUT_SCALE });
    }
  }
];
