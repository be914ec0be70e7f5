/*
 * Value conversion by Salesforce field type (Aloware → Salesforce) and by Aloware value kind (Salesforce → Aloware).
 * Mirrors Apex AlowareValueConverter. Policy summary (docs/mapping-engine.md has the full rules):
 * - free text (Aloware kind `text`) longer than the field is truncated with TEXT_TRUNCATED; every other kind
 *   (identifiers, ids, phones, emails, URLs, numbers and dates as text) is refused with TEXT_TOO_LONG;
 * - numbers are rounded half-up to the field's scale (NUMBER_ROUNDED) and refused when the integer part does not fit;
 * - naive date/times are wall-clock times in the account time zone; Time fields receive UTC (`15:33:16.000Z`),
 *   text fields keep Aloware's text (`08:33:16-07:00`).
 */
import type { AlowareType, SalesforceType } from 'c/alowareCatalog';
import type { IssueCode } from './codes';
import {
  DecimalValue,
  decimalFromNumber,
  decimalToString,
  integerDigits,
  integerMagnitudeExceeds,
  parseDecimalText,
  roundHalfUp
} from './decimal';
import {
  formatDate,
  formatDateTimeUtc,
  formatNaive,
  formatTime,
  instantOf,
  isValidTimeZone,
  localParts,
  parseDateOnly,
  parseDateTime,
  parseTime,
  utcParts,
  zoneOffsetMs
} from './dates';
import { EngineSettings, FieldInfo, SalesforceValue, canonicalText, isBlank } from './model';
import { normalizePhone } from './phone';

/**
 * Compatibility matrix: the Salesforce field types each Aloware value kind may be mapped to,
 * `kind:type,type;...`. Shared text with Apex AlowareValueConverter.COMPATIBILITY (jest drift test).
 */
export const COMPATIBILITY =
  'phone:phone,string,textarea;email:email,string,textarea;text:string,textarea,picklist,multipicklist;' +
  'owner:reference;boolean:boolean,string,textarea;number:double,integer,long,currency,percent,string,textarea;' +
  'date:date,datetime,string,textarea;datetime:datetime,date,string,textarea;time:time,string,textarea;' +
  'url:url,string,textarea;id:string,textarea';

const MATRIX: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  COMPATIBILITY.split(';').map((entry): [string, ReadonlySet<string>] => {
    const [kind, types] = entry.split(':');
    return [kind, new Set(types.split(','))];
  })
);

/** True when a value of Aloware kind `kind` can be stored in a Salesforce field of type `type`. */
export function isCompatible(kind: string, type: string): boolean {
  return MATRIX.get(kind)?.has(type) ?? false;
}

/** The Salesforce types compatible with an Aloware kind. */
export function compatibleTypes(kind: string): string[] {
  return [...(MATRIX.get(kind) ?? [])];
}

export interface ConversionNote {
  readonly code: IssueCode;
  readonly message: string;
}

/** Outcome of one conversion: a value, or blank (nothing to write), or a refusal; plus warnings. */
export interface Conversion<T> {
  readonly value: T | null;
  /** The input was blank: nothing is written or sent (blanks never erase data). */
  readonly blank: boolean;
  readonly error: ConversionNote | null;
  readonly warnings: readonly ConversionNote[];
}

/** A value Aloware receives in the forms payload. */
export type AlowareValue = string | number | boolean;

