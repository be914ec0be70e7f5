/*
 * Aloware mapping rules (LWC service module `c/alowareMappingRules`): value conversion, mapping validation,
 * fingerprints and the outbound payload preview. The same rules as the Apex engine
 * (force-app/main/default/classes/engine/), pinned by the shared conformance vectors
 * (staticresources/AlowareMappingVectors.json). Rules: docs/mapping-engine.md.
 */
import { FieldIssue } from './codes';
import { InboundChanges, applyInbound as applyInboundValues } from './inbound';
import { DEFAULT_SETTINGS, EngineSettings, FieldDescribe, FieldMapping, RecordValues } from './model';
import { OutboundPayload, buildOutbound } from './outbound';
import { OwnerDirectory } from './owners';
import { fingerprintCanonical, fingerprintOf } from './fingerprint';

export { ISSUE_CODES, issue } from './codes';
export type { FieldIssue, IssueCode, Severity } from './codes';
export {
  COMPATIBILITY,
  compatibleTypes,
  isCompatible,
  isValidEmail,
  isValidUrl,
  parseBoolean,
  toAloware,
  toSalesforce
} from './convert';
export type { AlowareValue, Conversion, ConversionNote } from './convert';
export { PHONE_COUNTRIES, isSupportedPhoneCountry, normalizePhone } from './phone';
export type { PhoneResult } from './phone';
export { isValidTimeZone } from './dates';
export { sha256Hex } from './sha256';
export {
  ACCEPTS_FROM_ALOWARE,
  DEFAULT_SETTINGS,
  FieldDescribe,
  RecordValues,
  SENDS_TO_ALOWARE,
  canonicalText,
  fieldNameCandidates,
  isQueueId,
  toId18
} from './model';
export type { DescribeJson, EngineSettings, FieldInfo, FieldMapping, SalesforceValue } from './model';
export { OwnerDirectory } from './owners';
export type { OwnerDirectoryJson, OwnerMatch, OwnerMatchStatus } from './owners';
export {
  DNC_PROPERTY,
  PHONE_PROPERTY,
  activeSorted,
  catalogEntry,
  defaultMappings,
  lockedProperties
} from './catalogIndex';
export { FINGERPRINT_VERSION, fingerprintCanonical, fingerprintOf, outboundMappings } from './fingerprint';
export { buildOutbound } from './outbound';
export type { OutboundPayload } from './outbound';
export { applyInbound as applyInboundValues, lookupAlowareValue } from './inbound';
export type { InboundChanges } from './inbound';
export { validateMappings, validateSettings } from './validate';

/** A Lead as plain values by field API name (a wire adapter's record, a JSON fixture). */
export type LeadValues = Readonly<Record<string, unknown>>;

/** Settings with defaults filled in (account time zone UTC, phone country US, no DNC clearing). */
export function engineSettings(overrides: Partial<EngineSettings> = {}): EngineSettings {
  return { ...DEFAULT_SETTINGS, ...overrides };
}

/** The forms payload the engine would send for a Lead (the panel's preview). */
export function previewPayload(
  lead: LeadValues,
  mappings: readonly FieldMapping[],
  owners: OwnerDirectory = new OwnerDirectory(),
  settings: Partial<EngineSettings> = {},
  namespacePrefix = ''
): OutboundPayload {
  return buildOutbound(new RecordValues(lead, namespacePrefix), mappings, owners, engineSettings(settings));
}

/** The echo-suppression fingerprint of a Lead's outbound-mapped values. */
export function fingerprint(lead: LeadValues, mappings: readonly FieldMapping[], namespacePrefix = ''): string {
  return fingerprintOf(new RecordValues(lead, namespacePrefix), mappings);
}

/** The canonical text behind `fingerprint` (diagnostics). */
export function fingerprintText(lead: LeadValues, mappings: readonly FieldMapping[], namespacePrefix = ''): string {
  return fingerprintCanonical(new RecordValues(lead, namespacePrefix), mappings);
}

/** The Lead changes Aloware values would cause (the panel's inbound preview). */
export function previewInbound(
  alowareValues: LeadValues,
  lead: LeadValues,
  mappings: readonly FieldMapping[],
  describe: FieldDescribe,
  owners: OwnerDirectory = new OwnerDirectory(),
  settings: Partial<EngineSettings> = {}
): InboundChanges {
  return applyInboundValues(
    alowareValues,
    new RecordValues(lead, describe.namespacePrefix),
    mappings,
    describe,
    owners,
    engineSettings(settings)
  );
}

/** Only the refusals (severity `error`) of a list of issues: a mapping set saves when this is empty. */
export function blockingIssues(issues: readonly FieldIssue[]): FieldIssue[] {
  return issues.filter((item) => item.severity === 'error');
}
