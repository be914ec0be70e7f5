/**
 * The Lead Property Mapping panel as an admin uses it: locked rows, direction changes, removing a mapping (asked
 * first, focus to the next row) and adding one with the field picker (type-ahead, keyboard, already-mapped fields
 * disabled, read-only fields only where Salesforce is not written), instant validation whose problem count links to
 * the row, the review of every change before a save that deploys and reports success, a failed deployment (the
 * preview's Metadata API stand-in fails a deployment that maps a row to DEPLOY_FAILURE_FIELD) mapped back to its row,
 * a view-only user without validation errors, and the rows stacked into cards at 375 px. What was saved is read back
 * from the emulated org (the controller's getMappingState).
 */
import type { Locator, Page } from 'playwright-core';
import { DEPLOY_FAILURE_FIELD } from '../../../scripts/preview/server';
import {
  assert,
  chooseOption,
  expectText,
  waitUntil,
  type Scenario,
  type ScenarioContext,
  TIMEOUT_SCALE
} from '../harness';

const PANEL = 'c-aloware-mapping-panel';

async function openPanel(t: ScenarioContext, query = ''): Promise<Locator> {
  await t.open(`/${query}`);
  const panel = t.page.locator(PANEL);
  await panel.locator('[data-id="legend"]').waitFor({ timeout: 20_000 * TIMEOUT_SCALE });
  return panel;
}

function row(panel: Locator, property: string): Locator {
  return panel.locator(`tr[data-id="${property}"]`);
}

/** The option labels of a lightning-combobox (opens it, reads, closes with Escape). */
async function optionLabels(page: Page, combobox: Locator): Promise<string[]> {
  if (await combobox.evaluate((e) => e.tagName === 'SELECT')) {
    return (await combobox.locator('option').allInnerTexts()).map((l) => l.trim());
  }
  await combobox.click();
  const listbox = combobox.locator('xpath=ancestor::lightning-combobox[1]').getByRole('option');
  await listbox.first().waitFor({ timeout: 5000 * TIMEOUT_SCALE });
  const labels = (await listbox.allInnerTexts()).map((l) => l.trim());
  await page.keyboard.press('Escape');
  return labels;
}

/** Picks a Lead field in a field picker: opens it, types to narrow the list, clicks the option. */
async function pickField(panel: Locator, label: string | RegExp, search: string, option: RegExp): Promise<void> {
  const input = panel.getByRole('combobox', { name: label });
  await input.click();
  await input.fill(search);
  await panel.getByRole('option', { name: option }).first().click();
}

interface SavedMapping {
  alowareProperty: string;
  salesforceField: string;
  direction: string;
  active: boolean;
}

/** The deployed mapping records, as the controller reads them back in the emulated org. */
async function savedMappings(t: ScenarioContext): Promise<SavedMapping[]> {
  const state = await t.server.org.callAura('AlowareMappingController.getMappingState', {}, 'admin');
  return (state.body as { mappings: SavedMapping[] }).mappings;
}

function saveButton(panel: Locator): Locator {
  return panel.getByRole('button', { name: 'Save', exact: true });
}

/** Save → the review dialog (returns its text) → confirm. */
async function saveWithReview(panel: Locator): Promise<string> {
  await saveButton(panel).click();
  const review = panel.getByRole('dialog');
  await review.waitFor({ timeout: 5000 * TIMEOUT_SCALE });
  const text = await review.innerText();
  await review.getByRole('button', { name: /^Save \d+ changes?\?$/ }).click();
  return text;
}

/** The `data-picker` of the focused element inside the panel, or null. */
async function focusedPicker(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.getAttribute('data-picker') ?? null;
  });
}

