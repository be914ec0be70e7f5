/*
 * Replays every conformance vector (staticresources/AlowareMappingVectors.json) against the TypeScript rules.
 * AlowareMappingVectorsTest replays the same file against the Apex engine in an org.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import {
  DescribeJson,
  EngineSettings,
  FieldDescribe,
  FieldInfo,
  FieldIssue,
  FieldMapping,
  OwnerDirectory,
  OwnerDirectoryJson,
  RecordValues,
  applyInboundValues,
  buildOutbound,
  canonicalText,
  defaultMappings,
  fingerprintCanonical,
  fingerprintOf,
  sha256Hex,
  toAloware,
  toSalesforce,
  validateMappings,
  validateSettings
} from 'c/alowareMappingRules';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface VectorFile {
  version: number;
  defaults: { settings: EngineSettings };
  describes: Record<string, DescribeJson>;
  owners: Record<string, OwnerDirectoryJson>;
  cases: JsonObject[];
}

const VECTORS_PATH = join(__dirname, '..', '..', '..', 'staticresources', 'AlowareMappingVectors.json');
const vectors = JSON.parse(readFileSync(VECTORS_PATH, 'utf8')) as VectorFile;

interface MappingPatch {
  from: 'defaults';
  replace?: Record<string, Partial<FieldMapping>>;
  add?: FieldMapping[];
  remove?: string[];
}

/** Mapping expressions: "defaults", a list of rows, or a patch of the defaults. */
function mappingsOf(expression: Json | undefined): FieldMapping[] {
  if (expression === undefined || expression === 'defaults') return defaultMappings();
  if (Array.isArray(expression)) return expression as unknown as FieldMapping[];
  const patch = expression as unknown as MappingPatch;
  const rows = defaultMappings()
    .filter((row) => !(patch.remove ?? []).includes(row.alowareProperty))
    .map((row) => ({ ...row, ...(patch.replace?.[row.alowareProperty] ?? {}) }));
  return [...rows, ...(patch.add ?? [])];
}

function settingsOf(testCase: JsonObject): EngineSettings {
  return { ...vectors.defaults.settings, ...((testCase.settings ?? {}) as Partial<EngineSettings>) };
}

function describeOf(testCase: JsonObject): FieldDescribe {
  return FieldDescribe.fromJson(vectors.describes[String(testCase.describe ?? 'lead')]);
}

function ownersOf(testCase: JsonObject): OwnerDirectory {
  return OwnerDirectory.fromJson(testCase.owners ? vectors.owners[String(testCase.owners)] : null);
}

/** Issues as sorted `CODE:property` strings (the vectors' comparison form). */
function issueKeys(issues: readonly FieldIssue[]): string[] {
  return issues.map((item) => `${item.code}:${item.property ?? ''}`).sort();
}

function sortedStrings(values: Json | undefined): string[] {
  return [...((values ?? []) as string[])].sort();
}

