/**
 * The gate-test suite: proves every static gate can fail. It copies the project to a throw-away folder, checks that
 * `npm test` passes there unchanged (baseline), then plants one fault at a time and asserts that `npm test` — the
 * README's test command, not just the single tool — exits non-zero, marks the expected gate FAIL and names the fault.
 * In the copies the dynamic gates (jest, browser) and this suite are skipped via ALOWARE_SKIP_GATES: the planted
 * faults are static, and the dynamic gates have their own failing tests; `apex` and `scan` run only for their own
 * faults (see skippedFor).
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { PROJECT_ROOT, run } from './lib';

export interface PlantedFault {
  name: string;
  /** Files to create (path relative to the project root → content). */
  files: Record<string, string>;
  /** The gate that must report it. */
  gate: string;
  /** Text that must appear in that gate's findings. */
  expect: RegExp;
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

export const FAULTS: PlantedFault[] = [
  {
    name: 'failing Apex assertion (emulator)',
    gate: 'apex',
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
    expect: /AlowareGateFaultSoqlLimitTest\.shouldQueryInALoop: System\.LimitException: Too many SOQL queries: 101/,
    files: apexTest(
      'AlowareGateFaultSoqlLimitTest',
      "@IsTest\nprivate class AlowareGateFaultSoqlLimitTest {\n    @IsTest\n    static void shouldQueryInALoop() {\n        List<Lead> leads = new List<Lead>();\n        for (Integer i = 0; i < 200; i++) {\n            leads.add(new Lead(LastName = 'Loop ' + i, Company = 'Loop Co'));\n        }\n        insert leads;\n        for (Lead lead : leads) {\n            Lead reloaded = [SELECT Id, LastName FROM Lead WHERE Id = :lead.Id];\n            Assert.areEqual(lead.LastName, reloaded.LastName, 'reloaded');\n        }\n    }\n}\n"
    )
  },
  {
    name: 'DML of a value longer than its field (emulator STRING_TOO_LONG)',
    gate: 'apex',
    expect:
      /AlowareGateFaultTooLongTest\.shouldInsertATooLongEmail: System\.DmlException: Insert failed\. First exception on row 0; first error: STRING_TOO_LONG/,
    files: apexTest(
      'AlowareGateFaultTooLongTest',
      "@IsTest\nprivate class AlowareGateFaultTooLongTest {\n    @IsTest\n    static void shouldInsertATooLongEmail() {\n        insert new Lead(LastName = 'Long', Company = 'Long Co', Email = 'x'.repeat(90) + '@example.com');\n    }\n}\n"
    )
  },
  {
    name: 'Apex syntax error',
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
  }
];

/**
 * Gates skipped in the copies: the dynamic ones (jest, browser), this suite (no recursion) and, for static faults,
 * the Apex emulator gate (`apex` runs every Apex test: it is needed only for the planted Apex test failures).
 */
const SKIPPED_IN_COPIES = 'jest,browser,gate-tests';
/** The static gates, which a planted scanner fault does not concern (they have faults of their own). */
const STATIC_GATES = 'tsc,eslint,prettier,apex-ls,references,pmd,metadata,catalog';
/**
 * The slow gates run only where they are the fault's: `apex` for the planted Apex test failures, `scan` (Code
 * Analyzer, about a minute) for the planted scanner faults only, whose copies skip the static gates; the baseline skips
 * both because the copy is this tree, whose `apex` and `scan` gates `npm test` has just run (a planted fault counts as
 * caught only when its own test class or finding is named, never because of an unrelated failure).
 */
export const skippedFor = (fault: PlantedFault | null): string =>
  fault?.gate === 'scan'
    ? `${SKIPPED_IN_COPIES},apex,${STATIC_GATES}`
    : [SKIPPED_IN_COPIES, ...(fault?.gate === 'apex' ? [] : ['apex']), 'scan'].join(',');
const EXCLUDED = new Set(['node_modules', '.git', 'coverage', '.preview-build', '.sf', '.sfdx', 'test-results']);

