/**
 * `npm run docs:figures`: the figures of README.md and docs/ are generated, never typed by hand.
 *
 * 1. Copies test-results/npm-test.json (written by a full `npm test`) to docs/bench/npm-test.json, the committed figure
 *    file, when that run passed with no gate skipped (`--force` copies any run; `--no-copy` keeps the committed one).
 * 2. Reads it and every other docs/bench/*.json (benchmarks written by `npm run bench` and the preview bench).
 * 3. Rewrites every block between `<!-- figures:NAME -->` and `<!-- /figures:NAME -->` in README.md, docs/*.md and
 *    emulator/README.md with what BLOCKS[NAME] renders (already in Prettier's Markdown layout).
 *
 * `--check` writes nothing and exits 1 naming each stale block; the jest test scripts/docs/__tests__/figures.test.ts
 * does the same inside `npm test`, so a hand edit of a generated block or a figure file committed without its blocks
 * fails the jest gate.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { FIGURE_RECORD_PATH, RUN_RECORD_PATH, RunRecord } from './run-record';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** What the blocks are rendered from: the run record and the other bench files, by file name without `.json`. */
export interface Figures {
  run: RunRecord | undefined;
  bench: Record<string, JsonObject>;
}

export const BENCH_DIR = join('docs', 'bench');

/** Reads docs/bench/*.json of the project at `root` (npm-test.json is the run record). */
export function loadFigures(root: string): Figures {
  const dir = join(root, BENCH_DIR);
  const bench: Record<string, JsonObject> = {};
  for (const file of existsSync(dir) ? readdirSync(dir).sort() : []) {
    if (!file.endsWith('.json')) continue;
    bench[basename(file, '.json')] = JSON.parse(readFileSync(join(dir, file), 'utf8')) as JsonObject;
  }
  const { 'npm-test': run, ...rest } = bench;
  return { run: run as unknown as RunRecord | undefined, bench: rest };
}

// ---------------------------------------------------------------------------------------------------------------
// Formatting

/** 1773 → "1,773"; 24.04 → "24.0" with one decimal. */
export function count(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 0 });
}

export function fixed(value: number, digits = 1): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

const width = (text: string): number => [...text].length;

/**
 * A Markdown table in Prettier's layout: cells padded to the widest of their column, delimiter dashes to the same
 * width (at least 3), `---:` for right-aligned columns.
 */
