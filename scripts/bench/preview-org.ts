/**
 * `npx tsx scripts/bench/preview-org.ts [--runs 7] [--only <action>] [--profile]` (part of `npm run bench`): the
 * preview's admin actions at 100,000 sync-log rows, timed against the emulated org directly — the `@AuraEnabled`
 * methods the components call, as the preview's worker calls them (issue 26). Bundles preview-org-run.ts with esbuild
 * exactly as the preview bundles its worker (`emulated-org/bundle.ts`), runs it in a child process and writes
 * docs/bench/preview-org.json. `--profile` adds `node --cpu-prof` (profiles in .preview-build/bench/profiles/).
 *
 * Targets (issue 26): a sync-log page ≤ 150 ms (every page action), the Lead-name filter ≤ 500 ms, settings save
 * ≤ 500 ms. `firstCallMs`: the org's very first page (cold: the emulator builds its sorted index for the order then).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { bundleWorker } from '../preview/emulated-org/bundle';

const ROOT = join(__dirname, '..', '..');
const OUT_DIR = join(ROOT, '.preview-build', 'bench');

const TARGETS: Record<string, number> = {
  'syncLog.firstPage': 150,
  'syncLog.nextPage': 150,
  'syncLog.nextPageByAttempts': 150,
  'syncLog.lastPage': 150,
  'syncLog.filterFailedOutbound': 150,
  'syncLog.filterLeadName': 500,
  'settings.save': 500
};

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const bundle = await bundleWorker(join(__dirname, 'preview-org-run.ts'), join(OUT_DIR, 'preview-org-run.cjs'));
  const figuresFile = join(OUT_DIR, 'preview-org.json');
  const pass = (name: string): string[] => {
    const i = process.argv.indexOf(name);
    return i >= 0 && process.argv[i + 1] ? [name, process.argv[i + 1] as string] : [];
  };
  const nodeArgs = process.argv.includes('--profile')
    ? ['--cpu-prof', `--cpu-prof-dir=${join(OUT_DIR, 'profiles')}`]
    : [];
  const result = spawnSync(
    process.execPath,
    [...nodeArgs, bundle, ...pass('--runs'), ...pass('--only'), '--out', figuresFile],
    { cwd: ROOT, stdio: 'inherit' }
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
  const measured = JSON.parse(readFileSync(figuresFile, 'utf8')) as {
    startMillis: number;
    figures: Record<string, { median: number }>;
  };
  const targets = Object.fromEntries(
    Object.entries(TARGETS)
      .filter(([name]) => measured.figures[name])
      .map(([name, ms]) => [name, { targetMs: ms, met: (measured.figures[name]?.median ?? Infinity) <= ms }])
  );
  const figure = {
    generatedAt: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cpus: cpus().length,
    note: 'Medians in ms of the @AuraEnabled calls through PreviewOrg.callAuraJson (100,000 sync-log rows), after two warm-up calls each.',
    ...measured,
    targets
  };
  if (!process.argv.includes('--only')) {
    writeFileSync(join(ROOT, 'docs', 'bench', 'preview-org.json'), `${JSON.stringify(figure, null, 2)}\n`);
  }
  for (const [name, t] of Object.entries(targets)) {
    console.log(
      `${t.met ? 'met    ' : 'NOT MET'} ${name} ≤ ${t.targetMs} ms (median ${measured.figures[name]?.median} ms)`
    );
  }
}

void main();
