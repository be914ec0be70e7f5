/*
 * Mapping validation: the same rules the Apex AlowareMappingValidator enforces on save; the panel shows them
 * instantly. Every message says how to fix the row.
 */
import { DIRECTIONS } from 'c/alowareCatalog';
import { catalogEntry, lockedProperties } from './catalogIndex';
import { FieldIssue, issue } from './codes';
import { compatibleTypes, isCompatible } from './convert';
import { isValidTimeZone } from './dates';
import {
  ACCEPTS_FROM_ALOWARE,
  EngineSettings,
  FieldDescribe,
  FieldMapping,
  SENDS_TO_ALOWARE,
  fieldNameCandidates
} from './model';
import { isSupportedPhoneCountry } from './phone';

const ARROWS: Readonly<Record<string, string>> = {
  Bidirectional: 'Aloware ↔ Salesforce',
  AlowareToSalesforce: 'Aloware → Salesforce',
  SalesforceToAloware: 'Aloware ← Salesforce'
};

function sameField(a: string, b: string, describe: FieldDescribe): boolean {
  const resolvedA = describe.resolve(a);
  const resolvedB = describe.resolve(b);
  if (resolvedA && resolvedB) return resolvedA.name.toLowerCase() === resolvedB.name.toLowerCase();
  const namesB = fieldNameCandidates(b, describe.namespacePrefix).map((name) => name.toLowerCase());
  return fieldNameCandidates(a, describe.namespacePrefix).some((name) => namesB.includes(name.toLowerCase()));
}

function validateRow(row: FieldMapping, describe: FieldDescribe, issues: FieldIssue[]): void {
  const property = row.alowareProperty;
  const entry = catalogEntry(property);
  const fieldName = (row.salesforceField ?? '').trim();
  if (!entry) {
    issues.push(
      issue(
        'PROPERTY_UNKNOWN',
        'error',
        property,
        fieldName || null,
        `'${property}' is not an Aloware Lead property. Pick a property from the catalog.`
      )
    );
    return;
  }
  if (!(DIRECTIONS as readonly string[]).includes(row.direction)) {
    issues.push(
      issue(
        'DIRECTION_INVALID',
        'error',
        property,
        fieldName || null,
        `'${row.direction}' is not a direction. Use Bidirectional, AlowareToSalesforce or SalesforceToAloware.`
      )
    );
    return;
  }
  if (entry.group === 'Locked') {
    if (
      !row.active ||
      row.direction !== entry.defaultDirection ||
      !sameField(fieldName, entry.defaultField, describe)
    ) {
      issues.push(
        issue(
          'LOCKED_ROW_CHANGED',
          'error',
          property,
          fieldName || null,
          `${entry.label} is a locked identifier: it must stay active, mapped to ${entry.defaultField}, ${ARROWS[entry.defaultDirection]}. Undo the change to this row.`
        )
      );
    }
    return;
  }
  if (!row.active) return;
  if (fieldName === '') {
    issues.push(
      issue(
        'FIELD_REQUIRED',
        'error',
        property,
        null,
        `${entry.label} has no Salesforce field. Choose a Lead field or deactivate the row.`
      )
    );
    return;
  }
  if (entry.group === 'Tracking' && row.direction !== 'AlowareToSalesforce') {
    issues.push(
      issue(
        'TRACKING_DIRECTION_INVALID',
        'error',
        property,
        fieldName,
        `${entry.label} is engagement tracking computed from Aloware: it only flows Aloware → Salesforce. Set the direction to AlowareToSalesforce.`
      )
    );
  } else if (!entry.allowedDirections.includes(row.direction as (typeof entry.allowedDirections)[number])) {
    issues.push(
      issue(
        'DIRECTION_NOT_ALLOWED',
        'error',
        property,
        fieldName,
        `${entry.label} cannot sync ${ARROWS[row.direction]}${entry.directionNote ? ` (${entry.directionNote})` : ''}. Use ${entry.allowedDirections.map((d) => ARROWS[d]).join(' or ')}.`
      )
    );
  }
  const field = describe.resolve(fieldName);
  if (!field) {
    issues.push(
      issue(
        'FIELD_NOT_FOUND',
        'error',
        property,
        fieldName,
        `Lead field ${fieldName} does not exist or is not visible to you. Pick an existing Lead field.`
      )
    );
    return;
  }
  if (entry.alowareType === 'owner') {
    const isOwnerId = field.name.toLowerCase() === 'ownerid';
    const isUserLookup = field.type === 'reference' && (field.referenceTo ?? []).includes('User');
    if (!isOwnerId && !isUserLookup) {
      issues.push(
        issue(
          'OWNER_TARGET_INVALID',
          'error',
          property,
          field.name,
          `${entry.label} must map to OwnerId or a lookup to User; ${field.name} is neither. Choose OwnerId.`
        )
      );
    }
  } else if (!entry.salesforceTypes.includes(field.type) || !isCompatible(entry.alowareType, field.type)) {
    const allowed = entry.salesforceTypes.filter((type) => isCompatible(entry.alowareType, type));
    issues.push(
      issue(
        'TYPE_INCOMPATIBLE',
        'error',
        property,
        field.name,
        `${entry.label} (${entry.alowareType}) cannot be mapped to ${field.name} (${field.type}). Choose a field of type ${(allowed.length ? allowed : compatibleTypes(entry.alowareType)).join(', ')}.`
      )
    );
  } else if (entry.alowareType === 'time' && field.type === 'time') {
    issues.push(
      issue(
        'TIME_FIELD_RECOMMEND_TEXT',
        'warning',
        property,
        field.name,
        `${field.name} is a Time field: Salesforce stores it in UTC, so 08:33:16-07:00 becomes 15:33:16.000Z and the recorded offset is lost. Aloware recommends a Text(40) field, which keeps the time as recorded.`
      )
    );
  }
  if (ACCEPTS_FROM_ALOWARE.has(row.direction) && field.updateable === false) {
    issues.push(
      issue(
        'FIELD_NOT_UPDATEABLE',
        'error',
        property,
        field.name,
        `${field.name} is read-only, so Aloware values cannot be written to it. Choose an editable field or the direction Aloware ← Salesforce.`
      )
    );
  }
  if (SENDS_TO_ALOWARE.has(row.direction) && field.accessible === false) {
    issues.push(
      issue(
        'FIELD_NOT_ACCESSIBLE',
        'error',
        property,
        field.name,
        `${field.name} cannot be read, so it cannot be sent to Aloware. Grant read access or choose the direction Aloware → Salesforce.`
      )
    );
  }
}

