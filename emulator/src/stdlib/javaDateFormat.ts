/**
 * java.text.SimpleDateFormat / java.util.TimeZone / GregorianCalendar emulation for Apex Datetime and TimeZone.
 *
 * Apex Reference Guide, Datetime.format(dateFormatString, timezone): "For more information on the Java simple date
 * format, see Java SimpleDateFormat". Offsets come from Intl (Node 20 ships full ICU with the IANA database).
 */

/** Thrown for invalid patterns (java.lang.IllegalArgumentException). */
export class JavaDateFormatError extends Error {
  readonly javaType = 'IllegalArgumentException';
  constructor(message: string) {
    super(message);
    this.name = 'JavaDateFormatError';
  }
}

export interface LocalFields {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** java.util.Calendar.DAY_OF_WEEK: 1 = Sunday ... 7 = Saturday */
  dayOfWeek: number;
}

const DAY_MS = 86400000;

// ---- time zones --------------------------------------------------------------------------------------------

const dtfCache = new Map<string, Intl.DateTimeFormat>();
const validCache = new Map<string, boolean>();

function fixedOffsetOf(id: string): number | null {
  // Java custom IDs: "GMT", "UTC", "GMT+5", "GMT-05:00", "GMT+0530" (TimeZone.getTimeZone javadoc, "custom time zone ID")
  if (id === 'GMT' || id === 'UTC' || id === 'Etc/GMT' || id === 'Etc/UTC' || id === 'Z') return 0;
  const m = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(id);
  if (!m) return null;
  const h = Number(m[2]);
  const mi = m[3] ? Number(m[3]) : 0;
  if (h > 23 || mi > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (h * 3600000 + mi * 60000);
}

/** TimeZone.getTimeZone(id) accepts the ID (Java falls back to GMT for unknown IDs). */
export function isValidZone(id: string): boolean {
  let v = validCache.get(id);
  if (v === undefined) {
    if (fixedOffsetOf(id) !== null) v = true;
    else {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: id });
        v = true;
      } catch {
        v = false;
      }
    }
    validCache.set(id, v);
  }
  return v;
}

function partsFormatter(tz: string): Intl.DateTimeFormat {
  let f = dtfCache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric'
    });
    dtfCache.set(tz, f);
  }
  return f;
}

const OFFSET_BUCKET = 15 * 60000; // DST transitions happen on quarter hours (UTC)
const offsetCache = new Map<string, number>();

/** TimeZone.getOffset(date): offset from GMT in ms at that instant, DST included. Unknown IDs behave as GMT. */
export function zoneOffsetMs(timeZoneId: string, epochMs: number): number {
  const fixed = fixedOffsetOf(timeZoneId);
  if (fixed !== null) return fixed;
  if (!isValidZone(timeZoneId)) return 0;
  const bucket = Math.floor(epochMs / OFFSET_BUCKET);
  const key = `${timeZoneId}|${bucket}`;
  const hit = offsetCache.get(key);
  if (hit !== undefined) return hit;
  const t = bucket * OFFSET_BUCKET;
  const p: Record<string, string> = {};
  for (const part of partsFormatter(timeZoneId).formatToParts(t)) p[part.type] = part.value;
  let year = Number(p.year);
  if (p.era === 'BC' || p.era === 'B') year = 1 - year;
  const d = new Date(0);
  d.setUTCFullYear(year, Number(p.month) - 1, Number(p.day));
  d.setUTCHours(Number(p.hour), Number(p.minute), Number(p.second), 0);
  const off = d.getTime() - t;
  if (offsetCache.size > 50000) offsetCache.clear();
  offsetCache.set(key, off);
  return off;
}

/** Local calendar fields of an instant in a zone (Gregorian, proleptic). */
export function localFieldsOf(epochMs: number, timeZoneId: string): LocalFields {
  const d = new Date(epochMs + zoneOffsetMs(timeZoneId, epochMs));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    dayOfWeek: d.getUTCDay() + 1
  };
}

