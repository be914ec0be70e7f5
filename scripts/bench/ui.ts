/*
 * `performance` is the global one on purpose: functions passed to page.evaluate run in the browser and must not
 * capture a Node import.
 */
/**
 * UI benchmarks in Debian Chromium on the local preview (the real components, built as `npm start` builds them):
 * - mapping panel first render with the ~800-field Lead describe, and filter-as-you-type latency in the field picker
 *   of "Add a mapping";
 * - sync-log page loads at 100,000 entries through the emulated Apex (`AlowareSyncLogController.getLogPage` run by the
 *   Apex emulator over HTTP, and in the browser).
 * Medians of repeated runs; prints a table and writes docs/bench/ui.json (with the machine it ran on).
 *
 * The bundle is built in production mode (what an org serves its users); the browser suite uses development mode.
 * Usage: `npx tsx scripts/bench/ui.ts [--runs N] [--no-build] [--only mapping]`. The mapping figures are printed
 * side by side with the previous run's (read from docs/bench/ui.json before it is overwritten) and issue 16's targets.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ElementHandle, Page } from 'playwright-core';
import { buildPreview, REPO_ROOT } from '../preview/build';
import { GENERATED_ENTRIES } from '../preview/sample-log';
import { DESCRIBE_SIZE } from '../preview/sample-schema';
import { startPreviewServer, type PreviewServer } from '../preview/server';
import { launchChromium } from '../../tests/browser/chromium';

const OUT_DIR = path.join(REPO_ROOT, '.preview-build', 'bench');
const RESULT_FILE = path.join(REPO_ROOT, 'docs', 'bench', 'ui.json');
/** Direct calls of getMappingState before the measured runs (the emulator's JIT warm-up). */
const WARM_UP_CALLS = 10;

/** Typed one character at a time into "Search Lead fields". */
const TYPED = 'secondary';

export interface Stat {
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
}

