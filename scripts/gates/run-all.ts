/**
 * `npm test`: builds the LWC TypeScript, then runs every gate and fails on any finding. All gates run (no fail-fast)
 * so one run shows every problem. The gate-test suite (planted faults) runs last.
 *
 * ALOWARE_SKIP_GATES (comma-separated gate names) exists for one caller only: the gate-test suite, which runs
 * `npm test` in throw-away copies with planted static faults and skips the slow dynamic gates there
 * (jest, browser) and itself (no recursion). The run prints every skipped gate.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { apexGate } from './apex';
import { apexLsGate } from './apex-ls';
import { browserGate } from './browser';
import { catalogGate } from './catalog';
import { eslintGate } from './eslint';
import { jestGate } from './jest';
import { GateResult, PROJECT_ROOT, report, timed } from './lib';
import { metadataGate } from './metadata';
import { pmdGate } from './pmd';
import { prettierGate } from './prettier';
import { referencesGate } from './references';
import { scanGate } from './scan';
import { tscGate } from './tsc';

function gateTests(root: string): GateResult {
  return timed('gate-tests', () => {
    const result = spawnSync(
      process.execPath,
      [join(root, 'node_modules', '.bin', 'tsx'), join(root, 'scripts', 'gates', 'gate-tests.ts')],
      {
        cwd: root,
        stdio: ['ignore', 'inherit', 'inherit']
      }
    );
    return {
      ok: result.status === 0,
      findings: result.status === 0 ? [] : ['a planted fault was not caught (see the output above)'],
      summary: result.status === 0 ? 'every planted fault failed npm test' : `exit ${result.status}`
    };
  });
}

export const GATES: { name: string; run: (root: string) => GateResult }[] = [
  { name: 'tsc', run: tscGate },
  { name: 'eslint', run: eslintGate },
  { name: 'prettier', run: prettierGate },
  { name: 'apex-ls', run: apexLsGate },
  { name: 'references', run: referencesGate },
  { name: 'pmd', run: pmdGate },
  { name: 'metadata', run: metadataGate },
  { name: 'catalog', run: catalogGate },
  { name: 'scan', run: scanGate },
  { name: 'apex', run: apexGate },
  { name: 'jest', run: jestGate },
  { name: 'browser', run: browserGate },
  { name: 'gate-tests', run: gateTests }
];

function main(): void {
  const root = PROJECT_ROOT;
  const skip = new Set(
    (process.env.ALOWARE_SKIP_GATES ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
  );
  const started = Date.now();
  const results: GateResult[] = [];
  for (const gate of GATES) {
    if (skip.has(gate.name)) {
      console.log(`[SKIP] ${gate.name} (ALOWARE_SKIP_GATES)`);
      continue;
    }
    const result = gate.run(root);
    report(result);
    results.push(result);
  }
  const failed = results.filter((r) => !r.ok);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\nnpm test: ${results.length - failed.length} of ${results.length} gates passed in ${seconds} s`);
  if (failed.length > 0) console.log(`failed gates: ${failed.map((r) => r.gate).join(', ')}`);
  console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
  process.exit(failed.length === 0 ? 0 : 1);
}

main();
