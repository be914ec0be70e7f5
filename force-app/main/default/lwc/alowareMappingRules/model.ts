/*
 * The engine's inputs: mapping rows, settings, field describes, Lead values; namespace-safe field names; canonical
 * value text. Mirrors Apex AlowareFieldMapping, AlowareEngineSettings, AlowareFieldDescribe, AlowareFieldNames and
 * AlowareRecordValues.
 */
import type { SalesforceType } from 'c/alowareCatalog';
import { decimalFromNumber, decimalToString } from './decimal';

/** A value as the engine reads and writes it: JSON-compatible (dates, date/times and times as canonical text). */
export type SalesforceValue = string | number | boolean | null;

/** One mapping row (`Aloware_Field_Mapping__mdt`): an Aloware property ↔ a Lead field in a direction. */
export interface FieldMapping {
  readonly alowareProperty: string;
  readonly salesforceField: string;
  /** `Bidirectional` | `AlowareToSalesforce` | `SalesforceToAloware` (anything else is refused by validation). */
  readonly direction: string;
  readonly mappingGroup?: string | null;
  readonly locked?: boolean;
  readonly active: boolean;
  readonly sortOrder?: number | null;
}

/** Account-wide engine settings (the settings store belongs to another layer). */
export interface EngineSettings {
  /** IANA id: naive Aloware timestamps are wall-clock times in this zone. */
  readonly accountTimeZone: string;
  /** ISO 3166 alpha-2 country of national (non-`+`) phone numbers. */
  readonly defaultPhoneCountry: string;
  /** When false (default), a DNC flag set on either side is never cleared by the sync. */
  readonly allowDncClearing: boolean;
  /** Instant whose zone offset applies to naive times of day (ISO 8601); null means now. */
  readonly referenceTime?: string | null;
}

export const DEFAULT_SETTINGS: EngineSettings = {
  accountTimeZone: 'UTC',
  defaultPhoneCountry: 'US',
  allowDncClearing: false,
  referenceTime: null
};

export const SENDS_TO_ALOWARE: ReadonlySet<string> = new Set(['Bidirectional', 'SalesforceToAloware']);
export const ACCEPTS_FROM_ALOWARE: ReadonlySet<string> = new Set(['Bidirectional', 'AlowareToSalesforce']);

/** Describe of one Salesforce field. */
export interface FieldInfo {
  /** API name as the org knows it (with the namespace prefix when the org has one). */
  readonly name: string;
  readonly type: SalesforceType;
  readonly length?: number | null;
  readonly precision?: number | null;
  readonly scale?: number | null;
  /** Active picklist values (API names), in describe order. */
  readonly picklistValues?: readonly string[] | null;
  readonly restricted?: boolean | null;
  readonly updateable?: boolean | null;
  readonly accessible?: boolean | null;
  /** Object names a lookup points to (`User`, `Group`). */
  readonly referenceTo?: readonly string[] | null;
}

/** The JSON form of a describe (conformance vectors, the panel's Apex controller). */
export interface DescribeJson {
  readonly namespacePrefix?: string | null;
  readonly fields: Readonly<Record<string, Omit<FieldInfo, 'name'>>>;
}

const NAMESPACED = /^([a-z0-9]+(?:_[a-z0-9]+)*)__(.+__c)$/i;

/**
 * Names to try for a field, in order: as written; with the namespace prefix; without any namespace prefix.
 * Lets one mapping row (`Aloware_DNC__c`) work in the packaging org, a scratch org and a subscriber org (`ns__...`).
 */
export function fieldNameCandidates(name: string, namespacePrefix: string | null | undefined): string[] {
  const candidates = [name];
  const ns = (namespacePrefix ?? '').trim();
  const stripped = NAMESPACED.exec(name);
  if (ns && !stripped && /__c$/i.test(name)) candidates.push(`${ns}__${name}`);
  if (stripped) candidates.push(stripped[2]);
  return candidates;
}

/** Field describes by name, with namespace-safe, case-insensitive resolution. */
export class FieldDescribe {
  readonly namespacePrefix: string;
  private readonly byLowerName = new Map<string, FieldInfo>();

  constructor(fields: readonly FieldInfo[], namespacePrefix: string | null = '') {
    this.namespacePrefix = namespacePrefix ?? '';
    for (const field of fields) this.byLowerName.set(field.name.toLowerCase(), field);
  }

  static fromJson(json: DescribeJson): FieldDescribe {
    const fields = Object.entries(json.fields).map(([name, info]): FieldInfo => ({ ...info, name }));
    return new FieldDescribe(fields, json.namespacePrefix ?? '');
  }

  /** The field a mapping's field name refers to, or undefined. */
  resolve(name: string): FieldInfo | undefined {
    for (const candidate of fieldNameCandidates(name, this.namespacePrefix)) {
      const found = this.byLowerName.get(candidate.toLowerCase());
      if (found) return found;
    }
    return undefined;
  }
}

/** A Lead's values by field name (from an SObject, a JSON record or the panel), read namespace-safely. */
export class RecordValues {
  private readonly byLowerName = new Map<string, unknown>();

  constructor(
    values: Readonly<Record<string, unknown>>,
    readonly namespacePrefix: string | null = ''
  ) {
    for (const key of Object.keys(values)) this.byLowerName.set(key.toLowerCase(), values[key]);
  }

  /** The value of a field (undefined when the record has no such field). */
  get(name: string): unknown {
    for (const candidate of fieldNameCandidates(name, this.namespacePrefix)) {
      const key = candidate.toLowerCase();
      if (this.byLowerName.has(key)) return this.byLowerName.get(key);
    }
    return undefined;
  }

  /** A copy with `changes` applied (keys as the inbound mapper returns them). */
  withChanges(changes: Readonly<Record<string, unknown>>): RecordValues {
    const merged: Record<string, unknown> = {};
    for (const [key, value] of this.byLowerName) merged[key] = value;
    for (const key of Object.keys(changes)) {
      const existing = fieldNameCandidates(key, this.namespacePrefix).find((c) =>
        this.byLowerName.has(c.toLowerCase())
      );
      merged[(existing ?? key).toLowerCase()] = changes[key];
    }
    return new RecordValues(merged, this.namespacePrefix);
  }
}

/** Null, undefined, an empty string or only whitespace. */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/**
 * Canonical text of a scalar: strings as they are, numbers without exponent or trailing zeros, booleans
 * `true`/`false`; null for blank. (Apex adds Date, Datetime, Time and Id, which JSON carries as canonical text.)
 */
export function canonicalText(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    const decimal = decimalFromNumber(value);
    return decimal ? decimalToString(decimal) : null;
  }
  return null;
}

const ID_SUFFIX_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 18-character form of a 15- or 18-character Salesforce id (others are returned unchanged). */
export function toId18(id: string): string {
  if (!/^[a-zA-Z0-9]{15}$/.test(id)) return id;
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let index = 0; index < 5; index++) {
      const char = id.charAt(chunk * 5 + index);
      if (char >= 'A' && char <= 'Z') bits |= 1 << index;
    }
    suffix += ID_SUFFIX_CHARS.charAt(bits);
  }
  return id + suffix;
}

/** A queue (Group) owner: key prefix `00G` (Apex: `OwnerId.getSObjectType() == Group.SObjectType`). */
export function isQueueId(id: string): boolean {
  return id.startsWith('00G');
}