/**
 * Inverse of localFieldsOf (Datetime.newInstance with local fields). Fields are lenient (month 13, day 0, ... roll
 * over like GregorianCalendar). For a wall time that does not exist (DST gap) the pre-transition (standard) offset is
 * used, so 02:30 on the spring-forward day becomes 03:30 daylight time (ICU ticket 5812 documents this Sun Java
 * Calendar behaviour); for an ambiguous wall time (DST overlap) java.util's ZoneInfo resolves the wall time with the
 * offset after the transition, i.e. standard time — the later instant (see e.g. the well-known GregorianCalendar.set()
 * question where 02:15 on the Paris fall-back day is resolved as CET, not CEST).
 */
export function epochOfLocal(
  fields: Partial<Omit<LocalFields, 'dayOfWeek'>> & { year: number; month: number; day: number },
  timeZoneId: string
): number {
  const d = new Date(0);
  d.setUTCFullYear(fields.year, fields.month - 1, fields.day);
  d.setUTCHours(fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0, fields.millisecond ?? 0);
  const local = d.getTime();
  const candidates = new Set<number>([
    zoneOffsetMs(timeZoneId, local - 26 * 3600000),
    zoneOffsetMs(timeZoneId, local),
    zoneOffsetMs(timeZoneId, local + 26 * 3600000)
  ]);
  let best: number | null = null;
  for (const o of candidates) {
    const u = local - o;
    if (zoneOffsetMs(timeZoneId, u) === o && (best === null || u > best)) best = u;
  }
  if (best !== null) return best;
  // gap: use the smaller (pre-transition, standard) offset
  return local - Math.min(...candidates);
}

function toBcp47(locale: string): string {
  return locale.replace(/_/g, '-');
}

const FALLBACK_LOCALES = ['en-GB', 'en-AU', 'en-IN', 'en-NZ'];
// Java short names for common zones where CLDR English data only has "GMT+x" forms: [standard, daylight].
const JAVA_SHORT: Record<string, [string, string]> = {
  'Asia/Tokyo': ['JST', 'JDT'],
  'Asia/Seoul': ['KST', 'KDT'],
  'Asia/Shanghai': ['CST', 'CDT'],
  'Asia/Hong_Kong': ['HKT', 'HKST'],
  'Asia/Taipei': ['CST', 'CDT'],
  'Asia/Singapore': ['SGT', 'SGT'],
  'Asia/Kolkata': ['IST', 'IST'],
  'Asia/Calcutta': ['IST', 'IST'],
  'Asia/Dubai': ['GST', 'GST'],
  'Asia/Karachi': ['PKT', 'PKST'],
  'Asia/Dhaka': ['BST', 'BST'],
  'Asia/Bangkok': ['ICT', 'ICT'],
  'Asia/Jakarta': ['WIB', 'WIB'],
  'Asia/Manila': ['PST', 'PDT'],
  'Asia/Jerusalem': ['IST', 'IDT'],
  'Asia/Tehran': ['IRST', 'IRDT'],
  'Asia/Kathmandu': ['NPT', 'NPT'],
  'Europe/Moscow': ['MSK', 'MSD'],
  'Europe/Istanbul': ['TRT', 'TRT'],
  'America/Sao_Paulo': ['BRT', 'BRST'],
  'America/Argentina/Buenos_Aires': ['ART', 'ARST'],
  'America/Bogota': ['COT', 'COST'],
  'America/Lima': ['PET', 'PEST'],
  'America/Santiago': ['CLT', 'CLST'],
  'America/Caracas': ['VET', 'VET'],
  'Africa/Johannesburg': ['SAST', 'SAST'],
  'Africa/Lagos': ['WAT', 'WAST'],
  'Africa/Nairobi': ['EAT', 'EAT'],
  'Pacific/Auckland': ['NZST', 'NZDT']
};

const nameFmtCache = new Map<string, Intl.DateTimeFormat>();
function zoneNameRaw(tz: string, epochMs: number, style: 'short' | 'long', locale: string): string {
  const key = `${locale}|${style}|${tz}`;
  let f = nameFmtCache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: tz, timeZoneName: style });
    nameFmtCache.set(key, f);
  }
  for (const p of f.formatToParts(epochMs)) if (p.type === 'timeZoneName') return p.value;
  return '';
}

