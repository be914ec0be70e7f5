/**
 * Calls and texts logged as Tasks (issue 17): a webhook sent through the preview becomes one Task on the Lead, shown
 * on the page's Activity timeline and in the recent-communications list; a repeat adds nothing.
 */
import { SAMPLE_LEADS } from '../../../scripts/preview/sample-data';
import { assert, clearToasts, expectText, toast, type Scenario, type ScenarioContext, TIMEOUT_SCALE } from '../harness';

const LIST = 'c-aloware-recent-communications';

function sampleLead(note: string): string {
  const lead = SAMPLE_LEADS.find((l) => l.note.startsWith(note));
  if (!lead) throw new Error(`no sample Lead "${note}"`);
  return lead.id;
}

async function tasksOf(t: ScenarioContext, leadId: string): Promise<Record<string, unknown>[]> {
  return t.server.org.query(
    `SELECT Id, Subject, CallDisposition, Aloware_Communication_ID__c FROM Task WHERE WhoId = '${leadId}'`
  );
}

async function send(t: ScenarioContext, kind: string): Promise<void> {
  await t.page.locator('#preview-event').selectOption(kind);
  await t.page.getByRole('button', { name: 'Send webhook for this Lead' }).click();
  await toast(t.page, 'Webhook delivered')
    .first()
    .waitFor({ timeout: 15_000 * TIMEOUT_SCALE });
}

export const recentCommunicationsScenarios: Scenario[] = [
  {
    name: 'recent communications: a call webhook sent through the preview logs one Task, on the Activity timeline and in the recent list; the same webhook again adds nothing',
    async run(t) {
      const leadId = sampleLead('engaged, TCPA');
      await t.open(`/lead?id=${leadId}`);
      const list = t.page.locator(LIST);
      await expectText(list.locator('[data-id="empty"]'), 'No Aloware calls or texts logged yet', 15_000);
      await expectText(t.page.locator('#preview-timeline'), 'No activities yet.');

      await send(t, 'outbound-call');
      await expectText(list.locator('[data-id="communication"]').first(), 'Outbound call — Appointment Set', 15_000);
      await expectText(list.locator('[data-id="relative-time"]').first(), /now|sec|min/);
      await expectText(list.locator('[data-id="disposition"]').first(), 'Disposition: Appointment Set');
      const timeline = t.page.locator('#preview-timeline');
      await expectText(timeline, 'Outbound call — Appointment Set', 15_000);
      await expectText(timeline, 'Call Result: Appointment Set');
      await expectText(timeline, 'Duration: 107 s');
      const link = list.locator('[data-id="timeline-link"]');
      assert(
        (await link.getAttribute('href')) === `/lightning/r/Lead/${leadId}/related/ActivityHistories/view`,
        'the list links to the Lead activity timeline'
      );
      const tasks = await tasksOf(t, leadId);
      assert(tasks.length === 1, `one Task for the call, saw ${JSON.stringify(tasks)}`);

      await clearToasts(t.page);
      await t.page.getByRole('button', { name: 'Deliver the same webhook again' }).click();
      await toast(t.page, 'Webhook delivered')
        .first()
        .waitFor({ timeout: 15_000 * TIMEOUT_SCALE });
      const again = await tasksOf(t, leadId);
      assert(JSON.stringify(again) === JSON.stringify(tasks), `the repeat changed the Tasks: ${JSON.stringify(again)}`);
      assert((await list.locator('[data-id="communication"]').count()) === 1, 'still one communication listed');

      // Earlier toasts may have closed by now: the list itself shows that the text was delivered.
      await t.page.locator('#preview-event').selectOption('inbound-sms');
      await t.page.getByRole('button', { name: 'Send webhook for this Lead' }).click();
      await expectText(list.locator('[data-id="communication"]').first(), 'Inbound text', 15_000);
      await expectText(timeline, 'Thanks, call me tomorrow at 10.', 15_000);
      assert((await tasksOf(t, leadId)).length === 2, 'the text is a second Task');
    }
  },
  {
    name: 'recent communications: without access to the logged Tasks the list says so',
    async run(t) {
      await t.open(`/lead?id=${sampleLead('DNC')}&perm=none`);
      await expectText(t.page.locator(`${LIST} [data-id="no-access"]`), "You don't have access", 15_000);
    }
  }
];
