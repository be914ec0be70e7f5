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
  mkdirSync(join(ROOT, 'docs', 'bench'), { recursive: true });
  writeFileSync(join(ROOT, 'docs', 'bench', 'apex.json'), `${JSON.stringify(figure, null, 2)}\n`);
  console.log(
    `apex emulator: load ${figure.loadSeconds} s; engine tests ${figure.engineTests.passed}/${figure.engineTests.methods} in ${figure.engineTests.seconds} s; ` +
      `all tests ${figure.allTests.passed}/${figure.allTests.methods} passed in ${figure.allTests.seconds} s (load excluded)`
  );
}

main();
