/**
 * test-results/npm-test.json: what one full `npm test` measured (written by scripts/gates/run-all.ts at the end of the
 * run), and the figures file docs/bench/npm-test.json that `npm run docs:figures` copies it to and reads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

/** One gate of a run. */
export interface GateRecord {
  name: string;
  seconds: number;
  ok: boolean;
  /** The gate's summary line, as `npm test` printed it. */
  summary: string;
}

export interface RunRecord {
  command: string;
  /** Where the figures come from (this machine, a CI run); shown under the generated table. */
  source: string;
  /** When the run started (ISO 8601). */
  date: string;
  ok: boolean;
  /** Wall clock of the whole run (the gates run side by side). */
  totalSeconds: number;
  /** In the order `npm test` reports them. */
  gates: GateRecord[];
  /** Gates left out by ALOWARE_SKIP_GATES (none in a real run). */
  skipped: string[];
  machine: {
    cores: number;
    cpu: string;
    node: string;
    /** The 1, 5 and 15 minute load averages at the start and at the end of the run (empty when not recorded). */
    loadAverage: { start: number[]; end: number[] };
  };
  /** Cases the tree holds that the jest gate replays. */
  tree: {
    fidelityCases: number;
    conformanceVectors: number;
    /** Conformance vectors per kind, in the order the kinds first appear in the file. */
    conformanceVectorsByKind: Record<string, number>;
  };
}

/** Where `npm test` writes the record of its run. */
export const RUN_RECORD_PATH = join('test-results', 'npm-test.json');
/** The committed copy that the generated figures come from. */
export const FIGURE_RECORD_PATH = join('docs', 'bench', 'npm-test.json');

/** Counts the fidelity cases (emulator/fidelity/cases/*.json) and the conformance vectors of the tree at `root`. */
export function treeCounts(root: string): RunRecord['tree'] {
  const casesDir = join(root, 'emulator', 'fidelity', 'cases');
  let fidelityCases = 0;
  for (const file of readdirSync(casesDir).filter((f) => f.endsWith('.json'))) {
    fidelityCases += (JSON.parse(readFileSync(join(casesDir, file), 'utf8')) as unknown[]).length;
  }
  const vectorsPath = join(root, 'force-app', 'main', 'default', 'staticresources', 'AlowareMappingVectors.json');
  const vectors = (JSON.parse(readFileSync(vectorsPath, 'utf8')) as { cases: { kind: string }[] }).cases;
  const byKind: Record<string, number> = {};
  for (const vector of vectors) byKind[vector.kind] = (byKind[vector.kind] ?? 0) + 1;
  return { fidelityCases, conformanceVectors: vectors.length, conformanceVectorsByKind: byKind };
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

/** The record of a finished `npm test` run on this machine. */
export function runRecord(
  results: { gate: string; ok: boolean; summary: string; millis: number }[],
  skipped: string[],
  started: { at: Date; load: number[] },
  root: string
): RunRecord {
  return {
    command: 'npm test',
    source: `npm test on this machine, ${started.at.toISOString().slice(0, 10)}`,
    date: started.at.toISOString(),
    ok: results.every((r) => r.ok),
    totalSeconds: round((Date.now() - started.at.getTime()) / 1000, 1),
    gates: results.map((r) => ({ name: r.gate, seconds: round(r.millis / 1000, 1), ok: r.ok, summary: r.summary })),
    skipped,
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      node: process.version,
      loadAverage: { start: started.load.map((l) => round(l, 2)), end: loadavg().map((l) => round(l, 2)) }
    },
    tree: treeCounts(root)
  };
}
