/**
 * The gate-test suite: proves every gate can fail. Each planted fault is a few files written into a throw-away copy of
 * the project; the gate that must catch it — the same gate function `npm test` runs (registry.ts), in a process of its
 * own, on that copy — must FAIL and name it. Faults share a copy and one run of each of their gates when none of them
 * can disturb another's gate (`disturbs`: e.g. a TypeScript error breaks the LWC build that the metadata and scan gates
 * need) and a gate with several faults in one copy reports every finding (all of ours do: EVERY_FINDING); the gate runs
 * go side by side within the machine's cores. One more plant proves the wiring end to end: `npm test` itself, in a copy
 * with one planted fault (the other gates skipped through ALOWARE_SKIP_GATES, which exists for this caller only),
 * exits non-zero, marks that gate FAIL and names the fault; the same copy unplanted passes it.
 * Closing lines: `gate-tests: N of M planted faults caught` and `N passed, N failed`.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { GateResult, PROJECT_ROOT } from './lib';
import { buildInChild, gateCapacity, Job, runJobs, spawnCapture, spawnGate } from './parallel';
import { GATES } from './registry';

export interface PlantedFault {
  name: string;
  /**
   * Files to create or change (path relative to the project root → content, or a function of the file's current
   * content for an edit of an existing file).
   */
  files: Record<string, string | ((current: string) => string)>;
  /** The gate that must report it. */
  gate: string;
  /** Text that must appear in that gate's findings. */
  expect: RegExp;
  /**
   * Gates this fault stops from checking the rest of the tree (a build it breaks, a tree the Apex emulator cannot
   * load): it never shares a copy with their faults.
   */
  disturbs?: string[];
  /**
   * Paths (relative to the root) this fault's copy leaves out: the other tests of a dynamic gate, which npm test's own
   * run of that gate executes on the tree; the copy proves that the gate fails on the planted test and names it. A fault
   * that trims its copy shares it only with faults of its own gate.
   */
  trims?: (path: string) => boolean;
}

/** Planted Apex test classes: the emulator gate (`apex`) runs every test class in `force-app`. */

const CLASSES = 'force-app/main/default/classes/gatefaults';
const APEX_TESTS = 'force-app/main/default/classes/tests/gatefaults';
const LWC = 'force-app/main/default/lwc';
const CLASS_META =
  '<?xml version="1.0" encoding="UTF-8" ?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">\n  <apiVersion>65.0</apiVersion>\n  <status>Active</status>\n</ApexClass>\n';
const BUNDLE_META =
  '<?xml version="1.0" encoding="UTF-8" ?>\n<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">\n  <apiVersion>65.0</apiVersion>\n  <isExposed>false</isExposed>\n</LightningComponentBundle>\n';

function apexClass(name: string, body: string): Record<string, string> {
  return { [`${CLASSES}/${name}.cls`]: body, [`${CLASSES}/${name}.cls-meta.xml`]: CLASS_META };
}

function lwcBundle(name: string, ts: string): Record<string, string> {
  return {
    [`${LWC}/${name}/${name}.ts`]: ts,
    [`${LWC}/${name}/${name}.html`]: '<template>\n  <p>fault</p>\n</template>\n',
    [`${LWC}/${name}/${name}.js-meta.xml`]: BUNDLE_META
  };
}

function apexTest(name: string, body: string): Record<string, string> {
  return { [`${APEX_TESTS}/${name}.cls`]: body, [`${APEX_TESTS}/${name}.cls-meta.xml`]: CLASS_META };
}

/**
 * The Apex copy keeps the planted test classes only: the emulator gate runs every test class it finds, and npm test's
 * own run of the gate executes the tree's 380-odd; here it must fail on the plants and name each one.
 */
function apexTestTrim(path: string): boolean {
  return /^force-app\/main\/default\/classes\/tests\/./.test(path) && !path.startsWith(`${APEX_TESTS}`);
}

/**
 * The browser copy keeps the scenario modules its plants need: the Lead page's accessibility scans (accessibility.ts:
 * the Setup page's, the suite's longest, are in accessibility-setup.ts) and the planted module.
 */