const EMAIL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
const URL_TEXT =
  /^(?:https?:\/\/)?(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}(?::\d{1,5})?(?:[/?#]\S*)?$/i;
const TRUE_WORDS = new Set(['true', '1', 'yes']);
const FALSE_WORDS = new Set(['false', '0', 'no']);
const INTEGER_MAX = '2147483647';
const INTEGER_MIN_MAGNITUDE = '2147483648';
const LONG_MAX = '9223372036854775807';
const LONG_MIN_MAGNITUDE = '9223372036854775808';

function ok<T>(value: T, warnings: ConversionNote[] = []): Conversion<T> {
  return { value, blank: false, error: null, warnings };
}

function refuse<T>(code: IssueCode, message: string, warnings: ConversionNote[] = []): Conversion<T> {
  return { value: null, blank: false, error: { code, message }, warnings };
}

const BLANK: Conversion<never> = { value: null, blank: true, error: null, warnings: [] };

function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return `'${text.length > 60 ? text.slice(0, 57) + '...' : text}'`;
}

/** Email syntax check (local part max 64 characters, dot-atoms, a domain with a top-level label). */
export function isValidEmail(text: string): boolean {
  const at = text.lastIndexOf('@');
  return at > 0 && at <= 64 && EMAIL.test(text);
}

/** URL check: optional http(s) scheme, a dotted host name, optional port, path, query and fragment. */
export function isValidUrl(text: string): boolean {
  return URL_TEXT.test(text);
}

/** `true/false/1/0/yes/no` (any case), JSON booleans and the numbers 1/0; null otherwise. */
export function parseBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : null;
  if (typeof value !== 'string') return null;
  const word = value.trim().toLowerCase();
  return TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : null;
}

function parseNumber(value: unknown, allowPercent: boolean): DecimalValue | null {
  if (typeof value === 'number') return decimalFromNumber(value);
  if (typeof value !== 'string') return null;
  let text = value.trim();
  if (allowPercent && text.endsWith('%')) text = text.slice(0, -1).trim();
  return parseDecimalText(text);
}

function phoneNote(error: string, raw: string, country: string): ConversionNote {
  return error === 'PHONE_COUNTRY_UNSUPPORTED'
    ? {
        code: 'PHONE_COUNTRY_UNSUPPORTED',
        message: `${quote(raw)} has no country code and the default phone country ${quote(country)} is not supported. Use a +country number or set a supported default phone country.`
      }
    : {
        code: 'PHONE_INVALID',
        message: `${quote(raw)} is not a valid phone number. Use digits with an optional leading + and country code, e.g. +16505550123.`
      };
}

const EXTENSION_NOTE: ConversionNote = {
  code: 'PHONE_EXTENSION_DROPPED',
  message: 'The phone extension was dropped: E.164 numbers have no extension. Keep extensions in a separate field.'
};

function convertPhone(raw: string, settings: EngineSettings): Conversion<string> {
  const result = normalizePhone(raw, settings.defaultPhoneCountry);
  const warnings = result.extensionDropped ? [EXTENSION_NOTE] : [];
  if (result.error || result.e164 === null) {
    const note = phoneNote(result.error ?? 'PHONE_INVALID', raw, settings.defaultPhoneCountry);
    return refuse(note.code, note.message, warnings);
  }
  return ok(result.e164, warnings);
}

function convertEmail(raw: string): Conversion<string> {
  const text = raw.trim();
  return isValidEmail(text)
    ? ok(text)
    : refuse('EMAIL_INVALID', `${quote(raw)} is not a valid email address. Correct it to the form name@example.com.`);
}

function convertUrl(raw: string): Conversion<string> {
  const text = raw.trim();
  return isValidUrl(text)
    ? ok(text)
    : refuse(
        'URL_INVALID',
        `${quote(raw)} is not a valid web address. Use a host name such as example.com or https://example.com/page.`
      );
}

function checkLength(text: string, kind: string, field: FieldInfo, warnings: ConversionNote[]): Conversion<string> {
  const max = field.length ?? 0;
  if (max <= 0 || text.length <= max) return ok(text, warnings);
  if (kind !== 'text') {
    return refuse(
      'TEXT_TOO_LONG',
      `The value has ${text.length} characters; ${field.name} holds ${max}. It is not cut because a shortened ${kind} would be wrong: lengthen the field or map a longer one.`,
      warnings
    );
  }
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return ok(text.slice(0, end), [
    ...warnings,
    {
      code: 'TEXT_TRUNCATED',
      message: `The text had ${text.length} characters and was cut to ${end} to fit ${field.name}. Lengthen the field to keep all of it.`
    }
  ]);
}