/** Java's "GMT-05:00" form (used when a zone has no name). */
export function gmtOffsetString(offsetMs: number): string {
  if (offsetMs === 0) return 'GMT';
  const sign = offsetMs < 0 ? '-' : '+';
  const a = Math.abs(Math.round(offsetMs / 60000));
  return `GMT${sign}${pad(Math.floor(a / 60), 2)}:${pad(a % 60, 2)}`;
}

function isDaylight(tz: string, epochMs: number): boolean {
  const y = new Date(epochMs).getUTCFullYear();
  const jan = zoneOffsetMs(tz, Date.UTC(y, 0, 1));
  const jul = zoneOffsetMs(tz, Date.UTC(y, 6, 1));
  return jan !== jul && zoneOffsetMs(tz, epochMs) === Math.max(jan, jul);
}

/** SimpleDateFormat 'z' (short) / 'zzzz' (long) name of a zone at an instant. */
export function zoneName(timeZoneId: string, epochMs: number, long: boolean, locale = 'en_US'): string {
  const fixed = fixedOffsetOf(timeZoneId);
  if (fixed !== null || !isValidZone(timeZoneId)) {
    if (timeZoneId === 'UTC' || timeZoneId === 'Etc/UTC') return long ? 'Coordinated Universal Time' : 'UTC';
    const o = fixed ?? 0;
    if (o === 0) return long ? 'Greenwich Mean Time' : 'GMT';
    return gmtOffsetString(o);
  }
  const loc = toBcp47(locale);
  const isGmtForm = (s: string) => /^(GMT|UTC)([+-−]|$)/.test(s);
  if (long) {
    const n = zoneNameRaw(timeZoneId, epochMs, 'long', loc);
    return isGmtForm(n) ? gmtOffsetString(zoneOffsetMs(timeZoneId, epochMs)) : n;
  }
  let n = zoneNameRaw(timeZoneId, epochMs, 'short', loc);
  if (!isGmtForm(n) || n === 'GMT' || n === 'UTC') return n;
  const mapped = JAVA_SHORT[timeZoneId];
  if (mapped) return mapped[isDaylight(timeZoneId, epochMs) ? 1 : 0];
  for (const fl of FALLBACK_LOCALES) {
    n = zoneNameRaw(timeZoneId, epochMs, 'short', fl);
    if (!isGmtForm(n)) return n;
  }
  return gmtOffsetString(zoneOffsetMs(timeZoneId, epochMs));
}

/**
 * TimeZone.getDisplayName(): the long name in the user's locale. Apex Reference Guide (TimeZone Class) example:
 * 'Display name: Pacific Standard Time'; "Versioned behavior changes: In API version 45.0 and later, getDisplayName
 * displays daylight saving time appropriately when daylight saving time is in effect" (e.g. "British Summer Time").
 */
export function zoneDisplayName(timeZoneId: string, epochMs: number, locale = 'en_US'): string {
  return zoneName(timeZoneId, epochMs, true, locale);
}

// ---- SimpleDateFormat ---------------------------------------------------------------------------------------

type Token = string | { letter: string; count: number };

const PATTERN_LETTERS = 'GyMdkHmsSEDFwWahKzZYuXL'; // SimpleDateFormat javadoc, "Date and Time Patterns"
const patternCache = new Map<string, Token[]>();

function compilePattern(pattern: string): Token[] {
  let toks = patternCache.get(pattern);
  if (toks) return toks;
  toks = [];
  let lit = '';
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i];
    if (c === "'") {
      // '' is a literal quote, inside or outside a quoted section
      if (pattern[i + 1] === "'") {
        lit += "'";
        i += 2;
        continue;
      }
      i++;
      for (;;) {
        if (i >= pattern.length) throw new JavaDateFormatError('Unterminated quote');
        if (pattern[i] === "'") {
          if (pattern[i + 1] === "'") {
            lit += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        lit += pattern[i++];
      }
      continue;
    }
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      if (!PATTERN_LETTERS.includes(c)) throw new JavaDateFormatError(`Illegal pattern character '${c}'`);
      let n = 1;
      while (pattern[i + n] === c) n++;
      if (lit) {
        toks.push(lit);
        lit = '';
      }
      if (c === 'X' && n > 3) throw new JavaDateFormatError(`invalid ISO 8601 format: length=${n}`);
      toks.push({ letter: c, count: n });
      i += n;
      continue;
    }
    lit += c;
    i++;
  }
  if (lit) toks.push(lit);
  if (patternCache.size > 1000) patternCache.clear();
  patternCache.set(pattern, toks);
  return toks;
}

