/**
 * Sync Settings against the mock Aloware API: the connection test (who the token belongs to, and the precise error
 * for each failure mode), and a one-time push that fails, is retried from the sync log and then succeeds.
 */
import { assert, chooseOption, expectText, openSetupTab, toast, waitUntil, type Scenario } from '../harness';

const SETTINGS = 'c-aloware-sync-settings';

export const settingsScenarios: Scenario[] = [
  {
    name: 'settings: the connection test shows who the token belongs to, then each failure the mock is switched to (HTML, 429, 500, timeout)',
    async run(t) {
      await openSetupTab(t, 'Sync Settings');
      const settings = t.page.locator(SETTINGS);
      const result = settings.locator('[data-id="connection-result"]');
      await settings.getByRole('button', { name: 'Test connection' }).click();
      await expectText(result, 'Connected to Aloware', 15_000);
      await expectText(result, 'Avery Admin');
      assert(
        t.server.mock.requests.some((r) => r.path === '/api/v1/webhook/users' && r.query.api_token === '[REDACTED]'),
        'the test called GET /api/v1/webhook/users with the token'
      );

      // The footer switch (what a developer uses) changes how the mock answers.
      await t.page.locator('#preview-failure-mode').selectOption('html');
      await waitUntil(async () => t.server.mock.failureMode() === 'html', 'mock switched to HTML answers');
      await settings.getByRole('button', { name: 'Test connection' }).click();
      await expectText(result, 'HTML page instead of JSON', 15_000);

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
      await settings.getByRole('button', { name: 'Push Leads to Aloware' }).click();
      await expectText(settings.locator('[data-id="operation-message"]'), 'Details are in the sync log', 30_000);
      await expectText(settings.locator('[data-id="operation-counts"]'), 'Failed');
      t.server.mock.setFailure('none');

      await t.page.locator('c-aloware-setup').getByRole('tab', { name: 'Sync Log' }).click();
      const log = t.page.locator('c-aloware-sync-log');
      await expectText(log.locator('[data-id="range"]'), 'Showing 1–50', 20_000);
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
      await toast(t.page, /1 entry queued for retry/).waitFor({ timeout: 10_000 });
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
  }
];
