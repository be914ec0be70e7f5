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

/** The same wording as the Sync Settings tab (alowareSyncSettings' direction options). */
export const DIRECTION_LABELS: Readonly<Record<Direction, string>> = {
  Bidirectional: 'Both ways (Aloware ↔ Salesforce)',
  AlowareToSalesforce: 'Aloware → Salesforce only',
  SalesforceToAloware: 'Salesforce → Aloware only'
};

/** Does a mapping in this direction write Salesforce fields (so a read-only field cannot take it)? */
export function writesSalesforce(direction: string): boolean {
  return direction === 'Bidirectional' || direction === 'AlowareToSalesforce';
}

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

/** One Lead field the field picker may list for a row. */
export interface PickerCandidate {
  readonly name: string;
  readonly label: string;
  readonly typeText: string;
  readonly custom: boolean;
  readonly readOnly: boolean;
  /** Label of the other row that maps this field (the option is shown disabled), or null. */
  readonly mappedBy: string | null;
  /** Lower-case label and API name, matched by the type-ahead. */
  readonly searchKey: string;
}

/**
 * The fields the picker offers a row: of a compatible type, writable in the row's direction (a read-only formula or
 * auto-number field is never offered for a direction that writes Salesforce), standard before custom, by label.
 * Fields another active row maps stay in the list, marked `mappedBy` (shown disabled, "already mapped"). Computed
 * once when a picker opens; the type-ahead then only filters this list.
 */
export function pickerCandidates(
  property: string,
  direction: string,
  rows: readonly MappingRecord[],
  fields: readonly LeadField[],
  describe: FieldDescribe
): PickerCandidate[] {
  const entry = catalogEntry(property);
  if (!entry) return [];
  const mappedBy = new Map<string, string>();
  for (const r of rows) {
    if (!r.active || r.alowareProperty === property || r.salesforceField.trim() === '') continue;
    const name = (describe.resolve(r.salesforceField)?.name ?? r.salesforceField).toLowerCase();
    mappedBy.set(name, catalogEntry(r.alowareProperty)?.label ?? r.alowareProperty);
  }
  const writing = writesSalesforce(direction);
  const result: PickerCandidate[] = [];
  for (const field of fields) {
    if (!fieldFits(entry, field)) continue;
    const readOnly = field.updateable === false;
    if (readOnly && writing) continue;
    result.push({
      name: field.name,
      label: field.label,
      typeText: typeLabel(field),
      custom: field.name.toLowerCase().endsWith('__c'),
      readOnly,
      mappedBy: mappedBy.get(field.name.toLowerCase()) ?? null,
      searchKey: `${field.label}\n${field.name}`.toLowerCase()
    });
  }
  result.sort((a, b) => Number(a.custom) - Number(b.custom) || a.label.localeCompare(b.label));
  return result;
}

/** The candidates whose label or API name contains the typed text (case-insensitive). */
export function filterCandidates(candidates: readonly PickerCandidate[], search: string): PickerCandidate[] {
  const needle = search.trim().toLowerCase();
  return needle ? candidates.filter((c) => c.searchKey.includes(needle)) : [...candidates];
}

/** One change of the review-before-save list, in row terms. */
export interface RowChange {
  readonly property: string;
  readonly label: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly before: string;
  readonly after: string;
}

/** "Label (ApiName), direction" of a row, for the review list. */
function describeRow(row: MappingRecord, describe: FieldDescribe): string {
  const field = describe.resolve(row.salesforceField) as LeadField | undefined;
  const fieldText = field ? `${field.label} (${field.name})` : row.salesforceField || '(no field)';
  return `${fieldText}, ${DIRECTION_LABELS[row.direction as Direction] ?? row.direction}`;
}

/**
 * What Save would change, row by row (before → after), compared with the saved rows. Field names compare
 * case-insensitively, as `snapshot` does.
 */
export function diffRows(
  saved: readonly MappingRecord[],
  current: readonly MappingRecord[],
  describe: FieldDescribe
): RowChange[] {
  const before = new Map(saved.map((r) => [r.alowareProperty, r]));
  const changes: RowChange[] = [];
  for (const row of current) {
    const old = before.get(row.alowareProperty);
    const label = catalogEntry(row.alowareProperty)?.label ?? row.alowareProperty;
    const wasActive = old?.active === true;
    if (!wasActive && !row.active) continue;
    if (!wasActive) {
      changes.push({
        property: row.alowareProperty,
        label,
        kind: 'added',
        before: 'not mapped',
        after: describeRow(row, describe)
      });
    } else if (!row.active) {
      changes.push({
        property: row.alowareProperty,
        label,
        kind: 'removed',
        before: describeRow(old, describe),
        after: 'not mapped'
      });
    } else if (
      old.salesforceField.trim().toLowerCase() !== row.salesforceField.trim().toLowerCase() ||
      old.direction !== row.direction
    ) {
      changes.push({
        property: row.alowareProperty,
        label,
        kind: 'changed',
        before: describeRow(old, describe),
        after: describeRow(row, describe)
      });
    }
  }
  return changes;
}

/** A deployment failure of one mapping record, in row terms. */
export interface RowFailure {
  readonly property: string;
  readonly problem: string;
}

/**
 * The rows a deployment failure names. The controller's message lists `<record name>: <problem>` parts separated by
 * "; " after "The deployment failed: " (record names are `Lead_<property>`, with a namespace prefix in a subscriber
 * org); parts that name no known row are left out.
 */
export function failedRows(message: string, properties: ReadonlySet<string>): RowFailure[] {
  const start = message.search(/The deployment (failed|was canceled): /);
  if (start < 0) return [];
  const body = message.slice(message.indexOf(': ', start) + 2).replace(/\s*Your changes are still on the page.*$/, '');
  const result: RowFailure[] = [];
  for (const part of body.split('; ')) {
    const match = /^(?:[A-Za-z0-9]+__)?Lead_([a-z0-9_]+): (.*)$/.exec(part.trim());
    if (!match || !properties.has(match[1])) continue;
    const problem = match[2].replace(/\s*\(and \d+ more\)/, '').replace(/\.$/, '');
    result.push({ property: match[1], problem });
  }
  return result;
}
