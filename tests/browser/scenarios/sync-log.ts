/**
 * The sync log on the Aloware Setup page: server-side filters, keyset paging, sorting, entry detail beside the list,
 * failure totals by cause and truthful retry results.
 */
import { SAMPLE_LEADS } from '../../../scripts/preview/sample-data';
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
  },
  {
    name: 'sync log: a retry superseded by a newer pending change says Skipped, and the open detail refreshes',
    async run(t) {
      const lead = SAMPLE_LEADS[0];
      // A Failed entry of the Lead and a newer Pending one that holds the Lead's outbox key (anonymous Apex).
      const failed = await t.server.org.executeAnonymous(
        `insert new List<Aloware_Sync_Log__c>{
          new Aloware_Sync_Log__c(Lead__c = '${lead.id}', Direction__c = 'Outbound', Source__c = 'Manual',
            Status__c = 'Failed', Outcome__c = 'INVALID', Attempts__c = 1, HTTP_Status__c = 400,
            Error_Message__c = 'HTTP 400: Phone number is empty or invalid. ' + 'x'.repeat(150) + ' END'),
          new Aloware_Sync_Log__c(Lead__c = '${lead.id}', Direction__c = 'Outbound', Source__c = 'Manual',
            Status__c = 'Pending', Pending_Key__c = '${lead.id}', Next_Attempt_At__c = System.now().addDays(1))
        };`
      );
      assert(failed === null, `anonymous Apex failed: ${failed}`);
      await openSetupTab(t, 'Sync Log');
      const log = t.page.locator(LOG);
      await expectText(log.locator('[data-id="range"]'), 'Showing 1–', 20_000);
      await expectText(log.locator('[data-id="failure-totals"]'), 'Refused by Aloware (invalid data)');
      const lead_ = log.getByRole('searchbox', { name: 'Lead name or Id' });
      await lead_.fill(lead.id);
      await chooseOption(log, 'Status', 'Failed');
      const rows = log.locator('[data-id="log-table"] tbody tr');
      await waitUntil(
        async () => (await rows.locator('td[data-label="Status"]').allInnerTexts()).every((s) => s.trim() === 'Failed'),
        'the failed entry of the Lead is listed'
      );
      await rows.first().getByRole('button', { name: 'View details' }).click();
      const detail = log.locator('[data-id="detail"]');
      await expectText(detail.locator('[data-id="detail-status"]'), 'Failed');
      // Beside the list (a side panel), with the full error and the Lead as a link.
      const [table, panel] = await Promise.all([
        log.locator('[data-id="log-table"]').boundingBox(),
        detail.boundingBox()
      ]);
      assert(table && panel && panel.x > table.x + table.width - 5, 'the detail is beside the list at 1440 px');
      await expectText(detail.locator('[data-id="detail-error-message"]'), / END$/);
      assert((await detail.locator('[data-id="detail-lead"]').getAttribute('href')) === `/${lead.id}`, 'Lead link');
      await detail.getByRole('button', { name: 'Retry this entry' }).click();
      await toast(t.page, /1 entry skipped \(superseded/).waitFor({ timeout: 10_000 * TIMEOUT_SCALE });
      await expectText(log.locator('[data-id="retry-item"]'), /^Skipped[\s\S]*Superseded/);
      await expectText(detail.locator('[data-id="detail-status"]'), 'Skipped');
      assert(
        await detail.getByRole('button', { name: 'Retry this entry' }).isDisabled(),
        'no Retry on a Skipped entry'
      );
    }
  }
];
