/**
 * axe-core scans of the Aloware Setup page, each tab, then the whole page with the preview's frame (the scan and its
 * rules: accessibility.ts). A module of its own so that the gate-test copy that plants an axe fault on the Lead page
 * runs the Lead page's scans without this page's (the longest of the suite).
 */
import { expectText, openSetupTab, type Scenario, TIMEOUT_SCALE } from '../harness';
import { scan } from './accessibility';

export const setupAccessibilityScenarios: Scenario[] = [
  {
    name: 'accessibility: the Aloware Setup page passes axe on each tab (no serious or critical violations)',
    async run(t) {
      await openSetupTab(t, 'Sync Settings');
      await expectText(t.page.locator('c-aloware-sync-settings [data-id="token-stored"]'), 'API token', 20_000);
      await scan(t.page, 'c-aloware-setup');
      await t.page.locator('c-aloware-setup').getByRole('tab', { name: 'Sync Log' }).click();
      await expectText(t.page.locator('c-aloware-sync-log [data-id="range"]'), 'Showing 1–50', 20_000);
      await scan(t.page, 'c-aloware-setup');
      await t.page.locator('c-aloware-setup').getByRole('tab', { name: 'Lead Property Mapping' }).click();
      await t.page.locator('c-aloware-mapping-panel [data-id="legend"]').waitFor({ timeout: 20_000 * TIMEOUT_SCALE });
      await scan(t.page, 'c-aloware-setup');
      await scan(t.page, 'body');
    }
  }
];
