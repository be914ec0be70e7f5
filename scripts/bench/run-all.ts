/**
 * `npm run bench`: every benchmark, one after the other (never inside unit tests):
 *   1. the TypeScript mapping engine (scripts/bench/engine.ts → docs/bench/engine.json);
 *   2. the Apex emulator: load, engine tests, all Apex tests, governor figures (scripts/bench/apex.ts → docs/bench/apex.json);
 *   3. the UI in Chromium and the sync log through the emulated Apex (scripts/bench/ui.ts → docs/bench/ui.json);
 *   3b. the preview's admin actions against the emulated org directly (scripts/bench/preview-org.ts →
 *       docs/bench/preview-org.json);
 *   4. the wall time of a full `npm test` (→ docs/bench/npm-test.json); skip with `--skip-npm-test`.
 * Figures vary with the machine's other load: the README reports them with the machine they ran on.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function step(name: string, command: string, args: string[]): number {
  console.log(`\n== bench: ${name} ==`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  const seconds = (Date.now() - started) / 1000;
  if (result.status !== 0) {
    console.error(`bench: ${name} failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
  return seconds;
}

step('lwc paths', TSX, [join(ROOT, 'scripts', 'lwc-paths.ts')]);
step('mapping engine', TSX, [join(ROOT, 'scripts', 'bench', 'engine.ts')]);
step('Apex emulator', TSX, [join(ROOT, 'scripts', 'bench', 'apex.ts')]);
step('UI and sync log', TSX, [join(ROOT, 'scripts', 'bench', 'ui.ts')]);
step('preview admin actions (emulated org)', TSX, [join(ROOT, 'scripts', 'bench', 'preview-org.ts')]);
if (!process.argv.includes('--skip-npm-test')) {
  const seconds = step('full npm test', 'npm', ['test', '--silent']);
  mkdirSync(join(ROOT, 'docs', 'bench'), { recursive: true });
  const figure = {
    generatedAt: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cpus: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    npmTestSeconds: Math.round(seconds)
  };
  writeFileSync(join(ROOT, 'docs', 'bench', 'npm-test.json'), `${JSON.stringify(figure, null, 2)}\n`);
  console.log(`\nbench: full npm test took ${figure.npmTestSeconds} s on ${figure.cpus} × ${figure.cpu}`);
}
