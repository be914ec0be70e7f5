/**
 * Gate: the rooms of the Apex code keep one purpose and depend one way (docs/architecture.md, "Apex folders").
 * A folder is the first directory under `force-app/main/default/classes/` (`controllers/dto/` belongs to
 * `controllers`); test classes (`classes/tests/`) are left out. A class depends on another when its source names it:
 * identifiers are read with comments and string literals blanked, and every identifier that is the name of a class
 * file in another folder is a dependency of the file's folder on that folder (Apex is case-insensitive).
 * Fails on:
 * 1. SOQL or SOSL in `classes/controllers/` (static `[SELECT …]` / `[FIND …]`, `Database.query*`, `countQuery*`,
 *    `getQueryLocator*`, `Search.query`, or a string literal holding query text: upper-case `SELECT `/`FIND ` at its
 *    start or ` FROM <name>`): queries live in selectors.
 * 2. Any pair of folders that depend on each other (naming one file, line and class used on each side).
 * 3. `shared/` depending on any other folder.
 * The summary carries the dependency matrix (rows depend on columns; each cell counts the distinct classes used).
 */
import { join, relative } from 'node:path';
import { blankStrings, lineOf, stripComments } from './apex-source';
import { GateResult, listFiles, read, runAsScript, timed } from './lib';

export const CLASSES_DIR = join('force-app', 'main', 'default', 'classes');
const TESTS_FOLDER = 'tests';
export const SHARED_FOLDER = 'shared';
export const CONTROLLERS_FOLDER = 'controllers';

/** One use of a class of another folder: the first occurrence of that class in the file. */
export interface Dependency {
  from: string;
  to: string;
  file: string;
  line: number;
  className: string;
}

export interface ApexClassFile {
  folder: string;
  file: string;
  className: string;
  source: string;
}

/** The non-test class files under classes/, with their folder (relative paths use `/`). */
export function classFiles(root: string): ApexClassFile[] {
  const base = join(root, CLASSES_DIR);
  return listFiles(base, (name) => name.endsWith('.cls'))
    .map((path) => relative(base, path).split('\\').join('/'))
    .filter((path) => path.includes('/') && path.split('/')[0] !== TESTS_FOLDER)
    .map((path) => ({
      folder: path.split('/')[0] ?? '',
      file: `${CLASSES_DIR.split('\\').join('/')}/${path}`,
      className: (path.split('/').pop() ?? '').replace(/\.cls$/, ''),
      source: read(join(base, path))
    }));
}

/** Source with comments and the contents of string literals replaced by spaces (offsets and lines kept). */
export function codeOnly(source: string): string {
  return blankStrings(stripComments(source));
}

/** Every dependency of each file on a class of another folder (one per file and class used). */
export function dependencies(files: ApexClassFile[]): Dependency[] {
  const folderOf = new Map<string, string>();
  for (const f of files) folderOf.set(f.className.toLowerCase(), f.folder);
  const found: Dependency[] = [];
  for (const f of files) {
    const code = codeOnly(f.source);
    const seen = new Set<string>();
    for (const match of code.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) {
      const name = match[0].toLowerCase();
      const to = folderOf.get(name);
      if (!to || to === f.folder || seen.has(name)) continue;
      // `x.Name`: a member that happens to share a class's name is not a use of the class.
      if (code[(match.index ?? 0) - 1] === '.' && !/^Aloware/i.test(match[0])) continue;
      seen.add(name);
      const target = files.find((c) => c.className.toLowerCase() === name);
      found.push({
        from: f.folder,
        to,
        file: f.file,
        line: lineOf(code, match.index ?? 0),
        className: target?.className ?? match[0]
      });
    }
  }
  return found;
}