export function stat(samples: readonly number[]): Stat {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  const mid = sorted.length / 2;
  const median =
    sorted.length % 2
      ? (sorted[Math.floor(mid)] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  const round = (n: number): number => Math.round(n * 10) / 10;
  return {
    runs: samples.length,
    medianMs: round(median),
    p95Ms: round(at(0.95)),
    minMs: round(sorted[0] as number),
    maxMs: round(sorted[sorted.length - 1] as number)
  };
}

function argNumber(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : NaN;
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/**
 * Runs in the page before its scripts: once per animation frame, looks for the mapping panel's last row (through the
 * shadow roots); in the frame that has it, a zero-delay timeout after the frame's callbacks records when that frame
 * was laid out and painted (`window.__alowarePanelPainted`). One lookup per frame, no busy loop, no layout read.
 */
const PANEL_PAINT_PROBE = `(() => {
  const lastRow = () => {
    const setup = document.querySelector('c-aloware-setup');
    const panel = setup && setup.shadowRoot && setup.shadowRoot.querySelector('c-aloware-mapping-panel');
    const rows = panel && panel.shadowRoot && panel.shadowRoot.querySelectorAll('[data-id="section-Tracking"] tbody tr');
    return rows && rows.length > 0;
  };
  const frame = () => {
    if (lastRow()) setTimeout(() => { window.__alowarePanelPainted = performance.now(); }, 0);
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

interface FirstRender {
  /** Navigation start → the frame showing every section painted (in-page). */
  total: number;
  /** getMappingState answer → that frame painted (in-page). */
  afterData: number;
  /** Navigation start → the getMappingState request leaves the page (page load, bundle, components mounted). */
  beforeRequest: number;
  /** The request's round trip (the emulated org runs the Apex). */
  request: number;
}

async function mappingFirstRender(page: Page, baseUrl: string): Promise<FirstRender> {
  await page.goto(`${baseUrl}/`);
  // The bench reads the in-page probe's mark (one property read every 50 ms). Playwright's locator.waitFor would check
  // the rows' visibility on each of its polls with getBoundingClientRect, forcing layouts inside the very window
  // being measured.
  await page.waitForFunction('window.__alowarePanelPainted !== undefined', undefined, {
    polling: 50,
    timeout: 60_000
  });
  const painted = Number(await page.evaluate('window.__alowarePanelPainted'));
  if (!Number.isFinite(painted)) throw new Error('the in-page probe did not see the panel painted');
  const rows = await page.locator('c-aloware-mapping-panel [data-id="section-Tracking"] tbody tr').count();
  if (rows === 0) throw new Error('the Tracking section has no row');
  const [dataStart, dataEnd] = await page.evaluate(() => {
    const entry = performance
      .getEntriesByType('resource')
      .find((e) => e.name.includes('AlowareMappingController.getMappingState')) as
      PerformanceResourceTiming | undefined;
    return entry ? [entry.startTime, entry.responseEnd] : [NaN, NaN];
  });
  // The page asks for its health figures after the panel: let that answer arrive before the next navigation, so a
  // run never starts behind the previous page's request (the emulated org answers one request at a time).
  await page.locator('c-aloware-setup [data-id="health-connection"]').waitFor({ timeout: 60_000 });
  return {
    total: painted,
    afterData: painted - dataEnd,
    beforeRequest: dataStart,
    request: dataEnd - dataStart
  };
}

/**
 * Per keystroke: set the field picker's text and dispatch `input` → the picker has re-rendered its options (LWC
 * re-renders in a microtask, so they are in the DOM at the next macrotask), one frame later. Each keystroke is then
 * checked: every option shown contains the typed text.
 */
async function filterAsYouType(page: Page): Promise<number[]> {
  const panel = page.locator('c-aloware-mapping-panel');
  const input = (await panel.locator('input[data-id="add-field"]').elementHandle()) as ElementHandle<HTMLInputElement>;
  // Source text, not a function: tsx's name-keeping helpers (`__name`) do not exist in the page.
  const measure = `async ([field, text]) => {
    const samples = [];
    const root = field.getRootNode();
    async function type(value) {
      const started = performance.now();
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await new Promise((resolve) => setTimeout(resolve, 0));
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const elapsed = performance.now() - started;
      const shown = Array.from(root.querySelectorAll('[role="option"]'));
      if (shown.length === 0 && value) throw new Error('no option shown after typing "' + value + '"');
      for (const option of shown) {
        if (!option.textContent.toLowerCase().includes(value)) throw new Error('"' + value + '" not filtered');
      }
      return elapsed;
    }
    for (let i = 1; i <= text.length; i++) samples.push(await type(text.slice(0, i)));
    await type('');
    return samples;
  }`;
  const run = (await page.evaluateHandle(measure)) as unknown as ElementHandle<
    (args: readonly [HTMLInputElement, string]) => Promise<number[]>
  >;
  return run.evaluate((fn, args) => fn(args), [input, TYPED] as const);
}

async function prepareAddMapping(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  const panel = page.locator('c-aloware-mapping-panel');
  await panel.locator('[data-id="legend"]').waitFor({ timeout: 60_000 });
  await panel
    .locator('tr[data-id="custom_field_2"]')
    .getByRole('button', { name: /Remove the .* mapping/ })
    .click();
  await panel.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
  await panel.getByRole('combobox', { name: 'Aloware property' }).selectOption('custom_field_2');
  await panel.locator('input[data-id="add-field"]').click();
  await panel.locator('[data-id="picker-listbox"]').waitFor();
}

async function apexTime(baseUrl: string, query: Record<string, unknown>): Promise<{ ms: number; page: LogPageJson }> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/apex/AlowareSyncLogController.getLogPage`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query })
  });
  const page = (await response.json()) as LogPageJson;
  if (!response.ok) throw new Error(`getLogPage failed: ${JSON.stringify(page)}`);
  return { ms: performance.now() - started, page };
}

interface LogPageJson {
  rows: unknown[];
  lastCursor: { value: string | null; recordId: string } | null;
  totalCount: number;
  totalCapped: boolean;
}

async function syncLogServer(baseUrl: string, runs: number): Promise<Record<string, Stat>> {
  const cold = await apexTime(baseUrl, {});
  const results: Record<string, Stat> = { 'first request after a reset': stat([cold.ms]) };
  const repeat = async (label: string, query: () => Promise<Record<string, unknown>> | Record<string, unknown>) => {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) samples.push((await apexTime(baseUrl, await query())).ms);
    results[label] = stat(samples);
  };
  await repeat('first page, newest first', () => ({}));
  await repeat('last page (row 99,951+)', () => ({ navigation: 'last' }));
  const middle = (await apexTime(baseUrl, { sortBy: 'attempts', sortDirection: 'asc', pageSize: 1000 })).page;
  await repeat('next page from a cursor, sorted by attempts', () => ({
    sortBy: 'attempts',
    sortDirection: 'asc',
    navigation: 'next',
    cursorValue: middle.lastCursor?.value ?? null,
    cursorId: middle.lastCursor?.recordId ?? null
  }));
  await repeat('filtered: Failed + Outbound', () => ({ statuses: ['Failed'], direction: 'Outbound' }));
  await repeat('filtered: Lead name "Garcia"', () => ({ lead: 'Garcia' }));
  return results;
}