/** Canonical comparison form of values: numbers by decimal text, structures recursively. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object' && value !== null) {
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) result[key] = canonical((value as Record<string, unknown>)[key]);
    return result;
  }
  return value === null || value === undefined ? null : `${typeof value}:${canonicalText(value)}`;
}

function replayConversion(testCase: JsonObject): void {
  const settings = settingsOf(testCase);
  const expected = testCase.expected as JsonObject;
  const result =
    testCase.kind === 'toSalesforce'
      ? toSalesforce(testCase.value, String(testCase.alowareType), testCase.field as unknown as FieldInfo, settings)
      : toAloware(testCase.value, String(testCase.alowareType), settings);
  if (expected.error !== undefined) {
    expect(result.error?.code ?? null).toBe(expected.error);
    expect(result.value).toBeNull();
  } else if (expected.blank === true) {
    expect(result.blank).toBe(true);
    expect(result.error).toBeNull();
  } else {
    expect(result.error).toBeNull();
    expect(canonical(result.value)).toEqual(canonical(expected.value));
  }
  expect(result.warnings.map((note) => note.code).sort()).toEqual(sortedStrings(expected.warnings));
}

function replayOutbound(testCase: JsonObject): void {
  const expected = testCase.expected as JsonObject;
  const record = new RecordValues(testCase.record as JsonObject, String(testCase.namespacePrefix ?? ''));
  const mappings = mappingsOf(testCase.mappings);
  const result = buildOutbound(record, mappings, ownersOf(testCase), settingsOf(testCase));
  expect(result.skipped).toBe(expected.skipped);
  expect(result.skipReason).toBe(expected.skipReason ?? null);
  if (result.skipped) expect(result.skipMessage).toEqual(expect.stringContaining('phone'));
  expect(canonical(result.payload)).toEqual(canonical(expected.payload));
  expect('api_token' in result.payload).toBe(false);
  expect(issueKeys(result.warnings)).toEqual(sortedStrings(expected.warnings));
  expect(result.fingerprint).toBe(fingerprintOf(record, mappings));
}

function replayInbound(testCase: JsonObject): void {
  const expected = testCase.expected as JsonObject;
  const describe = describeOf(testCase);
  const record = new RecordValues(testCase.record as JsonObject, describe.namespacePrefix);
  const mappings = mappingsOf(testCase.mappings);
  const result = applyInboundValues(
    testCase.alowareValues as JsonObject,
    record,
    mappings,
    describe,
    ownersOf(testCase),
    settingsOf(testCase)
  );
  expect(canonical(result.changes)).toEqual(canonical(expected.changes));
  if (testCase.kind === 'echo') {
    const after = new RecordValues(
      expected.fingerprintAfterEqualsFingerprintOf as JsonObject,
      describe.namespacePrefix
    );
    expect(result.fingerprintAfter).toBe(fingerprintOf(after, mappings));
    expect(result.fingerprintAfter).not.toBe(fingerprintOf(record, mappings));
    return;
  }
  expect(issueKeys(result.errors)).toEqual(sortedStrings(expected.errors));
  expect(issueKeys(result.warnings)).toEqual(sortedStrings(expected.warnings));
  expect(result.errors.every((item) => item.severity === 'error' && item.message.length > 20)).toBe(true);
}

function replayFingerprint(testCase: JsonObject): void {
  const expected = testCase.expected as JsonObject;
  if (testCase.kind === 'fingerprintCanonical') {
    const record = new RecordValues(testCase.record as JsonObject);
    const mappings = mappingsOf(testCase.mappings);
    expect(fingerprintCanonical(record, mappings)).toBe(expected.canonical);
    expect(fingerprintOf(record, mappings)).toBe(expected.sha256);
    return;
  }
  const side = (key: 'a' | 'b'): string => {
    const spec = testCase[key] as JsonObject;
    return fingerprintOf(new RecordValues(spec.record as JsonObject), mappingsOf(spec.mappings));
  };
  expect(side('a') === side('b')).toBe(expected.equal);
}

function replay(testCase: JsonObject): void {
  const expected = testCase.expected as JsonObject;
  switch (testCase.kind) {
    case 'toSalesforce':
    case 'toAloware':
      replayConversion(testCase);
      return;
    case 'outbound':
      replayOutbound(testCase);
      return;
    case 'inbound':
    case 'echo':
      replayInbound(testCase);
      return;
    case 'fingerprint':
    case 'fingerprintCanonical':
      replayFingerprint(testCase);
      return;
    case 'validate':
      expect(issueKeys(validateMappings(mappingsOf(testCase.mappings), describeOf(testCase)))).toEqual(
        sortedStrings(expected.issues)
      );
      return;
    case 'settings':
      expect(validateSettings(settingsOf(testCase)).map((item) => item.code)).toEqual(expected.issues);
      return;
    case 'sha256':
      expect(sha256Hex(String(testCase.text))).toBe(expected.sha256);
      return;
    default:
      throw new Error(`Unknown vector kind ${String(testCase.kind)} in ${String(testCase.id)}`);
  }
}

describe('AlowareMappingVectors (TypeScript replay)', () => {
  it('has at least 60 uniquely named cases of every kind', () => {
    expect(vectors.version).toBe(1);
    expect(vectors.cases.length).toBeGreaterThanOrEqual(60);
    const ids = vectors.cases.map((testCase) => testCase.id);
    expect(new Set(ids).size).toBe(ids.length);
    const kinds = new Set(vectors.cases.map((testCase) => testCase.kind));
    for (const kind of [
      'toSalesforce',
      'toAloware',
      'outbound',
      'inbound',
      'echo',
      'fingerprint',
      'fingerprintCanonical',
      'validate',
      'settings',
      'sha256'
    ]) {
      expect(kinds).toContain(kind);
    }
  });

  it('covers every Salesforce type named in the issue and every direction', () => {
    const types = new Set(
      vectors.cases.filter((c) => c.kind === 'toSalesforce').map((c) => String((c.field as JsonObject).type))
    );
    for (const type of [
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
      'reference'
    ]) {
      expect(types).toContain(type);
    }
    const text = JSON.stringify(vectors.cases);
    for (const direction of ['AlowareToSalesforce', 'SalesforceToAloware', 'Bidirectional', 'Sideways']) {
      expect(text).toContain(direction);
    }
  });

  it.each(vectors.cases.map((testCase): [string, JsonObject] => [String(testCase.id), testCase]))(
    '%s',
    (_id, testCase) => {
      expect.hasAssertions();
      replay(testCase);
    }
  );
});
