/**
 * Gate: PMD 7 through Salesforce Code Analyzer's PMD wrapper with the committed ruleset `config/pmd/ruleset.xml`.
 * Zero violations allowed. Two extra guarantees:
 * - a canary: every run also scans a throw-away class with known defects and fails if the ruleset does not report
 *   them (a ruleset with a broken reference makes PMD silently run no rule at all);
 * - suppressions (`@SuppressWarnings('PMD...')`, `NOPMD`) need a justification comment on the same or previous line.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripComments } from './apex-source';
import { GateResult, apexFiles, nodeModules, read, run, runAsScript, timed } from './lib';

interface PmdOutput {
  violations: { rule: string; message: string; codeLocation: { file: string; startLine: number } }[];
  processingErrors: { file: string; message: string }[];
}

const CANARY = `public class AlowareGateCanary {
    public static void run(List<Id> ids, String name) {
        for (Id i : ids) {
            List<Lead> l = [SELECT Id FROM Lead WHERE Id = :i];
        }
        Database.query('SELECT Id FROM Lead WHERE Name = \\'' + name + '\\'');
    }
}
`;
const CANARY_RULES = ['ApexSharingViolations', 'OperationWithLimitsInLoop', 'ApexSOQLInjection', 'ApexCRUDViolation'];

function runPmd(root: string, files: string[], work: string): PmdOutput {
  const javaLib = join(nodeModules(root), '@salesforce', 'code-analyzer-pmd-engine', 'dist', 'java-lib');
  const input = join(work, `input-${files.length}.json`);
  const output = join(work, `output-${files.length}.json`);
  writeFileSync(
    input,
    JSON.stringify({
      ruleSetInputFile: join(root, 'config', 'pmd', 'ruleset.xml'),
      runDataPerLanguage: { apex: { filesToScan: files } }
    })
  );
  const result = run(
    'java',
    ['-cp', join(javaLib, '*'), 'com.salesforce.sfca.pmdwrapper.PmdWrapper', 'run', input, output],
    root
  );
  if (result.status !== 0) throw new Error(`PMD failed (exit ${result.status}): ${result.stderr || result.stdout}`);
  return JSON.parse(read(output)) as PmdOutput;
}

/**
 * Every top-level class outside tests declares its sharing (PMD's ApexSharingViolations only looks at classes that
 * run SOQL/DML), and `without sharing` is explained in the comment just above the class. Test classes are exempt: they
 * set up their users with System.runAs, and a keyword would change what their verification queries see.
 */
export function sharingFindings(path: string, source: string): string[] {
  const code = stripComments(source);
  const declaration =
    /^((?:\s*@\w+(?:\s*\([^)]*\))?)*)\s*((?:(?:public|global|private|virtual|abstract)\s+)*)((?:(?:with|without|inherited)\s+sharing\s+)?)(?:(?:virtual|abstract)\s+)*(class|interface|enum)\s+(\w+)/i.exec(
      code.replace(/^\s+/, '')
    );
  if (!declaration) return [];
  const [, annotations = '', , sharing = '', kind = ''] = declaration;
  if (kind.toLowerCase() !== 'class' || /@IsTest\b/i.test(annotations)) return [];
  if (!sharing.trim()) return [`${path}:1 class declares no sharing (with / inherited / without sharing)`];
  if (/without/i.test(sharing)) {
    const header = source.slice(0, source.search(/\bwithout\s+sharing\s+(?:(?:virtual|abstract)\s+)*class\b/i));
    if (!/without sharing|system mode/i.test(header)) {
      return [`${path}:1 'without sharing' with no comment above the class saying why`];
    }
  }
  return [];
}

/** Suppressions without a justification comment (same line or the line above). */
export function unjustifiedSuppressions(path: string, source: string): string[] {
  const lines = source.split('\n');
  const findings: string[] = [];
  lines.forEach((line, index) => {
    if (!/@SuppressWarnings\s*\(\s*'PMD|NOPMD/i.test(line)) return;
    const previous = index > 0 ? lines[index - 1] : '';
    const justified =
      /\/\/\s*\S{3,}|\/\*/.test(line.replace(/NOPMD/i, '')) || /^\s*(\/\/|\*|\/\*)\s*\S{3,}/.test(previous);
    if (!justified) findings.push(`${path}:${index + 1} PMD suppression without a justification comment`);
  });
  return findings;
}

export function pmdGate(root: string): GateResult {
  return timed('pmd', () => {
    const work = mkdtempSync(join(tmpdir(), 'aloware-pmd-'));
    try {
      // One PMD run (one JVM) scans the canary beside the project: its violations are the ruleset self-test.
      const canary = join(work, 'AlowareGateCanary.cls');
      writeFileSync(canary, CANARY);
      const files = apexFiles(root);
      const output = runPmd(root, [canary, ...files], work);
      const isCanary = (file: string): boolean => file === canary;
      const canaryRules = new Set(output.violations.filter((v) => isCanary(v.codeLocation.file)).map((v) => v.rule));
      const missing = CANARY_RULES.filter((rule) => !canaryRules.has(rule));
      if (missing.length > 0) {
        return {
          ok: false,
          findings: [
            `ruleset self-test: the canary's ${missing.join(', ')} defects were not reported (broken ruleset?)`
          ],
          summary: 'ruleset broken'
        };
      }
      if (files.length === 0) return { ok: true, findings: [], summary: 'no Apex yet (ruleset self-test passed)' };
      const findings = [
        ...output.violations
          .filter((v) => !isCanary(v.codeLocation.file))
          .map(
            (v) => `${v.codeLocation.file.replace(root + '/', '')}:${v.codeLocation.startLine} ${v.rule}: ${v.message}`
          ),
        ...output.processingErrors
          .filter((e) => !isCanary(e.file))
          .map((e) => `${e.file.replace(root + '/', '')}: processing error: ${e.message}`),
        ...files.flatMap((file) => unjustifiedSuppressions(file.replace(root + '/', ''), read(file))),
        ...files
          .filter((file) => file.endsWith('.cls'))
          .flatMap((file) => sharingFindings(file.replace(root + '/', ''), read(file)))
      ];
      const rules = readdirSync(join(root, 'config', 'pmd')).length;
      return {
        ok: findings.length === 0,
        findings,
        summary: `${files.length} Apex file(s), ${findings.length} finding(s) (ruleset self-test passed, ${rules} ruleset file)`
      };
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
}

if (require.main === module) runAsScript(pmdGate);
