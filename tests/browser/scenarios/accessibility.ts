/**
 * axe-core scans of the Lead page (the real components rendered in Chromium, then the whole page with the preview's
 * frame; the Setup page's scans are in accessibility-setup.ts): no violation of serious or critical impact. No rule is excluded (AXE_DISABLED_RULES is empty; a rule
 * added there must say why, and docs/local-preview.md lists it).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { SAMPLE_LEADS } from '../../../scripts/preview/sample-data';
import { AssertionError, expectText, type Scenario } from '../harness';

/** Rules switched off for the whole scan, with why (empty: none). */
export const AXE_DISABLED_RULES: Record<string, string> = {};

/** Scans `scope` (a CSS selector) of the page; throws on a serious or critical violation. */
export async function scan(page: Page, scope: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .include(scope)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .disableRules(Object.keys(AXE_DISABLED_RULES))
    .analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length > 0) {
    const lines = serious.map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} (${v.nodes.length} node(s): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')})`
    );
    throw new AssertionError(
      `axe found ${serious.length} serious/critical violation(s) in ${scope}:\n  ${lines.join('\n  ')}`
    );
  }
}

export const accessibilityScenarios: Scenario[] = [
  {
    name: 'accessibility: the Lead page with the engagement card passes axe (DNC Lead)',
    async run(t) {
      const dnc = SAMPLE_LEADS.find((l) => l.note.startsWith('DNC'));
      await t.open(`/lead?id=${dnc?.id ?? ''}`);
      await expectText(t.page.locator('c-aloware-engagement-card [data-id="dnc-warning"]'), 'Do not call', 15_000);
      await scan(t.page, 'c-aloware-engagement-card');
      await scan(t.page, 'body');
    }
  },
  {
    name: 'accessibility: the recent communications and the Activity timeline pass axe after a logged call',
    async run(t) {
      const lead = SAMPLE_LEADS.find((l) => l.note.startsWith('engaged, TCPA'));
      await t.open(`/lead?id=${lead?.id ?? ''}`);
      await t.page.locator('#preview-event').selectOption('inbound-call');
      await t.page.getByRole('button', { name: 'Send webhook for this Lead' }).click();
      await expectText(
        t.page.locator('c-aloware-recent-communications [data-id="communication"]'),
        'Inbound call',
        15_000
      );
      await expectText(t.page.locator('#preview-timeline'), 'Inbound call', 15_000);
      await scan(t.page, 'c-aloware-recent-communications');
      await scan(t.page, '#preview-timeline');
      await scan(t.page, 'body');
    }
  }
];
