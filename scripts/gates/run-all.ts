/**
 * `npm test`: runs every gate (registry.ts) and fails on any finding. All gates run (no fail-fast) so one run shows
 * every problem. Gates run side by side, each in a process of its own, within the machine's two cores
 * (ALOWARE_GATE_CORES to change it); the LWC TypeScript is compiled once, before the gates that read the JavaScript it
 * emits. The report is printed in the registry's fixed order whatever order the gates finish in; the gate-test suite
 * (planted faults) is the last gate reported.
 *
 * ALOWARE_SKIP_GATES (comma-separated gate names) exists for one caller only: the gate-test suite, whose end-to-end
 * plant runs `npm test` in a throw-away copy with a planted fault and skips the slow gates there (and itself: no
 * recursion). The run prints every skipped gate.
 *
 * A full run (`npm test`) ends by writing test-results/npm-test.json (scripts/docs/run-record.ts: each gate's time,
 * result and summary, the machine and the tree's case counts); `npm run docs:figures` turns it into the README's
 * figures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { RUN_RECORD_PATH, runRecord } from '../docs/run-record';
import { GateResult, PROJECT_ROOT, report } from './lib';
import { buildInChild, ChildRun, gateCapacity, Job, runJobs, spawnGate } from './parallel';
import { CHECK_GATES, Gate, GATES } from './registry';

export { GATES };

/** The gates of this run, less those ALOWARE_SKIP_GATES names. */
function skipped(): Set<string> {
  return new Set(
    (process.env.ALOWARE_SKIP_GATES ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
  );
}

/**
 * Start order (the longest first, so that the two lanes end together): the gate-test suite, the browser suite and jest
 * are minutes each; the rest tens of seconds.
 */
const START_ORDER = [
  'gate-tests',
  'browser',
  'jest',
  'jest-check',
  'scan',
  'apex',
  'prettier',
  'tsc',
  'pmd',
  'eslint',
  'apex-ls',
  'metadata',
  'catalog',
  'references'
];

async function main(): Promise<void> {
  const startedAt = { at: new Date(), load: loadavg() };
  const root = PROJECT_ROOT;
  // `--check` (npm run check): the inner loop's gates only (registry.ts).
  const all: Gate[] = process.argv.includes('--check') ? CHECK_GATES : GATES;
  const skip = skipped();
  const started = Date.now();
  const gates = all.filter((g) => !skip.has(g.name));
  const build = gates.some((g) => g.needsBuild) ? buildInChild(root) : Promise.resolve({ status: 0, output: '' });
  const rank = (name: string): number => {
    const i = START_ORDER.indexOf(name);
    return i < 0 ? START_ORDER.length : i;
  };
  const jobs: Job<ChildRun>[] = [...gates]
    .sort((a, b) => rank(a.name) - rank(b.name))
    .map((gate) => ({
      name: gate.name,
      cores: gate.cores ?? 1,
      after: gate.needsBuild ? build : undefined,
      start: () => spawnGate(gate.name, root)
    }));

  // Printed in the registry's order: each gate as soon as it and every gate before it have finished.
  const done = new Map<string, ChildRun>();
  let printed = 0;
  const results: GateResult[] = [];
  const flush = (): void => {
    while (printed < all.length) {
      const gate = all[printed];
      if (!gate) break;
      if (skip.has(gate.name)) {
        console.log(`[SKIP] ${gate.name} (ALOWARE_SKIP_GATES)`);
        printed++;
        continue;
      }
      const run = done.get(gate.name);
      if (!run) break;
      if (run.output) console.log(run.output);
      report(run.result);
      results.push(run.result);
      printed++;
    }
  };
  flush();
  await runJobs(jobs, gateCapacity(), (name, run) => {
    done.set(name, run);
    flush();
  });
  const built = await build;
  if (built.status !== 0) console.log(`LWC build failed (the gates that need it say so):\n${built.output}`);
  flush();

  const failed = results.filter((r) => !r.ok);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `\nnpm ${all === GATES ? 'test' : 'run check'}: ${results.length - failed.length} of ${results.length} gates passed in ${seconds} s`
  );
  if (failed.length > 0) console.log(`failed gates: ${failed.map((r) => r.gate).join(', ')}`);
  if (all === GATES) {
    try {
      const record = runRecord(results, [...skip], startedAt, root);
      mkdirSync(join(root, 'test-results'), { recursive: true });
      writeFileSync(join(root, RUN_RECORD_PATH), `${JSON.stringify(record, null, 2)}\n`);
      console.log(`figures of this run: ${RUN_RECORD_PATH} (npm run docs:figures puts them in the README)`);
    } catch (error) {
      console.log(`could not write ${RUN_RECORD_PATH}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
  process.exit(failed.length === 0 ? 0 : 1);
}

if (require.main === module) {
  void main();
}
