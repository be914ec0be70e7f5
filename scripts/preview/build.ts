/**
 * Builds the local preview: the real LWC components, compiled from their TypeScript sources with Salesforce's
 * open-source LWC stack (Babel strips the types, the LWC rollup plugin compiles templates, styles and classes),
 * synthetic shadow, and the open-source base components from `lightning-base-components`.
 *
 * Platform-only modules (`@salesforce/apex/*`, `@salesforce/schema/*`, `lightning/uiRecordApi`, ...) resolve to the
 * stand-ins in `scripts/preview/standins/` (see `standins.ts`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { transformAsync } from '@babel/core';
import lwc from '@lwc/rollup-plugin';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import { transform as esbuildTransform } from 'esbuild';
import { rollup, type Plugin, type RollupLog } from 'rollup';
import { PAGES, type PageSpec } from './pages';
import { preloadManifestFile } from './preload';
import { i18nFallbackPlugin, standinsPlugin } from './standins';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
/** Output of `npm start`; the browser suite and benchmarks build into siblings (all under git-ignored `.preview-build/`). */
export const DEFAULT_OUT_DIR = path.join(REPO_ROOT, '.preview-build', 'site');
export const DEFAULT_LWC_DIR = path.join(REPO_ROOT, 'force-app', 'main', 'default', 'lwc');

export interface PreviewBuildOptions {
  /** Where the bundles go (git-ignored). */
  outDir?: string;
  /** Folders holding component bundles of the `c` namespace, first match wins. */
  lwcDirs?: readonly string[];
  /** Pages to build (default: the Setup page and the Lead page). */
  pages?: readonly PageSpec[];
  /** Log rollup warnings (default: only warnings about our own sources). */
  verbose?: boolean;
  /**
   * `development` (default: the LWC engine's dev-mode checks and warnings, as in a scratch org with debug mode) or
   * `production` (what an org runs for users: the benchmarks use it).
   */
  mode?: 'development' | 'production';
}

export interface PreviewBuildResult {
  outDir: string;
  millis: number;
  /** `c/name` → source entry of each component found. */
  components: Map<string, string>;
  /** Pages whose root component does not exist (yet). */
  missing: string[];
  warnings: string[];
  bytes: number;
}

/** Finds every `c` namespace bundle: `<dir>/<name>/<name>.ts` (TypeScript first; `.js` is build output). */
export function findComponents(lwcDirs: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const dir of lwcDirs) {
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      const specifier = `c/${name}`;
      if (found.has(specifier)) continue;
      for (const ext of ['.ts', '.js', '.html']) {
        const entry = path.join(dir, name, name + ext);
        if (fs.existsSync(entry)) {
          found.set(specifier, entry);
          break;
        }
      }
    }
  }
  return found;
}

/** Strips TypeScript (types only: decorators stay for the LWC compiler). */
function typescriptStrip(): Plugin {
  return {
    name: 'preview-typescript-strip',
    async transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (!file.endsWith('.ts') || file.endsWith('.d.ts')) return null;
      const result = await transformAsync(code, {
        filename: file,
        babelrc: false,
        configFile: false,
        sourceMaps: true,
        presets: [['@babel/preset-typescript', { allowDeclareFields: true }]],
        plugins: [['@babel/plugin-syntax-decorators', { version: '2022-03' }]]
      });
      if (!result?.code) throw new Error(`TypeScript strip produced nothing for ${file}`);
      return { code: result.code, map: result.map ?? null };
    }
  };
}

/**
 * Production mode only: minifies each chunk with esbuild (whitespace, identifiers, syntax), as an org serves its
 * framework and component code minified. Parse and compile time in the browser grows with the bytes.
 */
function minifyChunks(): Plugin {
  return {
    name: 'preview-minify',
    async renderChunk(code) {
      const result = await esbuildTransform(code, {
        minify: true,
        format: 'esm',
        target: 'es2022',
        sourcemap: 'external',
        legalComments: 'none'
      });
      return { code: result.code, map: result.map || null };
    }
  };
}