function browserTrim(path: string): boolean {
  return /^tests\/browser\/scenarios\/[^/]+\.ts$/.test(path) && path !== 'tests/browser/scenarios/accessibility.ts';
}

/** Gates whose every finding is reported (no stop at the first): several faults of theirs may share one run. */
export const EVERY_FINDING = new Set([
  'tsc',
  'eslint',
  'prettier',
  'apex-ls',
  'references',
  'apex-architecture',
  'pmd',
  'metadata',
  'scan',
  'apex',
  'jest',
  'browser'
]);

export const FAULTS: PlantedFault[] = [
  {
    name: 'failing Apex assertion (emulator)',
    gate: 'apex',
    trims: apexTestTrim,
    expect:
      /AlowareGateFaultAssertTest\.shouldFail: System\.AssertException: Assertion Failed: Expected: 1, Actual: 2.*line 5/,
    files: apexTest(
      'AlowareGateFaultAssertTest',
      '@IsTest\nprivate class AlowareGateFaultAssertTest {\n    @IsTest\n    static void shouldFail() {\n        Assert.areEqual(1, 2, null);\n    }\n}\n'
    )
  },
  {
    name: 'null dereference in an Apex test (emulator)',
    gate: 'apex',
    trims: apexTestTrim,
    expect:
      /AlowareGateFaultNullTest\.shouldFail: System\.NullPointerException: Attempt to de-reference a null object.*line 6/,
    files: apexTest(
      'AlowareGateFaultNullTest',
      "@IsTest\nprivate class AlowareGateFaultNullTest {\n    @IsTest\n    static void shouldFail() {\n        String text;\n        Assert.areEqual(0, text.length(), 'never reached');\n    }\n}\n"
    )
  },
  {
    name: 'SOQL inside a loop over 200 Leads (emulator governor limit)',
    gate: 'apex',
    trims: apexTestTrim,
    expect: /AlowareGateFaultSoqlLimitTest\.shouldQueryInALoop: System\.LimitException: Too many SOQL queries: 101/,
    files: apexTest(
      'AlowareGateFaultSoqlLimitTest',
      "@IsTest\nprivate class AlowareGateFaultSoqlLimitTest {\n    @IsTest\n    static void shouldQueryInALoop() {\n        List<Lead> leads = new List<Lead>();\n        for (Integer i = 0; i < 200; i++) {\n            leads.add(new Lead(LastName = 'Loop ' + i, Company = 'Loop Co'));\n        }\n        insert leads;\n        for (Lead lead : leads) {\n            Lead reloaded = [SELECT Id, LastName FROM Lead WHERE Id = :lead.Id];\n            Assert.areEqual(lead.LastName, reloaded.LastName, 'reloaded');\n        }\n    }\n}\n"
    )
  },
  {
    name: 'DML of a value longer than its field (emulator STRING_TOO_LONG)',
    gate: 'apex',
    trims: apexTestTrim,
    expect:
      /AlowareGateFaultTooLongTest\.shouldInsertATooLongEmail: System\.DmlException: Insert failed\. First exception on row 0; first error: STRING_TOO_LONG/,
    files: apexTest(
      'AlowareGateFaultTooLongTest',
      "@IsTest\nprivate class AlowareGateFaultTooLongTest {\n    @IsTest\n    static void shouldInsertATooLongEmail() {\n        insert new Lead(LastName = 'Long', Company = 'Long Co', Email = 'x'.repeat(90) + '@example.com');\n    }\n}\n"
    )
  },
  {
    name: 'Apex syntax error',
    // The Apex emulator loads every class: the gates that run Apex cannot start.
    disturbs: ['apex', 'browser'],
    gate: 'prettier',
    expect: /AlowareGateFaultSyntax\.cls/,
    files: apexClass(
      'AlowareGateFaultSyntax',
      'public with sharing class AlowareGateFaultSyntax {\n    public void run( {\n    }\n}\n'
    )
  },
  {
    name: 'unknown Apex method',
    gate: 'apex-ls',
    expect: /noSuchMethodAnywhere/,
    files: apexClass(
      'AlowareGateFaultMethod',
      "public with sharing class AlowareGateFaultMethod {\n    public static Integer run() {\n        String text = 'x';\n        return text.noSuchMethodAnywhere();\n    }\n}\n"
    )
  },
  {
    name: 'unknown Lead field in Apex',
    gate: 'references',
    expect: /unknown Lead field 'Not_A_Real_Field__c'/,
    files: apexClass(
      'AlowareGateFaultField',
      'public with sharing class AlowareGateFaultField {\n    public static Object run(Lead lead) {\n        return lead.Not_A_Real_Field__c;\n    }\n}\n'
    )
  },
  {
    name: 'wrong Apex parameter name from LWC',
    gate: 'references',
    expect: /keys \{msg\} do not match the parameters of AlowareGateFaultController\.echo\(message\)/,
    files: {
      ...apexClass(
        'AlowareGateFaultController',
        'public with sharing class AlowareGateFaultController {\n    @AuraEnabled\n    public static String echo(String message) {\n        return message;\n    }\n}\n'
      ),
      ...lwcBundle(
        'alowareGateFaultParam',
        "import { LightningElement } from 'lwc';\nimport echo from '@salesforce/apex/AlowareGateFaultController.echo';\n\nexport default class AlowareGateFaultParam extends LightningElement {\n  async handleClick(): Promise<void> {\n    await echo({ msg: 'x' });\n  }\n}\n"
      )
    }
  },
  {
    name: 'inner class in an @AuraEnabled signature',
    gate: 'references',
    expect: /AlowareGateFaultInner\.cls:\d+ @AuraEnabled rows: return type uses inner class 'Row'/,
    files: apexClass(
      'AlowareGateFaultInner',
      'public with sharing class AlowareGateFaultInner {\n    public class Row {\n        @AuraEnabled\n        public String name;\n    }\n\n    @AuraEnabled\n    public static List<Row> rows() {\n        return new List<Row>();\n    }\n}\n'
    )
  },
  {
    name: 'SOQL in a controller',
    gate: 'apex-architecture',
    expect: /controllers\/AlowareGateFaultQueryController\.cls:4 static SOQL\/SOSL in a controller/,
    files: {
      'force-app/main/default/classes/controllers/AlowareGateFaultQueryController.cls':
        'public with sharing class AlowareGateFaultQueryController {\n    @AuraEnabled\n    public static Integer leads() {\n        return [SELECT COUNT() FROM Lead WITH USER_MODE];\n    }\n}\n',
      'force-app/main/default/classes/controllers/AlowareGateFaultQueryController.cls-meta.xml': CLASS_META
    }
  },
  {
    name: 'two Apex folders that depend on each other',
    gate: 'apex-architecture',
    expect:
      /folders gatefaults-tie and gatefaults depend on each other: .*AlowareGateFaultTieB\.cls:3 uses gatefaults\/AlowareGateFaultTieA; .*AlowareGateFaultTieA\.cls:3 uses gatefaults-tie\/AlowareGateFaultTieB/,
    files: {
      ...apexClass(
        'AlowareGateFaultTieA',
        'public with sharing class AlowareGateFaultTieA {\n    public static Integer one() {\n        return AlowareGateFaultTieB.two() - 1;\n    }\n}\n'
      ),
      [`${CLASSES}-tie/AlowareGateFaultTieB.cls`]:
        'public with sharing class AlowareGateFaultTieB {\n    public static Integer two() {\n        return AlowareGateFaultTieA.class == null ? 0 : 2;\n    }\n}\n',
      [`${CLASSES}-tie/AlowareGateFaultTieB.cls-meta.xml`]: CLASS_META
    }
  },
  {
    name: 'shared/ depending on another Apex folder',
    gate: 'apex-architecture',
    expect:
      /shared\/ depends on aloware-api\/: .*shared\/AlowareGateFaultShared\.cls:3 uses aloware-api\/AlowareOutcome/,
    files: {
      'force-app/main/default/classes/shared/AlowareGateFaultShared.cls':
        'public with sharing class AlowareGateFaultShared {\n    public static String success() {\n        return String.valueOf(AlowareOutcome.SUCCESS);\n    }\n}\n',
      'force-app/main/default/classes/shared/AlowareGateFaultShared.cls-meta.xml': CLASS_META
    }
  },
  {
    name: 'Apex class without a sharing declaration',
    gate: 'pmd',
    expect: /AlowareGateFaultSharing\.cls:1 class declares no sharing/,
    files: apexClass(
      'AlowareGateFaultSharing',
      'public class AlowareGateFaultSharing {\n    public static Integer two() {\n        return 2;\n    }\n}\n'
    )
  },
  {
    name: 'SOQL in a loop',
    gate: 'pmd',
    expect: /AlowareGateFaultLoop\.cls:\d+ OperationWithLimitsInLoop/,
    files: apexClass(
      'AlowareGateFaultLoop',
      'public with sharing class AlowareGateFaultLoop {\n    public static Integer run(List<Id> ids) {\n        Integer count = 0;\n        for (Id leadId : ids) {\n            count += [SELECT Id FROM Lead WHERE Id = :leadId WITH USER_MODE].size();\n        }\n        return count;\n    }\n}\n'
    )
  },
  {
    name: 'SOQL injection',
    gate: 'pmd',
    expect: /AlowareGateFaultInjection\.cls:\d+ ApexSOQLInjection/,
    files: apexClass(
      'AlowareGateFaultInjection',
      "public with sharing class AlowareGateFaultInjection {\n    public static List<Lead> run(String name) {\n        return Database.query('SELECT Id FROM Lead WHERE LastName = \\'' + name + '\\'', AccessLevel.USER_MODE);\n    }\n}\n"
    )
  },
  {
    name: 'TypeScript type error',
    // `npm run build` fails: the gates of the built package cannot start.
    disturbs: ['metadata', 'scan'],
    gate: 'tsc',
    expect: /alowareGateFaultTs\.ts.*TS2322/,
    files: lwcBundle(
      'alowareGateFaultTs',
      "import { LightningElement } from 'lwc';\n\nexport default class AlowareGateFaultTs extends LightningElement {\n  count: number = 'not a number';\n}\n"
    )
  },
  {
    name: 'LWC lint error',
    gate: 'eslint',
    expect: /alowareGateFaultLint\.ts:\d+ @lwc\/lwc\/no-async-operation/,
    files: lwcBundle(
      'alowareGateFaultLint',
      "import { LightningElement } from 'lwc';\n\nexport default class AlowareGateFaultLint extends LightningElement {\n  override connectedCallback(): void {\n    setTimeout(() => this.dispatchEvent(new CustomEvent('tick')), 10);\n  }\n}\n"
    )
  },
  {
    name: '`catch {` without a binding in a component (shipped JavaScript the review scanner cannot parse)',
    gate: 'scan',
    expect: /alowareGateFaultCatch\/alowareGateFaultCatch\.js:\d+ `catch \{` without a binding/,
    files: lwcBundle(
      'alowareGateFaultCatch',
      "import { LightningElement } from 'lwc';\n\nexport default class AlowareGateFaultCatch extends LightningElement {\n  parsed(text: string): unknown {\n    try {\n      return JSON.parse(text);\n    } catch {\n      return null;\n    }\n  }\n}\n"
    )
  },
  {
    name: 'scanner finding without a justification in docs/security-review.md',
    gate: 'scan',
    expect:
      /without a justification in docs\/security-review\.md: .*AlowareGateFaultUnjustified\.cls:\d+ pmd:AvoidHardcodedCredentialsInFieldDecls/,
    files: apexClass(
      'AlowareGateFaultUnjustified',
      "/**\n * @description Planted: a hard-coded credential the scan reports and docs/security-review.md does not justify.\n */\npublic with sharing class AlowareGateFaultUnjustified {\n    public static final String API_PASSWORD = 'hunter2-not-a-real-one';\n}\n"
    )
  },
  {
    name: 'bad metadata XML',
    gate: 'metadata',
    expect: /AlowareGateFaultXml\.cls-meta\.xml:\d+ malformed XML/,
    files: {
      [`${CLASSES}/AlowareGateFaultXml.cls`]: 'public with sharing class AlowareGateFaultXml {\n}\n',
      [`${CLASSES}/AlowareGateFaultXml.cls-meta.xml`]:
        '<?xml version="1.0" encoding="UTF-8" ?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">\n  <apiVersion>65.0</apiVersion>\n  <status>Active</statu>\n</ApexClass>\n'
    }
  },
  {
    name: 'Lead field without a catalog row',
    gate: 'catalog',
    expect: /objects\/Lead\/fields\/Aloware_Gate_Fault__c\.field-meta\.xml: Lead field without a catalog row/,
    files: {
      'force-app/main/default/objects/Lead/fields/Aloware_Gate_Fault__c.field-meta.xml':
        '<?xml version="1.0" encoding="UTF-8" ?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">\n  <fullName>Aloware_Gate_Fault__c</fullName>\n  <label>Gate Fault</label>\n  <length>40</length>\n  <required>false</required>\n  <type>Text</type>\n</CustomField>\n'
    }
  },
  {
    name: 'failing jest test',
    gate: 'jest',
    expect: /● gate fault › fails on purpose \(planted by the gate-test suite\)/,
    trims: (path) => /(^|\/)__tests__\/|\.test\.ts$/.test(path),
    files: {
      'scripts/gates/__tests__/alowareGateFault.test.ts':
        "describe('gate fault', () => {\n  it('fails on purpose (planted by the gate-test suite)', () => {\n    expect(1 + 1).toBe(3);\n  });\n});\n"
    }
  },
  {
    name: 'failing browser scenario',
    gate: 'browser',
    expect: /FAIL gate fault: the Setup page shows a sentence it never shows[\s\S]*AlowareGateFault: never on the page/,
    trims: browserTrim,
    files: {
      'tests/browser/scenarios/gate-fault.ts':
        "import { expectText, type Scenario } from '../harness';\n\nexport const gateFaultScenarios: Scenario[] = [\n  {\n    name: 'gate fault: the Setup page shows a sentence it never shows',\n    async run(t) {\n      await t.open('/');\n      await expectText(t.page.locator('c-aloware-setup'), 'AlowareGateFault: never on the page', 5_000);\n    }\n  }\n];\n"
    }
  },
  {
    name: 'axe violation in a component (a button without a name on the engagement card)',
    gate: 'browser',
    expect:
      /accessibility: the Lead page with the engagement card passes axe[\s\S]*?axe found \d+ serious\/critical violation\(s\) in c-aloware-engagement-card:[\s\S]*?button-name/,
    trims: browserTrim,
    files: {
      [`${LWC}/alowareEngagementCard/alowareEngagementCard.html`]: (current) =>
        current.replace(/^<template>\n/, '<template>\n  <button type="button" class="slds-button"></button>\n')
    }
  }
];