export function table(header: string[], rows: string[][], right: boolean[] = []): string {
  const escape = (cell: string): string => cell.replace(/\|/g, '\\|');
  const all = [header, ...rows].map((row) => row.map(escape));
  const widths = header.map((_, i) => Math.max(3, ...all.map((row) => width(row[i] ?? ''))));
  const line = (row: string[]): string =>
    `| ${row
      .map((cell, i) => {
        const pad = ' '.repeat((widths[i] ?? 3) - width(cell));
        return right[i] ? pad + cell : cell + pad;
      })
      .join(' | ')} |`;
  const delimiter = `| ${widths.map((w, i) => (right[i] ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(all[0] ?? []), delimiter, ...all.slice(1).map(line)].join('\n');
}

/** The date part of an ISO timestamp. */
const day = (iso: Json | undefined): string => (typeof iso === 'string' ? iso.slice(0, 10) : 'undated');

const num = (value: Json | undefined): number | undefined => (typeof value === 'number' ? value : undefined);

const obj = (value: Json | undefined): JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};

// ---------------------------------------------------------------------------------------------------------------
// What the gate summaries say

/** Counts read from the summary lines of a run's gates (undefined when the gate did not run or said nothing). */
export interface RunCounts {
  apexTests?: number;
  apexFailed?: number;
  jestTests?: number;
  jestCoverage?: string;
  browserScenarios?: number;
  faultsCaught?: number;
  faultsPlanted?: number;
}

export function runCounts(run: RunRecord): RunCounts {
  const summary = (gate: string): string => run.gates.find((g) => g.name === gate)?.summary ?? '';
  const apex = /^(\d+) passed, (\d+) failed/.exec(summary('apex'));
  const jest = /(\d+) passed, (\d+) total/.exec(summary('jest'));
  const coverage = /line coverage ([\d.]+)\s*%/.exec(summary('jest'));
  const browser = /(\d+) passed, (\d+) failed/.exec(summary('browser'));
  const faults = /(\d+) of (\d+) planted faults caught/.exec(summary('gate-tests'));
  return {
    apexTests: apex ? Number(apex[1]) + Number(apex[2]) : undefined,
    apexFailed: apex ? Number(apex[2]) : undefined,
    jestTests: jest ? Number(jest[2]) : undefined,
    jestCoverage: coverage ? `${coverage[1]} %` : undefined,
    browserScenarios: browser ? Number(browser[1]) + Number(browser[2]) : undefined,
    faultsCaught: faults ? Number(faults[1]) : undefined,
    faultsPlanted: faults ? Number(faults[2]) : undefined
  };
}

/** The result column of the gate-time table: the count a gate reports, else passed / FAILED. */
function gateResult(run: RunRecord, gate: { name: string; ok: boolean }): string {
  const c = runCounts(run);
  const verdict = gate.ok ? 'passed' : 'FAILED';
  switch (gate.name) {
    case 'apex':
      return c.apexTests === undefined ? verdict : `${verdict}: ${count(c.apexTests)} Apex test methods`;
    case 'jest':
      return c.jestTests === undefined
        ? verdict
        : `${verdict}: ${count(c.jestTests)} tests${c.jestCoverage ? `, line coverage ${c.jestCoverage}` : ''}`;
    case 'browser':
      return c.browserScenarios === undefined ? verdict : `${verdict}: ${count(c.browserScenarios)} scenarios`;
    case 'gate-tests':
      return c.faultsPlanted === undefined
        ? verdict
        : `${verdict}: ${c.faultsCaught ?? 0} of ${c.faultsPlanted} planted faults caught`;
    default:
      return verdict;
  }
}

function machine(run: RunRecord): string {
  const m = run.machine;
  const parts = [`${m.cores} cores`];
  if (m.cpu !== 'not recorded' && m.cpu !== 'unknown') parts.push(m.cpu);
  if (m.node !== 'not recorded') parts.push(`Node ${m.node}`);
  const [start] = m.loadAverage.start;
  const [end] = m.loadAverage.end;
  if (start !== undefined && end !== undefined) {
    parts.push(`load average ${fixed(start, 2)} at the start, ${fixed(end, 2)} at the end`);
  }
  return parts.join(', ');
}

function needRun(figures: Figures): RunRecord {
  if (!figures.run) throw new Error(`${FIGURE_RECORD_PATH} is missing: run npm test, then npm run docs:figures`);
  return figures.run;
}

function source(run: RunRecord): string {
  return `\`${FIGURE_RECORD_PATH.split('\\').join('/')}\`: ${run.source} (${machine(run)})`;
}

// ---------------------------------------------------------------------------------------------------------------
// The blocks

/** Each gate's time in one full `npm test`. */
function gateTimes(figures: Figures): string {
  const run = needRun(figures);
  const rows = run.gates.map((g) => [`\`${g.name}\``, fixed(g.seconds), gateResult(run, g)]);
  const passed = run.gates.filter((g) => g.ok).length;
  rows.push(['whole run (wall clock)', fixed(run.totalSeconds), `${passed} of ${run.gates.length} gates passed`]);
  const skipped = run.skipped.length > 0 ? ` Skipped: ${run.skipped.join(', ')}.` : '';
  return [
    table(['gate', 'seconds', 'result'], rows, [false, true, false]),
    '',
    `The gates run side by side, so their times add up to more than the run's. From ${source(run)}.${skipped}`
  ].join('\n');
}

/** The suites' sizes, from the run's gate summaries and the tree's case files. */
function testCounts(figures: Figures): string {
  const run = needRun(figures);
  const c = runCounts(run);
  const lines: string[] = [];
  if (c.apexTests !== undefined) {
    lines.push(`- ${count(c.apexTests)} Apex test methods, run by the Apex emulator (\`apex\` gate)`);
  }
  if (c.jestTests !== undefined) {
    const coverage = c.jestCoverage ? `; line coverage ${c.jestCoverage}` : '';
    lines.push(`- ${count(c.jestTests)} jest tests (\`jest\` gate${coverage})`);
  }
  lines.push(
    `- ${count(run.tree.fidelityCases)} fidelity cases: Apex snippets with the platform's cited result (run by jest)`,
    `- ${count(run.tree.conformanceVectors)} shared conformance vectors, replayed by jest and by the Apex engine's test`
  );
  if (c.browserScenarios !== undefined)
    lines.push(`- ${count(c.browserScenarios)} browser scenarios (\`browser\` gate)`);
  if (c.faultsPlanted !== undefined) {
    lines.push(`- ${c.faultsCaught ?? 0} of ${c.faultsPlanted} planted faults caught (\`gate-tests\`)`);
  }
  return [...lines, '', `From ${source(run)}; the case counts from the tree.`].join('\n');
}

