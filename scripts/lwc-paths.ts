/**
 * Generates `tsconfig.lwc-paths.json`: one `c/<bundle>` path per LWC bundle, so TypeScript resolves the platform's
 * `c/` namespace the way the LWC compiler does (`c/name` is `lwc/name/name.ts`). TypeScript path patterns allow a
 * single `*`, hence a generated list. Run by `npm run build`, `npm install` (prepare) and the tsc gate.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function lwcBundles(root: string): { name: string; dir: string }[] {
  const bundles: { name: string; dir: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (!statSync(path).isDirectory()) continue;
      if (entry === 'lwc') {
        for (const bundle of readdirSync(path)) {
          const bundleDir = join(path, bundle);
          if (statSync(bundleDir).isDirectory() && existsSync(join(bundleDir, `${bundle}.ts`))) {
            bundles.push({ name: bundle, dir: bundleDir });
          }
        }
      } else if (entry !== 'node_modules' && entry !== '__tests__') {
        walk(path);
      }
    }
  };
  if (existsSync(join(root, 'force-app'))) walk(join(root, 'force-app'));
  return bundles.sort((a, b) => a.name.localeCompare(b.name));
}

/** Writes the paths file when its content changed; returns the file's path. */
export function writeLwcPaths(root: string): string {
  const paths: Record<string, string[]> = {};
  for (const bundle of lwcBundles(root)) {
    paths[`c/${bundle.name}`] = [`./${join(bundle.dir, bundle.name).slice(root.length + 1)}`];
  }
  const file = join(root, 'tsconfig.lwc-paths.json');
  const content = `${JSON.stringify({ compilerOptions: { paths } }, null, 2)}\n`;
  if (!existsSync(file) || readFileSync(file, 'utf8') !== content) writeFileSync(file, content);
  return file;
}

if (require.main === module) {
  const file = writeLwcPaths(process.argv[2] ?? join(__dirname, '..'));
  console.log(`lwc-paths: wrote ${file}`);
}