/**
 * Copies of planted faults: each fault goes into the first copy where it disturbs no other fault's gate, no other
 * fault there disturbs its gate, and its gate reports every finding if that copy already has a fault of its gate.
 */
export function plan(faults: PlantedFault[]): PlantedFault[][] {
  const copies: PlantedFault[][] = [];
  for (const fault of faults) {
    const fits = (copy: PlantedFault[]): boolean =>
      copy.every(
        (other) =>
          !(other.disturbs ?? []).includes(fault.gate) &&
          !(fault.disturbs ?? []).includes(other.gate) &&
          (!(fault.trims || other.trims) || other.gate === fault.gate) &&
          (other.gate !== fault.gate || EVERY_FINDING.has(fault.gate))
      );
    const copy = copies.find(fits);
    if (copy) copy.push(fault);
    else copies.push([fault]);
  }
  return copies;
}

/** The gates a copy runs, in npm test's order. */
export function gatesOf(copy: PlantedFault[]): string[] {
  return GATES.map((g) => g.name).filter((name) => copy.some((fault) => fault.gate === name));
}

const EXCLUDED = new Set(['node_modules', '.git', 'coverage', '.preview-build', '.sf', '.sfdx', 'test-results']);

/** Copies the project (sources only, less what `trims` leaves out) and links node_modules; returns the copy's root. */
export function copyProject(trims: (path: string) => boolean = () => false): string {
  const copy = mkdtempSync(join(tmpdir(), 'aloware-gate-test-'));
  cpSync(PROJECT_ROOT, copy, {
    recursive: true,
    filter: (source) => {
      const path = relative(PROJECT_ROOT, source);
      if (path === '') return true;
      if (EXCLUDED.has(path.split('/')[0] ?? '') || trims(path)) return false;
      return !(/\/lwc\/.*\.js$/.test(path) && !path.endsWith('-meta.xml'));
    }
  });
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(copy, 'node_modules'));
  return copy;
}

