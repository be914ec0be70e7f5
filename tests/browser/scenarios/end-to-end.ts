/**
 * End to end through every layer: the real components in Chromium, the real Apex in the emulated org (trigger,
 * outbox, drain Queueable, Apex REST webhook), the `Aloware` Named Credential's callouts over HTTP to the mock
 * Aloware API, and back.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../../scripts/preview/build';
import { SAMPLE_LEADS } from '../../../scripts/preview/sample-data';
import {
  assert,
  chooseOption,
  expectText,
  openSetupTab,
  clearToasts,
  toast,
  waitUntil,
  type Scenario,
  type ScenarioContext,
  TIMEOUT_SCALE
} from '../harness';

const CARD = 'c-aloware-engagement-card';

function sampleLead(note: string): { id: string; first: string; last: string } {
  const lead = SAMPLE_LEADS.find((l) => l.note.startsWith(note));
  if (!lead) throw new Error(`no sample Lead "${note}"`);
  return { id: lead.id, first: String(lead.fields.FirstName), last: String(lead.fields.LastName) };
}

function forms(t: ScenarioContext): { status: number; body: Record<string, unknown> | null }[] {
  return t.server.mock.requests.filter((r) => r.path === '/api/v1/webhook/forms');
}

async function logStatuses(t: ScenarioContext, leadId: string, direction: string): Promise<string[]> {
  const rows = await t.server.org.query(
    `SELECT Status__c FROM Aloware_Sync_Log__c WHERE Lead__c = '${leadId}' AND Direction__c = '${direction}' ` +
      `AND CreatedDate = TODAY ORDER BY CreatedDate DESC`
  );
  return rows.map((r) => String(r.Status__c));
}

async function editPhone(t: ScenarioContext, phone: string): Promise<void> {
  await t.page.locator('#preview-phone').fill(phone);
  await t.page.getByRole('button', { name: 'Save Lead' }).click();
  await toast(t.page, 'Lead saved').waitFor({ timeout: 15_000 * TIMEOUT_SCALE });
}

/** `@salesforce/apex/Class.method` imports of the components (force-app/main/default/lwc/**). */
function apexImports(): string[] {
  const out = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '__tests__') walk(full);
      } else if (/\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        for (const m of readFileSync(full, 'utf8').matchAll(/@salesforce\/apex\/([A-Za-z0-9_]+\.[A-Za-z0-9_]+)/g)) {
          if (m[1]) out.add(m[1]);
        }
      }
    }
  };
  walk(path.join(REPO_ROOT, 'force-app', 'main', 'default', 'lwc'));
  return [...out].sort();
}

