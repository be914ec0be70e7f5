/*
 * The Aloware Lead property catalog (catalog/aloware-lead-catalog.json): its types, the shared vocabulary, and a
 * loader that refuses a malformed catalog with one clear message per problem.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DIRECTIONS = ['Bidirectional', 'AlowareToSalesforce', 'SalesforceToAloware'] as const;
export const MAPPING_GROUPS = ['Locked', 'Special', 'Open', 'Additional', 'Tracking'] as const;
export const ALOWARE_TYPES = [
  'phone',
  'email',
  'text',
  'owner',
  'boolean',
  'number',
  'date',
  'datetime',
  'time',
  'url',
  'id'
] as const;
export const SALESFORCE_TYPES = [
  'string',
  'textarea',
  'phone',
  'email',
  'picklist',
  'multipicklist',
  'boolean',
  'double',
  'integer',
  'long',
  'currency',
  'percent',
  'date',
  'datetime',
  'time',
  'url',
  'reference',
  'id'
] as const;
/** Metadata API `<type>` values the catalog may create. */
export const CUSTOM_FIELD_TYPES = [
  'Text',
  'LongTextArea',
  'Phone',
  'Email',
  'Checkbox',
  'Number',
  'Date',
  'DateTime',
  'Url'
] as const;

export type Direction = (typeof DIRECTIONS)[number];
export type MappingGroup = (typeof MAPPING_GROUPS)[number];
export type AlowareType = (typeof ALOWARE_TYPES)[number];
export type SalesforceType = (typeof SALESFORCE_TYPES)[number];
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export interface CustomFieldSpec {
  label: string;
  type: CustomFieldType;
  length: number | null;
  precision: number | null;
  scale: number | null;
  visibleLines: number | null;
  externalId: boolean;
  unique: boolean;
  defaultValue: string | null;
  description: string;
  inlineHelpText: string;
}

export interface CatalogProperty {
  property: string;
  label: string;
  group: MappingGroup;
  alowareType: AlowareType;
  payloadKey: string | null;
  payloadKeyConfirmed: boolean;
  inboundKey: string | null;
  defaultField: string;
  defaultDirection: Direction;
  allowedDirections: Direction[];
  salesforceTypes: SalesforceType[];
  directionNote: string | null;
  repEditable: boolean;
  customField: CustomFieldSpec | null;
}

export interface Catalog {
  version: number;
  object: string;
  properties: CatalogProperty[];
}

export const CATALOG_PATH = join('catalog', 'aloware-lead-catalog.json');

/** The Salesforce (`Schema.DisplayType`, lower case) type of each custom field type. */
export const DISPLAY_TYPE_OF: Record<CustomFieldType, SalesforceType> = {
  Text: 'string',
  LongTextArea: 'textarea',
  Phone: 'phone',
  Email: 'email',
  Checkbox: 'boolean',
  Number: 'double',
  Date: 'date',
  DateTime: 'datetime',
  Url: 'url'
};

/** Display types of the standard Lead fields the catalog maps by default (Fax is a phone field for Schema). */
export const STANDARD_LEAD_FIELD_TYPES: Record<string, SalesforceType> = {
  Phone: 'phone',
  Email: 'email',
  OwnerId: 'reference',
  FirstName: 'string',
  LastName: 'string',
  Company: 'string',
  LeadSource: 'picklist',
  City: 'string',
  State: 'string',
  Country: 'string',
  PostalCode: 'string',
  Website: 'url',
  MobilePhone: 'phone',
  Fax: 'phone'
};

const PROPERTY_KEYS = [
  'property',
  'label',
  'group',
  'alowareType',
  'payloadKey',
  'payloadKeyConfirmed',
  'inboundKey',
  'defaultField',
  'defaultDirection',
  'allowedDirections',
  'salesforceTypes',
  'directionNote',
  'repEditable',
  'customField'
] as const;
const CUSTOM_FIELD_KEYS = [
  'label',
  'type',
  'length',
  'precision',
  'scale',
  'visibleLines',
  'externalId',
  'unique',
  'defaultValue',
  'description',
  'inlineHelpText'
] as const;

