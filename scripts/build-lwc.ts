/**
 * Compiles every LWC TypeScript source (tests excluded) to the JavaScript that Salesforce deploys.
 * The emitted `name.js` sits beside `name.ts` in the bundle; it is build output (git-ignored) and
 * `.forceignore` keeps the `.ts` sources out of deployments.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { writeLwcPaths } from './lwc-paths';

export const ROOT = join(__dirname, '..');

/** Lists the LWC TypeScript sources that must compile to deployable JavaScript. */
export function lwcSources(root: string = ROOT): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) {
        if (entry !== '__tests__' && entry !== 'node_modules') walk(path);
      } else if (entry.endsWith('.ts') && !entry.endsWith('.d.ts') && !entry.endsWith('.test.ts')) {
        found.push(path);
      }
    }
  };
  const forceApp = join(root, 'force-app');
  const walkLwc = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (!statSync(path).isDirectory()) continue;
      if (entry === 'lwc') walk(path);
      else walkLwc(path);
    }
  };
  walkLwc(forceApp);
  return found.sort();
}

function main(): void {
  writeLwcPaths(ROOT);
  const sources = lwcSources();
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
