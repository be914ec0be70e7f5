/**
 * Apex emulator benchmark (`npm run bench`, never a timed test): how long loading force-app into the emulator
 * takes, how long the engine tests and the whole Apex test run take, and the governor figures of the run (SOQL,
 * DML and callouts per test method, from the emulator's counters). Writes docs/bench/apex.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Emulator } from '../../emulator/src/emulator';
import { loadProject } from '../../emulator/src/metadata/loader';
import { runTests, testClasses } from '../../emulator/src/testing/runner';

const ROOT = join(__dirname, '..', '..');

function time<T>(body: () => T): { value: T; seconds: number } {
  const started = process.hrtime.bigint();
  const value = body();
  return { value, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** Governor use of our paths, measured with `Limits` inside the emulator (the same counters the platform keeps). */
const GOVERNOR_SCENARIOS: Record<string, string> = {
  triggerChunk200: `
    AlowareOutboundTestData.settings();
    AlowareOutboxDrainJob.startRequested = true;
    List<Lead> leads = AlowareOutboundTestData.leads(200);
    Integer q0 = Limits.getQueries(); Integer d0 = Limits.getDmlStatements(); Integer r0 = Limits.getDmlRows();
    insert leads;
    Integer q1 = Limits.getQueries(); Integer d1 = Limits.getDmlStatements(); Integer r1 = Limits.getDmlRows();
    for (Lead lead : leads) { lead.FirstName = 'Changed'; }
    update leads;
    Integer q2 = Limits.getQueries(); Integer d2 = Limits.getDmlStatements(); Integer r2 = Limits.getDmlRows();
    return (q1 - q0) + ',' + (d1 - d0) + ',' + (r1 - r0) + ',' + (q2 - q1) + ',' + (d2 - d1) + ',' + (r2 - r1) + ',' + Limits.getCallouts();`,
  // The drain claims in one transaction and sends in the next (no callout after DML): two snippets, one org.
  drain100: `
    AlowareOutboundTestData.settings();
    List<Lead> leads = AlowareOutboundTestData.insertLeadsQuietly(100);
    AlowareOutboundTestData.pendingEntries(leads);
    Integer q0 = Limits.getQueries(); Integer d0 = Limits.getDmlStatements();
    String token = new AlowareOutboxProcessor().claim(100);
    return (Limits.getQueries() - q0) + ',' + (Limits.getDmlStatements() - d0) + ',' + token;`,
  drain100Send: `
    Test.setMock(System.HttpCalloutMock.class, new AlowareHttpMock().answerUsersWith(200, '[]'));
    String token = [SELECT Claim_Token__c FROM Aloware_Sync_Log__c WHERE Claim_Token__c != NULL LIMIT 1].Claim_Token__c;
    Integer q0 = Limits.getQueries(); Integer d0 = Limits.getDmlStatements();
    new AlowareOutboxProcessor().send(token);
    return (Limits.getQueries() - q0) + ',' + (Limits.getDmlStatements() - d0) + ',' + Limits.getCallouts();`,
  webhook100: `
    AlowareInboundTestData.useSettings();
    List<Lead> records = new List<Lead>();
    for (Integer i = 0; i < 100; i++) {
      records.add(new Lead(LastName = 'Bulk ' + i, Company = 'Bulk Co', Phone = '+1512555' + String.valueOf(i).leftPad(4, '0')));
    }
    records = AlowareInboundTestData.insertLeads(records);
    AlowareEventRouter router = new AlowareEventRouter(null);
    List<AlowareInboundEvent> events = new List<AlowareInboundEvent>();
    for (Integer i = 0; i < 100; i++) {
      Map<String, Object> body = AlowareInboundTestData.communication(1000 + i, 2, 1, '2024-07-01 10:00:00', records[i].Phone);
      events.add(AlowareInboundEvent.fromEnvelope(AlowareWebhookEnvelope.of('OutboundPhoneCall-DispositionCompleted', body), router, System.TimeZone.getTimeZone('GMT'), System.now()));
    }
    Integer q0 = Limits.getQueries(); Integer d0 = Limits.getDmlStatements(); Integer r0 = Limits.getDmlRows();
    new AlowareInboundProcessor(AlowareInboundContext.forWebhook(new AlowareInboundSettings(), events)).process(events);
    return (Limits.getQueries() - q0) + ',' + (Limits.getDmlStatements() - d0) + ',' + (Limits.getDmlRows() - r0);`
};