function textOf(value: unknown): string | null {
  return typeof value === 'string' ? value : canonicalText(value);
}

/** Apex `String.trim()`: removes leading and trailing code units up to U+0020 (spaces and control characters). */
function trimAsApex(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end--;
  return text.slice(start, end);
}

function convertText(value: unknown, kind: string, field: FieldInfo, settings: EngineSettings): Conversion<string> {
  const raw = textOf(value);
  /* istanbul ignore next -- scalars always have text; objects are refused before */
  if (raw === null) return BLANK;
  // The platform stores text without leading and trailing whitespace, so the value is compared, length-checked and
  // cut as it will be stored.
  const text = trimAsApex(raw);
  let converted: Conversion<string>;
  if (kind === 'phone') converted = convertPhone(text, settings);
  else if (kind === 'email') converted = convertEmail(text);
  else if (kind === 'url') converted = convertUrl(text);
  else converted = ok(text);
  if (converted.error || converted.value === null) return converted;
  return checkLength(converted.value, kind, field, [...converted.warnings]);
}

function picklistMatch(candidate: string, values: readonly string[]): string | null {
  if (values.includes(candidate)) return candidate;
  const lower = candidate.toLowerCase();
  const matches = values.filter((value) => value.toLowerCase() === lower);
  return matches.length === 1 ? matches[0] : null;
}

function picklistRefusal(field: FieldInfo, invalid: string[]): Conversion<string> {
  const values = field.picklistValues ?? [];
  return refuse(
    'PICKLIST_VALUE_INACTIVE',
    `${invalid.map(quote).join(', ')} ${invalid.length === 1 ? 'is not an active value' : 'are not active values'} of ${field.name}. Valid values: ${values.length ? values.join(', ') : '(none)'}. Add or activate the value in Salesforce, or map a text field.`
  );
}

function convertPicklist(value: unknown, field: FieldInfo): Conversion<string> {
  const text = (textOf(value) ?? '').trim();
  const match = picklistMatch(text, field.picklistValues ?? []);
  return match === null ? picklistRefusal(field, [text]) : ok(match);
}

function convertMultiPicklist(value: unknown, field: FieldInfo): Conversion<string> {
  const chosen: string[] = [];
  const invalid: string[] = [];
  for (const part of (textOf(value) ?? '').split(';')) {
    const item = part.trim();
    if (item === '') continue;
    const match = picklistMatch(item, field.picklistValues ?? []);
    if (match === null) invalid.push(item);
    else if (!chosen.includes(match)) chosen.push(match);
  }
  if (invalid.length > 0) return picklistRefusal(field, invalid);
  return chosen.length === 0 ? BLANK : ok(chosen.join(';'));
}

function convertNumber(value: unknown, field: FieldInfo): Conversion<number> {
  const parsed = parseNumber(value, field.type === 'percent');
  if (!parsed) {
    return refuse(
      'NUMBER_INVALID',
      `${quote(value)} is not a number. Use digits with an optional sign and decimal point, e.g. 1234.5 (no thousands separators).`
    );
  }
  const wholeNumber = field.type === 'integer' || field.type === 'long';
  const scale = wholeNumber ? 0 : (field.scale ?? null);
  const warnings: ConversionNote[] = [];
  let decimal = parsed;
  if (scale !== null) {
    const result = roundHalfUp(parsed, scale);
    decimal = result.value;
    if (result.rounded) {
      warnings.push({
        code: 'NUMBER_ROUNDED',
        message: `${decimalToString(parsed)} was rounded to ${decimalToString(decimal)} (${field.name} keeps ${scale} decimal places). Increase the field's scale to keep more.`
      });
    }
  }
  const precision = field.precision ?? 0;
  const tooManyDigits = precision > 0 && scale !== null && integerDigits(decimal) > precision - scale;
  const limit =
    field.type === 'integer'
      ? [INTEGER_MAX, INTEGER_MIN_MAGNITUDE]
      : field.type === 'long'
        ? [LONG_MAX, LONG_MIN_MAGNITUDE]
        : null;
  const outOfRange = limit !== null && integerMagnitudeExceeds(decimal, decimal.negative ? limit[1] : limit[0]);
  if (tooManyDigits || outOfRange) {
    return refuse(
      'NUMBER_TOO_LARGE',
      `${decimalToString(decimal)} does not fit ${field.name}${precision > 0 && scale !== null ? ` (at most ${precision - scale} digits before the decimal point)` : ''}. Increase the field's length or map a larger number field.`,
      warnings
    );
  }
  return ok(Number(decimalToString(decimal)), warnings);
}

