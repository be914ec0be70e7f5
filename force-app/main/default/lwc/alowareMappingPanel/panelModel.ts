/*
 * Pure model of the mapping panel: one row per catalog property (inactive rows are "removed" mappings, since custom
 * metadata records cannot be deleted), grouped into the panel's sections, with the Lead fields each row may use.
 */
import type { CatalogProperty, Direction, MappingGroup } from 'c/alowareCatalog';
import { FieldDescribe, catalogEntry, defaultMappings, isCompatible } from 'c/alowareMappingRules';
import type { FieldInfo, FieldIssue, FieldMapping } from 'c/alowareMappingRules';

/** A Lead field as AlowareMappingController describes it (FieldInfo plus its label). */
export interface LeadField extends FieldInfo {
  readonly label: string;
}

/** A mapping row as the controller returns and accepts it (one `Aloware_Field_Mapping__mdt` record). */
export interface MappingRecord {
  alowareProperty: string;
  salesforceField: string;
  direction: string;
  mappingGroup: string | null;
  locked: boolean;
  active: boolean;
  sortOrder: number | null;
}

export const SECTION_TITLES: Readonly<Record<MappingGroup, string>> = {
  Locked: 'Default locked',
  Special: 'Special',
  Open: 'Default open',
  Additional: 'Additional',
  Tracking: 'Outbound tracking'
};

export const SECTION_NOTES: Readonly<Record<MappingGroup, string>> = {
  Locked: 'Identifiers Aloware matches contacts by. They always sync both ways and cannot be changed.',
  Special: 'Aloware’s Contact Owner maps to the Lead owner, matched by user email.',
  Open: 'Standard properties: change the Lead field or the direction, or remove the mapping.',
  Additional: 'Extra phone numbers and other optional properties.',
  Tracking: 'Engagement computed from Aloware calls and texts: flows only Aloware → Salesforce.'
};

export const DIRECTION_LABELS: Readonly<Record<Direction, string>> = {
  Bidirectional: 'Aloware ↔ Salesforce',
  AlowareToSalesforce: 'Aloware → Salesforce',
  SalesforceToAloware: 'Aloware ← Salesforce'
};

/**
 * Merges saved records with the catalog: exactly one row per catalog property, in catalog order. A property without
 * a saved record gets its default row, inactive (it was never mapped). Records of unknown properties are kept at the
 * end so validation can report them.
 */
export function mergeWithCatalog(saved: readonly MappingRecord[]): MappingRecord[] {
  const byProperty = new Map<string, MappingRecord>();
  for (const record of saved) {
    if (!byProperty.has(record.alowareProperty)) byProperty.set(record.alowareProperty, { ...record });
  }
  const rows: MappingRecord[] = defaultMappings().map(
    (row) => byProperty.get(row.alowareProperty) ?? { ...row, active: false }
  );
  for (const record of byProperty.values()) {
    if (!catalogEntry(record.alowareProperty)) rows.push(record);
  }
  return rows;
}

/** The catalog's default mapping set (Reset to defaults). */
export function defaultRows(): MappingRecord[] {
  return defaultMappings();
}

/** The row as the rules module sees it. */
export function toFieldMapping(row: MappingRecord): FieldMapping {
  return {
    alowareProperty: row.alowareProperty,
    salesforceField: row.salesforceField,
    direction: row.direction,
    mappingGroup: row.mappingGroup,
    locked: row.locked,
    active: row.active,
    sortOrder: row.sortOrder
  };
}

/** A stable text of the rows, to tell whether anything changed since the last save. */
export function snapshot(rows: readonly MappingRecord[]): string {
  return JSON.stringify(
    rows.map((r) => [r.alowareProperty, r.active ? r.salesforceField.trim().toLowerCase() : '', r.direction, r.active])
  );
}

/** May the field take values of this property (type compatibility, owner rule)? */
export function fieldFits(entry: CatalogProperty, field: LeadField): boolean {
  if (entry.alowareType === 'owner') {
    return (
      field.name.toLowerCase() === 'ownerid' ||
      (field.type === 'reference' && (field.referenceTo ?? []).includes('User'))
    );
  }
  return entry.salesforceTypes.includes(field.type) && isCompatible(entry.alowareType, field.type);
}

/**
 * The Lead fields a row may use: compatible, and not already mapped by another active row (those are the 🚫
 * fields: not offered again). The row's own current field always stays in the list.
 * @returns the fields and how many compatible fields were hidden because they are mapped elsewhere
 */
export function fieldChoices(
  property: string,
  rows: readonly MappingRecord[],
  fields: readonly LeadField[],
  describe: FieldDescribe,
  search = ''
): { fields: LeadField[]; hiddenAsMapped: number } {
  const entry = catalogEntry(property);
  if (!entry) return { fields: [], hiddenAsMapped: 0 };
  const own = rows.find((r) => r.alowareProperty === property);
  const ownName = own?.active
    ? (describe.resolve(own.salesforceField)?.name ?? own.salesforceField).toLowerCase()
    : null;
  const mappedElsewhere = new Set(
    rows
      .filter((r) => r.active && r.alowareProperty !== property && r.salesforceField.trim() !== '')
      .map((r) => (describe.resolve(r.salesforceField)?.name ?? r.salesforceField).toLowerCase())
  );
  const needle = search.trim().toLowerCase();
  let hiddenAsMapped = 0;
  const result: LeadField[] = [];
  for (const field of fields) {
    if (!fieldFits(entry, field)) continue;
    const name = field.name.toLowerCase();
    if (mappedElsewhere.has(name) && name !== ownName) {
      hiddenAsMapped += 1;
      continue;
    }
    if (needle && !name.includes(needle) && !field.label.toLowerCase().includes(needle)) continue;
    result.push(field);
  }
  result.sort((a, b) => a.label.localeCompare(b.label));
  return { fields: result, hiddenAsMapped };
}

/** Issues grouped by Aloware property (issues with no property under ''). */
export function issuesByProperty(issues: readonly FieldIssue[]): Map<string, FieldIssue[]> {
  const map = new Map<string, FieldIssue[]>();
  for (const item of issues) {
    const key = item.property ?? '';
    map.set(key, [...(map.get(key) ?? []), item]);
  }
  return map;
}

/** Human label of a field type, e.g. `string(80)`. */
export function typeLabel(field: LeadField | undefined): string {
  if (!field) return '—';
  return field.length && (field.type === 'string' || field.type === 'textarea')
    ? `${field.type}(${field.length})`
    : field.type;
}

/** A sample Aloware contact for the inbound test, built from the catalog's inbound keys. */
export function sampleContact(): Record<string, unknown> {
  return {
    id: 4242,
    first_name: 'Ada',
    last_name: 'Lovelace',
    company_name: 'Analytical Engines',
    phone_number: '+15555550100',
    email: 'ada@example.com',
    city: 'London',
    is_dnc: false,
    csf1: 'Sample custom field 1'
  };
}
