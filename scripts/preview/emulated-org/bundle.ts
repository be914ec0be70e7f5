/**
 * Bundles the emulated org's worker (worker.ts, the emulator and the preview org) into one CommonJS file with esbuild,
 * once per start. Run through tsx's per-file CommonJS transform instead, every use of another module's export — each
 * `instanceof ApexList`, each `new ApexMap` in the interpreter — goes through that module's export getters; in one
 * bundle they are plain variables. Packages stay external (loaded from node_modules as before), `__dirname` keeps
 * each source file's own folder, and names are kept (the emulator's messages use class and function names).
 */
import fs from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';

/** `__dirname` / `__filename` of each bundled source file, as that file would see them run on its own. */
function sourceLocations(): Plugin {
  return {
    name: 'source-locations',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const source = fs.readFileSync(args.path, 'utf8');
        const contents = source
          .replace(/\b__dirname\b/g, JSON.stringify(path.dirname(args.path)))
          .replace(/\b__filename\b/g, JSON.stringify(args.path));
        return { contents, loader: 'ts' };
      });
    }
  };
}

/** Writes the worker bundle to `outFile` and returns its path. */
export async function bundleWorker(entry: string, outFile: string): Promise<string> {
  await build({
    entryPoints: [entry],
    outfile: outFile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    keepNames: true,
    logLevel: 'silent',
    plugins: [sourceLocations()]
  });
  return outFile;
}
