/**
 * The preview build's preload manifest, written beside the bundles: each page's entry file and the chunks it imports
 * statically (transitively), so the server can list them as `<link rel="modulepreload">` and the browser fetches and
 * compiles them in parallel instead of discovering each chunk only after parsing its importer. Chunks imported only
 * dynamically (the icon templates) are left to load when a component asks for them.
 */
import type { OutputBundle, Plugin } from 'rollup';
import type { PageSpec } from './pages';

export const PRELOAD_MANIFEST = 'preload.json';

/** Page name → its entry file and every chunk it imports statically (for `<link rel="modulepreload">`). */
export function preloadManifest(bundle: OutputBundle, pages: readonly PageSpec[]): Record<string, string[]> {
  const manifest: Record<string, string[]> = {};
  for (const page of pages) {
    const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry && c.name === page.name);
    if (!entry || entry.type !== 'chunk') continue;
    const files: string[] = [];
    const visit = (fileName: string): void => {
      if (files.includes(fileName)) return;
      files.push(fileName);
      const chunk = bundle[fileName];
      if (chunk?.type === 'chunk') chunk.imports.forEach(visit);
    };
    visit(entry.fileName);
    manifest[page.name] = files;
  }
  return manifest;
}

/** Output plugin: emits the manifest beside the bundles, from the bundle rollup is writing. */
export function preloadManifestFile(pages: readonly PageSpec[]): Plugin {
  return {
    name: 'preview-preload-manifest',
    generateBundle(_options, bundle) {
      this.emitFile({
        type: 'asset',
        fileName: PRELOAD_MANIFEST,
        source: `${JSON.stringify(preloadManifest(bundle, pages), null, 2)}\n`
      });
    }
  };
}
