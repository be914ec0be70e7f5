/**
 * The browser suite: builds the real components (scripts/preview/build.ts), starts the preview server and the mock
 * Aloware API on free loopback ports, drives Debian Chromium through every scenario (fresh page and fresh in-memory
 * org each), stops everything, and exits non-zero on any failure. Last line: `N passed, N failed`.
 *
 * Options: `--grep <text>` (only scenarios whose name contains it), `--update-screenshots` (write docs/screenshots/),
 * `--no-build` (reuse the last suite build in .preview-build/browser-tests).
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { buildPreview, REPO_ROOT } from '../../scripts/preview/build';
import { startPreviewServer, type PreviewServer } from '../../scripts/preview/server';
import { launchChromium } from './chromium';
import { TIMEOUT_SCALE, type Scenario, type ScenarioContext } from './harness';

/** Fixed "now" of the generated sync log, so runs and screenshots are repeatable. */
export const SUITE_ANCHOR = Date.UTC(2025, 10, 27, 17, 0, 0);
const OUT_DIR = path.join(REPO_ROOT, '.preview-build', 'browser-tests');
const SCENARIO_TIMEOUT_MS = 90_000 * TIMEOUT_SCALE;

/**
 * The scenario modules (scenarios/*.ts: every exported array of scenarios) run in this order; a module the list does
 * not name runs after them, in file name order (a new module needs no wiring here; the gate-test suite plants one).
 */
const MODULE_ORDER = [
  'mapping-panel',
  'sync-log',
  'settings',
  'engagement-card',
  'recent-communications',
  'end-to-end',
  'accessibility-setup',
  'accessibility',
  'screenshots'
];

/** Browser messages that are expected noise, not failures (synthetic shadow's ARIA warnings are `warning`s). */
const IGNORED_CONSOLE: RegExp[] = [/Failed to load resource: the server responded with a status of 4\d\d/];

interface Options {
  grep: string | null;
  updateScreenshots: boolean;
  build: boolean;
}

function parseArgs(argv: string[]): Options {
  const grepAt = argv.indexOf('--grep');
  return {
    grep: grepAt >= 0 ? (argv[grepAt + 1] ?? '') : null,
    updateScreenshots: argv.includes('--update-screenshots'),
    build: !argv.includes('--no-build')
  };
}

function isScenario(value: unknown): value is Scenario {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Scenario).name === 'string' &&
    typeof (value as Scenario).run === 'function'
  );
}

/** Every scenario of every module in scenarios/, modules in MODULE_ORDER first. */
async function loadScenarios(): Promise<Scenario[]> {
  const dir = path.join(__dirname, 'scenarios');
  const rank = (file: string): number => {
    const i = MODULE_ORDER.indexOf(file.slice(0, -3));
    return i < 0 ? MODULE_ORDER.length : i;
  };
  const files = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.ts'))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const found: Scenario[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(path.join(dir, file)).href)) as Record<string, unknown>;
    for (const value of Object.values(module)) {
      if (Array.isArray(value) && value.length > 0 && value.every(isScenario)) found.push(...value);
    }
  }
  return found;
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const scenarios = (await loadScenarios()).filter((s) => options.grep === null || s.name.includes(options.grep));
  const times = { build: 0, start: 0, reset: 0, scenarios: 0 };
  const screenshotDir = options.updateScreenshots
    ? path.join(REPO_ROOT, 'docs', 'screenshots')
    : path.join(REPO_ROOT, 'test-results', 'screenshots');
  fs.mkdirSync(screenshotDir, { recursive: true });

  if (options.build || !fs.existsSync(path.join(OUT_DIR, 'setup.js'))) {
    const build = await buildPreview({ outDir: OUT_DIR });
    times.build = build.millis;
    console.log(`build: ${build.components.size} components in ${(build.millis / 1000).toFixed(1)} s`);
    for (const warning of build.warnings) console.log(`build warning: ${warning}`);
    if (build.missing.length > 0) console.log(`build: missing page components: ${build.missing.join(', ')}`);
  }

  let server: PreviewServer | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let passed = 0;
  let failed = 0;
  try {
    const starting = performance.now();
    server = await startPreviewServer({ port: 0, mockPort: 0, outDir: OUT_DIR, anchor: SUITE_ANCHOR });
    const baseUrl = `http://127.0.0.1:${server.port}`;
    browser = await launchChromium();
    times.start = performance.now() - starting;
    for (const scenario of scenarios) {
      const resetting = performance.now();
      await server.reset();
      times.reset += performance.now() - resetting;
      const page = await browser.context.newPage();
      // Playwright's own waits (clicks, waitFor, locator reads): 30 s by default, scaled like the suite's.
      page.setDefaultTimeout(30_000 * TIMEOUT_SCALE);
      const errors: string[] = [];
      const allowed = [...IGNORED_CONSOLE, ...(scenario.allowConsoleErrors ?? [])];
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const text = message.text();
        if (!allowed.some((re) => re.test(text))) errors.push(`console error: ${text.slice(0, 500)}`);
      });
      const context: ScenarioContext = {
        page,
        server,
        baseUrl,
        screenshotDir,
        errors,
        async open(target: string) {
          await page.goto(baseUrl + target);
          await page.waitForSelector('body[data-preview-ready="true"]', { timeout: 20_000 * TIMEOUT_SCALE });
        }
      };
      const started = performance.now();
      try {
        await withTimeout(scenario.run(context), SCENARIO_TIMEOUT_MS, scenario.name);
        if (errors.length > 0) throw new Error(`the page logged errors:\n  ${errors.join('\n  ')}`);
        passed++;
        console.log(`PASS ${scenario.name} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
      } catch (error) {
        failed++;
        const message = error instanceof Error ? error.message : String(error);
        console.log(`FAIL ${scenario.name} (${((performance.now() - started) / 1000).toFixed(1)} s)\n  ${message}`);
        const shot = path.join(REPO_ROOT, 'test-results', `failure-${passed + failed}.png`);
        await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
        console.log(`  screenshot: ${path.relative(REPO_ROOT, shot)}`);
      } finally {
        times.scenarios += performance.now() - started;
        await page.close();
      }
    }
  } catch (error) {
    failed++;
    console.log(`FAIL suite setup: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
  }
  if (scenarios.length === 0) console.log(`no scenario matches --grep ${options.grep ?? ''}`);
  const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `time: build ${s(times.build)}, preview and Chromium start ${s(times.start)}, org resets ${s(times.reset)}, ` +
      `scenarios ${s(times.scenarios)}`
  );
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.log(`FAIL runner: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
);
