/**
 * Shared plumbing for the offline gates: each gate is a function that inspects a project root and
 * returns its findings. A gate passes only with zero findings.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const PROJECT_ROOT = join(__dirname, '..', '..');

export interface GateResult {
  gate: string;
  ok: boolean;
  findings: string[];
  /** Free-form summary line, e.g. "42 files checked". */
  summary: string;
  millis: number;
}

export interface CommandResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Removes ANSI colour codes. */
export function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/** Runs a command synchronously and captures its output (never throws on a non-zero exit). */
export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): CommandResult {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    // Plain text: tools colour their output when CI is set, which would hide findings from the parsers below.
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...env },
    maxBuffer: 256 * 1024 * 1024
  });
  if (result.error) {
    return { status: 127, stdout: '', stderr: `${command}: ${result.error.message}` };
  }
  return { status: result.status ?? 1, stdout: stripAnsi(result.stdout ?? ''), stderr: stripAnsi(result.stderr ?? '') };
}

/** Runs a binary from node_modules/.bin of the project (resolved against `root`, falling back to this checkout). */
export function bin(root: string, name: string): string {
  const local = join(root, 'node_modules', '.bin', name);
  return existsSync(local) ? local : join(PROJECT_ROOT, 'node_modules', '.bin', name);
}

/** The node_modules folder serving `root` (a gate-test copy links to the checkout's). */
export function nodeModules(root: string): string {
  const local = join(root, 'node_modules');
  return existsSync(local) ? local : join(PROJECT_ROOT, 'node_modules');
}

/** Lists files under `dir` (recursively) whose name passes `accept`; skips node_modules and build output. */
export function listFiles(dir: string, accept: (name: string) => boolean): string[] {
  const out: string[] = [];
  if (!existsSync(dir)) return out;
  const walk = (current: string): void => {
    for (const entry of readdirSync(current)) {
      if (entry === 'node_modules' || entry === '.git' || entry === '.preview-build' || entry === 'coverage') continue;
      const path = join(current, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (accept(entry)) out.push(path);
    }
  };
  walk(dir);
  return out.sort();
}

export function read(path: string): string {
  return readFileSync(path, 'utf8');
}

export function rel(root: string, path: string): string {
  return relative(root, path);
}

/** Wraps a gate body with timing and a uniform result. */
export function timed(gate: string, body: () => Omit<GateResult, 'gate' | 'millis'>): GateResult {
  const started = Date.now();
  try {
    const result = body();
    return { gate, millis: Date.now() - started, ...result };
  } catch (error) {
    return {
      gate,
      ok: false,
      findings: [`gate crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`],
      summary: 'crashed',
      millis: Date.now() - started
    };
  }
}

/** Prints a gate result and, when run as a script, exits non-zero on failure. */
export function report(result: GateResult): void {
  const status = result.ok ? 'PASS' : 'FAIL';
  console.log(`[${status}] ${result.gate} (${(result.millis / 1000).toFixed(1)} s): ${result.summary}`);
  for (const finding of result.findings) console.log(`  - ${finding}`);
}

/**
 * Where a gate run in a child process (gate-child.ts, or a gate script) writes its result as JSON for the runner
 * (set by parallel.ts); unset when a person runs the gate.
 */
export const RESULT_FILE_ENV = 'ALOWARE_GATE_RESULT';

/** Hands a result to the runner that started this process, when one did. */
export function writeResultFile(result: GateResult): void {
  const file = process.env[RESULT_FILE_ENV];
  if (file) writeFileSync(file, JSON.stringify(result));
}

export function runAsScript(gate: (root: string) => GateResult): void {
  const root = process.argv[2] ?? PROJECT_ROOT;
  const result = gate(root);
  writeResultFile(result);
  report(result);
  process.exit(result.ok ? 0 : 1);
}

/** Apex source files (.cls and .trigger) under force-app. */
export function apexFiles(root: string): string[] {
  return listFiles(join(root, 'force-app'), (name) => name.endsWith('.cls') || name.endsWith('.trigger'));
}

/** LWC TypeScript sources: what `npm run build` compiles and coverage counts (tests included when `withTests`). */
export function lwcTsFiles(root: string, withTests = false): string[] {
  return listFiles(join(root, 'force-app'), (name) => name.endsWith('.ts') && !name.endsWith('.d.ts')).filter(
    (path) => path.includes('/lwc/') && (withTests || !(path.includes('/__tests__/') || path.endsWith('.test.ts')))
  );
}