/** `c/name` → the component's TypeScript entry, tagged so the LWC compiler names it `c-name`. */
function componentResolver(components: Map<string, string>): Plugin {
  return {
    name: 'preview-c-namespace',
    resolveId(source) {
      const entry = components.get(source);
      return entry ? `${entry}?specifier=${encodeURIComponent(source)}` : null;
    }
  };
}

const PAGE_PREFIX = '\0preview-page:';

/** One virtual entry per page: synthetic shadow first, then the shell mounting the page's root component. */
function pageEntries(pages: readonly PageSpec[], components: Map<string, string>): Plugin {
  const shell = path.join(import.meta.dirname, 'app', 'shell.ts');
  return {
    name: 'preview-pages',
    resolveId(source) {
      return source.startsWith(PAGE_PREFIX) ? source : null;
    },
    load(id) {
      if (!id.startsWith(PAGE_PREFIX)) return null;
      const page = pages.find((p) => p.name === id.slice(PAGE_PREFIX.length));
      if (!page) throw new Error(`unknown page ${id}`);
      const lines = [`import '@lwc/synthetic-shadow';`, `import { mountPage } from ${JSON.stringify(shell)};`];
      const args = `${JSON.stringify(page.name)}, ${JSON.stringify(page.tag)}`;
      const companions: string[] = [];
      (page.companions ?? []).forEach((companion, i) => {
        if (!components.has(companion.component)) return;
        lines.push(`import Companion${i} from ${JSON.stringify(companion.component)};`);
        companions.push(`{ tag: ${JSON.stringify(companion.tag)}, Root: Companion${i} }`);
      });
      const extra = `[${companions.join(', ')}]`;
      if (components.has(page.component)) {
        lines.push(`import Root from ${JSON.stringify(page.component)};`);
        lines.push(`mountPage(${args}, Root, ${extra});`);
      } else {
        lines.push(`mountPage(${args}, null, ${extra});`);
      }
      return lines.join('\n');
    }
  };
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? dirBytes(full) : fs.statSync(full).size;
  }
  return total;
}

export async function buildPreview(options: PreviewBuildOptions = {}): Promise<PreviewBuildResult> {
  const started = performance.now();
  const outDir = options.outDir ?? DEFAULT_OUT_DIR;
  const pages = options.pages ?? PAGES;
  const components = findComponents(options.lwcDirs ?? [DEFAULT_LWC_DIR]);
  const missing = pages.filter((p) => !components.has(p.component)).map((p) => p.component);
  const warnings: string[] = [];
  const onLog = (level: string, log: RollupLog): void => {
    const where = log.id ?? log.loc?.file ?? '';
    const ours = !where.includes('node_modules');
    if (level === 'warn' && (ours || options.verbose)) warnings.push(`${where}: ${log.message}`);
  };

  const bundle = await rollup({
    input: Object.fromEntries(pages.map((p) => [p.name, PAGE_PREFIX + p.name])),
    onLog,
    plugins: [
      pageEntries(pages, components),
      componentResolver(components),
      standinsPlugin(),
      typescriptStrip(),
      lwc({
        rootDir: REPO_ROOT,
        modules: [{ npm: 'lightning-base-components' }],
        // Base components render dynamic children with `lwc:is`.
        enableDynamicComponents: true,
        // lightning-combobox and friends call attachInternals(), which synthetic shadow only offers with this flag.
        enableSyntheticElementInternals: true,
        // Our stand-ins and page shell are plain modules (no LightningElement inside).
        exclude: [path.join(import.meta.dirname, '**')]
      }),
      i18nFallbackPlugin(),
      replace({
        preventAssignment: true,
        values: {
          'process.env.NODE_ENV': JSON.stringify(options.mode ?? 'development'),
          'import.meta.env.SSR': 'false'
        }
      }),
      nodeResolve({ extensions: ['.js', '.mjs', '.ts'] })
    ]
  });
  fs.rmSync(outDir, { recursive: true, force: true });
  await bundle.write({
    dir: outDir,
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
    plugins: [...(options.mode === 'production' ? [minifyChunks()] : []), preloadManifestFile(pages)]
  });
  await bundle.close();
  return {
    outDir,
    millis: performance.now() - started,
    components,
    missing,
    warnings,
    bytes: dirBytes(outDir)
  };
}