function governors(): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  let emulator = new Emulator(loadProject(ROOT));
  for (const [name, code] of Object.entries(GOVERNOR_SCENARIOS)) {
    // drain100Send continues in the org drain100 left; every other scenario starts from a fresh org.
    if (name !== 'drain100Send') emulator = new Emulator(loadProject(ROOT));
    const result = emulator.runSnippet(code);
    if (result.exception) throw new Error(`${name}: ${result.exception.type}: ${result.exception.message}`);
    out[name] = (result.value ?? '').split(',').map(Number);
  }
  return out;
}

function main(): void {
  const load = time(() => new Emulator(loadProject(ROOT)));
  const emulator = load.value;
  const project = emulator.project;
  const engineClasses = testClasses(emulator)
    .filter((c) => project?.apex.some((f) => f.name === c.name && /[\\/]tests[\\/]engine[\\/]/.test(f.path)))
    .map((c) => c.name);
  const engine = time(() => runTests(emulator, { tests: engineClasses }));
  const all = time(() => runTests(new Emulator(loadProject(ROOT))));
  const count = (r: typeof all.value, outcome: string): number =>
    r.outcomes.filter((o) => o.outcome === outcome).length;
  const figure = {
    generatedAt: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cpus: cpus().length,
    loadSeconds: +load.seconds.toFixed(2),
    engineTests: {
      methods: engine.value.outcomes.length,
      passed: count(engine.value, 'pass'),
      seconds: +engine.seconds.toFixed(2)
    },
    allTests: {
      methods: all.value.outcomes.length,
      passed: count(all.value, 'pass'),
      failed: count(all.value, 'fail'),
      seconds: +all.seconds.toFixed(2),
      maxSoqlPerMethod: Math.max(0, ...all.value.outcomes.map((o) => o.soql)),
      maxDmlPerMethod: Math.max(0, ...all.value.outcomes.map((o) => o.dml))
    }
  };
  const g = governors();
  const [tq, td, tr, uq, ud, ur, tc] = g.triggerChunk200;
  const [cq, cd] = g.drain100;
  const [sq, sd, sc] = g.drain100Send;
  const [wq, wd, wr] = g.webhook100;
  const governorFigures = {
    note: 'Counted by the emulator with the platform Limits counters; the Lead DML statement itself is included in the trigger figures.',
    leadInsert200: { soql: tq, dmlStatements: td, dmlRows: tr, callouts: tc },
    leadUpdate200: { soql: uq, dmlStatements: ud, dmlRows: ur },
    outboundDrain100: { claimSoql: cq, claimDml: cd, sendSoql: sq, sendDml: sd, callouts: sc },
    inboundWebhook100: { soql: wq, dmlStatements: wd, dmlRows: wr }
  };
  mkdirSync(join(ROOT, 'docs', 'bench'), { recursive: true });
  writeFileSync(
    join(ROOT, 'docs', 'bench', 'apex.json'),
    `${JSON.stringify({ ...figure, governors: governorFigures }, null, 2)}\n`
  );
  console.log(`governors: ${JSON.stringify(governorFigures)}`);
  console.log(
    `apex emulator: load ${figure.loadSeconds} s; engine tests ${figure.engineTests.passed}/${figure.engineTests.methods} in ${figure.engineTests.seconds} s; ` +
      `all tests ${figure.allTests.passed}/${figure.allTests.methods} passed in ${figure.allTests.seconds} s (load excluded)`
  );
}

main();