/** Every gate's summary line of the run, as `npm test` printed it. */
function gateSummaries(figures: Figures): string {
  const run = needRun(figures);
  // The first line only: a multi-line summary (a gate's dependency matrix) would break the table row.
  const rows = run.gates.map((g) => [`\`${g.name}\``, g.ok ? 'PASS' : 'FAIL', g.summary.split('\n')[0] ?? '']);
  return [table(['gate', 'result', 'summary line'], rows), '', `From ${source(run)}.`].join('\n');
}

/** The conformance vectors per kind. */
function vectorCounts(figures: Figures): string {
  const run = needRun(figures);
  const kinds = Object.entries(run.tree.conformanceVectorsByKind).map(([kind, n]) => `${n} \`${kind}\``);
  return `${count(run.tree.conformanceVectors)} cases: ${kinds.join(', ')}.`;
}

interface Stat {
  median?: number;
  p95?: number;
}

/** A figure with a median and a p95, whichever key names the bench used. */
function stat(value: Json | undefined): Stat {
  const o = obj(value);
  return { median: num(o.median) ?? num(o.medianMs), p95: num(o.p95) ?? num(o.p95Ms) };
}

const ms = (value: number | undefined): string => (value === undefined ? '—' : `${fixed(value)} ms`);

function missing(file: string): string {
  return `Not measured yet (\`docs/bench/${file}.json\` is missing).`;
}

/** The preview's emulated org at 100,000 sync-log rows: the @AuraEnabled calls (scripts/bench/preview-org.ts). */
function benchPreviewOrg(figures: Figures): string {
  const file = figures.bench['preview-org'];
  if (!file) return missing('preview-org');
  const targets = obj(file.targets);
  const rows = Object.entries(obj(file.figures)).map(([action, value]) => {
    const s = stat(value);
    const target = num(obj(targets[action]).targetMs);
    const met = target === undefined || s.median === undefined ? '' : s.median <= target ? 'met' : 'NOT met';
    return [`\`${action}\``, ms(s.median), ms(s.p95), target === undefined ? '' : `≤ ${fixed(target, 0)} ms ${met}`];
  });
  return [
    table(['call', 'median', 'p95', 'target'], rows, [false, true, true, false]),
    '',
    `From \`docs/bench/preview-org.json\` (${day(file.generatedAt)}, ${num(file.cpus) ?? '?'} cores, Node ${String(file.node ?? '?')}).`
  ].join('\n');
}

/** The TypeScript mapping engine (scripts/bench/engine.ts). */
function benchEngine(figures: Figures): string {
  const file = figures.bench.engine;
  if (!file) return missing('engine');
  const phases = Array.isArray(file.phases) ? file.phases.map(obj) : [];
  const rows = phases.map((p) => [
    String(p.name ?? ''),
    `${count(num(p.items) ?? 0)} ${String(p.unit ?? '')}`,
    `${count(num(p.ms) ?? 0)} ms`,
    `${count(num(p.perSecond) ?? 0)} ${String(p.unit ?? '')}/s`,
    `${fixed(num(p.peakHeapMb) ?? 0)} MB`,
    String(p.note ?? '')
  ]);
  const validation = obj(file.validation);
  const perValidation = num(validation.msPerValidation);
  const validationLine =
    perValidation === undefined
      ? []
      : [
          '',
          `Validation of a ${count(num(validation.rows) ?? 0)}-row mapping set: ${fixed(perValidation, 2)} ms each ` +
            `(${num(validation.runs) ?? '?'} runs).`
        ];
  return [
    table(['phase', 'items', 'total', 'per second', 'peak heap', 'note'], rows, [false, true, true, true, true, false]),
    ...validationLine,
    '',
    `From \`docs/bench/engine.json\` (${day(file.generatedAt)}, ${String(file.cpu ?? '?')}, ${num(file.cpus) ?? '?'} cores, Node ${String(file.node ?? '?')}).`
  ].join('\n');
}

/** The Apex emulator: loading force-app and running the Apex tests (scripts/bench/apex.ts). */
function benchApex(figures: Figures): string {
  const file = figures.bench.apex;
  if (!file) return missing('apex');
  const engine = obj(file.engineTests);
  const all = obj(file.allTests);
  const rows = [
    ['load `force-app` (parse, schema, seed data)', `${fixed(num(file.loadSeconds) ?? 0)} s`],
    [`the engine's ${num(engine.methods) ?? '?'} test methods`, `${fixed(num(engine.seconds) ?? 0)} s`],
    [
      `all ${num(all.methods) ?? '?'} Apex test methods of that day (load excluded)`,
      `${fixed(num(all.seconds) ?? 0)} s`
    ],
    [
      'most SOQL queries / DML statements in one test method',
      `${num(all.maxSoqlPerMethod) ?? '?'} / ${num(all.maxDmlPerMethod) ?? '?'}`
    ]
  ];
  return [
    table(['measure', 'figure'], rows, [false, true]),
    '',
    `From \`docs/bench/apex.json\` (${day(file.generatedAt)}, ${String(file.cpu ?? '?')}, ${num(file.cpus) ?? '?'} cores, Node ${String(file.node ?? '?')}).`
  ].join('\n');
}

