/**
 * The emulator's public face: load a project (or bare sources), run Apex snippets, run test classes.
 */
import { parseThroughDiskCache } from './parse/astCache';
import { parseClass, parseTrigger } from './parse/build';
import type { TriggerDecl, TypeDecl } from './parse/ast';
import { ApexThrow, Frame, Interpreter } from './runtime/interpreter';
import type { ClassInfo } from './runtime/interpreter';
import { RuntimeFault, str } from './runtime/ops';
import { Registry } from './runtime/registry';
import { registerCollections } from './stdlib/collections';
import { registerSystem } from './stdlib/system';
import { registerAll } from './stdlib/all';
import type { ProjectModel } from './metadata/model';
import { Org } from './data/org';
import { resetLimits } from './data/limits';

export interface SnippetResult {
  /** `String.valueOf` of the returned value, when it returned. */
  value?: string;
  /** The uncaught exception's type and message, when it threw. */
  exception?: { type: string; message: string; stack: string };
  raw?: unknown;
}

export function createRegistry(): Registry {
  const r = new Registry();
  registerSystem(r);
  registerCollections(r);
  registerAll(r);
  return r;
}

export class Emulator {
  readonly registry: Registry;
  readonly interp: Interpreter;
  readonly org: Org;
  readonly triggers: TriggerDecl[] = [];
  /** Executable lines per class file (for coverage). */
  readonly executableLines = new Map<string, Set<number>>();

  constructor(readonly project: ProjectModel | null) {
    this.registry = createRegistry();
    this.interp = new Interpreter(this.registry);
    this.org = new Org(this.interp, project);
    this.interp.platform = this.org;
    if (project) {
      for (const file of project.apex) {
        if (file.kind === 'class') this.registerClass(cachedParse(file.source, file.name, true));
        else this.addTrigger(file.source, file.name, true);
      }
    }
  }

  addClass(source: string, file: string): ClassInfo {
    return this.registerClass(cachedParse(source, file, false));
  }

  private registerClass(decl: TypeDecl): ClassInfo {
    const info = this.interp.addClass(decl, decl.name);
    this.executableLines.set(decl.name, collectLines(decl));
    return info;
  }

  /** A trigger; `fromProject`: a file of the project, whose tree the disk cache keeps for the next process. */
  addTrigger(source: string, file: string, fromProject = false): void {
    const parse = (): TriggerDecl => parseTrigger(source, file);
    const decl = fromProject ? parseThroughDiskCache(source, file, parse) : parse();
    this.triggers.push(decl);
    this.org.addTrigger(decl);
  }

  /** Runs `code` as the body of `public static Object run()` and reports the result or the uncaught exception. */
  runSnippet(code: string, classes: string[] = []): SnippetResult {
    for (const c of classes) this.addClass(c, 'snippet');
    const name = `FidelitySnippet${++snippetCounter}`;
    const info = this.addClass(`public class ${name} { public static Object run() { ${code}\n } }`, name);
    this.interp.resetTransaction();
    resetLimits(this.org);
    try {
      const v = this.interp.callStatic(info, 'run', []);
      return { value: str(v), raw: v };
    } catch (e) {
      return { exception: describeThrow(this.interp, e) };
    }
  }
}

let snippetCounter = 0;

/**
 * Parsed classes by source text: the syntax tree is never changed by execution (the interpreter keeps its per-run
 * state in class records and transaction state), so emulators in one process share it. Parsing force-app takes
 * seconds; a second Emulator over the same sources then starts in milliseconds, and a second process reads the trees
 * from the disk cache (parse/astCache.ts).
 */
const parseCache = new Map<string, TypeDecl>();

function cachedParse(source: string, file: string, fromProject: boolean): TypeDecl {
  let decl = parseCache.get(source);
  if (!decl) {
    // Only a project's files go to disk: snippets (the fidelity suite's thousand) would fill it for nothing.
    const parse = (): TypeDecl => parseClass(source, file);
    decl = fromProject ? parseThroughDiskCache(source, file, parse) : parse();
    parseCache.set(source, decl);
  }
  return decl;
}

export function describeThrow(interp: Interpreter, e: unknown): { type: string; message: string; stack: string } {
  const err = e instanceof RuntimeFault ? interp.materialize(e) : e;
  if (err instanceof ApexThrow) {
    const ex = err.exception;
    return {
      type: ex.cls.name,
      message: str(ex.fields.get('$message') ?? null),
      stack: str(ex.fields.get('$stack') ?? '')
    };
  }
  const jsErr = err as Error;
  return { type: 'EmulatorError', message: jsErr?.message ?? String(err), stack: jsErr?.stack ?? '' };
}

/** Lines holding statements (what Apex counts for coverage). */
function collectLines(decl: import('./parse/ast').TypeDecl): Set<number> {
  const lines = new Set<number>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    const o = node as Record<string, unknown>;
    if (typeof o.k === 'string' && typeof o.line === 'number' && isStmtKind(o.k as string)) lines.add(o.line as number);
    for (const [key, value] of Object.entries(o)) {
      if (key === 'line' || key === 'type') continue;
      if (value instanceof Set) continue;
      visit(value);
    }
  };
  visit(decl.methods);
  visit(decl.constructors);
  visit(decl.properties);
  for (const f of decl.fields) if (f.init) lines.add(f.line);
  visit(decl.initializers.filter((i) => i.k === 'block'));
  for (const inner of decl.inner) for (const l of collectLines(inner)) lines.add(l);
  return lines;
}

const STMT_KINDS = new Set([
  'local',
  'expr',
  'if',
  'for',
  'foreach',
  'while',
  'do',
  'return',
  'throw',
  'break',
  'continue',
  'try',
  'switch',
  'dml',
  'runAs'
]);
function isStmtKind(k: string): boolean {
  return STMT_KINDS.has(k);
}

export { Frame };
