/**
 * The preview build's preload manifest: each page lists its entry and every chunk it imports statically, transitively
 * and once, and never a chunk that is only imported dynamically (those load when a component asks for them).
 */
import type { OutputBundle, OutputChunk } from 'rollup';
import { preloadManifest } from '../preload';
import type { PageSpec } from '../pages';

function chunk(fileName: string, name: string, imports: string[], isEntry = false, dynamicImports: string[] = []) {
  return { type: 'chunk', fileName, name, imports, dynamicImports, isEntry } as unknown as OutputChunk;
}

const PAGES = [
  { name: 'setup', route: '/', title: 'Setup', tag: 'c-setup', component: 'c/setup' },
  { name: 'lead', route: '/lead', title: 'Lead', tag: 'c-lead', component: 'c/lead' },
  { name: 'missing', route: '/missing', title: 'Missing', tag: 'c-missing', component: 'c/missing' }
] as unknown as PageSpec[];

describe('preloadManifest', () => {
  it('should list each page entry with its static imports, transitively, each once, and no dynamic import', () => {
    const bundle = {
      'setup.js': chunk('setup.js', 'setup', ['chunks/shared.js', 'chunks/table.js'], true, ['chunks/icons.js']),
      'lead.js': chunk('lead.js', 'lead', ['chunks/shared.js'], true),
      'chunks/shared.js': chunk('chunks/shared.js', 'shared', ['chunks/engine.js']),
      'chunks/table.js': chunk('chunks/table.js', 'table', ['chunks/engine.js', 'chunks/shared.js']),
      'chunks/engine.js': chunk('chunks/engine.js', 'engine', []),
      'chunks/icons.js': chunk('chunks/icons.js', 'icons', ['chunks/engine.js'])
    } as unknown as OutputBundle;

    const manifest = preloadManifest(bundle, PAGES);

    expect(manifest.setup).toEqual(['setup.js', 'chunks/shared.js', 'chunks/engine.js', 'chunks/table.js']);
    expect(manifest.lead).toEqual(['lead.js', 'chunks/shared.js', 'chunks/engine.js']);
    expect(manifest).not.toHaveProperty('missing');
  });
});