function statTable(first: string, group: JsonObject, targets: JsonObject = {}): string {
  const withTargets = Object.keys(targets).length > 0;
  const rows = Object.entries(group).map(([name, value]) => {
    const o = obj(value);
    const s = stat(value);
    const row = [name.trim().replace(/^of which/, '… of which'), String(num(o.runs) ?? ''), ms(s.median), ms(s.p95)];
    if (withTargets) {
      const t = obj(targets[name]);
      const target = num(t.targetMs);
      const key = t.stat === 'p95Ms' ? 'p95' : 'median';
      const value2 = key === 'p95' ? s.p95 : s.median;
      row.push(
        target === undefined || value2 === undefined
          ? ''
          : `${key} ≤ ${fixed(target, 0)} ms ${value2 <= target ? 'met' : 'NOT met'}`
      );
    }
    return row;
  });
  const header = [first, 'runs', 'median', 'p95', ...(withTargets ? ['target'] : [])];
  return table(header, rows, [false, true, true, true, false]);
}

/** The browser bench of the mapping panel and the sync log (scripts/bench/ui.ts). */
function benchUi(figures: Figures): string {
  const file = figures.bench.ui;
  if (!file) return missing('ui');
  const m = obj(file.machine);
  const before = obj(file.mappingPanelBefore);
  return [
    `Mapping panel, ${count(num(file.describeFields) ?? 0)}-field describe, in Chromium against the emulated Apex:`,
    '',
    statTable('measure', obj(file.mappingPanel), obj(before.issue16)),
    '',
    `Sync log at ${count(num(file.syncLogEntries) ?? 0)} entries, a page through the emulated Apex over HTTP:`,
    '',
    statTable('request', obj(file.syncLogEmulatedApex)),
    '',
    'Sync log in Chromium:',
    '',
    statTable('measure', obj(file.syncLogBrowser)),
    '',
    `From \`docs/bench/ui.json\` (${day(file.date)}, ${String(m.cpu ?? '?')}, ${num(m.cores) ?? '?'} cores, Node ${String(m.node ?? '?')}, Chromium ${String(m.chromium ?? '?')}); preview start-up ${fixed((num(file.previewStartupMs) ?? 0) / 1000)} s.`
  ].join('\n');
}

/** The README's few headline figures, each with its file. */
function benchSummary(figures: Figures): string {
  const lines: string[] = [];
  const preview = figures.bench['preview-org'];
  if (preview) {
    const f = obj(preview.figures);
    const pick = (key: string): string => ms(stat(f[key]).median);
    lines.push(
      `- Preview, emulated Apex at 100,000 sync-log rows (medians): first page ${pick('syncLog.firstPage')}, next page ` +
        `${pick('syncLog.nextPage')}, Lead-name filter ${pick('syncLog.filterLeadName')}, settings save ` +
        `${pick('settings.save')} (\`docs/bench/preview-org.json\`, ${day(preview.generatedAt)})`
    );
  }
  const ui = figures.bench.ui;
  if (ui) {
    const panel = obj(ui.mappingPanel);
    const render = Object.entries(panel).find(([k]) => k.startsWith('navigation → panel rendered'));
    const keystroke = Object.entries(panel).find(([k]) => k.startsWith('filter-as-you-type'));
    lines.push(
      `- Mapping panel in Chromium: navigation → rendered ${ms(stat(render?.[1]).median)} median; filter-as-you-type ` +
        `${ms(stat(keystroke?.[1]).p95)} p95 per keystroke (\`docs/bench/ui.json\`, ${day(ui.date)})`
    );
  }
  const engine = figures.bench.engine;
  if (engine) {
    const phases = Array.isArray(engine.phases) ? engine.phases.map(obj) : [];
    const rate = (name: string): string => count(num(phases.find((p) => p.name === name)?.perSecond) ?? 0);
    lines.push(
      `- TypeScript mapping engine: ${rate('outbound payloads')} Leads/s outbound, ${rate('inbound changes')} Leads/s ` +
        `inbound (\`docs/bench/engine.json\`, ${day(engine.generatedAt)})`
    );
  }
  const apex = figures.bench.apex;
  if (apex) {
    lines.push(
      `- Apex emulator: loads \`force-app\` in ${fixed(num(apex.loadSeconds) ?? 0)} s (\`docs/bench/apex.json\`, ${day(apex.generatedAt)})`
    );
  }
  return lines.length > 0 ? lines.join('\n') : 'No benchmark figures yet (`npm run bench`).';
}

