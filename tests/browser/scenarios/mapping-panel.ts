/**
 * The Lead Property Mapping panel as an admin uses it: locked rows, direction changes, removing and adding a mapping
 * (with the 🚫 already-mapped fields), instant validation that blocks Save, tracking rows limited to
 * Aloware → Salesforce, a save that deploys and reports success, and a failed deployment (the preview's Metadata API
 * stand-in fails a deployment that maps a row to DEPLOY_FAILURE_FIELD) shown with its reason while the edits stay for
 * a second save. What was saved is read back from the emulated org (the controller's getMappingState).
 */
import type { Locator, Page } from 'playwright-core';
import { DEPLOY_FAILURE_FIELD } from '../../../scripts/preview/server';
import { assert, chooseOption, expectText, toast, waitUntil, type Scenario, type ScenarioContext } from '../harness';

const PANEL = 'c-aloware-mapping-panel';

async function openPanel(t: ScenarioContext): Promise<Locator> {
  await t.open('/');
  const panel = t.page.locator(PANEL);
  await panel.locator('[data-id="legend"]').waitFor({ timeout: 20_000 });
  return panel;
}

function row(panel: Locator, property: string): Locator {
  return panel.locator(`tr[data-id="${property}"]`);
}

/** The option labels of a lightning-combobox (opens it, reads, closes with Escape). */
async function optionLabels(page: Page, combobox: Locator): Promise<string[]> {
  await combobox.click();
  const listbox = combobox.locator('xpath=ancestor::lightning-combobox[1]').getByRole('option');
  await listbox.first().waitFor({ timeout: 5000 });
  const labels = (await listbox.allInnerTexts()).map((l) => l.trim());
  await page.keyboard.press('Escape');
  return labels;
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

export const mappingPanelScenarios: Scenario[] = [
  {
    name: 'mapping: locked 🔒 rows cannot be edited; an admin changes a direction, removes and re-adds a mapping (🚫 fields not offered), saves and sees success',
    async run(t) {
      const panel = await openPanel(t);

      // 🔒 Phone and Email: no field picker, no direction picker, no remove button.
      for (const locked of ['phone_number', 'email']) {
        const r = row(panel, locked);
        await expectText(r, '🔒');
        assert(
          (await r.locator('[data-id="field-select"]').count()) === 0,
          `${locked}: no field picker on a locked row`
        );
        assert((await r.locator('[data-id="direction-select"]').count()) === 0, `${locked}: no direction picker`);
        assert((await r.locator('[data-id="remove"]').count()) === 0, `${locked}: cannot be removed`);
      }
      assert(await saveButton(panel).isDisabled(), 'Save is disabled before any change');

      // Change a direction.
      await chooseOption(row(panel, 'first_name'), 'Direction for First Name', 'Aloware → Salesforce');
      await expectText(panel.locator('[data-id="unsaved"]'), 'You have unsaved changes');

      // Remove an open mapping (🗑️).
      await row(panel, 'custom_field_2').getByRole('button', { name: 'Remove the Custom Field 2 mapping' }).click();
      await waitUntil(async () => (await row(panel, 'custom_field_2').count()) === 0, 'the removed row disappears');

      // Add it back on another field: fields mapped elsewhere are not offered (🚫).
      const add = panel.locator('[data-id="add-mapping"]');
      await chooseOption(add, 'Aloware property', /Custom Field 2/);
      await expectText(
        add.locator('[data-id="add-hidden-note"]'),
        /🚫 \d+ compatible field\(s\) already mapped are not offered/
      );
      const fieldPicker = add.getByRole('combobox', { name: 'Lead field (compatible types)' });
      const offered = await optionLabels(t.page, fieldPicker);
      assert(offered.length > 20, `many compatible Lead fields are offered (${offered.length})`);
      assert(
        !offered.some((label) => label.includes('(Aloware_Custom_Field_1__c)') || label.includes('(FirstName)')),
        'fields mapped by other rows (Custom Field 1, First Name) are not offered'
      );
      await add.getByRole('searchbox', { name: 'Search Lead fields' }).fill('region');
      await waitUntil(async () => {
        const labels = await optionLabels(t.page, fieldPicker);
        return labels.length > 0 && labels.every((l) => l.toLowerCase().includes('region'));
      }, 'the search narrows the Lead fields to "region"');
      await chooseOption(add, 'Lead field (compatible types)', /Primary Region Text \(Primary_Region_Text__c\)/);
      await add.getByRole('button', { name: 'Add mapping' }).click();
      await expectText(row(panel, 'custom_field_2'), 'Primary_Region_Text__c');

      // Save: deployed, then reported.
      await saveButton(panel).click();
      await expectText(panel.locator('[data-id="deploy-status"]'), 'Mappings saved', 20_000);
      await toast(t.page, /saved/i)
        .first()
        .waitFor({ timeout: 5000 })
        .catch(() => undefined);
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
    }
  },
  {
    name: 'mapping: a validation error is shown at once and blocks Save until it is fixed',
    async run(t) {
      const panel = await openPanel(t);
      // A formula field is read-only: Aloware values cannot be written to it (FIELD_NOT_UPDATEABLE).
      await chooseOption(row(panel, 'first_name'), 'Salesforce field for First Name', /Secondary Segment Formula/);
      const notes = panel.locator('[data-id="row-notes"][data-property="first_name"]');
      await expectText(notes, 'read-only');
      await expectText(panel.locator('[data-id="error-summary"]'), '1 problem must be fixed before saving.');
      assert(await saveButton(panel).isDisabled(), 'Save is disabled while an error remains');

      await chooseOption(row(panel, 'first_name'), 'Direction for First Name', 'Aloware ← Salesforce');
      await waitUntil(async () => (await panel.locator('[data-id="error-summary"]').count()) === 0, 'the error clears');
      assert(await saveButton(panel).isEnabled(), 'Save is enabled once the mapping is valid');
      assert(
        (await savedMappings(t)).find((r) => r.alowareProperty === 'first_name')?.salesforceField === 'FirstName',
        'nothing was saved while the error was shown'
      );
    }
  },
  {
    name: 'mapping: a failed deployment shows its reason, keeps the edit, and the admin can save again',
    async run(t) {
      const panel = await openPanel(t);
      const fieldOf = async (): Promise<string | undefined> =>
        (await savedMappings(t)).find((r) => r.alowareProperty === 'custom_field_2')?.salesforceField;
      const savedField = await fieldOf();

      // Mapping a row to the sentinel field makes the preview's Metadata API stand-in fail the deployment.
      await chooseOption(
        row(panel, 'custom_field_2'),
        'Salesforce field for Custom Field 2',
        new RegExp(`\\(${DEPLOY_FAILURE_FIELD}\\)`)
      );
      await saveButton(panel).click();
      const status = panel.locator('[data-id="deploy-status"]');
      await expectText(status.locator('[data-id="deploy-failed"]'), 'The mappings were not saved', 20_000);
      await expectText(status.locator('[data-id="deploy-message"]'), 'Lead_custom_field_2');
      await expectText(status.locator('[data-id="deploy-message"]'), 'save again');
      assert((await fieldOf()) === savedField, 'nothing was deployed');
      await expectText(row(panel, 'custom_field_2'), DEPLOY_FAILURE_FIELD);
      await expectText(panel.locator('[data-id="unsaved"]'), 'You have unsaved changes');
      assert(await saveButton(panel).isEnabled(), 'Save is enabled again after the failure');

      // Fix the mapping and save again: this deployment succeeds.
      await chooseOption(
        row(panel, 'custom_field_2'),
        'Salesforce field for Custom Field 2',
        /Primary Region Text \(Primary_Region_Text__c\)/
      );
      await saveButton(panel).click();
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
        await expectText(r.locator('td').nth(3), 'Aloware → Salesforce');
      }
      // Re-adding a tracking mapping offers that one direction only.
      await row(panel, 'last_call_disposition')
        .getByRole('button', { name: /Remove the .* mapping/ })
        .click();
      const add = panel.locator('[data-id="add-mapping"]');
      await chooseOption(add, 'Aloware property', /last_call_disposition/);
      const directions = await optionLabels(t.page, add.getByRole('combobox', { name: 'Direction' }));
      assert(
        directions.length === 1 && directions[0] === 'Aloware → Salesforce',
        `only Aloware → Salesforce is offered, saw ${directions.join(', ')}`
      );
    }
  }
];