async function syncLogBrowser(page: Page, baseUrl: string, runs: number): Promise<Record<string, Stat>> {
  const firstLoads: number[] = [];
  const nextPages: number[] = [];
  const afterAnswer: number[] = [];
  for (let i = 0; i < runs; i++) {
    await page.goto(`${baseUrl}/`);
    await page.locator('c-aloware-mapping-panel [data-id="legend"]').waitFor({ timeout: 60_000 });
    const range = page.locator('c-aloware-sync-log [data-id="range"]');
    let started = performance.now();
    await page.locator('c-aloware-setup').getByRole('tab', { name: 'Sync Log' }).click();
    await range.filter({ hasText: 'Showing 1–50' }).waitFor({ timeout: 60_000 });
    firstLoads.push(performance.now() - started);
    for (let p = 2; p <= 4; p++) {
      await page.evaluate(() => performance.clearResourceTimings());
      started = performance.now();
      await page.locator('c-aloware-sync-log').getByRole('button', { name: 'Next' }).click();
      await range.filter({ hasText: `Showing ${(p - 1) * 50 + 1}–` }).waitFor({ timeout: 60_000 });
      nextPages.push(performance.now() - started);
      afterAnswer.push(
        await page.evaluate(() => {
          const answer = performance
            .getEntriesByType('resource')
            .filter((e) => e.name.includes('AlowareSyncLogController.getLogPage'))
            .at(-1) as PerformanceResourceTiming | undefined;
          return answer ? performance.now() - answer.responseEnd : NaN;
        })
      );
    }
  }
  return {
    'open the Sync Log tab → first 50 rows shown': stat(firstLoads),
    'Next → next 50 rows shown': stat(nextPages),
    '  of which: getLogPage answer → rows shown (rendering)': stat(afterAnswer.filter((n) => Number.isFinite(n)))
  };
}

/** The issue's targets (issue 16) and its "today" figures, measured before the field picker rendered lazily. */
const TARGETS: Record<string, { targetMs: number; stat: 'medianMs' | 'p95Ms'; issueBaselineMs: number }> = {
  'navigation → panel rendered (all sections)': { targetMs: 400, stat: 'medianMs', issueBaselineMs: 644 },
  'getMappingState answer → panel rendered': { targetMs: 100, stat: 'medianMs', issueBaselineMs: 341 },
  [`filter-as-you-type, per keystroke ("${TYPED}")`]: { targetMs: 50, stat: 'p95Ms', issueBaselineMs: 226 }
};

/** The mapping figures side by side: the issue's baseline, the previous run (docs/bench/ui.json), this run. */
function comparison(
  now: Record<string, Stat>,
  previous: Record<string, Stat> | undefined,
  previousDate: string
): string {
  const lines = [
    `Mapping panel, before → after (previous run: ${previousDate})`,
    `${'measure'.padEnd(46)} ${'stat'.padStart(6)} ${'issue'.padStart(8)} ${'previous'.padStart(9)} ${'now'.padStart(9)} ${'target'.padStart(8)}`
  ];
  for (const [label, target] of Object.entries(TARGETS)) {
    const value = now[label]?.[target.stat];
    const before = previous?.[label]?.[target.stat];
    const ok = value !== undefined && value <= target.targetMs ? 'met' : 'NOT met';
    lines.push(
      `${label.padEnd(46)} ${(target.stat === 'p95Ms' ? 'p95' : 'median').padStart(6)} ${`${target.issueBaselineMs} ms`.padStart(8)} ${`${before ?? '—'} ms`.padStart(9)} ${`${value ?? '—'} ms`.padStart(9)} ${`≤${target.targetMs} ms`.padStart(8)} ${ok}`
    );
  }
  return lines.join('\n');
}