function zoneError<T>(settings: EngineSettings): Conversion<T> {
  return refuse(
    'TIME_ZONE_INVALID',
    `The account time zone ${quote(settings.accountTimeZone)} is not a known IANA time zone. Set it to an id such as UTC or America/Los_Angeles.`
  );
}

function dateRefusal<T>(value: unknown): Conversion<T> {
  return refuse(
    'DATE_INVALID',
    `${quote(value)} is not a valid date between 1700-01-01 and 4000-12-31. Use YYYY-MM-DD or MM/DD/YYYY.`
  );
}

function convertDate(value: unknown, settings: EngineSettings): Conversion<string> {
  if (typeof value !== 'string') return dateRefusal(value);
  const text = value.trim();
  const date = parseDateOnly(text);
  if (date) return ok(formatDate(date));
  const parsed = parseDateTime(text);
  if (!parsed) return dateRefusal(value);
  if (parsed.offsetMinutes === null) return ok(formatDate(parsed.local));
  if (!isValidTimeZone(settings.accountTimeZone)) return zoneError(settings);
  return ok(formatDate(localParts(instantOf(parsed, settings.accountTimeZone), settings.accountTimeZone)));
}

function convertDateTime(value: unknown, settings: EngineSettings): Conversion<string> {
  const parsed = typeof value === 'string' ? parseDateTime(value.trim()) : null;
  if (!parsed) {
    return refuse(
      'DATETIME_INVALID',
      `${quote(value)} is not a valid date/time. Use ISO 8601 (2024-03-05T14:30:00Z, 2024-03-05 14:30:00) or a date.`
    );
  }
  if (parsed.offsetMinutes === null && !isValidTimeZone(settings.accountTimeZone)) return zoneError(settings);
  return ok(formatDateTimeUtc(instantOf(parsed, settings.accountTimeZone)));
}

function referenceEpoch(settings: EngineSettings): number {
  const parsed = settings.referenceTime ? parseDateTime(settings.referenceTime.trim()) : null;
  return parsed ? instantOf(parsed, 'UTC') : Date.now();
}

const DAY_MS = 86400000;

function convertTime(value: unknown, settings: EngineSettings): Conversion<string> {
  const text = typeof value === 'string' ? value.trim() : '';
  const time = parseTime(text);
  if (time) {
    const wallMs = ((time.hour * 60 + time.minute) * 60 + time.second) * 1000 + time.millisecond;
    let offsetMs: number;
    if (time.offsetMinutes !== null) {
      offsetMs = time.offsetMinutes * 60000;
    } else {
      if (!isValidTimeZone(settings.accountTimeZone)) return zoneError(settings);
      offsetMs = zoneOffsetMs(settings.accountTimeZone, referenceEpoch(settings));
    }
    const utcMs = (((wallMs - offsetMs) % DAY_MS) + DAY_MS) % DAY_MS;
    const p = utcParts(utcMs);
    return ok(formatTime(p.hour, p.minute, p.second, p.millisecond));
  }
  const parsed = parseDateTime(text);
  if (parsed && parsed.hasTime) {
    if (parsed.offsetMinutes === null && !isValidTimeZone(settings.accountTimeZone)) return zoneError(settings);
    const p = utcParts(instantOf(parsed, settings.accountTimeZone));
    return ok(formatTime(p.hour, p.minute, p.second, p.millisecond));
  }
  return refuse(
    'TIME_INVALID',
    `${quote(value)} is not a time of day. Use HH:MM:SS with an optional offset, e.g. 08:33:16-07:00.`
  );
}