function pad(n: number, w: number): string {
  const s = String(Math.abs(n));
  const p = s.length >= w ? s : '0'.repeat(w - s.length) + s;
  return n < 0 ? `-${p}` : p;
}

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
];
const EN_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const namesCache = new Map<string, string[]>();
function localNames(locale: string, kind: 'month' | 'weekday', width: 'long' | 'short'): string[] {
  const lang = locale.split(/[_-]/)[0];
  if (lang === 'en') {
    const base = kind === 'month' ? EN_MONTHS : EN_DAYS;
    return width === 'long' ? base : base.map((s) => s.slice(0, 3));
  }
  const key = `${locale}|${kind}|${width}`;
  let arr = namesCache.get(key);
  if (!arr) {
    const f = new Intl.DateTimeFormat(toBcp47(locale), { timeZone: 'UTC', [kind]: width });
    arr =
      kind === 'month'
        ? Array.from({ length: 12 }, (_, i) => f.format(Date.UTC(2021, i, 1)))
        : Array.from({ length: 7 }, (_, i) => f.format(Date.UTC(2021, 0, 3 + i))); // 2021-01-03 is a Sunday
    namesCache.set(key, arr);
  }
  return arr;
}

/** Calendar week rules: US-style (Sunday, minimalDaysInFirstWeek 1) or ISO (Monday, 4). */
function weekRules(locale: string): { firstDay: number; minDays: number } {
  const region = (locale.split(/[_-]/)[1] ?? '').toUpperCase();
  if (
    region === '' ||
    ['US', 'CA', 'JP', 'BR', 'MX', 'IN', 'CN', 'KR', 'TW', 'HK', 'IL', 'PH', 'ZA', 'AU'].includes(region)
  ) {
    return { firstDay: 0, minDays: 1 };
  }
  return { firstDay: 1, minDays: 4 };
}

function dayOfYear(y: number, m: number, d: number): number {
  return Math.round((utcDay(y, m, d) - utcDay(y, 1, 1)) / DAY_MS) + 1;
}

function utcDay(y: number, m: number, d: number): number {
  const dt = new Date(0);
  dt.setUTCFullYear(y, m - 1, d);
  return dt.getTime();
}

/** WEEK_OF_YEAR and week year for a date under the given rules. */
function weekOfYear(y: number, m: number, d: number, locale: string): { week: number; weekYear: number } {
  const { firstDay, minDays } = weekRules(locale);
  const weekStartOf = (yy: number): number => {
    // first day of week 1 of year yy
    const jan1 = utcDay(yy, 1, 1);
    const dow = new Date(jan1).getUTCDay();
    const back = (dow - firstDay + 7) % 7; // days from week start to Jan 1
    const start = jan1 - back * DAY_MS;
    return 7 - back >= minDays ? start : start + 7 * DAY_MS;
  };
  const t = utcDay(y, m, d);
  let wy = y;
  if (t >= weekStartOf(y + 1)) wy = y + 1;
  else if (t < weekStartOf(y)) wy = y - 1;
  return { week: Math.floor((t - weekStartOf(wy)) / (7 * DAY_MS)) + 1, weekYear: wy };
}

function weekOfMonth(y: number, m: number, d: number, locale: string): number {
  const { firstDay, minDays } = weekRules(locale);
  const first = utcDay(y, m, 1);
  const back = (new Date(first).getUTCDay() - firstDay + 7) % 7;
  let start = first - back * DAY_MS;
  if (7 - back < minDays) start += 7 * DAY_MS;
  return Math.floor((utcDay(y, m, d) - start) / (7 * DAY_MS)) + 1;
}

