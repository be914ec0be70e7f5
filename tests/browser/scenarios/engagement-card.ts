/** The engagement card on the Lead record page. */
import { assert, expectText, toast, type Scenario } from '../harness';
import { SAMPLE_LEADS } from '../../../scripts/preview/sample-data';

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
      await expectText(card.locator('[data-id="inbound-call"]'), '08:33:16-07:00');
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
    name: 'engagement card: an Aloware webhook (sent from the page footer) updates the card, and the sync log records it',
    async run(t) {
      const id = sampleLead('no engagement');
      const started = Date.now();
      await t.open(`/lead?id=${id}`);
      const card = t.page.locator(CARD);
      await expectText(card.locator('[data-id="empty"]'), 'No Aloware engagement yet', 15_000);
      await t.page.locator('#preview-event').selectOption('inbound-sms');
      await t.page.getByRole('button', { name: 'Send webhook for this Lead' }).click();
      await toast(t.page, 'Webhook delivered').waitFor({ timeout: 15_000 });
      // The Lead was unknown to Aloware: it was pushed first, then the event arrived through the webhook endpoint.
      const forms = t.server.mock.requests.find((r) => r.path === '/api/v1/webhook/forms');
      assert(forms?.status === 201, `the Lead was created in the mock Aloware account, saw ${forms?.status}`);
      await expectText(card.locator('[data-id="inbound-text"]'), '“', 15_000);
      await expectText(card.locator('[data-id="totals"]'), /Inbound texts\s*1/);
      const logged = t.server.state.syncLog
        .all()
        .filter(
          (e) => e.leadId === id && e.source === 'Webhook' && e.status === 'Succeeded' && e.createdDate >= started
        );
      assert(logged.length === 1, `one Succeeded Webhook entry for the Lead, saw ${logged.length}`);
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
  }
];
