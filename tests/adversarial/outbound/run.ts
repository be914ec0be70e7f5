/**
 * `npx tsx tests/adversarial/outbound/run.ts [--seed N] [--count M]`: runs the outbound drain's adversarial suite
 * (force-app/main/default/classes/tests/outbound/AlowareOutboxAdversarialTest.cls) in the Apex emulator with other
 * seeds than the fixed one `npm test` uses. Each run of the class tries 72 generated cases (6 rounds of 12); M cases
 * (default 720) take ceil(M / 72) runs with the seeds N, N+1, … (N defaults to a new random seed, printed so that a
 * failure can be reproduced). Prints each run's figures (cases, calls, invariant checks held, outcomes) and every
 * violation; exits non-zero on any.
 */
import * as path from 'node:path';
import { Emulator } from '../../../emulator/src/emulator';
import { loadProject } from '../../../emulator/src/metadata/loader';
import { runTests } from '../../../emulator/src/testing/runner';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLASS = 'AlowareOutboxAdversarialTest';
const CASES_PER_RUN = 72;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): number {
  const seed = Number(arg('--seed') ?? Math.floor(Math.random() * 2 ** 30) + 1);
  const count = Number(arg('--count') ?? 720);
  const runs = Math.max(1, Math.ceil(count / CASES_PER_RUN));
  const project = loadProject(ROOT);
  const file = project.apex.find((f) => f.name === CLASS);
  if (!file) throw new Error(`${CLASS} not found under force-app`);
  const original = file.source;
  if (!/private static final Integer SEED = \d+;/.test(original)) throw new Error(`${CLASS} has no SEED constant`);
  // The class reports its figures through System.debug, which the emulator prints when APEX_DEBUG is set.
  process.env.APEX_DEBUG = '1';
  let failed = 0;
  console.log(`outbound drain adversarial suite: seed ${seed}, ${runs} run(s) of ${CASES_PER_RUN} cases`);
  for (let i = 0; i < runs; i++) {
    file.source = original.replace(
      /private static final Integer SEED = \d+;/,
      `private static final Integer SEED = ${seed + i};`
    );
    const result = runTests(new Emulator(project), { tests: [CLASS] });
    for (const o of result.outcomes) {
      if (o.outcome === 'fail') {
        failed++;
        console.log(`FAIL seed ${seed + i}: ${o.message}`);
      }
    }
  }
  console.log(failed === 0 ? `all ${runs} run(s) held every invariant` : `${failed} run(s) violated invariants`);
  return failed === 0 ? 0 : 1;
}

if (require.main === module) process.exit(main());
