/**
 * Compiles every LWC TypeScript source (tests excluded) to the JavaScript that Salesforce deploys.
 * The emitted `name.js` sits beside `name.ts` in the bundle; it is build output (git-ignored) and
 * `.forceignore` keeps the `.ts` sources out of deployments.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lwcTsFiles } from './gates/lib';
import { writeLwcPaths } from './lwc-paths';

export const ROOT = join(__dirname, '..');

function main(): void {
  writeLwcPaths(ROOT);
  const sources = lwcTsFiles(ROOT);
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], {
    cwd: ROOT,
    stdio: 'inherit'
  });
  if (result.status !== 0) {
    console.error('build: TypeScript compilation failed');
    process.exit(result.status ?? 1);
  }
  const missing = sources.filter((source) => {
    try {
      return !statSync(source.replace(/\.ts$/, '.js')).isFile();
    } catch {
      return true;
    }
  });
  if (missing.length > 0) {
    console.error(`build: no JavaScript emitted for ${missing.map((m) => relative(ROOT, m)).join(', ')}`);
    process.exit(1);
  }
  console.log(`build: compiled ${sources.length} LWC TypeScript file(s) to JavaScript`);
}

if (require.main === module) main();
