/**
 * Resolves the platform-only modules a Lightning web component imports to the preview's stand-ins.
 *
 * | import | stand-in |
 * | --- | --- |
 * | `@salesforce/apex/Class.method` | callable + wire adapter posting JSON to `/api/apex/Class.method` |
 * | `@salesforce/apex` | `refreshApex`, `getSObjectValue` |
 * | `@salesforce/schema/Object[.field]` | `{ objectApiName[, fieldApiName] }` as on the platform |
 * | `@salesforce/label/c.Name` | the label's value from `labels/CustomLabels.labels-meta.xml`, else the name |
 * | `@salesforce/user/Id`, `@salesforce/user/isGuest` | the preview user |
 * | `@salesforce/customPermission/*`, `@salesforce/userPermission/*` | `true` (`?perm=none` in the URL: `false`) |
 * | `@salesforce/resourceUrl/Name` | `/resources/Name` (served from `staticresources/`) |
 * | `@salesforce/i18n/*` not stubbed by `lightning-base-components` | en-US / UTC defaults |
 * | `lightning/platformShowToastEvent`, `lightning/uiRecordApi`, `lightning/uiObjectInfoApi`, `lightning/navigation`, `lightning/refresh` | `standins/*.ts` |
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'rollup';

const STANDINS = path.join(import.meta.dirname, 'standins');
const REPO_NODE_MODULES = path.resolve(import.meta.dirname, '..', '..', 'node_modules');
const LABELS_FILE = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  'force-app',
  'main',
  'default',
  'labels',
  'CustomLabels.labels-meta.xml'
);
const VIRTUAL = '\0preview-standin:';

/** Whole-module stand-ins for `lightning/*` modules the open-source base components do not provide. */
const LIGHTNING_STANDINS: Record<string, string> = {
  'lightning/platformShowToastEvent': 'platformShowToastEvent.ts',
  'lightning/uiRecordApi': 'uiRecordApi.ts',
  'lightning/uiObjectInfoApi': 'uiObjectInfoApi.ts',
  'lightning/navigation': 'navigation.ts',
  'lightning/refresh': 'refresh.ts'
};

/** en-US defaults for `@salesforce/i18n/*` keys the base components do not stub themselves. */
const I18N_DEFAULTS: Record<string, string> = {
  lang: 'en-US',
  locale: 'en-US',
  timeZone: 'America/Los_Angeles',
  currency: 'USD',
  dir: 'ltr',
  firstDayOfWeek: '1',
  defaultCalendar: 'gregorian',
  defaultNumberingSystem: 'latn'
};

/** Reads `<labels><fullName>X</fullName><value>Y</value></labels>` pairs (the custom labels file, when present). */
export function readCustomLabels(file: string = LABELS_FILE): Map<string, string> {
  const labels = new Map<string, string>();
  if (!fs.existsSync(file)) return labels;
  const xml = fs.readFileSync(file, 'utf8');
  const unescape = (s: string): string =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  for (const block of xml.match(/<labels>[\s\S]*?<\/labels>/g) ?? []) {
    const name = /<fullName>([\s\S]*?)<\/fullName>/.exec(block)?.[1]?.trim();
    const value = /<value>([\s\S]*?)<\/value>/.exec(block)?.[1];
    if (name && value !== undefined) labels.set(name, unescape(value));
  }
  return labels;
}

function standin(file: string): string {
  return JSON.stringify(path.join(STANDINS, file));
}

/** Source of the virtual module for `specifier`, or null when the stand-ins do not own it. */
export function standinSource(specifier: string, labels: Map<string, string>): string | null {
  if (specifier === '@salesforce/apex') {
    return `export { refreshApex, getSObjectValue } from ${standin('apex.ts')};`;
  }
  let m = /^@salesforce\/apex\/((?:\w+\.)?\w+\.\w+)$/.exec(specifier);
  if (m) {
    const name = m[1] ?? '';
    // A namespaced reference (`ns.Class.method`) reaches the same route as `Class.method`.
    const route = name.split('.').slice(-2).join('.');
    return `import { apexMethod } from ${standin('apex.ts')};\nexport default apexMethod(${JSON.stringify(route)});`;
  }
  m = /^@salesforce\/schema\/(\w+)(?:\.([\w.]+))?$/.exec(specifier);
  if (m) {
    const value: Record<string, string> = { objectApiName: m[1] ?? '' };
    if (m[2]) value.fieldApiName = m[2];
    return `export default ${JSON.stringify(value)};`;
  }
  m = /^@salesforce\/label\/c\.(\w+)$/.exec(specifier);
  if (m) {
    const name = m[1] ?? '';
    return `export default ${JSON.stringify(labels.get(name) ?? name)};`;
  }
  if (specifier === '@salesforce/user/Id')
    return `export { PREVIEW_USER_ID as default } from ${standin('session.ts')};`;
  if (specifier === '@salesforce/user/isGuest') return 'export default false;';
  if (/^@salesforce\/(customPermission|userPermission)\/\w+$/.test(specifier)) {
    return `export { hasPermission as default } from ${standin('session.ts')};`;
  }
  m = /^@salesforce\/resourceUrl\/(\w+)$/.exec(specifier);
  if (m) return `export default ${JSON.stringify('/resources/' + (m[1] ?? ''))};`;
  const lightning = LIGHTNING_STANDINS[specifier];
  if (lightning) return `export * from ${standin(lightning)};`;
  return null;
}

/** Fallback for `@salesforce/i18n/*` keys no base component stub covers (runs after the LWC resolver). */
export function i18nFallbackSource(specifier: string): string | null {
  const m = /^@salesforce\/i18n\/([\w.]+)$/.exec(specifier);
  if (!m) return null;
  const key = m[1] ?? '';
  return `export default ${JSON.stringify(I18N_DEFAULTS[key] ?? '')};`;
}

/**
 * The engine modules, pinned to one file each: a component resolved through a symlinked or nested `node_modules`
 * must not bring a second copy of the engine (a component registered with one copy is "not a valid component" for
 * the other).
 */
const ENGINE_MODULES: Record<string, string> = {
  lwc: path.join(REPO_NODE_MODULES, '@lwc', 'engine-dom', 'dist', 'index.js'),
  '@lwc/synthetic-shadow': path.join(REPO_NODE_MODULES, '@lwc', 'synthetic-shadow', 'dist', 'index.js'),
  '@lwc/wire-service': path.join(REPO_NODE_MODULES, '@lwc', 'wire-service', 'dist', 'index.js')
};

/** Rollup plugin: must run before the LWC plugin so the platform modules never reach its resolver. */
export function standinsPlugin(): Plugin {
  const labels = readCustomLabels();
  return {
    name: 'preview-standins',
    resolveId(source) {
      const engine = ENGINE_MODULES[source];
      if (engine) return fs.realpathSync(engine);
      if (source.startsWith(VIRTUAL)) return source;
      return standinSource(source, labels) === null ? null : VIRTUAL + source;
    },
    load(id) {
      if (!id.startsWith(VIRTUAL)) return null;
      return standinSource(id.slice(VIRTUAL.length), labels);
    }
  };
}

/** Rollup plugin: must run after the LWC plugin (which resolves the base components' own i18n stubs first). */
export function i18nFallbackPlugin(): Plugin {
  const prefix = '\0preview-i18n:';
  return {
    name: 'preview-i18n-fallback',
    resolveId(source) {
      return i18nFallbackSource(source) === null ? null : prefix + source;
    },
    load(id) {
      return id.startsWith(prefix) ? i18nFallbackSource(id.slice(prefix.length)) : null;
    }
  };
}
