/** The sync log on the Aloware Setup page: server-side filters, keyset paging, sorting, entry detail and retry. */
import { assert, chooseOption, expectText, openSetupTab, waitUntil, type Scenario } from '../harness';

const LOG = 'c-aloware-sync-log';

export const syncLogScenarios: Scenario[] = [
  {
    name: 'sync log: filters by status and direction, pages forward and back',
    async run(t) {
      await openSetupTab(t, 'Sync Log');
      const log = t.page.locator(LOG);
      const range = log.locator('[data-id="range"]');
      await expectText(range, 'Showing 1–50 of 2,000+', 20_000);
      const statusCells = log.locator('[data-id="log-table"] tbody tr td[data-label="Status"]');
      assert((await statusCells.count()) === 50, 'the first page shows 50 rows');

      await chooseOption(log, 'Status', 'Failed');
      await chooseOption(log, 'Direction', 'Outbound');
      await log.getByRole('button', { name: 'Apply filters' }).click();
      await expectText(range, /^Showing 1–50 of [\d,]+\+?$/);
      await waitUntil(
        async () => (await statusCells.allInnerTexts()).every((s) => s.trim() === 'Failed'),
        'every row is Failed after filtering'
      );
      const directionCells = log.locator('[data-id="log-table"] tbody tr td[data-label="Direction"]');
      let directions: string[] = [];
      await waitUntil(
        async () => {
          directions = await directionCells.allInnerTexts();
          return directions.length === 50 && directions.every((d) => d.trim() === 'Outbound');
        },
        `50 Outbound rows after filtering, saw ${directions.length}: ${[...new Set(directions)].join(', ')}`
      );
      const firstPageFirstRow = await log.locator('[data-id="log-table"] tbody tr').first().innerText();

      await log.getByRole('button', { name: 'Next' }).click();
      await expectText(range, /^Showing 51–100 of/);
      await expectText(log, 'Page 2');
      const secondPage = await statusCells.allInnerTexts();
      assert(secondPage.length > 0 && secondPage.every((s) => s.trim() === 'Failed'), 'page 2 keeps the filter');
      assert(
        (await log.locator('[data-id="log-table"] tbody tr').first().innerText()) !== firstPageFirstRow,
        'page 2 shows other rows than page 1'
      );

      await log.getByRole('button', { name: 'Previous' }).click();
      await expectText(range, /^Showing 1–50 of/);
      await waitUntil(
        async () => (await log.locator('[data-id="log-table"] tbody tr').first().innerText()) === firstPageFirstRow,
        'Previous returns to the same first row'
      );
    }
  },
  {
    name: 'sync log: a Lead name filter narrows the log to that Lead',
    async run(t) {
      await openSetupTab(t, 'Sync Log');
      const log = t.page.locator(LOG);
      await expectText(log.locator('[data-id="range"]'), 'Showing 1–50', 20_000);
      const lead = log.getByRole('searchbox', { name: 'Lead name or Id' });
      await lead.fill('Jordan Rivera');
      await lead.press('Enter');
      const leads = log.locator('[data-id="log-table"] tbody tr td[data-label="Lead"]');
      await waitUntil(async () => {
        const names = await leads.allInnerTexts();
        return names.length > 0 && names.every((n) => n.trim() === 'Jordan Rivera');
      }, 'only Jordan Rivera rows remain');
    }
  },
  {
    name: 'sync log: an entry shows its redacted request',
    async run(t) {
      await openSetupTab(t, 'Sync Log');
      const log = t.page.locator(LOG);
      await expectText(log.locator('[data-id="range"]'), 'Showing 1–50', 20_000);
      await chooseOption(log, 'Direction', 'Outbound');
      await log.getByRole('button', { name: 'Apply filters' }).click();
      const rows = log.locator('[data-id="log-table"] tbody tr');
      await waitUntil(
        async () =>
          (await rows.locator('td[data-label="Direction"]').allInnerTexts()).every((s) => s.trim() === 'Outbound'),
        'outbound rows listed'
      );
      await rows.first().getByRole('button', { name: 'View details' }).click();
      const detail = log.locator('[data-id="detail"]');
      const request = await expectText(detail.locator('[data-id="detail-request"]'), 'POST /api/v1/webhook/forms');
      assert(request.includes('"api_token":"[REDACTED]"'), `the token is redacted in the request: ${request}`);
    }
  },
  {
    name: 'sync log: a rep (Aloware_User, no read access to the sync log object) is told the log cannot be read',
    async run(t) {
      await openSetupTab(t, 'Sync Log', '?user=rep');
      const log = t.page.locator(LOG);
      await expectText(log, 'The sync log could not be read', 20_000);
    }
  }
];
