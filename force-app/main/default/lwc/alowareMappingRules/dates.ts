/*
 * Date, date/time and time parsing and time-zone arithmetic. Naive Aloware timestamps (no offset) are wall-clock
 * times in the configured account time zone. Offsets come from `Intl` (the browser's and Node's IANA data); Apex
 * uses `TimeZone.getOffset`. Local → UTC uses the same two-step algorithm on both sides (see toEpochInZone).
 */

export interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export interface LocalDateTime extends LocalDate {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

export interface ParsedDateTime {
  readonly local: LocalDateTime;
  /** True when the text had a time of day (a date alone is midnight). */
  readonly hasTime: boolean;
  /** Offset from UTC in minutes when the text carried one (`Z` is 0), else null (naive). */
  readonly offsetMinutes: number | null;
}

export interface ParsedTime {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  readonly offsetMinutes: number | null;
}

/** Salesforce accepts dates from 1700-01-01 to 4000-12-31. */
export const MIN_YEAR = 1700;
export const MAX_YEAR = 4000;

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const TIME_OF_DAY = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:\s*([AaPp][Mm]))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function validDate(year: number, month: number, day: number): boolean {
  return (
    year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

function millis(fraction: string | undefined): number {
  return fraction ? Number((fraction + '00').slice(0, 3)) : 0;
}

/** `Z`, `+05`, `-0700`, `-07:00` → minutes east of UTC; null when absent. */
function offsetOf(text: string | undefined): number | null {
  if (!text) return null;
  if (text.toUpperCase() === 'Z') return 0;
  const digits = text.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return text.charAt(0) === '-' ? -minutes : minutes;
}

function validOffset(minutes: number | null): boolean {
  return minutes === null || Math.abs(minutes) <= 18 * 60;
}

/** `YYYY-MM-DD` or `MM/DD/YYYY` (month and day may have one digit); null when not a real calendar date. */
export function parseDateOnly(text: string): LocalDate | null {
  const us = US_DATE.exec(text);
  if (us) {
    const month = Number(us[1]);
    const day = Number(us[2]);
    const year = Number(us[3]);
    return validDate(year, month, day) ? { year, month, day } : null;
  }
  const iso = ISO_DATE_TIME.exec(text);
  if (!iso || iso[4] !== undefined || iso[8] !== undefined) return null;
  const year = Number(iso[1]);
  const month = Number(iso[2]);
  const day = Number(iso[3]);
  return validDate(year, month, day) ? { year, month, day } : null;
}

/**
 * ISO 8601 date/time (`T` or space separator, optional seconds, fraction and offset) or a date alone
 * (`YYYY-MM-DD`, `MM/DD/YYYY`: midnight). Null when not a real date/time.
 */
export function parseDateTime(text: string): ParsedDateTime | null {
  const dateOnly = parseDateOnly(text);
  if (dateOnly) {
    return {
      local: { ...dateOnly, hour: 0, minute: 0, second: 0, millisecond: 0 },
      hasTime: false,
      offsetMinutes: null
    };
  }
  const iso = ISO_DATE_TIME.exec(text);
  if (!iso || iso[4] === undefined) return null;
  const local: LocalDateTime = {
    year: Number(iso[1]),
    month: Number(iso[2]),
    day: Number(iso[3]),
    hour: Number(iso[4]),
    minute: Number(iso[5]),
    second: Number(iso[6] ?? '0'),
    millisecond: millis(iso[7])
  };
  const offsetMinutes = offsetOf(iso[8]);
  if (!validDate(local.year, local.month, local.day) || local.hour > 23 || local.minute > 59 || local.second > 59) {
    return null;
  }
  if (!validOffset(offsetMinutes)) return null;
  return { local, hasTime: true, offsetMinutes };
}

/** `HH:MM[:SS[.fff]]`, optional `AM`/`PM` (hour 1-12), optional offset; null when not a time of day. */
export function parseTime(text: string): ParsedTime | null {
  const match = TIME_OF_DAY.exec(text);
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = Number(match[2]);
  const second = Number(match[3] ?? '0');
  const meridiem = match[5]?.toUpperCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'PM' ? 12 : 0);
  }
  const offsetMinutes = offsetOf(match[6]);
  if (hour > 23 || minute > 59 || second > 59 || !validOffset(offsetMinutes)) return null;
  return { hour, minute, second, millisecond: millis(match[4]), offsetMinutes };
}

