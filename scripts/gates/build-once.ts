/**
 * `npm run build` once per run: the metadata and scan gates (and the runner before the gates that read the emitted
 * JavaScript) call `ensureLwcBuild`, which compiles the LWC TypeScript only when its inputs changed since the last
 * build of this root. The inputs' fingerprint (every LWC source and the TypeScript configuration it compiles with) is
 * kept in `.preview-build/lwc-build.json` (git-ignored); an emitted file that is missing forces a build.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeLwcPaths } from '../lwc-paths';
import { bin, listFiles, lwcTsFiles, run } from './lib';

export interface BuildOutcome {
  ok: boolean;
  /** False when the last build of these inputs was reused. */
  built: boolean;
  output: string;
}

function stampPath(root: string): string {
  return join(root, '.preview-build', 'lwc-build.json');
}

/** What the build reads: the LWC sources, the type declarations and the TypeScript configuration. */
export function buildFingerprint(root: string): string {
  const hash = createHash('sha256');
  const inputs = [
    ...lwcTsFiles(root),
    ...listFiles(join(root, 'types'), (name) => name.endsWith('.d.ts')),
    ...['tsconfig.json', 'tsconfig.build.json', 'tsconfig.lwc-paths.json', join('scripts', 'build-lwc.ts')].map((f) =>
      join(root, f)
    )
  ];
  for (const file of inputs) {
    hash.update(file.slice(root.length));
    hash.update('\0');
    hash.update(existsSync(file) ? readFileSync(file) : 'missing');
    hash.update('\0');
  }
  return hash.digest('hex');
}

function emitted(root: string): boolean {
  return lwcTsFiles(root).every((source) => existsSync(source.replace(/\.ts$/, '.js')));
}

/** Builds the LWC JavaScript of `root` unless the last build had the same inputs and its output is all there. */
export function ensureLwcBuild(root: string): BuildOutcome {
  const stamp = stampPath(root);
  // The build regenerates the c/ paths first; so does this, so that the fingerprint is the one the build sees.
  writeLwcPaths(root);
  const before = buildFingerprint(root);
  if (existsSync(stamp) && emitted(root)) {
    try {
      if ((JSON.parse(readFileSync(stamp, 'utf8')) as { fingerprint?: string }).fingerprint === before) {
        return { ok: true, built: false, output: 'build: reused (inputs unchanged since the last build)' };
      }
    } catch {
      // unreadable stamp: build
    }
  }
  const result = run(bin(root, 'tsx'), [join(root, 'scripts', 'build-lwc.ts')], root);
  const output = (result.stdout + result.stderr).trim();
  if (result.status !== 0) return { ok: false, built: true, output };
  // The inputs as they were when the build started (a source edited meanwhile makes the next run build again).
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, `${JSON.stringify({ fingerprint: before })}\n`);
  return { ok: true, built: true, output };
}

if (require.main === module) {
  const outcome = ensureLwcBuild(process.argv[2] ?? join(__dirname, '..', '..'));
  console.log(outcome.output);
  process.exit(outcome.ok ? 0 : 1);
}
