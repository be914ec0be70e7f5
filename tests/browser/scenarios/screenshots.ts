/**
 * Screenshots of both pages (docs/screenshots/ with `--update-screenshots`, else test-results/screenshots/): the
 * Aloware Setup page on each tab and the Lead page of the DNC sample Lead, at 1440 px wide.
 */
import path from 'node:path';
import { SAMPLE_LEADS } from '../../../scripts/preview/sample-data';
import { assert, expectText, type Scenario, TIMEOUT_SCALE } from '../harness';

export const screenshotScenarios: Scenario[] = [
  {
    name: 'screenshots: Aloware Setup page (each tab) and Lead page',
    async run(t) {
      const shot = async (name: string, fullPage = false): Promise<void> => {
        // No focus ring or text selection left over from the clicks above.
        await t.page.evaluate(() => {
          window.getSelection()?.removeAllRanges();
          (document.activeElement as HTMLElement | null)?.blur();
        });
        await t.page.mouse.move(0, 0);
        await t.page.waitForTimeout(500);
        await t.page.screenshot({ path: path.join(t.screenshotDir, name), fullPage });
      };
      const setup = t.page.locator('c-aloware-setup');
      await t.open('/');
      await t.page.locator('c-aloware-mapping-panel [data-id="legend"]').waitFor({ timeout: 20_000 * TIMEOUT_SCALE });
      await t.page.setViewportSize({ width: 1440, height: 1100 });
      await shot('aloware-setup.png');

      await setup.getByRole('tab', { name: 'Sync Settings' }).click();
      await expectText(t.page.locator('c-aloware-sync-settings [data-id="token-stored"]'), 'API token', 20_000);
      await t.page.locator('c-aloware-sync-settings').getByRole('button', { name: 'Test connection' }).click();
      await expectText(t.page.locator('c-aloware-sync-settings [data-id="connection-result"]'), 'Connected');
      await shot('aloware-setup-settings.png', true);

      await setup.getByRole('tab', { name: 'Sync Log' }).click();
      await expectText(t.page.locator('c-aloware-sync-log [data-id="range"]'), 'Showing 1–50', 20_000);
      await shot('aloware-setup-sync-log.png');

      const dnc = SAMPLE_LEADS.find((l) => l.note.startsWith('DNC'));
      assert(dnc, 'DNC sample Lead');
      await t.page.setViewportSize({ width: 1440, height: 900 });
      await t.open(`/lead?id=${dnc.id}`);
      await expectText(t.page.locator('c-aloware-engagement-card [data-id="dnc-warning"]'), 'Do not call', 15_000);
      await t.page.waitForTimeout(300);
      await shot('lead-engagement.png');
    }
  }
];