export const mappingPanelScenarios: Scenario[] = [
  {
    name: 'mapping: locked rows cannot be edited; an admin changes a direction, removes (asked first) and re-adds a mapping with the field picker, reviews the changes, saves and sees success',
    async run(t) {
      const panel = await openPanel(t);

      // Locked Phone and Email: the SLDS lock icon, no field picker, no direction picker, no remove button.
      for (const locked of ['phone_number', 'email']) {
        const r = row(panel, locked);
        assert((await r.locator('[data-id="locked-icon"]').count()) === 1, `${locked}: the lock icon`);
        assert((await r.locator('[data-id="field-picker"]').count()) === 0, `${locked}: no field picker`);
        assert((await r.locator('[data-id="direction-select"]').count()) === 0, `${locked}: no direction picker`);
        assert((await r.locator('[data-id="remove"]').count()) === 0, `${locked}: cannot be removed`);
      }
      assert((await row(panel, 'contact_owner').locator('[data-id="special-icon"]').count()) === 1, 'owner: special');
      // (The direction selects' native options are not picker options.)
      assert(
        (await panel.locator('[role="option"]').count()) === 0,
        'no picker option is rendered before a picker opens'
      );
      assert(await saveButton(panel).isDisabled(), 'Save is disabled before any change');

      // Change a direction (the Sync Settings wording).
      await chooseOption(row(panel, 'first_name'), 'Direction for First Name', 'Aloware → Salesforce only');
      await expectText(panel.locator('[data-id="unsaved"]'), 'You have unsaved changes');
      await expectText(row(panel, 'first_name').locator('[data-id="changed"]'), 'Changed');

      // Remove an open mapping: asked first, with what it removes; the focus moves to the next row's picker.
      await row(panel, 'custom_field_2').getByRole('button', { name: 'Remove the Custom Field 2 mapping' }).click();
      const confirm = panel.getByRole('alertdialog');
      await expectText(confirm, 'Remove the Custom Field 2 mapping?');
      await confirm.getByRole('button', { name: 'Remove' }).click();
      await waitUntil(async () => (await row(panel, 'custom_field_2').count()) === 0, 'the removed row disappears');
      const focused = await focusedPicker(t.page);
      assert(focused !== null && focused !== 'custom_field_2', `the focus moved to another row's picker (${focused})`);

      // Add it back on another field: a field mapped by another row is shown disabled, "already mapped".
      const add = panel.locator('[data-id="add-mapping"]');
      await chooseOption(add, 'Aloware property', /Custom Field 2/);
      const picker = add.getByRole('combobox', { name: 'Lead field' });
      await picker.click();
      await picker.fill('Aloware_Custom_Field_1');
      const mapped = add.getByRole('option', { name: /Aloware_Custom_Field_1__c/ });
      await expectText(mapped, 'Already mapped');
      assert((await mapped.getAttribute('aria-disabled')) === 'true', 'an already-mapped field is disabled');
      await picker.fill('region');
      await waitUntil(async () => {
        // The picker's options (not the native options of the property and direction selects).
        const labels = await add.locator('[data-id="picker-listbox"] [role="option"]').allInnerTexts();
        return labels.length > 0 && labels.every((l) => l.toLowerCase().includes('region'));
      }, 'typing narrows the Lead fields to "region"');
      await add.getByRole('option', { name: /Primary_Region_Text__c/ }).click();
      await add.getByRole('button', { name: 'Add mapping' }).click();
      await expectText(row(panel, 'custom_field_2'), 'Primary_Region_Text__c');

      // Save: the review lists every change before → after, in row terms; then deployed and reported.
      const review = await saveWithReview(panel);
      assert(
        /First Name[\s\S]*Both ways \(Aloware ↔ Salesforce\)[\s\S]*→[\s\S]*Aloware → Salesforce only/.test(review),
        `review names the First Name change: ${review}`
      );
      assert(
        /Custom Field 2[\s\S]*→[\s\S]*Primary_Region_Text__c/.test(review),
        `review names the Custom Field 2 change: ${review}`
      );
      assert(!review.includes('mapping record'), 'the review names rows, not metadata records');
      await expectText(panel.locator('[data-id="deploy-status"]'), 'Mappings saved', 20_000);
      const saved = new Map((await savedMappings(t)).map((r) => [r.alowareProperty, r]));
      assert(saved.get('first_name')?.direction === 'AlowareToSalesforce', 'the direction change is saved');
      assert(
        saved.get('custom_field_2')?.salesforceField === 'Primary_Region_Text__c',
        'the re-added mapping is saved'
      );
      assert(saved.get('custom_field_2')?.active === true, 'the re-added mapping is active');
      await waitUntil(
        async () => (await panel.locator('[data-id="unsaved"]').count()) === 0,
        'no unsaved changes left'
      );

      // The next edit makes "Mappings saved" untrue: it goes.
      await chooseOption(row(panel, 'city'), 'Direction for City', 'Salesforce → Aloware only');
      await waitUntil(async () => (await panel.locator('[data-id="deploy-status"]').count()) === 0, 'no stale notice');
      await expectText(panel.locator('[data-id="unsaved"]'), 'You have unsaved changes');
    }
  },
  {
    name: 'mapping: the field picker works by keyboard and offers read-only fields only for Salesforce → Aloware; a problem count links to its row',
    async run(t) {
      const panel = await openPanel(t);
      const input = row(panel, 'first_name').getByRole('combobox', { name: 'Salesforce field for First Name' });
      // Both ways writes Salesforce: the read-only formula field is not offered.
      await input.focus();
      await t.page.keyboard.press('ArrowDown');
      await t.page.keyboard.type('secondary segment formula');
      await expectText(panel.locator('[data-id="picker-more"]'), 'No compatible Lead field matches');
      await t.page.keyboard.press('Escape');
      assert((await input.getAttribute('aria-expanded')) === 'false', 'Escape closes the picker');

      // Salesforce → Aloware only: offered, tagged read-only; picked by keyboard.
      await chooseOption(row(panel, 'first_name'), 'Direction for First Name', 'Salesforce → Aloware only');
      await input.focus();
      await t.page.keyboard.press('ArrowDown');
      await t.page.keyboard.type('secondary segment formula');
      const formula = panel.getByRole('option', { name: /Secondary Segment Formula/ }).first();
      await expectText(formula, 'read-only');
      await t.page.keyboard.press('ArrowDown');
      await t.page.keyboard.press('Enter');
      await waitUntil(async () => /Formula/.test(await input.inputValue()), 'Enter picks the active option');
      assert((await panel.locator('[data-id="error-summary"]').count()) === 0, 'valid for Salesforce → Aloware');

      // Back to both ways: the read-only field cannot take Aloware values; the problem count links to the row.
      await chooseOption(row(panel, 'first_name'), 'Direction for First Name', 'Both ways (Aloware ↔ Salesforce)');
      await expectText(panel.locator('[data-id="row-notes"][data-property="first_name"]'), 'read-only');
      const summary = panel.locator('[data-id="error-summary"]');
      await expectText(summary, '1 problem must be fixed before saving');
      assert(await saveButton(panel).isDisabled(), 'Save is disabled while an error remains');
      await t.page.mouse.wheel(0, -5000);
      await summary.click();
      await waitUntil(async () => (await focusedPicker(t.page)) === 'first_name', 'the link focuses the row');
      await chooseOption(row(panel, 'first_name'), 'Direction for First Name', 'Salesforce → Aloware only');
      await waitUntil(async () => (await summary.count()) === 0, 'the error clears');
      assert(await saveButton(panel).isEnabled(), 'Save is enabled once the mapping is valid');
      assert(
        (await savedMappings(t)).find((r) => r.alowareProperty === 'first_name')?.salesforceField === 'FirstName',
        'nothing was saved while the error was shown'
      );
    }
  },
  {
    name: 'mapping: a failed deployment is mapped back to its row (highlighted, focused), keeps the edit, and the admin can save again',
    async run(t) {
      const panel = await openPanel(t);
      const fieldOf = async (): Promise<string | undefined> =>
        (await savedMappings(t)).find((r) => r.alowareProperty === 'custom_field_2')?.salesforceField;
      const savedField = await fieldOf();

      // Mapping a row to the sentinel field makes the preview's Metadata API stand-in fail the deployment.
      await pickField(
        row(panel, 'custom_field_2'),
        'Salesforce field for Custom Field 2',
        DEPLOY_FAILURE_FIELD,
        new RegExp(DEPLOY_FAILURE_FIELD)
      );
      await saveWithReview(panel);
      const status = panel.locator('[data-id="deploy-status"]');
      await expectText(status.locator('[data-id="deploy-failed"]'), 'The mappings were not saved', 20_000);
      const message = await expectText(status.locator('[data-id="deploy-message"]'), 'Custom Field 2');
      assert(!message.includes('Lead_custom_field_2'), `the message names the row, not the record: ${message}`);
      await expectText(panel.locator('[data-id="row-notes"][data-property="custom_field_2"]'), 'Not saved');
      assert(
        /slds-has-error/.test((await row(panel, 'custom_field_2').getAttribute('class')) ?? ''),
        'row highlighted'
      );
      await waitUntil(async () => (await focusedPicker(t.page)) === 'custom_field_2', 'the failed row is focused');
      assert((await fieldOf()) === savedField, 'nothing was deployed');
      await expectText(panel.locator('[data-id="unsaved"]'), 'You have unsaved changes');
      assert(await saveButton(panel).isEnabled(), 'Save is enabled again after the failure');

      // Fix the mapping and save again: this deployment succeeds.
      await pickField(
        row(panel, 'custom_field_2'),
        'Salesforce field for Custom Field 2',
        'Primary_Region_Text__c',
        /Primary_Region_Text__c/
      );
      await saveWithReview(panel);
      await expectText(status, 'Mappings saved', 20_000);
      assert((await status.locator('[data-id="deploy-failed"]').count()) === 0, 'the error state is gone');
      assert((await fieldOf()) === 'Primary_Region_Text__c', 'the second save is deployed');
    }
  },
  {
    name: 'mapping: tracking rows offer only Aloware → Salesforce',
    async run(t) {
      const panel = await openPanel(t);
      const tracking = panel.locator('[data-id="section-Tracking"] tbody tr[data-id]');
      const count = await tracking.count();
      assert(count >= 20, `the tracking section lists its rows (${count})`);
      for (let i = 0; i < count; i++) {
        const r = tracking.nth(i);
        assert(
          (await r.locator('[data-id="direction-select"]').count()) === 0,
          'no direction picker on a tracking row'
        );
        await expectText(r.locator('td').nth(3), 'Aloware → Salesforce only');
      }
      // Re-adding a tracking mapping offers that one direction only.
      await row(panel, 'last_call_disposition')
        .getByRole('button', { name: /Remove the .* mapping/ })
        .click();
      await panel.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
      const add = panel.locator('[data-id="add-mapping"]');
      await chooseOption(add, 'Aloware property', /last_call_disposition/);
      const directions = await optionLabels(t.page, add.getByRole('combobox', { name: 'Direction' }));
      assert(
        directions.length === 1 && directions[0] === 'Aloware → Salesforce only',
        `only Aloware → Salesforce is offered, saw ${directions.join(', ')}`
      );
    }
  },
  {
    name: 'mapping: a view-only user sees the mapping without validation errors',
    async run(t) {
      const panel = await openPanel(t, '?user=rep');
      await expectText(panel.locator('[data-id="read-only-note"]'), 'Aloware Admin permission set');
      assert((await panel.locator('[data-id="error-summary"]').count()) === 0, 'no problem count');
      assert((await panel.locator('[data-id="row-notes"] .slds-text-color_error').count()) === 0, 'no row errors');
      assert((await panel.locator('.slds-has-error').count()) === 0, 'no row is flagged');
      assert((await panel.getByRole('combobox').count()) === 0, 'no picker');
      await expectText(row(panel, 'first_name'), 'FirstName');
    }
  },
  {
    name: 'mapping: at 375 px the rows stack into cards (no one-letter-per-line wrapping)',
    async run(t) {
      await t.page.setViewportSize({ width: 375, height: 800 });
      const panel = await openPanel(t);
      const r = row(panel, 'company');
      const display = await r.evaluate((el) => getComputedStyle(el).display);
      assert(display === 'block', `a row is a card (display ${display})`);
      for (const property of ['company', 'first_name', 'last_engagement']) {
        const cell = row(panel, property).locator('td[data-label="Label"]');
        const box = await cell.boundingBox();
        assert(box !== null && box.width > 100, `${property}: the field label's box is ${box?.width} px wide`);
        // One letter per line would make the label as tall as its letters: one or two lines at most.
        const label = await row(panel, property).locator('[data-id="field-label"]').boundingBox();
        assert(label !== null && label.height < 45, `${property}: the field label is ${label?.height} px tall`);
        const head = await row(panel, property).locator('[data-id="aloware-label"]').boundingBox();
        assert(head !== null && head.height < 45, `${property}: the Aloware label is ${head?.height} px tall`);
      }
      const overflow = await panel.evaluate((el) => {
        const card = (el.shadowRoot ?? el).querySelector('lightning-card') as HTMLElement | null;
        return card ? card.scrollWidth - card.clientWidth : 0;
      });
      assert(overflow <= 1, `the panel does not scroll sideways at 375 px (${overflow} px too wide)`);
      const footer = panel.locator('[data-id="footer"]');
      assert(await footer.isVisible(), 'the sticky footer is visible');
    }
  }
];