export const endToEndScenarios: Scenario[] = [
  {
    name: 'preview: every Apex import of the components is answered by the emulated Apex (no TypeScript stand-in)',
    async run(t) {
      const imports = apexImports();
      assert(imports.length >= 10, `the components import Apex methods (${imports.length})`);
      const missing: string[] = [];
      for (const route of imports) if (!(await t.server.org.answers(route))) missing.push(route);
      assert(missing.length === 0, `not a static @AuraEnabled method in the emulated org: ${missing.join(', ')}`);
    }
  },
  {
    name: "end to end: a Lead's phone edited in the preview reaches Aloware once (mapped payload), logs Succeeded; a webhook updates the card; the same webhook again changes nothing; a missed call updates the inbound-call facts",
    async run(t) {
      const lead = sampleLead('no engagement');
      const phone = '+13125550177';
      await t.open(`/lead?id=${lead.id}`);
      const card = t.page.locator(CARD);
      await expectText(card.locator('[data-id="empty"]'), 'No Aloware engagement yet', 15_000);

      await editPhone(t, phone);
      await waitUntil(async () => forms(t).length >= 1, 'the drain Queueable sent a forms request', 20_000);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const sent = forms(t);
      assert(sent.length === 1, `exactly one forms request, saw ${sent.length}`);
      const body = sent[0]?.body ?? {};
      assert(body.phone_number === phone, `phone_number is the new phone, saw ${String(body.phone_number)}`);
      assert(
        body.first_name === lead.first && body.last_name === lead.last,
        `the name is mapped: ${JSON.stringify(body)}`
      );
      assert(body.api_token === '[REDACTED]', 'the API token is sent (redacted in the record)');
      assert(sent[0]?.status === 201, `Aloware created the contact, saw ${sent[0]?.status}`);
      await waitUntil(
        async () => (await logStatuses(t, lead.id, 'Outbound'))[0] === 'Succeeded',
        'the outbound sync-log entry is Succeeded',
        15_000
      );

      await t.page.locator('#preview-event').selectOption('inbound-sms');
      await t.page.getByRole('button', { name: 'Send webhook for this Lead' }).click();
      await toast(t.page, 'Webhook delivered').waitFor({ timeout: 15_000 * TIMEOUT_SCALE });
      await expectText(card.locator('[data-id="totals"]'), /Inbound texts\s*1/, 15_000);
      await expectText(card.locator('[data-id="inbound-text"]'), '“', 15_000);
      const inbound = await logStatuses(t, lead.id, 'Inbound');
      assert(inbound[0] === 'Succeeded', `the webhook is logged Succeeded, saw ${inbound.join(', ')}`);

      const before = await t.server.org.query(
        `SELECT Aloware_Total_Inbound_Texts__c, Aloware_Last_Inbound_Text__c FROM Lead WHERE Id = '${lead.id}'`
      );
      await clearToasts(t.page);
      await t.page.getByRole('button', { name: 'Deliver the same webhook again' }).click();
      await toast(t.page, 'Webhook delivered')
        .first()
        .waitFor({ timeout: 15_000 * TIMEOUT_SCALE });
      const after = await t.server.org.query(
        `SELECT Aloware_Total_Inbound_Texts__c, Aloware_Last_Inbound_Text__c FROM Lead WHERE Id = '${lead.id}'`
      );
      assert(
        JSON.stringify(after) === JSON.stringify(before),
        `the duplicate changed the Lead: ${JSON.stringify(after)}`
      );
      await expectText(card.locator('[data-id="totals"]'), /Inbound texts\s*1/);
      const again = await logStatuses(t, lead.id, 'Inbound');
      assert(
        again.filter((s) => s === 'Succeeded').length === 1,
        `one Succeeded inbound entry after the duplicate, saw ${again.join(', ')}`
      );

      // A missed inbound call (Aloware's InboundPhoneCall-DispositionMissed: no agent, outcome no-answer) updates
      // the inbound-call facts on the card.
      await t.page.locator('#preview-event').selectOption('missed-call');
      await t.page.getByRole('button', { name: 'Send webhook for this Lead' }).click();
      await expectText(card.locator('[data-id="totals"]'), /Inbound calls\s*1/, 15_000);
      await expectText(card.locator('[data-id="inbound-call"]'), 'Last inbound call', 15_000);
      const missed = await t.server.org.query(
        `SELECT Aloware_Last_Inbound_Call_Date__c, Aloware_Last_Inbound_Call_Disposition__c, Aloware_Lead_Link__c FROM Lead WHERE Id = '${lead.id}'`
      );
      const missedRow = (missed[0] ?? {}) as Record<string, unknown>;
      assert(
        missedRow.Aloware_Last_Inbound_Call_Date__c,
        `the missed call set the last inbound call date: ${JSON.stringify(missed)}`
      );
      assert(
        !missedRow.Aloware_Last_Inbound_Call_Disposition__c,
        `the telephony outcome is not written as a disposition: ${JSON.stringify(missed)}`
      );
      assert(
        String(missedRow.Aloware_Lead_Link__c ?? '').startsWith('https://app.aloware.com/contacts/'),
        `the contact link is written from the template: ${JSON.stringify(missed)}`
      );

      // The sync log on the Setup page shows the push.
      await openSetupTab(t, 'Sync Log');
      const log = t.page.locator('c-aloware-sync-log');
      await expectText(log.locator('[data-id="range"]'), 'Showing', 20_000);
      const search = log.getByRole('searchbox', { name: 'Lead name or Id' });
      await search.fill(`${lead.first} ${lead.last}`);
      await search.press('Enter');
      await chooseOption(log, 'Direction', 'Outbound');
      await log.getByRole('button', { name: 'Apply filters' }).click();
      await expectText(
        log.locator('[data-id="log-table"] tbody tr').first().locator('td[data-label="Status"]'),
        'Succeeded',
        15_000
      );
    }
  },
  {
    name: 'end to end: Aloware answering 429 then 200 leaves the entry Retrying, then the backoff retry makes it Succeeded',
    async run(t) {
      // A short backoff so the retry is due within the scenario (the settings' base backoff, anonymous Apex).
      const failed = await t.server.org.executeAnonymous(
        'Aloware_Settings__c s = Aloware_Settings__c.getOrgDefaults(); s.Base_Backoff_Seconds__c = 1; upsert s;'
      );
      assert(failed === null, `anonymous Apex failed: ${failed}`);
      const lead = sampleLead('engaged, TCPA');
      await t.open(`/lead?id=${lead.id}`);
      t.server.mock.setFailure('429', 1, '/api/v1/webhook/forms');
      await editPhone(t, '+12125550188');
      // Retrying lasts the backoff (2 s, Aloware's Retry-After): on a loaded machine the retry may already have
      // run when the log is read, so either state after the 429 counts; the request log proves the 429 came first.
      await waitUntil(
        async () =>
          forms(t)[0]?.status === 429 &&
          ['Retrying', 'Succeeded'].includes((await logStatuses(t, lead.id, 'Outbound'))[0] ?? ''),
        'the entry is Retrying (or already retried) after the 429',
        20_000
      );
      assert(forms(t)[0]?.status === 429, `the first forms request got 429, saw ${forms(t)[0]?.status}`);
      await waitUntil(
        async () => (await logStatuses(t, lead.id, 'Outbound'))[0] === 'Succeeded',
        'the retried entry is Succeeded',
        45_000
      );
      const sent = forms(t);
      const statuses = sent.map((r) => r.status);
      // 201: the new phone is a contact Aloware did not have yet (Aloware upserts by phone).
      assert(
        statuses.length === 2 && statuses[0] === 429 && (statuses[1] === 200 || statuses[1] === 201),
        `429 then a success, saw ${statuses.join(', ')}`
      );
    }
  }
];