function table(title: string, rows: Record<string, Stat>): string {
  const lines = [title, `${'measure'.padEnd(58)} ${'median'.padStart(9)} ${'p95'.padStart(9)} ${'runs'.padStart(5)}`];
  for (const [label, s] of Object.entries(rows)) {
    lines.push(
      `${label.padEnd(58)} ${`${s.medianMs} ms`.padStart(9)} ${`${s.p95Ms} ms`.padStart(9)} ${String(s.runs).padStart(5)}`
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const runs = argNumber('--runs', 7);
  /** `--only mapping`: the mapping panel figures only; the sync-log figures of the previous run are kept. */
  const onlyMapping = process.argv.includes('--only') && process.argv[process.argv.indexOf('--only') + 1] === 'mapping';
  const previous = fs.existsSync(RESULT_FILE)
    ? (JSON.parse(fs.readFileSync(RESULT_FILE, 'utf8')) as {
        date?: string;
        mappingPanel?: Record<string, Stat>;
        syncLogEmulatedApex?: Record<string, Stat>;
        syncLogBrowser?: Record<string, Stat>;
      })
    : {};
  if (!process.argv.includes('--no-build') || !fs.existsSync(path.join(OUT_DIR, 'setup.js'))) {
    // Production mode: what an org runs for its users (no dev-mode engine checks).
    const build = await buildPreview({ outDir: OUT_DIR, mode: 'production' });
    console.log(`build: ${build.components.size} components in ${(build.millis / 1000).toFixed(1)} s`);
  }
  let server: PreviewServer | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  try {
    const starting = performance.now();
    server = await startPreviewServer({ port: 0, mockPort: 0, outDir: OUT_DIR });
    const startupMs = performance.now() - starting;
    const baseUrl = `http://127.0.0.1:${server.port}`;
    browser = await launchChromium();
    const page = await browser.context.newPage();
    await page.addInitScript(PANEL_PAINT_PROBE);
    const state = await server.org.callAura('AlowareMappingController.getMappingState', {}, 'admin');
    const leadFields = (state.body as { leadFields: unknown[] }).leadFields.length;

    // Warm-up, so that the runs measure the steady state: V8 optimises the emulator's interpreter as it runs (its first
    // answers of getMappingState take 2–6 times longer), and the browser compiles and caches the bundle.
    for (let i = 0; i < WARM_UP_CALLS; i++) {
      await server.org.callAura('AlowareMappingController.getMappingState', {}, 'admin');
    }
    await mappingFirstRender(page, baseUrl);
    await mappingFirstRender(page, baseUrl);
    const totals: number[] = [];
    const afterData: number[] = [];
    const beforeRequest: number[] = [];
    const request: number[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await mappingFirstRender(page, baseUrl);
      totals.push(r.total);
      afterData.push(r.afterData);
      beforeRequest.push(r.beforeRequest);
      request.push(r.request);
    }
    const keystrokes: number[] = [];
    for (let i = 0; i < Math.max(3, Math.ceil(runs / 2)); i++) {
      await prepareAddMapping(page, baseUrl);
      keystrokes.push(...(await filterAsYouType(page)));
    }
    const mapping: Record<string, Stat> = {
      'navigation → panel rendered (all sections)': stat(totals),
      '  of which: navigation → getMappingState request sent': stat(beforeRequest),
      '  of which: getMappingState round trip (emulated Apex)': stat(request),
      'getMappingState answer → panel rendered': stat(afterData),
      [`filter-as-you-type, per keystroke ("${TYPED}")`]: stat(keystrokes)
    };

    let syncServer = previous.syncLogEmulatedApex ?? {};
    let syncBrowser = previous.syncLogBrowser ?? {};
    if (!onlyMapping) {
      await server.reset();
      syncServer = await syncLogServer(baseUrl, runs * 4);
      syncBrowser = await syncLogBrowser(page, baseUrl, runs);
    }

    const machine = {
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      memoryGb: Math.round(os.totalmem() / 1e9),
      os: `${os.type()} ${os.release()}`,
      node: process.version,
      chromium: browser.browser?.version() ?? 'unknown'
    };
    const result = {
      date: new Date().toISOString(),
      machine,
      describeFields: DESCRIBE_SIZE,
      mappableLeadFields: leadFields,
      syncLogEntries: GENERATED_ENTRIES,
      mappingPanel: mapping,
      mappingPanelBefore: { date: previous.date ?? null, figures: previous.mappingPanel ?? null, issue16: TARGETS },
      previewStartupMs: Math.round(startupMs),
      emulatedOrg: server.org.times,
      syncLogEmulatedApex: syncServer,
      syncLogBrowser: syncBrowser
    };
    console.log(`preview start-up (emulated org ready, server listening): ${(startupMs / 1000).toFixed(1)} s`);
    console.log(
      `\nMachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}, Chromium ${machine.chromium}\n`
    );
    console.log(table(`Mapping panel (${DESCRIBE_SIZE}-field Lead describe, ${leadFields} mappable fields)`, mapping));
    console.log(`\n${comparison(mapping, previous.mappingPanel, previous.date ?? 'none')}`);
    if (onlyMapping) {
      console.log('\nSync log: not measured (--only mapping); the previous figures are kept in the result file.');
    } else {
      console.log(
        `\n${table(`Sync log: getLogPage in the emulated Apex (HTTP, ${GENERATED_ENTRIES} entries)`, syncServer)}`
      );
      console.log(`\n${table('Sync log in Chromium (click → rows rendered)', syncBrowser)}`);
    }
    fs.mkdirSync(path.dirname(RESULT_FILE), { recursive: true });
    fs.writeFileSync(RESULT_FILE, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\nwrote ${path.relative(REPO_ROOT, RESULT_FILE)}`);
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
