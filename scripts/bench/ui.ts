/*
 * `performance` is the global one on purpose: functions passed to page.evaluate run in the browser and must not
 * capture a Node import.
 */
/**
 * UI benchmarks in Debian Chromium on the local preview (the real components, built as `npm start` builds them):
 * - mapping panel first render with the ~800-field Lead describe, and filter-as-you-type latency in "Add a mapping";
 * - sync-log page loads at 100,000 entries through the emulated Apex (`AlowareSyncLogController.getLogPage` run by the
 *   Apex emulator over HTTP, and in the browser).
 * Medians of repeated runs; prints a table and writes docs/bench/ui.json (with the machine it ran on).
 *
 * The bundle is built in production mode (what an org serves its users); the browser suite uses development mode.
 * Usage: `npx tsx scripts/bench/ui.ts [--runs N] [--no-build]`.
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

async function mappingFirstRender(page: Page, baseUrl: string): Promise<{ total: number; afterData: number }> {
  await page.goto(`${baseUrl}/`);
  const ready = await page
    .locator('c-aloware-mapping-panel [data-id="section-Tracking"] tbody tr')
    .last()
    .waitFor({ timeout: 60_000 })
    .then(() => page.evaluate(() => performance.now()));
  const dataEnd = await page.evaluate(() => {
    const entry = performance
      .getEntriesByType('resource')
      .find((e) => e.name.includes('AlowareMappingController.getMappingState')) as
      PerformanceResourceTiming | undefined;
    return entry ? entry.responseEnd : NaN;
  });
  return { total: ready, afterData: ready - dataEnd };
}

/** Per keystroke: dispatch `input` on the search box → the field picker has its new options, one frame later. */
async function filterAsYouType(page: Page): Promise<number[]> {
  const panel = page.locator('c-aloware-mapping-panel');
  const input = (await panel
    .locator('[data-id="add-search"] input')
    .elementHandle()) as ElementHandle<HTMLInputElement>;
  const combo = (await panel
    .locator('lightning-combobox[data-id="add-field"]')
    .elementHandle()) as ElementHandle<Element>;
  // Source text, not a function: tsx's name-keeping helpers (`__name`) do not exist in the page.
  const measure = `async ([field, picker, text]) => {
    const samples = [];
    async function type(value) {
      const before = picker.options;
      const started = performance.now();
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      const deadline = started + 5000;
      while (picker.options === before) {
        if (performance.now() > deadline) throw new Error('no re-render after typing "' + value + '"');
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      return performance.now() - started;
    }
    for (let i = 1; i <= text.length; i++) samples.push(await type(text.slice(0, i)));
    await type('');
    return samples;
  }`;
  const run = (await page.evaluateHandle(measure)) as unknown as ElementHandle<
    (args: readonly [HTMLInputElement, Element, string]) => Promise<number[]>
  >;
  return run.evaluate((fn, args) => fn(args), [input, combo, TYPED] as const);
}

async function prepareAddMapping(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  const panel = page.locator('c-aloware-mapping-panel');
  await panel.locator('[data-id="legend"]').waitFor({ timeout: 60_000 });
  await panel
    .locator('tr[data-id="custom_field_2"]')
    .getByRole('button', { name: /Remove the .* mapping/ })
    .click();
  await panel.getByRole('combobox', { name: 'Aloware property' }).click();
  await panel.getByRole('option', { name: /Custom Field 2/ }).click();
  await panel.locator('[data-id="add-search"] input').waitFor();
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
    const state = await server.org.callAura('AlowareMappingController.getMappingState', {}, 'admin');
    const leadFields = (state.body as { leadFields: unknown[] }).leadFields.length;

    // Warm-up (first compile of the bundle in this browser profile).
    await mappingFirstRender(page, baseUrl);
    const totals: number[] = [];
    const afterData: number[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await mappingFirstRender(page, baseUrl);
      totals.push(r.total);
      afterData.push(r.afterData);
    }
    const keystrokes: number[] = [];
    for (let i = 0; i < Math.max(3, Math.ceil(runs / 2)); i++) {
      await prepareAddMapping(page, baseUrl);
      keystrokes.push(...(await filterAsYouType(page)));
    }
    const mapping: Record<string, Stat> = {
      'navigation → panel rendered (all sections)': stat(totals),
      'getMappingState answer → panel rendered': stat(afterData),
      [`filter-as-you-type, per keystroke ("${TYPED}")`]: stat(keystrokes)
    };

    await server.reset();
    const syncServer = await syncLogServer(baseUrl, runs * 4);
    const syncBrowser = await syncLogBrowser(page, baseUrl, runs);

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
    console.log(
      `\n${table(`Sync log: getLogPage in the emulated Apex (HTTP, ${GENERATED_ENTRIES} entries)`, syncServer)}`
    );
    console.log(`\n${table('Sync log in Chromium (click → rows rendered)', syncBrowser)}`);
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