/** Validates a proposed mapping set against the catalog and a Lead describe: all problems, in row order. */
export function validateMappings(proposed: readonly FieldMapping[], describe: FieldDescribe): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const row of proposed) validateRow(row, describe, issues);
  for (const locked of lockedProperties()) {
    if (!proposed.some((row) => row.alowareProperty === locked.property)) {
      issues.push(
        issue(
          'LOCKED_ROW_MISSING',
          'error',
          locked.property,
          locked.defaultField,
          `${locked.label} is a locked identifier and cannot be removed. Restore the row mapped to ${locked.defaultField}.`
        )
      );
    }
  }
  const fieldOwners = new Map<string, string>();
  const seenProperties = new Set<string>();
  for (const row of proposed) {
    const fieldName = (row.salesforceField ?? '').trim();
    if (!row.active || !catalogEntry(row.alowareProperty) || fieldName === '') continue;
    if (seenProperties.has(row.alowareProperty)) {
      issues.push(
        issue(
          'PROPERTY_MAPPED_TWICE',
          'error',
          row.alowareProperty,
          fieldName,
          `${row.alowareProperty} already has an active row. Keep one row per Aloware property.`
        )
      );
    }
    seenProperties.add(row.alowareProperty);
    const key = (describe.resolve(fieldName)?.name ?? fieldName).toLowerCase();
    const first = fieldOwners.get(key);
    if (first !== undefined) {
      issues.push(
        issue(
          'FIELD_MAPPED_TWICE',
          'error',
          row.alowareProperty,
          fieldName,
          `${fieldName} is already mapped to '${first}'. A Salesforce field can be mapped at most once: choose another field or deactivate one row.`
        )
      );
    } else {
      fieldOwners.set(key, row.alowareProperty);
    }
  }
  return issues;
}

/** Checks engine settings: a known time zone and a supported default phone country. */
export function validateSettings(settings: EngineSettings): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!isValidTimeZone(settings.accountTimeZone)) {
    issues.push(
      issue(
        'TIME_ZONE_INVALID',
        'error',
        null,
        null,
        `'${settings.accountTimeZone}' is not a known IANA time zone. Use an id such as UTC or America/Los_Angeles.`
      )
    );
  }
  if (!isSupportedPhoneCountry(settings.defaultPhoneCountry)) {
    issues.push(
      issue(
        'PHONE_COUNTRY_UNSUPPORTED',
        'error',
        null,
        null,
        `'${settings.defaultPhoneCountry}' is not a supported default phone country. Use an ISO code such as US, CA or GB.`
      )
    );
  }
  return issues;
}