/** Copies the project (sources only) and links node_modules; returns the copy's root. */
export function copyProject(): string {
  const copy = mkdtempSync(join(tmpdir(), 'aloware-gate-test-'));
  cpSync(PROJECT_ROOT, copy, {
    recursive: true,
    filter: (source) => {
      const path = relative(PROJECT_ROOT, source);
      if (path === '') return true;
      if (EXCLUDED.has(path.split('/')[0] ?? '')) return false;
      return !(/\/lwc\/.*\.js$/.test(path) && !path.endsWith('-meta.xml'));
    }
  });
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(copy, 'node_modules'));
  return copy;
}

export function npmTest(root: string, fault: PlantedFault | null = null): { status: number; output: string } {
  const result = run('npm', ['test', '--silent'], root, { ALOWARE_SKIP_GATES: skippedFor(fault) });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** The findings printed under a gate's FAIL line. */
export function gateSection(output: string, gate: string): string | null {
  const lines = output.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`[FAIL] ${gate} `));
  if (start < 0) return null;
  const section: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('  - ')) break;
    section.push(line);
  }
  return section.join('\n');
}

/**
 * Rounds of planted faults. The Apex test faults are planted together in one round: each is its own test class whose
 * failure the `apex` gate names separately (class, method, message), so one emulator run checks all four; every other
 * fault gets a round of its own because static gates may stop at their first finding.
 */
export function rounds(faults: PlantedFault[]): PlantedFault[][] {
  const apex = faults.filter((fault) => fault.gate === 'apex');
  const others = faults.filter((fault) => fault.gate !== 'apex').map((fault) => [fault]);
  return apex.length > 0 ? [apex, ...others] : others;
}

function plant(copy: string, faults: PlantedFault[]): void {
  for (const fault of faults) {
    for (const [path, content] of Object.entries(fault.files)) {
      mkdirSync(dirname(join(copy, path)), { recursive: true });
      writeFileSync(join(copy, path), content);
    }
  }
}

function unplant(copy: string, faults: PlantedFault[]): void {
  for (const fault of faults) {
    for (const path of Object.keys(fault.files)) rmSync(join(copy, path), { force: true });
    for (const path of Object.keys(fault.files)) {
      const dir = dirname(join(copy, path));
      if (dir.includes('gatefaults') || dir.includes('alowareGateFault')) rmSync(dir, { recursive: true, force: true });
    }
  }
}

function main(): void {
  const copy = copyProject();
  let failures = 0;
  try {
    const baseline = npmTest(copy);
    if (baseline.status !== 0) {
      console.log(
        'gate-tests: baseline FAILED: npm test fails on the unmodified copy, so planted faults prove nothing'
      );
      console.log(
        baseline.output
          .split('\n')
          .filter((l) => l.startsWith('[FAIL]') || l.startsWith('  - '))
          .join('\n')
      );
      process.exit(1);
    }
    console.log('gate-tests: baseline copy passes npm test');
    for (const round of rounds(FAULTS)) {
      plant(copy, round);
      const { status, output } = npmTest(copy, round[0] ?? null);
      for (const fault of round) {
        const section = gateSection(output, fault.gate);
        const caught = status !== 0 && section !== null && fault.expect.test(section);
        if (caught) {
          console.log(`  caught: ${fault.name} -> npm test exit ${status}, gate ${fault.gate} FAIL`);
        } else {
          failures++;
          console.log(
            `  MISSED: ${fault.name}: npm test exit ${status}, ${fault.gate} section: ${section ?? '(gate did not fail)'}`
          );
        }
      }
      unplant(copy, round);
    }
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
  console.log(`gate-tests: ${FAULTS.length - failures} of ${FAULTS.length} planted faults caught`);
  console.log(`${FAULTS.length - failures} passed, ${failures} failed`);
  process.exit(failures === 0 ? 0 : 1);
}

if (require.main === module) main();
