/** The engagement card on the Lead record page. */
import { assert, expectText, toast, waitUntil, type Scenario, type ScenarioContext, TIMEOUT_SCALE } from '../harness';
import { SAMPLE_LEADS } from '../../../scripts/preview/sample-data';

/**
 * The page's "now" for the card's relative times: the suite's sync-log anchor (2025-11-27 17:00 UTC, 09:00 in the
 * preview user's Los Angeles zone), pinned in this page only (an init script, not the shared context's clock).
 */
const PAGE_NOW = Date.UTC(2025, 10, 27, 17, 0, 0);

async function pinClock(t: ScenarioContext): Promise<void> {
  await t.page.addInitScript((now: number) => {
    const started = performance.now();
    Date.now = () => now + Math.round(performance.now() - started);
  }, PAGE_NOW);
}

const CARD = 'c-aloware-engagement-card';

function sampleLead(note: string): string {
  const lead = SAMPLE_LEADS.find((l) => l.note.startsWith(note));
  if (!lead) throw new Error(`no sample Lead "${note}"`);
  return lead.id;
}

export const engagementCardScenarios: Scenario[] = [
  {
    name: 'engagement card: a DNC Lead shows the Do Not Call warning, activity and totals',
    async run(t) {
      await t.open(`/lead?id=${sampleLead('DNC')}`);
      const card = t.page.locator(CARD);
      const warning = card.locator('[data-id="dnc-warning"]');
      await expectText(warning, 'Do not call or text this Lead', 15_000);
      assert((await warning.getAttribute('role')) === 'alert', 'the DNC warning is announced (role=alert)');
      await expectText(warning, 'Aloware and Salesforce');
      await expectText(card.locator('[data-id="tcpa-badge"]'), 'TCPA not approved');
      await expectText(card.locator('[data-id="inbound-call"]'), 'Nov 20, 2025, 7:33 AM PST');
      await expectText(card.locator('[data-id="totals"]'), 'Outbound calls');
      const link = card.locator('[data-id="open-in-aloware"]');
      assert((await link.getAttribute('href')) === 'https://app.aloware.com/contacts/5001', 'Open in Aloware link');
    }
  },
  {
    name: 'engagement card: a Lead without engagement shows the empty state and no DNC warning',
    async run(t) {
      await t.open(`/lead?id=${sampleLead('no engagement')}`);
      const card = t.page.locator(CARD);
      await expectText(card.locator('[data-id="empty"]'), 'No Aloware engagement yet', 15_000);
      assert((await card.locator('[data-id="dnc-warning"]').count()) === 0, 'no DNC warning');
    }
  },
  {
    name: 'engagement card: without field access the card says so and shows no engagement fields',
    async run(t) {
      await t.open(`/lead?id=${sampleLead('DNC')}&perm=none`);
      const card = t.page.locator(CARD);
      await expectText(card.locator('[data-id="no-access"]'), "You don't have access", 15_000);
      assert((await card.locator('[data-id="totals"]').count()) === 0, 'no totals without access');
    }
  },
  {
    name: 'engagement card: times in the rep zone with how long ago, the sync status line, DNC first',
    async run(t) {
      await pinClock(t);
      await t.open(`/lead?id=${sampleLead('DNC')}`);
      const card = t.page.locator(CARD);
      // The newest outbound entry of this Lead in the generated log completed at 16:36:22 UTC.
      await expectText(card.locator('[data-id="sync-status"]'), 'Synced 23 minutes ago', 15_000);
      const inbound = card.locator('[data-id="inbound-call"]');
      await expectText(inbound, '7 days ago');
      await expectText(inbound, 'Nov 20, 2025, 7:33 AM PST');
      const recorded = await inbound.locator('time').getAttribute('title');
      assert(recorded === 'Recorded by Aloware as 2025-11-20 08:33:16-07:00', `recorded value kept: ${recorded}`);
      assert(!(await inbound.innerText()).includes('-07:00'), 'no raw recorded time in the visible text');
      // The last engagement is the outbound text: the same moment, the same zone, counted in calendar days.
      await expectText(card.locator('[data-id="outbound-text"]'), 'Nov 25, 2025, 9:45 AM PST');
      await expectText(card.locator('[data-id="last-engagement"]'), /2 days ago\s*Nov 25, 2025, 9:45 AM PST/);
      const ids = await card.locator('[data-id]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')));
      const body = ids.filter((id) => id !== 'open-in-aloware');
      assert(body[0] === 'dnc-warning', `the DNC warning comes first: ${body.join(', ')}`);
      assert(body.indexOf('sync-status') < body.indexOf('inbound-call'), 'the sync line precedes the activity');
    }
  },
  {
    name: 'engagement card: a Lead known to Aloware by id only gets Open in Aloware, and consistent dispositions',
    async run(t) {
      await pinClock(t);
      await t.open(`/lead?id=${sampleLead('engaged, TCPA')}`);
      const card = t.page.locator(CARD);
      const link = card.locator('[data-id="open-in-aloware"]');
      await link.waitFor({ timeout: 15_000 * TIMEOUT_SCALE });
      assert((await link.getAttribute('href')) === 'https://app.aloware.com/contacts/5002', 'link from the template');
      await expectText(card.locator('[data-id="sync-status"]'), 'No changes sent to Aloware yet');
      await expectText(card.locator('[data-id="outbound-call"]'), 'Disposition: Left Voicemail');
      await expectText(card.locator('[data-id="inbound-call"]'), 'Disposition: Callback Requested');
      await expectText(card.locator('[data-id="last-disposition"]'), 'Last call disposition: Left Voicemail');
    }
  },
  {
    name: 'engagement card: a Lead without a phone says it cannot sync; a rep without sync-log access sees no sync line',
    async run(t) {
      await t.open(`/lead?id=${sampleLead('queue-owned, no phone')}`);
      const card = t.page.locator(CARD);
      await expectText(card.locator('[data-id="sync-status"]'), 'Not syncing: this Lead has no phone', 15_000);
      await expectText(card.locator('[data-id="empty"]'), 'cannot sync with Aloware');
      assert(!(await card.locator('[data-id="empty"]').innerText()).includes('will appear here'), 'no false promise');

      await t.open(`/lead?id=${sampleLead('DNC')}&user=rep`);
      await expectText(card.locator('[data-id="inbound-call"]'), 'Last inbound call', 15_000);
      // The status answer has arrived (it carries the link template) before the absence is asserted.
      await card.locator('[data-id="open-in-aloware"]').waitFor({ timeout: 15_000 * TIMEOUT_SCALE });
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert((await card.locator('[data-id="sync-status"]').count()) === 0, 'no sync line for the rep');
    }
  },
  {
    name: 'engagement card: a push refused with 429 shows "Waiting to retry: Aloware rate limit"',
    async run(t) {
      const lead = sampleLead('no engagement');
      await t.open(`/lead?id=${lead}`);
      const card = t.page.locator(CARD);
      await expectText(card.locator('[data-id="sync-status"]'), 'Synced', 15_000);
      // One 429 on the forms call (as the end-to-end scenario does): the entry waits for its backoff retry.
      t.server.mock.setFailure('429', 1, '/api/v1/webhook/forms');
      await t.page.locator('#preview-phone').fill('+13125550178');
      await t.page.getByRole('button', { name: 'Save Lead' }).click();
      await toast(t.page, 'Lead saved').waitFor({ timeout: 15_000 * TIMEOUT_SCALE });
      await waitUntil(
        async () => {
          const rows = await t.server.org.query(
            `SELECT Status__c FROM Aloware_Sync_Log__c WHERE Lead__c = '${lead}' AND Status__c = 'Retrying'`
          );
          return rows.length > 0;
        },
        'the push was refused with 429 and waits to be retried',
        20_000
      );
      // Reopening the page reads the entry again (the card also re-reads an open entry every minute).
      await t.open(`/lead?id=${lead}`);
      const line = card.locator('[data-id="sync-status"]');
      await expectText(line, 'Waiting to retry: Aloware rate limit', 15_000);
      await expectText(line, /Next attempt (in \d+ minutes?|in less than a minute|due now)/);
    }
  }
];