const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  const cached = FORMATTERS.get(timeZone);
  if (cached) return cached;
  try {
    const formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric'
    });
    FORMATTERS.set(timeZone, formatter);
    return formatter;
  } catch (error) {
    // Intl throws a RangeError for an unknown time zone; anything else is a defect.
    if ((error as { name?: unknown } | null)?.name === 'RangeError') return null;
    throw error;
  }
}

/** True when the IANA time zone id is known (`UTC`, `America/Los_Angeles`, ...). */
export function isValidTimeZone(timeZone: string): boolean {
  return timeZone.trim() !== '' && formatterFor(timeZone) !== null;
}

/** Offset of `timeZone` from UTC at the instant `epochMs`, in milliseconds (Apex `TimeZone.getOffset`). */
export function zoneOffsetMs(timeZone: string, epochMs: number): number {
  const formatter = formatterFor(timeZone);
  if (!formatter) throw new RangeError(`Unknown time zone ${timeZone}`);
  const seconds = Math.floor(epochMs / 1000) * 1000;
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(seconds))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return asUtc - seconds;
}

export function epochOfUtc(local: LocalDateTime): number {
  const date = new Date(0);
  date.setUTCFullYear(local.year, local.month - 1, local.day);
  date.setUTCHours(local.hour, local.minute, local.second, local.millisecond);
  return date.getTime();
}

/**
 * The instant of a wall-clock time in `timeZone`: guess = local as UTC; o1 = offset(guess - ... ) — precisely:
 * o1 = offset(guess); t = guess - o1; o2 = offset(t); if o2 ≠ o1 then t = guess - o2. Apex does the same.
 */
export function toEpochInZone(local: LocalDateTime, timeZone: string): number {
  const guess = epochOfUtc(local);
  const first = zoneOffsetMs(timeZone, guess);
  const candidate = guess - first;
  const second = zoneOffsetMs(timeZone, candidate);
  return second === first ? candidate : guess - second;
}

export function utcParts(epochMs: number): LocalDateTime {
  const date = new Date(epochMs);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    millisecond: date.getUTCMilliseconds()
  };
}

/** Wall-clock parts of the instant `epochMs` in `timeZone`. */
export function localParts(epochMs: number, timeZone: string): LocalDateTime {
  return utcParts(epochMs + zoneOffsetMs(timeZone, epochMs));
}

/** `YYYY-MM-DD`. */
export function formatDate(value: LocalDate): string {
  return `${pad(value.year, 4)}-${pad(value.month, 2)}-${pad(value.day, 2)}`;
}

/** Canonical Salesforce date/time: `YYYY-MM-DDTHH:MM:SS.sssZ` (UTC). */
export function formatDateTimeUtc(epochMs: number): string {
  const p = utcParts(epochMs);
  return `${formatDate(p)}T${pad(p.hour, 2)}:${pad(p.minute, 2)}:${pad(p.second, 2)}.${pad(p.millisecond, 3)}Z`;
}

/** Aloware's naive form `YYYY-MM-DD HH:MM:SS` of a wall-clock time. */
export function formatNaive(value: LocalDateTime): string {
  return `${formatDate(value)} ${pad(value.hour, 2)}:${pad(value.minute, 2)}:${pad(value.second, 2)}`;
}

/** Canonical Salesforce time: `HH:MM:SS.sssZ`. */
export function formatTime(hour: number, minute: number, second: number, millisecond: number): string {
  return `${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}.${pad(millisecond, 3)}Z`;
}

/** The instant of a parsed date/time: its own offset when it has one, else the account time zone. */
export function instantOf(parsed: ParsedDateTime, timeZone: string): number {
  if (parsed.offsetMinutes !== null) return epochOfUtc(parsed.local) - parsed.offsetMinutes * 60000;
  return toEpochInZone(parsed.local, timeZone);
}