const QUERY_PATTERNS: { pattern: RegExp; what: string }[] = [
  { pattern: /\[\s*(SELECT|FIND)\b/gi, what: 'static SOQL/SOSL' },
  {
    pattern:
      /\bDatabase\s*\.\s*(query|queryWithBinds|countQuery|countQueryWithBinds|getQueryLocator|getQueryLocatorWithBinds)\s*\(/gi,
    what: 'dynamic SOQL'
  },
  { pattern: /\bSearch\s*\.\s*query\s*\(/gi, what: 'dynamic SOSL' }
];

/** Queries in one file: static and dynamic SOQL/SOSL, and string literals that start a query. */
export function queryFindings(file: ApexClassFile): string[] {
  const stripped = stripComments(file.source);
  const code = blankStrings(stripped);
  const findings: string[] = [];
  for (const { pattern, what } of QUERY_PATTERNS) {
    for (const match of code.matchAll(pattern)) {
      findings.push(`${file.file}:${lineOf(code, match.index ?? 0)} ${what} in a controller: move it to a selector`);
    }
  }
  // Query text in a literal: upper-case `SELECT `/`FIND ` at its start or ` FROM <name>` inside (sentences such as
  // 'Select an entry' are not queries).
  for (const match of stripped.matchAll(/'(?:\s*(?:SELECT|FIND)\s|[^'\n]*\sFROM\s+[A-Za-z_])(?:\\.|[^'\\\n])*'/g)) {
    findings.push(
      `${file.file}:${lineOf(stripped, match.index ?? 0)} query text in a controller: move it to a selector`
    );
  }
  return [...new Set(findings)];
}

/** Distinct classes used, by folder pair: `from → to → class names`. */
export function matrix(deps: Dependency[]): Map<string, Map<string, Set<string>>> {
  const out = new Map<string, Map<string, Set<string>>>();
  for (const d of deps) {
    const row = out.get(d.from) ?? new Map<string, Set<string>>();
    const cell = row.get(d.to) ?? new Set<string>();
    cell.add(d.className);
    row.set(d.to, cell);
    out.set(d.from, row);
  }
  return out;
}

/** The matrix as text: one line per folder, `folder → other (n classes), …`. */
export function formatMatrix(folders: string[], deps: Dependency[]): string {
  const m = matrix(deps);
  return folders
    .map((from) => {
      const row = m.get(from);
      const cells = folders.filter((to) => row?.has(to)).map((to) => `${to} (${row?.get(to)?.size})`);
      return `${from} → ${cells.length ? cells.join(', ') : 'nothing'}`;
    })
    .join('\n');
}

function describe(d: Dependency): string {
  return `${d.file}:${d.line} uses ${d.to}/${d.className}`;
}

/** The findings of the three rules for a set of class files. */
export function architectureFindings(files: ApexClassFile[]): { findings: string[]; deps: Dependency[] } {
  const findings: string[] = [];
  for (const f of files.filter((c) => c.folder === CONTROLLERS_FOLDER)) findings.push(...queryFindings(f));
  const deps = dependencies(files);
  const first = new Map<string, Dependency>();
  for (const d of deps) if (!first.has(`${d.from}>${d.to}`)) first.set(`${d.from}>${d.to}`, d);
  for (const [key, d] of first) {
    const back = first.get(`${d.to}>${d.from}`);
    if (back && key < `${d.to}>${d.from}`) {
      findings.push(`folders ${d.from} and ${d.to} depend on each other: ${describe(d)}; ${describe(back)}`);
    }
  }
  for (const d of deps.filter((dep) => dep.from === SHARED_FOLDER)) {
    findings.push(`${SHARED_FOLDER}/ depends on ${d.to}/: ${describe(d)}`);
  }
  return { findings, deps };
}

export function apexArchitectureGate(root: string): GateResult {
  return timed('apex-architecture', () => {
    const files = classFiles(root);
    const { findings, deps } = architectureFindings(files);
    const folders = [...new Set(files.map((f) => f.folder))].sort();
    return {
      ok: findings.length === 0,
      findings,
      summary: `${files.length} class(es) in ${folders.length} folder(s); ${findings.length} finding(s); dependencies (row uses column, distinct classes):\n${formatMatrix(folders, deps)}`
    };
  });
}

if (require.main === module) runAsScript(apexArchitectureGate);
