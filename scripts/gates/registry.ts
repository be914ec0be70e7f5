/**
 * The gates `npm test` runs, in the order it reports them. Each gate is a synchronous function of a project root; the
 * runner (run-all.ts) runs each one in a child process of its own (gate-child.ts), two at a time, and the gate-test
 * suite (gate-tests.ts) runs the same functions on copies with planted faults.
 */
import { apexGate } from './apex';
import { apexLsGate } from './apex-ls';
import { browserGate } from './browser';
import { catalogGate } from './catalog';
import { eslintGate } from './eslint';
import { gateTestsGate } from './gate-tests-gate';
import { jestCheckGate, jestGate } from './jest';
import { GateResult } from './lib';
import { metadataGate } from './metadata';
import { pmdGate } from './pmd';
import { prettierGate } from './prettier';
import { referencesGate } from './references';
import { scanGate } from './scan';
import { tscGate } from './tsc';

export interface Gate {
  name: string;
  run: (root: string) => GateResult;
  /**
   * Reads the LWC JavaScript that `npm run build` emits (or the force-app tree while it is written): starts only after
   * the runner's one build of the run (build-once.ts).
   */
  needsBuild?: boolean;
  /**
   * Rough share of the machine the gate keeps busy (cores), for the scheduler: jest runs two workers, the browser
   * suite Chromium beside the preview's org, the gate-test suite two gates of its own at a time.
   */
  cores?: number;
}

export const GATES: Gate[] = [
  { name: 'tsc', run: tscGate },
  { name: 'eslint', run: eslintGate },
  { name: 'prettier', run: prettierGate },
  { name: 'apex-ls', run: apexLsGate },
  { name: 'references', run: referencesGate },
  { name: 'pmd', run: pmdGate },
  { name: 'metadata', run: metadataGate, needsBuild: true },
  { name: 'catalog', run: catalogGate },
  { name: 'scan', run: scanGate, needsBuild: true },
  { name: 'apex', run: apexGate },
  { name: 'jest', run: jestGate, needsBuild: true, cores: 2 },
  { name: 'browser', run: browserGate, needsBuild: true, cores: 2 },
  { name: 'gate-tests', run: gateTestsGate, cores: 2 }
];

/**
 * `npm run check`: the inner loop before a commit — the static gates, the Apex tests and jest without coverage (not the
 * scan, the browser suite or the gate-test suite, which `npm test` runs).
 */
export const CHECK_GATES: Gate[] = [
  ...GATES.filter((g) => !['scan', 'jest', 'browser', 'gate-tests'].includes(g.name)),
  { name: 'jest-check', run: jestCheckGate, cores: 2 }
];

export function gateNamed(name: string): Gate {
  const gate = [...GATES, ...CHECK_GATES].find((g) => g.name === name);
  if (!gate) throw new Error(`no gate named ${name} (gates: ${GATES.map((g) => g.name).join(', ')})`);
  return gate;
}
