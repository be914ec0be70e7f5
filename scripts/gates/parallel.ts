/**
 * Running gates side by side: each gate in a child process of its own (gate-child.ts), at most `capacity` cores' worth
 * at a time (a gate's `cores` from the registry; a gate wider than what is free starts only when it fits, or alone).
 * The results come back as the gates finish; callers print them in their own fixed order.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin, GateResult, PROJECT_ROOT, RESULT_FILE_ENV, stripAnsi } from './lib';

export interface ChildRun {
  result: GateResult;
  /** What the gate printed besides its result (progress, skipped classes), stdout and stderr as they came. */
  output: string;
}

/** Cores the gates may keep busy at once: ALOWARE_GATE_CORES, else 2 (the CI machine's count). */
export function gateCapacity(): number {
  const value = Number(process.env.ALOWARE_GATE_CORES ?? '');
  return Number.isFinite(value) && value >= 1 ? Math.floor(value) : 2;
}

/** Runs a command without blocking this process; resolves with its exit code and interleaved output. */
export function spawnCapture(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {}
): Promise<{ status: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', (error) => resolve({ status: 127, output: `${command}: ${error.message}` }));
    child.on('close', (code) =>
      resolve({ status: code ?? 1, output: stripAnsi(Buffer.concat(chunks).toString('utf8')) })
    );
  });
}

/** Runs the gate `name` (registry.ts) on `root` in a child process of this checkout's gate code. */
export async function spawnGate(name: string, root: string, env: NodeJS.ProcessEnv = {}): Promise<ChildRun> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), `aloware-gate-${name}-`));
  const file = join(dir, 'result.json');
  try {
    const { status, output } = await spawnCapture(
      process.execPath,
      [bin(PROJECT_ROOT, 'tsx'), join(__dirname, 'gate-child.ts'), name, root],
      root,
      { ...env, [RESULT_FILE_ENV]: file }
    );
    let result: GateResult;
    try {
      result = JSON.parse(readFileSync(file, 'utf8')) as GateResult;
    } catch {
      result = {
        gate: name,
        ok: false,
        findings: [
          `gate process ended (exit ${status}) without a result: ${output.trim().split('\n').slice(-20).join(' | ')}`
        ],
        summary: 'crashed',
        millis: Date.now() - started
      };
    }
    if (status !== (result.ok ? 0 : 1) && result.ok) {
      result = { ...result, ok: false, findings: [`gate process exited ${status} after passing`], summary: 'crashed' };
    }
    return { result, output: output.trimEnd() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The LWC build of `root` (build-once.ts: skipped when its inputs are unchanged) in a child process. */
export function buildInChild(root: string): Promise<{ status: number; output: string }> {
  return spawnCapture(process.execPath, [bin(PROJECT_ROOT, 'tsx'), join(__dirname, 'build-once.ts'), root], root);
}

export interface Job<T> {
  name: string;
  /** Cores it keeps busy (default 1). */
  cores?: number;
  /** Starts only after this settles (e.g. the run's LWC build). */
  after?: Promise<unknown>;
  start: () => Promise<T>;
}

/**
 * Runs the jobs, in list order as far as they fit within `capacity` cores (a job wider than the capacity runs alone);
 * `onDone` hears of each as it ends. Resolves with every job's value by name.
 */
export function runJobs<T>(
  jobs: Job<T>[],
  capacity: number,
  onDone: (name: string, value: T) => void = () => undefined
): Promise<Map<string, T>> {
  return new Promise((resolve, reject) => {
    const results = new Map<string, T>();
    const waiting = [...jobs];
    const ready = new Set<Job<T>>(jobs.filter((j) => !j.after));
    let busy = 0;
    let running = 0;
    const pump = (): void => {
      for (let i = 0; i < waiting.length; i++) {
        const job = waiting[i] as Job<T>;
        const cores = job.cores ?? 1;
        if (!ready.has(job) || (running > 0 && busy + cores > capacity)) continue;
        waiting.splice(i--, 1);
        busy += cores;
        running++;
        job.start().then(
          (value) => {
            busy -= cores;
            running--;
            results.set(job.name, value);
            onDone(job.name, value);
            if (waiting.length === 0 && running === 0) resolve(results);
            else pump();
          },
          (error: unknown) => reject(error instanceof Error ? error : new Error(String(error)))
        );
      }
    };
    for (const job of jobs) {
      if (!job.after) continue;
      const mark = (): void => {
        ready.add(job);
        pump();
      };
      job.after.then(mark, mark);
    }
    if (jobs.length === 0) resolve(results);
    else pump();
  });
}