function convertBoolean(value: unknown): Conversion<boolean> {
  const parsed = parseBoolean(value);
  return parsed === null
    ? refuse('BOOLEAN_INVALID', `${quote(value)} is not a yes/no value. Use true/false, 1/0 or yes/no.`)
    : ok(parsed);
}

function unsupported<T>(value: unknown): Conversion<T> {
  return refuse(
    'VALUE_UNSUPPORTED',
    `A ${Array.isArray(value) ? 'list' : 'structured value'} cannot be stored in one field. Map a property that holds a single value.`
  );
}

function isStructured(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

/**
 * Converts an Aloware value of kind `kind` for a Salesforce field (Aloware → Salesforce). Owner values are
 * resolved by the inbound mapper (owner directory), not here.
 */
export function toSalesforce(
  value: unknown,
  kind: AlowareType | string,
  field: FieldInfo,
  settings: EngineSettings
): Conversion<SalesforceValue> {
  if (isStructured(value)) return unsupported(value);
  if (isBlank(value)) return BLANK;
  if (!isCompatible(kind, field.type)) {
    return refuse(
      'TYPE_INCOMPATIBLE',
      `A ${kind} value cannot be stored in ${field.name} (${field.type}). Map a field of type ${compatibleTypes(kind).join(', ')}.`
    );
  }
  const type: SalesforceType = field.type;
  switch (type) {
    case 'string':
    case 'textarea':
      return convertText(value, kind, field, settings);
    case 'phone':
    case 'email':
    case 'url':
      return convertText(value, type, field, settings);
    case 'picklist':
      return convertPicklist(value, field);
    case 'multipicklist':
      return convertMultiPicklist(value, field);
    case 'boolean':
      return convertBoolean(value);
    case 'double':
    case 'currency':
    case 'percent':
    case 'integer':
    case 'long':
      return convertNumber(value, field);
    case 'date':
      return convertDate(value, settings);
    case 'datetime':
      return convertDateTime(value, settings);
    case 'time':
      return convertTime(value, settings);
    default:
      return refuse(
        'REFERENCE_NOT_SUPPORTED',
        `${field.name} is a lookup: only Contact Owner can be mapped to a lookup (OwnerId or a User lookup).`
      );
  }
}

/** Converts a Salesforce value for an Aloware property of kind `kind` (Salesforce → Aloware). */
export function toAloware(
  value: unknown,
  kind: AlowareType | string,
  settings: EngineSettings
): Conversion<AlowareValue> {
  if (isStructured(value)) return unsupported(value);
  if (isBlank(value)) return BLANK;
  const text = textOf(value) ?? '';
  switch (kind) {
    case 'phone':
      return convertPhone(text, settings);
    case 'email':
      return convertEmail(text);
    case 'url':
      return convertUrl(text);
    case 'boolean':
      return convertBoolean(value);
    case 'number': {
      const parsed = parseNumber(value, false);
      return parsed
        ? ok(Number(decimalToString(parsed)))
        : refuse('NUMBER_INVALID', `${quote(value)} is not a number. Correct the Salesforce value.`);
    }
    case 'date':
      return convertDate(value, settings);
    case 'datetime': {
      const parsed = typeof value === 'string' ? parseDateTime(value.trim()) : null;
      if (!parsed)
        return refuse('DATETIME_INVALID', `${quote(value)} is not a valid date/time. Correct the Salesforce value.`);
      if (!isValidTimeZone(settings.accountTimeZone)) return zoneError(settings);
      const instant = instantOf(parsed, settings.accountTimeZone);
      return ok(formatNaive(localParts(instant, settings.accountTimeZone)));
    }
    case 'owner':
      return refuse('REFERENCE_NOT_SUPPORTED', 'Owners are resolved through the owner directory.');
    default:
      return ok(text);
  }
}
