/**
 * The browser suite's small harness: a scenario gets a fresh page on the preview server (whose in-memory org is reset
 * before each scenario), helpers to open a page and wait for a component, and assertions that fail with a message.
 */
import type { Locator, Page } from 'playwright-core';
import type { PreviewServer } from '../../scripts/preview/server';

export interface ScenarioContext {
  page: Page;
  server: PreviewServer;
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  baseUrl: string;
  /** Where screenshots go (docs/screenshots with --update-screenshots, else test-results/screenshots). */
  screenshotDir: string;
  /** Opens a preview path and waits until the page frame has mounted its root component. */
  open(path: string): Promise<void>;
  /** Page errors and console errors seen so far in this scenario. */
  errors: string[];
}

export interface Scenario {
  name: string;
  /** Console errors matching these are expected by the scenario (e.g. a deliberate failed Apex call). */
  allowConsoleErrors?: RegExp[];
  run(t: ScenarioContext): Promise<void>;
}

export class AssertionError extends Error {}

/**
 * Waits are generous: a timeout is a limit, not an assertion, and a loaded 2-core machine (CI beside other jobs) takes
 * several times the idle time for an Apex call. Every wait of the suite (the scenarios' own included) is scaled by it.
 */
export const TIMEOUT_SCALE = 3;

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionError(message);
}

/** Waits until `locator`'s text matches (polling), else fails with what it saw. */
export async function expectText(locator: Locator, expected: string | RegExp, timeout = 10_000): Promise<string> {
  const deadline = Date.now() + timeout * TIMEOUT_SCALE;
  let last = '';
  for (;;) {
    try {
      last = (await locator.first().innerText({ timeout: 1000 })).trim();
      if (typeof expected === 'string' ? last.includes(expected) : expected.test(last)) return last;
    } catch {
      // not there yet
    }
    if (Date.now() > deadline) {
      throw new AssertionError(`expected ${String(expected)} in ${locator.toString()}, saw "${last.slice(0, 300)}"`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Polls `probe` until it returns true. */
export async function waitUntil(probe: () => Promise<boolean>, message: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout * TIMEOUT_SCALE;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new AssertionError(`timed out: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The toast the page shell shows for a `ShowToastEvent` whose title or message matches. */
export function toast(page: Page, text: string | RegExp): Locator {
  return page.locator('#preview-toasts .slds-notify_toast').filter({ hasText: text });
}

/**
 * Closes every toast on the page, so the next `toast(...).first()` is the answer to the next action (toasts close
 * themselves after 8 s: waiting for "the second toast" fails on a slow machine when the first has closed already).
 */
export async function clearToasts(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const node of Array.from(document.querySelectorAll('#preview-toasts .slds-notify_toast'))) node.remove();
  });
}

/** Opens the Aloware Setup page on one of its tabs (`Lead Property Mapping`, `Sync Settings`, `Sync Log`). */
export async function openSetupTab(t: ScenarioContext, tab: string, query = ''): Promise<void> {
  await t.open(`/${query}`);
  await t.page.locator('c-aloware-setup').getByRole('tab', { name: tab }).click();
}

/** Selects `option` in the lightning-combobox or native select labelled `label` inside `scope`. */
export async function chooseOption(
  scope: Locator | Page,
  label: string | RegExp,
  option: string | RegExp
): Promise<void> {
  const box = scope.getByRole('combobox', { name: label });
  if (await box.evaluate((e) => e.tagName === 'SELECT')) {
    // A native select opens the browser's own pop-up, which a page cannot click: selectOption sets the value and
    // fires input and change, as a pick does.
    const labels = await box.locator('option').allInnerTexts();
    const wanted = labels.find((l) => (typeof option === 'string' ? l.trim() === option : option.test(l)));
    if (wanted === undefined) throw new Error(`no option ${String(option)} in ${String(label)}: ${labels.join(', ')}`);
    await box.selectOption({ label: wanted.trim() });
    return;
  }
  await box.click();
  await scope.getByRole('option', { name: option }).first().click();
}
