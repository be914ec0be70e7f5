/*
 * Inbound: Aloware contact or event data + a Lead + mappings + describe → the Lead field changes, only for values
 * that differ, each refusal a per-field error instead of failing the record. Mirrors Apex AlowareInboundMapper.
 */
import { DNC_PROPERTY, activeSorted, catalogEntry } from './catalogIndex';
import { FieldIssue, issue } from './codes';
import { toSalesforce } from './convert';
import { fingerprintOf } from './fingerprint';
import {
  ACCEPTS_FROM_ALOWARE,
  EngineSettings,
  FieldDescribe,
  FieldInfo,
  FieldMapping,
  RecordValues,
  SalesforceValue,
  canonicalText,
  isBlank,
  toId18
} from './model';
import { OwnerDirectory } from './owners';

export interface InboundChanges {
  /** Field API name (as the describe knows it) → new value; only values that differ from the Lead's. */
  readonly changes: Record<string, SalesforceValue>;
  /** Refused values: one error per field; the other fields still apply. */
  readonly errors: FieldIssue[];
  readonly warnings: FieldIssue[];
  /** Fingerprint of the Lead with the changes applied: store it so the resulting trigger does not push back. */
  readonly fingerprintAfter: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads `key` from Aloware data: the exact key first, then a dotted path through objects
 * (`parent.child`); inside a list, a segment selects the entry whose `label` matches and continues
 * with its `phone_number` (`other_phone_numbers.mobile`).
 */
export function lookupAlowareValue(
  values: Readonly<Record<string, unknown>>,
  key: string
): { found: boolean; value: unknown } {
  if (Object.prototype.hasOwnProperty.call(values, key)) return { found: true, value: values[key] };
  let current: unknown = values;
  for (const segment of key.split('.')) {
    if (Array.isArray(current)) {
      const entry = current.find(
        (item) => isObject(item) && String(item.label ?? '').toLowerCase() === segment.toLowerCase()
      );
      if (!isObject(entry) || !Object.prototype.hasOwnProperty.call(entry, 'phone_number'))
        return { found: false, value: undefined };
      current = entry.phone_number;
    } else if (isObject(current) && Object.prototype.hasOwnProperty.call(current, segment)) {
      current = current[segment];
    } else {
      return { found: false, value: undefined };
    }
  }
  return { found: true, value: current };
}

function comparable(value: SalesforceValue, field: FieldInfo, kind: string): string | null {
  const text = canonicalText(value);
  if (text === null) return null;
  if (field.type === 'email' || kind === 'email') return text.toLowerCase();
  if (field.type === 'multipicklist') return text.split(';').sort().join(';');
  return text;
}

/** True when the Lead's current value already equals `next` under the field's rules. */
function sameValue(
  current: unknown,
  next: SalesforceValue,
  field: FieldInfo,
  kind: string,
  settings: EngineSettings
): boolean {
  if (field.type === 'boolean') return (current === true || current === 'true') === next;
  if (isBlank(current)) return false;
  const normalised = toSalesforce(current, kind, field, settings);
  if (normalised.error) return false;
  return comparable(normalised.value, field, kind) === comparable(next, field, kind);
}

/** Applies Aloware values to a Lead: the changes to write, per-field errors and warnings. */
export function applyInbound(
  alowareValues: Readonly<Record<string, unknown>>,
  record: RecordValues,
  mappings: readonly FieldMapping[],
  describe: FieldDescribe,
  owners: OwnerDirectory,
  settings: EngineSettings
): InboundChanges {
  const changes: Record<string, SalesforceValue> = {};
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  const handled = new Map<string, string>();
  for (const row of activeSorted(mappings)) {
    if (!ACCEPTS_FROM_ALOWARE.has(row.direction)) continue;
    const entry = catalogEntry(row.alowareProperty);
    if (!entry) {
      errors.push(
        issue(
          'PROPERTY_UNKNOWN',
          'error',
          row.alowareProperty,
          row.salesforceField,
          `Aloware property '${row.alowareProperty}' is not in the catalog. Remove or correct the mapping row.`
        )
      );
      continue;
    }
    // No inboundKey: the package computes the value itself (contact link, engagement tracking); never read it here.
    if (entry.inboundKey === null) continue;
    const lookup = lookupAlowareValue(alowareValues, entry.inboundKey);
    if (!lookup.found) continue;
    const field = describe.resolve(row.salesforceField);
    if (!field) {
      errors.push(
        issue(
          'FIELD_NOT_FOUND',
          'error',
          row.alowareProperty,
          row.salesforceField,
          `Lead field ${row.salesforceField} does not exist or is not visible. Correct the mapping or grant field access.`
        )
      );
      continue;
    }
    if (field.updateable === false) {
      errors.push(
        issue(
          'FIELD_NOT_UPDATEABLE',
          'error',
          row.alowareProperty,
          field.name,
          `${field.name} cannot be written (read-only, formula or no edit access). Map an editable field or grant edit access.`
        )
      );
      continue;
    }
    const fieldKey = field.name.toLowerCase();
    const earlier = handled.get(fieldKey);
    if (earlier !== undefined) {
      errors.push(
        issue(
          'FIELD_MAPPED_TWICE',
          'error',
          row.alowareProperty,
          field.name,
          `${field.name} is already written from '${earlier}'. Map each Salesforce field at most once.`
        )
      );
      continue;
    }
    handled.set(fieldKey, row.alowareProperty);
    const current = record.get(field.name);
    if (entry.alowareType === 'owner') {
      applyOwner(lookup.value, current, row, field, owners, changes, errors, warnings);
      continue;
    }
    const converted = toSalesforce(lookup.value, entry.alowareType, field, settings);
    for (const note of converted.warnings)
      warnings.push(issue(note.code, 'warning', row.alowareProperty, field.name, note.message));
    if (converted.error) {
      errors.push(issue(converted.error.code, 'error', row.alowareProperty, field.name, converted.error.message));
      continue;
    }
    if (converted.blank) continue;
    const next = converted.value;
    if (
      row.alowareProperty === DNC_PROPERTY &&
      next === false &&
      (current === true || current === 'true') &&
      !settings.allowDncClearing
    ) {
      warnings.push(
        issue(
          'DNC_CLEAR_BLOCKED',
          'warning',
          row.alowareProperty,
          field.name,
          'Aloware cleared DNC but the Lead keeps it: the most restrictive value wins. An admin can allow DNC clearing in the sync settings.'
        )
      );
      continue;
    }
    if (!sameValue(current, next, field, entry.alowareType, settings)) changes[field.name] = next;
  }
  return { changes, errors, warnings, fingerprintAfter: fingerprintOf(record.withChanges(changes), mappings) };
}

function applyOwner(
  raw: unknown,
  current: unknown,
  row: FieldMapping,
  field: FieldInfo,
  owners: OwnerDirectory,
  changes: Record<string, SalesforceValue>,
  errors: FieldIssue[],
  warnings: FieldIssue[]
): void {
  if (field.type !== 'reference') {
    errors.push(
      issue(
        'TYPE_INCOMPATIBLE',
        'error',
        row.alowareProperty,
        field.name,
        `Contact Owner can only be written to OwnerId or a User lookup, not ${field.name}. Correct the mapping.`
      )
    );
    return;
  }
  if (isBlank(raw)) return;
  const match = owners.salesforceUserFor(raw);
  if (match.status === 'FOUND' && match.id !== null) {
    if (toId18(canonicalText(current) ?? '') !== match.id) changes[field.name] = match.id;
    return;
  }
  const who = `Aloware user ${canonicalText(raw) ?? ''}${match.email ? ` (${match.email})` : ''}`;
  const text =
    match.status === 'INACTIVE'
      ? `${who} matches only inactive Salesforce users: the owner is unchanged. Reactivate the user or reassign the contact in Aloware.`
      : match.status === 'AMBIGUOUS'
        ? `${who} matches several active Salesforce users by email: the owner is unchanged. Give each user a distinct email.`
        : `${who} has no active Salesforce user with the same email: the owner is unchanged. Create the user or align the emails, then run User Sync.`;
  const code =
    match.status === 'INACTIVE'
      ? 'OWNER_INACTIVE'
      : match.status === 'AMBIGUOUS'
        ? 'OWNER_AMBIGUOUS'
        : 'OWNER_NOT_FOUND';
  warnings.push(issue(code, 'warning', row.alowareProperty, field.name, text));
}
