import { FieldDescribe } from 'c/alowareMappingRules';
import {
  DIRECTION_LABELS,
  diffRows,
  failedRows,
  filterCandidates,
  mergeWithCatalog,
  pickerCandidates,
  writesSalesforce
} from '../panelModel';
import type { LeadField, MappingRecord } from '../panelModel';

const FIELDS: LeadField[] = [
  { name: 'FirstName', label: 'First Name', type: 'string', length: 40, updateable: true },
  { name: 'LastName', label: 'Last Name', type: 'string', length: 80, updateable: true },
  { name: 'Title', label: 'Title', type: 'string', length: 128, updateable: true },
  { name: 'Nickname__c', label: 'Nickname', type: 'string', length: 40, updateable: true },
  { name: 'Name_Formula__c', label: 'Name Formula', type: 'string', length: 1300, updateable: false },
  { name: 'Phone', label: 'Phone', type: 'phone', length: 40, updateable: true }
];
const DESCRIBE = new FieldDescribe(FIELDS);

function rows(edit: (r: MappingRecord) => MappingRecord = (r) => r): MappingRecord[] {
  return mergeWithCatalog([
    {
      alowareProperty: 'first_name',
      salesforceField: 'FirstName',
      direction: 'Bidirectional',
      mappingGroup: 'Open',
      locked: false,
      active: true,
      sortOrder: 40
    },
    {
      alowareProperty: 'last_name',
      salesforceField: 'LastName',
      direction: 'Bidirectional',
      mappingGroup: 'Open',
      locked: false,
      active: true,
      sortOrder: 50
    }
  ]).map(edit);
}

describe('panelModel', () => {
  it('should use the Sync Settings wording for directions and know which directions write Salesforce', () => {
    expect(DIRECTION_LABELS.Bidirectional).toBe('Both ways (Aloware ↔ Salesforce)');
    expect(DIRECTION_LABELS.SalesforceToAloware).toBe('Salesforce → Aloware only');
    expect(writesSalesforce('Bidirectional')).toBe(true);
    expect(writesSalesforce('AlowareToSalesforce')).toBe(true);
    expect(writesSalesforce('SalesforceToAloware')).toBe(false);
  });

  it('should offer compatible fields, standard first, read-only ones only when Salesforce is not written', () => {
    const twoWay = pickerCandidates('first_name', 'Bidirectional', rows(), FIELDS, DESCRIBE);
    expect(twoWay.map((c) => c.name)).toEqual(['FirstName', 'LastName', 'Title', 'Nickname__c']);
    expect(twoWay.find((c) => c.name === 'LastName')!.mappedBy).toBe('Last Name');
    expect(twoWay.find((c) => c.name === 'FirstName')!.mappedBy).toBeNull();
    expect(twoWay.find((c) => c.name === 'Nickname__c')!.custom).toBe(true);
    expect(twoWay.find((c) => c.name === 'Title')!.typeText).toBe('string(128)');
    const outbound = pickerCandidates('first_name', 'SalesforceToAloware', rows(), FIELDS, DESCRIBE);
    const formula = outbound.find((c) => c.name === 'Name_Formula__c')!;
    expect(formula.readOnly).toBe(true);
    expect(pickerCandidates('no_such_property', 'Bidirectional', rows(), FIELDS, DESCRIBE)).toEqual([]);
  });

  it('should filter candidates by label or API name, case-insensitively', () => {
    const all = pickerCandidates('first_name', 'Bidirectional', rows(), FIELDS, DESCRIBE);
    expect(filterCandidates(all, 'NICK').map((c) => c.name)).toEqual(['Nickname__c']);
    expect(filterCandidates(all, 'last name').map((c) => c.name)).toEqual(['LastName']);
    expect(filterCandidates(all, '  ')).toHaveLength(all.length);
  });

  it('should list every change before → after in row terms', () => {
    const saved = rows();
    const current = rows((r) => {
      if (r.alowareProperty === 'first_name')
        return { ...r, salesforceField: 'title', direction: 'SalesforceToAloware' };
      if (r.alowareProperty === 'last_name') return { ...r, active: false };
      if (r.alowareProperty === 'company') return { ...r, active: true, salesforceField: 'Nickname__c' };
      return r;
    });
    expect(diffRows(saved, current, DESCRIBE)).toEqual([
      {
        property: 'first_name',
        label: 'First Name',
        kind: 'changed',
        before: 'First Name (FirstName), Both ways (Aloware ↔ Salesforce)',
        after: 'Title (Title), Salesforce → Aloware only'
      },
      {
        property: 'last_name',
        label: 'Last Name',
        kind: 'removed',
        before: 'Last Name (LastName), Both ways (Aloware ↔ Salesforce)',
        after: 'not mapped'
      },
      expect.objectContaining({ property: 'company', kind: 'added', before: 'not mapped' })
    ]);
    // The same field in another spelling is not a change.
    expect(
      diffRows(
        saved,
        rows((r) => (r.alowareProperty === 'first_name' ? { ...r, salesforceField: 'firstname' } : r)),
        DESCRIBE
      )
    ).toEqual([]);
  });

  it('should map a deployment failure message back to the rows it names', () => {
    const properties = new Set(['first_name', 'custom_field_2']);
    const message =
      'The mappings were not saved. The deployment failed: Lead_custom_field_2: Field X__c is not available; ' +
      'ns__Lead_first_name: bad value; Lead_unknown: other (and 2 more). Your changes are still on the page: ' +
      'correct them and save again.';
    expect(failedRows(message, properties)).toEqual([
      { property: 'custom_field_2', problem: 'Field X__c is not available' },
      { property: 'first_name', problem: 'bad value' }
    ]);
    expect(failedRows('The deployment status could not be read.', properties)).toEqual([]);
    expect(failedRows('The deployment failed: no reason given.', properties)).toEqual([]);
  });
});
