/*
 * Stable issue codes shared by the Apex engine (AlowareMappingCodes) and this module. The conformance vectors
 * compare codes, never message text. A jest drift test checks that AlowareMappingCodes.cls declares the same list.
 */

/** Every issue code the engine can produce (refusals, warnings, skip reasons, validation findings). */
export const ISSUE_CODES = [
  // value conversion (inbound refusals; outbound omissions reported as warnings)
  'TEXT_TOO_LONG',
  'TEXT_TRUNCATED',
  'PHONE_INVALID',
  'PHONE_COUNTRY_UNSUPPORTED',
  'PHONE_EXTENSION_DROPPED',
  'EMAIL_INVALID',
  'URL_INVALID',
  'PICKLIST_VALUE_INACTIVE',
  'BOOLEAN_INVALID',
  'NUMBER_INVALID',
  'NUMBER_TOO_LARGE',
  'NUMBER_ROUNDED',
  'DATE_INVALID',
  'DATETIME_INVALID',
  'TIME_INVALID',
  'TIME_ZONE_INVALID',
  'VALUE_UNSUPPORTED',
  'REFERENCE_NOT_SUPPORTED',
  // owner and DNC rules
  'OWNER_NOT_FOUND',
  'OWNER_INACTIVE',
  'OWNER_AMBIGUOUS',
  'OWNER_IS_QUEUE',
  'OWNER_NOT_IN_ALOWARE',
  'DNC_CLEAR_BLOCKED',
  // outbound skip reasons
  'PHONE_MISSING',
  // mapping and field problems (validation and runtime)
  'PROPERTY_UNKNOWN',
  'FIELD_REQUIRED',
  'FIELD_NOT_FOUND',
  'FIELD_NOT_UPDATEABLE',
  'FIELD_NOT_ACCESSIBLE',
  'FIELD_MAPPED_TWICE',
  'PROPERTY_MAPPED_TWICE',
  'LOCKED_ROW_CHANGED',
  'LOCKED_ROW_MISSING',
  'TRACKING_DIRECTION_INVALID',
  'DIRECTION_NOT_ALLOWED',
  'DIRECTION_INVALID',
  'TYPE_INCOMPATIBLE',
  'OWNER_TARGET_INVALID',
  'TIME_FIELD_RECOMMEND_TEXT'
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];
export type Severity = 'error' | 'warning';

/** One problem with one field or mapping row: a refusal (`error`) or a note (`warning`). */
export interface FieldIssue {
  readonly code: IssueCode;
  readonly severity: Severity;
  /** Aloware property id, when known. */
  readonly property: string | null;
  /** Salesforce field API name, when known. */
  readonly field: string | null;
  /** What happened and how to fix it. */
  readonly message: string;
}

export function issue(
  code: IssueCode,
  severity: Severity,
  property: string | null,
  field: string | null,
  message: string
): FieldIssue {
  return { code, severity, property, field, message };
}
