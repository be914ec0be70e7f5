/**
 * Screenshots of both pages (docs/screenshots/ with `--update-screenshots`, else test-results/screenshots/): the
 * Aloware Setup page with its components loaded, and the Lead page of the DNC sample Lead.
 */
import path from 'node:path';
import { SAMPLE_LEADS } from '../../../scripts/preview/sample-data';
import { assert, expectText, openSetupTab, type Scenario } from '../harness';

export const screenshotScenarios: Scenario[] = [
  {
    name: 'screenshots: Aloware Setup page and Lead page',
    async run(t) {
      await openSetupTab(t, 'Sync Log');
      await expectText(t.page.locator('c-aloware-sync-log [data-id="range"]'), 'Showing 1–50', 20_000);
      await t.page.waitForTimeout(500);
      await t.page.screenshot({ path: path.join(t.screenshotDir, 'aloware-setup.png'), fullPage: true });

      const dnc = SAMPLE_LEADS.find((l) => l.note.startsWith('DNC'));
      assert(dnc, 'DNC sample Lead');
      await t.open(`/lead?id=${dnc.id}`);
      await expectText(t.page.locator('c-aloware-engagement-card [data-id="dnc-warning"]'), 'Do not call', 15_000);
      await t.page.waitForTimeout(500);
      await t.page.screenshot({ path: path.join(t.screenshotDir, 'lead-engagement.png'), fullPage: true });
    }
  }
];
