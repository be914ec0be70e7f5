/**
 * The gates `npm test` runs, in the order it reports them. Each gate is a synchronous function of a project root; the
 * runner (run-all.ts) runs each one in a child process of its own (gate-child.ts), two at a time, and the gate-test
 * suite (gate-tests.ts) runs the same functions on copies with planted faults.
 */
import { apexGate } from './apex';
import { apexArchitectureGate } from './apex-architecture';
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
   * Lanes of the runner's pool it takes (default 1). Every gate takes one: jest's two workers and Chromium beside the
   * preview's org keep more than one core busy at times, but they also wait (on the browser, on I/O), and the gate-test
   * suite runs its own gates one at a time inside `npm test` (gate-tests-gate.ts).
   */
  cores?: number;
}

export const GATES: Gate[] = [
  { name: 'tsc', run: tscGate },
  { name: 'eslint', run: eslintGate },
  { name: 'prettier', run: prettierGate },
  { name: 'apex-ls', run: apexLsGate },
  { name: 'references', run: referencesGate },
  { name: 'apex-architecture', run: apexArchitectureGate },
  { name: 'pmd', run: pmdGate },
  { name: 'metadata', run: metadataGate, needsBuild: true },
  { name: 'catalog', run: catalogGate },
  { name: 'scan', run: scanGate, needsBuild: true },
  { name: 'apex', run: apexGate },
  { name: 'jest', run: jestGate, needsBuild: true },
  { name: 'browser', run: browserGate, needsBuild: true },
  { name: 'gate-tests', run: gateTestsGate }
];

/**
 * `npm run check`: the inner loop before a commit — the static gates, the Apex tests and jest without coverage (not the
 * scan, the browser suite or the gate-test suite, which `npm test` runs).
 */
export const CHECK_GATES: Gate[] = [
  ...GATES.filter((g) => !['scan', 'jest', 'browser', 'gate-tests'].includes(g.name)),
  { name: 'jest-check', run: jestCheckGate }
];

export function gateNamed(name: string): Gate {
  const gate = [...GATES, ...CHECK_GATES].find((g) => g.name === name);
  if (!gate) throw new Error(`no gate named ${name} (gates: ${GATES.map((g) => g.name).join(', ')})`);
  return gate;
}
