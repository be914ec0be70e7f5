/** The engagement card on the Lead record page. */
import { assert, expectText, type Scenario } from '../harness';
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
    name: 'engagement card: without field access the card says so and shows no engagement fields',
    async run(t) {
      await t.open(`/lead?id=${sampleLead('DNC')}&perm=none`);
      const card = t.page.locator(CARD);
      await expectText(card.locator('[data-id="no-access"]'), "You don't have access", 15_000);
      assert((await card.locator('[data-id="totals"]').count()) === 0, 'no totals without access');
    }
  }
];