function plant(copy: string, faults: PlantedFault[]): void {
  for (const fault of faults) {
    for (const [path, content] of Object.entries(fault.files)) {
      const file = join(copy, path);
      mkdirSync(dirname(file), { recursive: true });
      if (typeof content === 'string') {
        writeFileSync(file, content);
        continue;
      }
      const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
      const changed = content(current);
      if (changed === current) throw new Error(`planting "${fault.name}" left ${path} unchanged`);
      writeFileSync(file, changed);
    }
  }
}

/** Whether a gate's result names the fault (its gate failed, and the expected text is among its findings). */
export function caught(fault: PlantedFault, result: GateResult | undefined): boolean {
  return result !== undefined && !result.ok && fault.expect.test(result.findings.join('\n'));
}

/** The fault planted for the end-to-end run of `npm test` (its gate is fast). */
export const END_TO_END_FAULT = 'unknown Lead field in Apex';

/** `npm test` in `root` with only `gate` run (every other gate skipped). */
async function npmTestOnly(root: string, gate: string): Promise<{ status: number; output: string }> {
  const skip = GATES.map((g) => g.name).filter((name) => name !== gate);
  return spawnCapture('npm', ['test', '--silent'], root, { ALOWARE_SKIP_GATES: skip.join(',') });
}