function isoOffset(offMs: number, count: number): string {
  if (offMs === 0) return 'Z';
  const sign = offMs < 0 ? '-' : '+';
  const a = Math.abs(Math.round(offMs / 60000));
  const hh = pad(Math.floor(a / 60), 2);
  const mm = pad(a % 60, 2);
  if (count === 1) return sign + hh;
  return count === 2 ? sign + hh + mm : `${sign}${hh}:${mm}`;
}

/**
 * SimpleDateFormat.format(new Date(epochMs)) with the given zone and locale (default en_US).
 * Numeric fields are zero padded to the letter count; 'yy' keeps the last two digits; text fields use the full form
 * for 4+ letters (SimpleDateFormat javadoc: "Text: ... if the number of pattern letters is 4 or more, the full form is
 * used; otherwise a short or abbreviated form is used"; "Month: If the number of pattern letters is 3 or more, the
 * month is interpreted as text; otherwise, it is interpreted as a number").
 */
export function formatJavaDate(pattern: string, epochMs: number, timeZoneId: string, locale = 'en_US'): string {
  const toks = compilePattern(pattern);
  const off = zoneOffsetMs(timeZoneId, epochMs);
  const f = new Date(epochMs + off);
  const year = f.getUTCFullYear();
  const month = f.getUTCMonth() + 1;
  const day = f.getUTCDate();
  const hour = f.getUTCHours();
  const dow = f.getUTCDay(); // 0 = Sunday
  let out = '';
  for (const t of toks) {
    if (typeof t === 'string') {
      out += t;
      continue;
    }
    const n = t.count;
    switch (t.letter) {
      case 'G':
        out += year > 0 ? 'AD' : 'BC';
        break;
      case 'y':
      case 'Y': {
        let y = year;
        if (t.letter === 'Y') y = weekOfYear(year, month, day, locale).weekYear;
        const yoe = y > 0 ? y : 1 - y; // year of era
        out += n === 2 ? pad(yoe % 100, 2) : pad(yoe, n);
        break;
      }
      case 'M':
      case 'L':
        if (n >= 4) out += localNames(locale, 'month', 'long')[month - 1];
        else if (n === 3) out += localNames(locale, 'month', 'short')[month - 1];
        else out += pad(month, n);
        break;
      case 'd':
        out += pad(day, n);
        break;
      case 'D':
        out += pad(dayOfYear(year, month, day), n);
        break;
      case 'F':
        out += pad(Math.floor((day - 1) / 7) + 1, n);
        break;
      case 'w':
        out += pad(weekOfYear(year, month, day, locale).week, n);
        break;
      case 'W':
        out += pad(weekOfMonth(year, month, day, locale), n);
        break;
      case 'E':
        out += localNames(locale, 'weekday', n >= 4 ? 'long' : 'short')[dow];
        break;
      case 'u':
        out += pad(dow === 0 ? 7 : dow, n);
        break;
      case 'a':
        out += hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(hour, n);
        break;
      case 'k':
        out += pad(hour === 0 ? 24 : hour, n);
        break;
      case 'K':
        out += pad(hour % 12, n);
        break;
      case 'h':
        out += pad(hour % 12 === 0 ? 12 : hour % 12, n);
        break;
      case 'm':
        out += pad(f.getUTCMinutes(), n);
        break;
      case 's':
        out += pad(f.getUTCSeconds(), n);
        break;
      case 'S':
        // milliseconds as a plain number padded to the count: 'S' of 7 ms is "7", 'SSS' is "007"
        out += pad(f.getUTCMilliseconds(), n);
        break;
      case 'z':
        out += zoneName(timeZoneId, epochMs, n >= 4, locale);
        break;
      case 'Z': {
        // RFC 822: -0800
        const a = Math.abs(Math.round(off / 60000));
        out += (off < 0 ? '-' : '+') + pad(Math.floor(a / 60), 2) + pad(a % 60, 2);
        break;
      }
      case 'X':
        out += isoOffset(off, n);
        break;
    }
  }
  return out;
}