/** Developer name of the default mapping record of a property (`Aloware_Field_Mapping.<this>`). */
export function recordDeveloperName(object: string, property: string): string {
  return `${object}_${property}`;
}

/** Sort order of the default record of the property at `index`: 10, 20, 30, ... leaves room for admins' rows. */
export function sortOrderOf(index: number): number {
  return (index + 1) * 10;
}

/** A valid Salesforce developer name: letter first, letters/digits/underscores, no `__`, no trailing `_`, <= 40. */
export function isValidDeveloperName(name: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_]*$/.test(name) && !name.includes('__') && !name.endsWith('_') && name.length <= 40;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

function validateCustomField(where: string, spec: unknown, errors: string[]): void {
  if (!isObject(spec)) {
    errors.push(`${where}: customField must be an object or null`);
    return;
  }
  for (const key of CUSTOM_FIELD_KEYS) {
    if (!(key in spec)) errors.push(`${where}: customField.${key} is missing`);
  }
  for (const key of Object.keys(spec)) {
    if (!(CUSTOM_FIELD_KEYS as readonly string[]).includes(key))
      errors.push(`${where}: unknown key customField.${key}`);
  }
  const { label, type, length, precision, scale, visibleLines, externalId, unique, defaultValue } = spec;
  if (typeof label !== 'string' || label.length === 0 || label.length > 40) {
    errors.push(`${where}: customField.label must be 1-40 characters`);
  }
  if (!oneOf(CUSTOM_FIELD_TYPES, type)) {
    errors.push(`${where}: customField.type "${String(type)}" is not one of ${CUSTOM_FIELD_TYPES.join(', ')}`);
    return;
  }
  for (const key of ['description', 'inlineHelpText'] as const) {
    const text = spec[key];
    const max = key === 'description' ? 1000 : 510;
    if (typeof text !== 'string' || text.trim().length === 0 || text.length > max) {
      errors.push(`${where}: customField.${key} must be non-empty text of at most ${max} characters`);
    } else if (/[<>&"]/.test(text) || text !== text.trim() || /\s{2,}/.test(text)) {
      errors.push(`${where}: customField.${key} must not contain <, >, &, double quotes or runs of spaces`);
    }
  }
  const needs = (key: string, ok: boolean, what: string): void => {
    if (!ok) errors.push(`${where}: customField.${key} ${what} for type ${type}`);
  };
  const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
  needs('length', type === 'Text' ? isInt(length) && length >= 1 && length <= 255 : true, 'must be 1-255');
  needs(
    'length',
    type === 'LongTextArea' ? isInt(length) && length >= 256 && length <= 131072 : true,
    'must be 256-131072'
  );
  needs('length', type === 'Text' || type === 'LongTextArea' || length === null, 'must be null');
  needs(
    'visibleLines',
    type === 'LongTextArea' ? isInt(visibleLines) && visibleLines >= 2 : visibleLines === null,
    'is wrong'
  );
  needs(
    'precision',
    type === 'Number' ? isInt(precision) && precision >= 1 && precision <= 18 : precision === null,
    'is wrong'
  );
  needs(
    'scale',
    type === 'Number' ? isInt(scale) && isInt(precision) && scale >= 0 && scale <= precision : scale === null,
    'is wrong'
  );
  needs(
    'defaultValue',
    type === 'Checkbox' ? defaultValue === 'false' || defaultValue === 'true' : defaultValue === null,
    'is wrong'
  );
  const keyable = type === 'Text' || type === 'Number' || type === 'Email';
  needs(
    'externalId',
    typeof externalId === 'boolean' && (keyable || externalId === false),
    'must be a boolean, true only'
  );
  needs('unique', typeof unique === 'boolean' && (keyable || unique === false), 'must be a boolean, true only');
}

function validateProperty(object: string, index: number, entry: unknown, errors: string[]): void {
  if (!isObject(entry)) {
    errors.push(`properties[${index}] must be an object`);
    return;
  }
  const where = `property "${typeof entry.property === 'string' ? entry.property : `#${index}`}"`;
  for (const key of PROPERTY_KEYS) {
    if (!(key in entry)) errors.push(`${where}: ${key} is missing`);
  }
  for (const key of Object.keys(entry)) {
    if (!(PROPERTY_KEYS as readonly string[]).includes(key)) errors.push(`${where}: unknown key ${key}`);
  }
  const p = entry as unknown as CatalogProperty;
  if (typeof p.property !== 'string' || !/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(p.property)) {
    errors.push(`${where}: property must be snake_case (lower-case letters, digits, single underscores)`);
  } else if (!isValidDeveloperName(recordDeveloperName(object, p.property))) {
    errors.push(`${where}: ${recordDeveloperName(object, p.property)} is not a valid developer name (max 40)`);
  }
  if (typeof p.label !== 'string' || p.label.length === 0 || p.label.length > 40) {
    errors.push(`${where}: label must be 1-40 characters`);
  }
  if (!oneOf(MAPPING_GROUPS, p.group)) errors.push(`${where}: group "${String(p.group)}" is unknown`);
  if (!oneOf(ALOWARE_TYPES, p.alowareType)) errors.push(`${where}: alowareType "${String(p.alowareType)}" is unknown`);
  if (p.payloadKey !== null && (typeof p.payloadKey !== 'string' || p.payloadKey.length === 0)) {
    errors.push(`${where}: payloadKey must be a non-empty string or null`);
  }
  if (typeof p.payloadKeyConfirmed !== 'boolean') errors.push(`${where}: payloadKeyConfirmed must be a boolean`);
  if (p.payloadKey === null && p.payloadKeyConfirmed === false) {
    errors.push(`${where}: payloadKeyConfirmed is false but there is no payloadKey`);
  }
  if (p.inboundKey !== null && (typeof p.inboundKey !== 'string' || p.inboundKey.length === 0)) {
    errors.push(`${where}: inboundKey must be a non-empty string or null`);
  }
  if (typeof p.defaultField !== 'string' || !/^[A-Za-z][A-Za-z0-9_]*$/.test(p.defaultField)) {
    errors.push(`${where}: defaultField must be a field API name`);
  }
  if (!oneOf(DIRECTIONS, p.defaultDirection)) {
    errors.push(`${where}: defaultDirection "${String(p.defaultDirection)}" is unknown`);
  }
  const allowed = Array.isArray(p.allowedDirections) ? p.allowedDirections : [];
  if (allowed.length === 0 || !allowed.every((d) => oneOf(DIRECTIONS, d)) || new Set(allowed).size !== allowed.length) {
    errors.push(`${where}: allowedDirections must be a non-empty list of distinct directions`);
  } else if (!allowed.includes(p.defaultDirection)) {
    errors.push(`${where}: defaultDirection ${p.defaultDirection} is not in allowedDirections`);
  }
  const sfTypes = Array.isArray(p.salesforceTypes) ? p.salesforceTypes : [];
  if (sfTypes.length === 0 || !sfTypes.every((t) => oneOf(SALESFORCE_TYPES, t))) {
    errors.push(`${where}: salesforceTypes must be a non-empty list of Schema.DisplayType names`);
  }
  if (p.directionNote !== null && typeof p.directionNote !== 'string') {
    errors.push(`${where}: directionNote must be a string or null`);
  }
  if (typeof p.repEditable !== 'boolean') errors.push(`${where}: repEditable must be a boolean`);

  // The rules of the groups.
  const onlyInbound = allowed.length === 1 && allowed[0] === 'AlowareToSalesforce';
  if (p.group === 'Locked' && !(allowed.length === 1 && allowed[0] === 'Bidirectional')) {
    errors.push(`${where}: a Locked row allows Bidirectional only`);
  }
  if (p.group === 'Tracking') {
    if (!onlyInbound) errors.push(`${where}: a Tracking row allows AlowareToSalesforce only`);
    if (p.payloadKey !== null) errors.push(`${where}: a Tracking row has no payloadKey (it is never sent)`);
  }
  if (p.payloadKey === null && allowed.some((d) => d !== 'AlowareToSalesforce')) {
    errors.push(`${where}: without a payloadKey the row cannot send to Aloware: allow AlowareToSalesforce only`);
  }
  // Without an inboundKey the value is never read from Aloware data: either the row only sends, or the package
  // computes the value itself (contact link, engagement tracking) and the row is AlowareToSalesforce only, never sent.
  if (
    p.inboundKey === null &&
    allowed.some((d) => d !== 'SalesforceToAloware') &&
    !(onlyInbound && p.payloadKey === null)
  ) {
    errors.push(
      `${where}: without an inboundKey the row cannot receive from Aloware: allow SalesforceToAloware only, or AlowareToSalesforce only with no payloadKey (a value the package computes)`
    );
  }
  if (allowed.length < DIRECTIONS.length && (typeof p.directionNote !== 'string' || p.directionNote.length === 0)) {
    errors.push(`${where}: restricted directions need a directionNote explaining why`);
  }

  // The default field: custom fields are described by the catalog, standard fields by the known Lead types.
  if (typeof p.defaultField === 'string') {
    const custom = p.defaultField.endsWith('__c');
    if (custom && p.customField === null) errors.push(`${where}: ${p.defaultField} is custom: customField is required`);
    if (!custom && p.customField !== null)
      errors.push(`${where}: ${p.defaultField} is standard: customField must be null`);
    if (p.customField !== null) validateCustomField(where, p.customField, errors);
    const displayType =
      p.customField !== null && oneOf(CUSTOM_FIELD_TYPES, p.customField?.type)
        ? DISPLAY_TYPE_OF[p.customField.type]
        : STANDARD_LEAD_FIELD_TYPES[p.defaultField];
    if (!custom && displayType === undefined) {
      errors.push(`${where}: standard field ${p.defaultField} is not in STANDARD_LEAD_FIELD_TYPES (add its type)`);
    } else if (displayType !== undefined && !sfTypes.includes(displayType)) {
      errors.push(`${where}: ${p.defaultField} is a ${displayType} field, not in salesforceTypes`);
    }
  }
}

/** Every problem of a parsed catalog (empty when it is valid). */
export function validateCatalog(data: unknown): string[] {
  const errors: string[] = [];
  if (!isObject(data)) return ['the catalog must be a JSON object'];
  if (data.version !== 1) errors.push('version must be 1');
  if (data.object !== 'Lead') errors.push('object must be "Lead" (the only object this package maps)');
  if (!Array.isArray(data.properties) || data.properties.length === 0) {
    errors.push('properties must be a non-empty list');
    return errors;
  }
  const object = String(data.object);
  data.properties.forEach((entry, index) => validateProperty(object, index, entry, errors));
  const seen = new Map<string, string>();
  const seenFields = new Map<string, string>();
  for (const entry of data.properties) {
    if (!isObject(entry)) continue;
    const property = String(entry.property);
    if (seen.has(property.toLowerCase())) errors.push(`property "${property}" appears twice`);
    seen.set(property.toLowerCase(), property);
    const field = String(entry.defaultField);
    const other = seenFields.get(field.toLowerCase());
    if (other !== undefined) errors.push(`${field} is the default field of both "${other}" and "${property}"`);
    seenFields.set(field.toLowerCase(), property);
  }
  return errors;
}

/** Parses and validates catalog JSON text; throws one error listing every problem. */
export function parseCatalog(text: string, source = CATALOG_PATH): Catalog {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source}: not valid JSON: ${(error as Error).message}`);
  }
  const errors = validateCatalog(data);
  if (errors.length > 0) throw new Error(`${source} is invalid:\n  - ${errors.join('\n  - ')}`);
  return data as Catalog;
}

/** Loads the catalog of the project at `root`. */
export function loadCatalog(root: string): Catalog {
  return parseCatalog(readFileSync(join(root, CATALOG_PATH), 'utf8'));
}