/** Every block a document may hold, by the name in its markers. */
export const BLOCKS: Record<string, (figures: Figures) => string> = {
  'gate-times': gateTimes,
  'test-counts': testCounts,
  'gate-summaries': gateSummaries,
  'vector-counts': vectorCounts,
  'bench-summary': benchSummary,
  'bench-preview-org': benchPreviewOrg,
  'bench-engine': benchEngine,
  'bench-apex': benchApex,
  'bench-ui': benchUi
};

// ---------------------------------------------------------------------------------------------------------------
// Documents

/** The documents that may hold blocks: README.md, docs/*.md and emulator/README.md (relative to the root). */
export function documents(root: string): string[] {
  const docs = existsSync(join(root, 'docs'))
    ? readdirSync(join(root, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .sort()
        .map((f) => `docs/${f}`)
    : [];
  return ['README.md', ...docs, 'emulator/README.md'].filter((path) => existsSync(join(root, path)));
}

/** A marker alone on its line (a marker quoted in prose, inside backticks, is not one). */
const MARKER = /^<!-- (\/?)figures:([\w-]+) -->$/gm;

export interface Rendered {
  text: string;
  /** Blocks whose text differed from what they render to. */
  stale: string[];
  /** Every block found, in order. */
  blocks: string[];
}

/** Renders every block of a document; throws on an unknown name or a marker without its pair. */
export function renderDocument(text: string, figures: Figures, path = 'document'): Rendered {
  const stale: string[] = [];
  const blocks: string[] = [];
  let out = '';
  let at = 0;
  let open: { name: string; end: number } | undefined;
  for (const match of text.matchAll(MARKER)) {
    const [marker, closing, name] = match as unknown as [string, string, string];
    const index = match.index ?? 0;
    if (!closing) {
      if (open) throw new Error(`${path}: figures:${name} opens inside figures:${open.name}`);
      if (!BLOCKS[name])
        throw new Error(`${path}: unknown block figures:${name} (known: ${Object.keys(BLOCKS).join(', ')})`);
      open = { name, end: index + marker.length };
      continue;
    }
    if (!open || open.name !== name) throw new Error(`${path}: /figures:${name} closes no open block`);
    const current = text.slice(open.end, index);
    const wanted = `\n\n${(BLOCKS[name] as (f: Figures) => string)(figures)}\n\n`;
    if (current !== wanted) stale.push(name);
    blocks.push(name);
    out += text.slice(at, open.end) + wanted;
    at = index;
    open = undefined;
  }
  if (open) throw new Error(`${path}: figures:${open.name} is never closed`);
  return { text: out + text.slice(at), stale, blocks };
}

function main(): void {
  const root = join(__dirname, '..', '..');
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const run = join(root, RUN_RECORD_PATH);
  if (!check && !args.includes('--no-copy') && existsSync(run)) {
    // Only a whole, passing run is published, unless --force says otherwise.
    const record = JSON.parse(readFileSync(run, 'utf8')) as RunRecord;
    if ((record.ok && record.skipped.length === 0) || args.includes('--force')) {
      copyFileSync(run, join(root, FIGURE_RECORD_PATH));
      console.log(`copied ${RUN_RECORD_PATH} → ${FIGURE_RECORD_PATH}`);
    } else {
      console.log(`${RUN_RECORD_PATH} is of a failed or partial run: kept ${FIGURE_RECORD_PATH} (--force copies it)`);
    }
  }
  const figures = loadFigures(root);
  let stale = 0;
  for (const path of documents(root)) {
    const full = join(root, path);
    const text = readFileSync(full, 'utf8');
    const rendered = renderDocument(text, figures, path);
    if (rendered.stale.length === 0) continue;
    stale += rendered.stale.length;
    if (check) console.log(`${path}: stale ${rendered.stale.join(', ')}`);
    else {
      writeFileSync(full, rendered.text);
      console.log(`${path}: regenerated ${rendered.stale.join(', ')}`);
    }
  }
  if (check && stale > 0) {
    console.log(`${stale} stale block(s): run npm run docs:figures`);
    process.exitCode = 1;
  } else console.log(check ? 'every generated block is current' : `docs:figures: ${stale} block(s) regenerated`);
}

if (require.main === module) main();