/** The findings printed under a gate's FAIL line. */
export function gateSection(output: string, gate: string): string | null {
  const lines = output.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`[FAIL] ${gate} `));
  if (start < 0) return null;
  const section: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('  ')) break;
    section.push(line);
  }
  return section.join('\n');
}

/**
 * The end-to-end plant: the copy passes `npm test` (its one gate run) unplanted, then fails it with the fault planted:
 * non-zero exit, the gate marked FAIL with the fault named, and the closing line counting the failure.
 */
async function endToEnd(fault: PlantedFault): Promise<string | null> {
  const copy = copyProject();
  try {
    const clean = await npmTestOnly(copy, fault.gate);
    if (clean.status !== 0) {
      return `the unplanted copy fails npm test (${fault.gate} only), so the plant would prove nothing:\n${clean.output.trim()}`;
    }
    plant(copy, [fault]);
    const { status, output } = await npmTestOnly(copy, fault.gate);
    const section = gateSection(output, fault.gate);
    const problems = [
      status === 0 ? 'npm test exited 0' : null,
      section === null ? `no [FAIL] ${fault.gate} line` : null,
      section !== null && !fault.expect.test(section) ? `the ${fault.gate} section does not name it: ${section}` : null,
      /^0 passed, 1 failed$/m.test(output) ? null : 'no closing line "0 passed, 1 failed"'
    ].filter((p): p is string => p !== null);
    return problems.length === 0 ? null : `${problems.join('; ')}\n${output.trim()}`;
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const copies = plan(FAULTS).map((faults) => ({
    faults,
    root: copyProject((path) => faults.some((fault) => fault.trims?.(path) === true))
  }));
  let failures = 0;
  try {
    for (const copy of copies) plant(copy.root, copy.faults);
    // The LWC build once per copy, before its gates run side by side (metadata and scan would each build it, and
    // jest and the browser suite read the tree it writes into).
    const builds = new Map(
      copies.map((copy) => [
        copy.root,
        gatesOf(copy.faults).some((name) => GATES.find((g) => g.name === name)?.needsBuild)
          ? buildInChild(copy.root)
          : Promise.resolve()
      ])
    );
    const jobs: Job<GateResult | string>[] = [];
    copies.forEach((copy, i) => {
      for (const name of gatesOf(copy.faults)) {
        const gate = GATES.find((g) => g.name === name);
        jobs.push({
          name: `${name}@${i + 1}`,
          cores: gate?.cores ?? 1,
          after: gate?.needsBuild ? builds.get(copy.root) : undefined,
          start: async () => (await spawnGate(name, copy.root)).result
        });
      }
    });
    const e2eFault = FAULTS.find((f) => f.name === END_TO_END_FAULT);
    if (!e2eFault) throw new Error(`no planted fault "${END_TO_END_FAULT}"`);
    jobs.push({ name: 'end-to-end', start: async () => (await endToEnd(e2eFault)) ?? 'ok' });
    // Longest first: the dynamic gates, then the scanner and the emulator.
    const order = ['browser', 'jest', 'scan', 'apex', 'prettier', 'tsc', 'pmd', 'eslint'];
    const rank = (job: Job<unknown>): number => {
      const i = order.indexOf(job.name.split('@')[0] ?? '');
      return i < 0 ? order.length : i;
    };
    jobs.sort((a, b) => rank(a) - rank(b));
    const seconds = new Map<string, number>();
    const timedJobs = jobs.map((job) => ({
      ...job,
      start: async () => {
        const t0 = Date.now();
        try {
          return await job.start();
        } finally {
          seconds.set(job.name, (Date.now() - t0) / 1000);
        }
      }
    }));
    const results = await runJobs(timedJobs, gateCapacity());

    copies.forEach((copy, i) => {
      const trimmed = copy.faults.some((fault) => fault.trims) ? " (the gate's other tests left out)" : '';
      const times = gatesOf(copy.faults)
        .map((name) => `${name} ${(seconds.get(`${name}@${i + 1}`) ?? 0).toFixed(1)} s`)
        .join(', ');
      console.log(`copy ${i + 1}: ${copy.faults.length} fault(s); gates run: ${times}${trimmed}`);
      for (const fault of copy.faults) {
        const result = results.get(`${fault.gate}@${i + 1}`);
        if (typeof result !== 'string' && caught(fault, result)) {
          console.log(`  caught: ${fault.name} -> gate ${fault.gate} FAIL`);
        } else {
          failures++;
          const shown =
            result === undefined || typeof result === 'string'
              ? '(not run)'
              : result.ok
                ? '(gate passed)'
                : result.findings.join('\n    ');
          console.log(`  MISSED: ${fault.name}: gate ${fault.gate}: ${shown}`);
        }
      }
    });
    const e2e = results.get('end-to-end');
    if (e2e === 'ok') {
      console.log(
        `end to end: npm test in a copy with "${END_TO_END_FAULT}" planted exits non-zero, ${e2eFault.gate} FAIL naming it (${(seconds.get('end-to-end') ?? 0).toFixed(1)} s)`
      );
    } else {
      failures++;
      console.log(`end to end: MISSED: ${String(e2e)}`);
    }
  } finally {
    for (const copy of copies) rmSync(copy.root, { recursive: true, force: true });
  }
  const total = FAULTS.length + 1;
  console.log(
    `gate-tests: ${total - failures} of ${total} planted faults caught (${FAULTS.length} by their gate in ${copies.length} copies, 1 end to end through npm test) in ${((Date.now() - started) / 1000).toFixed(1)} s`
  );
  console.log(`${total - failures} passed, ${failures} failed`);
  process.exit(failures === 0 ? 0 : 1);
}

if (require.main === module) void main();
