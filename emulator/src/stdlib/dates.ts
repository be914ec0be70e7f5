/**
 * Date, Datetime, Time and TimeZone (Apex Reference Guide: Date Class, Datetime Class, Time Class, TimeZone Class).
 *
 * A Datetime is an instant; the "local" accessors (hour(), date(), format(), newInstance(...)) use the running
 * user's time zone and locale (`interp.user`). Calendar arithmetic (addDays/addMonths/addYears) works on the user's
 * local calendar like java.util.Calendar.add, keeping the wall-clock time across DST changes; addHours/addMinutes/
 * addSeconds add elapsed time.
 */
import type { Interpreter } from '../runtime/interpreter';
import { fault, npe, str, toInteger, toLong } from '../runtime/ops';
import type { Num } from '../runtime/ops';
import type { Registry } from '../runtime/registry';
import { ApexDate, ApexDatetime, ApexDecimal, ApexDouble, ApexTime, NativeObject } from '../runtime/values';
import {
  epochOfLocal,
  formatJavaDate,
  isValidZone,
  JavaDateFormatError,
  localFieldsOf,
  zoneDisplayName,
  zoneOffsetMs
} from './javaDateFormat';

const DAY_MS = 86400000;

function int(v: unknown): number {
  if (v === null || v === undefined) throw npe();
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint' || v instanceof ApexDouble || v instanceof ApexDecimal) return toInteger(v as Num);
  throw fault('System.TypeException', `Invalid integer: ${str(v)}`);
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** Lenient y/m/d (GregorianCalendar rolls month 13, day 0 … over). */
export function makeDate(y: number, m: number, d: number): ApexDate {
  const dt = new Date(0);
  dt.setUTCFullYear(y, m - 1, d);
  return new ApexDate(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

/** Calendar.add(MONTH, n): the day is clamped to the end of the resulting month. */
function addMonthsYmd(y: number, m: number, d: number, months: number): { year: number; month: number; day: number } {
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return { year, month, day: Math.min(d, daysInMonth(year, month)) };
}

function dayOfYear(d: ApexDate): number {
  return d.epochDay - new ApexDate(d.year, 1, 1).epochDay + 1;
}

/** Locales whose week starts on Sunday (java.util.Calendar firstDayOfWeek). */
function weekStartsSunday(locale: string): boolean {
  const region = (locale.split(/[_-]/)[1] ?? '').toUpperCase();
  return (
    region === '' ||
    ['US', 'CA', 'JP', 'BR', 'MX', 'IN', 'CN', 'KR', 'TW', 'HK', 'IL', 'PH', 'ZA', 'AU'].includes(region)
  );
}

interface LocaleFormats {
  date: string;
  time: string;
  longTime: string;
}

/** Salesforce short date / time formats of common locales (Datetime.format() and Date.format()). */
function localeFormats(locale: string): LocaleFormats {
  const l = locale.replace('-', '_');
  const lang = l.split('_')[0].toLowerCase();
  const table: Record<string, LocaleFormats> = {
    en_US: { date: 'M/d/yyyy', time: 'h:mm a', longTime: 'h:mm:ss a z' },
    en_CA: { date: 'yyyy-MM-dd', time: 'h:mm a', longTime: 'h:mm:ss a z' },
    en_GB: { date: 'dd/MM/yyyy', time: 'HH:mm', longTime: 'HH:mm:ss z' },
    en_AU: { date: 'd/MM/yyyy', time: 'h:mm a', longTime: 'h:mm:ss a z' },
    en_IN: { date: 'd/M/yyyy', time: 'h:mm a', longTime: 'h:mm:ss a z' },
    en_NZ: { date: 'd/MM/yyyy', time: 'h:mm a', longTime: 'h:mm:ss a z' },
    en_IE: { date: 'dd/MM/yyyy', time: 'HH:mm', longTime: 'HH:mm:ss z' },
    de: { date: 'dd.MM.yyyy', time: 'HH:mm', longTime: 'HH:mm:ss z' },
    fr: { date: 'dd/MM/yyyy', time: 'HH:mm', longTime: 'HH:mm:ss z' },
    fr_CA: { date: 'yyyy-MM-dd', time: 'HH:mm', longTime: 'HH:mm:ss z' },
    es: { date: 'd/MM/yyyy', time: 'H:mm', longTime: 'H:mm:ss z' },
    it: { date: 'dd/MM/yyyy', time: 'H.mm', longTime: 'H.mm.ss z' },
    nl: { date: 'd-M-yyyy', time: 'H:mm', longTime: 'H:mm:ss z' },
    pt: { date: 'dd/MM/yyyy', time: 'HH:mm', longTime: 'HH:mm:ss z' },
    ja: { date: 'yyyy/MM/dd', time: 'H:mm', longTime: 'H:mm:ss z' },
    zh: { date: 'yyyy/M/d', time: 'ah:mm', longTime: 'ah:mm:ss z' },
    ko: { date: 'yyyy. M. d', time: 'a h:mm', longTime: 'a h:mm:ss z' },
    sv: { date: 'yyyy-MM-dd', time: 'HH:mm', longTime: 'HH:mm:ss z' }
  };
  return table[l] ?? table[lang] ?? table.en_US;
}

function formatPattern(pattern: string, ms: number, tz: string, locale: string): string {
  try {
    return formatJavaDate(pattern, ms, tz, locale);
  } catch (e) {
    if (e instanceof JavaDateFormatError) throw fault('System.IllegalArgumentException', e.message);
    throw e;
  }
}

/** TimeZone.getTimeZone: unknown IDs become GMT (java.util.TimeZone). */
export function timeZoneObject(id: string): NativeObject {
  const zone = isValidZone(id) ? id : 'GMT';
  const o: NativeObject = new NativeObject('System.TimeZone', {
    id: zone,
    __toString: () => zone,
    __equals: (other: NativeObject) => other.type === 'System.TimeZone' && other.data['id'] === zone
  });
  return o;
}

function zoneArg(v: unknown): string {
  if (v === null || v === undefined) throw npe();
  if (v instanceof NativeObject && v.type === 'System.TimeZone') return v.data['id'] as string;
  const id = str(v);
  return isValidZone(id) ? id : 'GMT';
}

// ------------------------------------------------------------------ parsing

function parseDateText(text: string): ApexDate | null {
  const m = /^\s*(\d{1,4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?(?:\.\d+)?)?\s*$/.exec(text);
  if (!m) return null;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return makeDate(Number(m[1]), month, day);
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function parseDatetimeText(text: string): LocalParts | null {
  const m = /^\s*(\d{1,4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?\s*$/.exec(text);
  if (!m) return null;
  return {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0)
  };
}

/** A minimal SimpleDateFormat.parse for the locale's short formats (M, d, y, h, H, m, s, a). */
function parseWithPattern(pattern: string, text: string): LocalParts | null {
  let re = '^\\s*';
  const groups: string[] = [];
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i];
    let j = i;
    while (j < pattern.length && pattern[j] === c) j++;
    if (/[yMdHhms]/.test(c)) {
      re += '(\\d{1,4})';
      groups.push(c);
    } else if (c === 'a') {
      re += '\\s*([AaPp][Mm])';
      groups.push('a');
    } else if (c === ' ') re += '\\s+';
    else re += pattern.slice(i, j).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    i = j;
  }
  const m = new RegExp(re + '\\s*$').exec(text);
  if (!m) return null;
  const p: LocalParts = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  let pm: boolean | null = null;
  let h12 = false;
  groups.forEach((g, i) => {
    const v = m[i + 1];
    switch (g) {
      case 'y': {
        let y = Number(v);
        if (v.length <= 2) y += y < 50 ? 2000 : 1900;
        p.year = y;
        break;
      }
      case 'M':
        p.month = Number(v);
        break;
      case 'd':
        p.day = Number(v);
        break;
      case 'H':
        p.hour = Number(v);
        break;
      case 'h':
        p.hour = Number(v) % 12;
        h12 = true;
        break;
      case 'm':
        p.minute = Number(v);
        break;
      case 's':
        p.second = Number(v);
        break;
      case 'a':
        pm = v.toUpperCase() === 'PM';
        break;
    }
  });
  if (pm && (h12 || p.hour < 12)) p.hour += 12;
  if (p.month < 1 || p.month > 12 || p.day < 1 || p.day > 31) return null;
  return p;
}

// ------------------------------------------------------------------ helpers on instants

function tzOf(interp: Interpreter): string {
  return interp.user.timeZone;
}

function localOf(interp: Interpreter, ms: number) {
  return localFieldsOf(ms, tzOf(interp));
}

function gmtOf(ms: number) {
  return localFieldsOf(ms, 'GMT');
}

function timeOfDay(f: { hour: number; minute: number; second: number; millisecond: number }): ApexTime {
  return new ApexTime(((f.hour * 60 + f.minute) * 60 + f.second) * 1000 + f.millisecond);
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

function asDatetime(v: unknown): ApexDatetime {
  if (v === null || v === undefined) throw npe();
  if (v instanceof ApexDatetime) return v;
  if (v instanceof ApexDate) return new ApexDatetime(v.epochDay * DAY_MS);
  throw fault('System.TypeException', `Invalid conversion from runtime type ${typeof v} to Datetime`);
}

function asDate(v: unknown): ApexDate {
  if (v === null || v === undefined) throw npe();
  if (v instanceof ApexDate) return v;
  if (v instanceof ApexDatetime) return ApexDate.fromEpochDay(Math.floor(v.ms / DAY_MS));
  throw fault('System.TypeException', `Invalid conversion from runtime type ${typeof v} to Date`);
}

/** Shift a Datetime on the user's local calendar (Calendar.add of DAY/MONTH/YEAR). */
function addLocal(interp: Interpreter, dt: ApexDatetime, days: number, months: number): ApexDatetime {
  const tz = tzOf(interp);
  const f = localFieldsOf(dt.ms, tz);
  const ymd = addMonthsYmd(f.year, f.month, f.day, months);
  return new ApexDatetime(
    epochOfLocal(
      { ...ymd, day: ymd.day + days, hour: f.hour, minute: f.minute, second: f.second, millisecond: f.millisecond },
      tz
    )
  );
}

export function registerDates(r: Registry): void {
  // ---------------------------------------------------------------- Date
  r.static('Date', 'newInstance', (_c, [y, m, d]) => makeDate(int(y), int(m), int(d)));
  r.static('Date', 'today', ({ interp }) => {
    const f = localOf(interp, interp.now());
    return new ApexDate(f.year, f.month, f.day);
  });
  r.static('Date', 'valueOf', (_c, [v]) => {
    if (v === null || v === undefined) return null;
    if (v instanceof ApexDate) return v;
    if (v instanceof ApexDatetime) return asDate(v);
    const text = str(v);
    const d = parseDateText(text);
    if (!d) throw fault('System.TypeException', 'Invalid date: ' + text);
    return d;
  });
  r.static('Date', 'parse', ({ interp }, [v]) => {
    if (v === null || v === undefined) throw npe();
    const text = str(v);
    const p = parseWithPattern(localeFormats(interp.user.locale).date, text);
    if (!p) throw fault('System.TypeException', 'Invalid date: ' + text);
    return makeDate(p.year, p.month, p.day);
  });
  r.static('Date', 'isLeapYear', (_c, [y]) => isLeapYear(int(y)));
  r.static('Date', 'daysInMonth', (_c, [y, m]) => daysInMonth(int(y), int(m)));

  const date = (v: unknown): ApexDate => v as ApexDate;
  r.method('Date', 'addDays', ({ self }, [n]) => ApexDate.fromEpochDay(date(self).epochDay + int(n)));
  r.method('Date', 'addMonths', ({ self }, [n]) => {
    const d = date(self);
    const x = addMonthsYmd(d.year, d.month, d.day, int(n));
    return new ApexDate(x.year, x.month, x.day);
  });
  r.method('Date', 'addYears', ({ self }, [n]) => {
    const d = date(self);
    const x = addMonthsYmd(d.year, d.month, d.day, int(n) * 12);
    return new ApexDate(x.year, x.month, x.day);
  });
  r.method('Date', 'day', ({ self }) => date(self).day);
  r.method('Date', 'month', ({ self }) => date(self).month);
  r.method('Date', 'year', ({ self }) => date(self).year);
  r.method('Date', 'dayOfYear', ({ self }) => dayOfYear(date(self)));
  r.method('Date', 'daysBetween', ({ self }, [o]) => asDate(o).epochDay - date(self).epochDay);
  r.method('Date', 'monthsBetween', ({ self }, [o]) => {
    const a = date(self);
    const b = asDate(o);
    return (b.year - a.year) * 12 + (b.month - a.month);
  });
  r.method('Date', 'toStartOfMonth', ({ self }) => new ApexDate(date(self).year, date(self).month, 1));
  r.method('Date', 'toStartOfWeek', ({ interp, self }) => {
    const d = date(self);
    const dow = mod(d.epochDay + 4, 7); // 1970-01-01 was a Thursday; 0 = Sunday
    const back = weekStartsSunday(interp.user.locale) ? dow : mod(dow - 1, 7);
    return ApexDate.fromEpochDay(d.epochDay - back);
  });
  r.method('Date', 'isSameDay', ({ self }, [o]) => {
    if (o === null || o === undefined) throw npe();
    return asDate(o).epochDay === date(self).epochDay;
  });
  r.method('Date', 'format', ({ interp, self }) =>
    formatPattern(localeFormats(interp.user.locale).date, date(self).epochDay * DAY_MS, 'GMT', interp.user.locale)
  );
  r.method('Date', 'equals', ({ self }, [o]) => o instanceof ApexDate && o.epochDay === date(self).epochDay);
  r.method('Date', 'hashCode', ({ self }) => {
    const d = date(self);
    return (d.year * 10000 + d.month * 100 + d.day) | 0;
  });
  r.method('Date', 'toString', ({ self }) => str(self));

  // ---------------------------------------------------------------- Datetime
  r.static('Datetime', 'newInstance', ({ interp }, args) => {
    if (args.length === 1) {
      const v = args[0];
      if (v === null || v === undefined) throw npe();
      return new ApexDatetime(Number(toLong(v as Num)));
    }
    if (args.length === 2) {
      const d = asDate(args[0]);
      const t = args[1] as ApexTime;
      if (t === null || t === undefined) throw npe();
      return new ApexDatetime(
        epochOfLocal(
          {
            year: d.year,
            month: d.month,
            day: d.day,
            hour: t.hour,
            minute: t.minute,
            second: t.second,
            millisecond: t.millisecond
          },
          tzOf(interp)
        )
      );
    }
    const [y, m, d, h, mi, s] = args;
    return new ApexDatetime(
      epochOfLocal(
        {
          year: int(y),
          month: int(m),
          day: int(d),
          hour: h === undefined ? 0 : int(h),
          minute: mi === undefined ? 0 : int(mi),
          second: s === undefined ? 0 : int(s)
        },
        tzOf(interp)
      )
    );
  });
  r.static('Datetime', 'newInstanceGmt', (_c, args) => {
    if (args.length === 2) {
      const d = asDate(args[0]);
      const t = args[1] as ApexTime;
      if (t === null || t === undefined) throw npe();
      return new ApexDatetime(d.epochDay * DAY_MS + t.ms);
    }
    const [y, m, d, h, mi, s] = args;
    const dt = new Date(0);
    dt.setUTCFullYear(int(y), int(m) - 1, int(d));
    dt.setUTCHours(h === undefined ? 0 : int(h), mi === undefined ? 0 : int(mi), s === undefined ? 0 : int(s), 0);
    return new ApexDatetime(dt.getTime());
  });
  r.static('Datetime', 'now', ({ interp }) => new ApexDatetime(interp.now()));
  const valueOf = (v: unknown, tz: string): unknown => {
    if (v === null || v === undefined) return null;
    if (v instanceof ApexDatetime) return v;
    if (v instanceof ApexDate) return asDatetime(v);
    const text = str(v);
    const p = parseDatetimeText(text);
    if (!p) throw fault('System.TypeException', 'Invalid date/time: ' + text);
    return new ApexDatetime(epochOfLocal(p, tz));
  };
  r.static('Datetime', 'valueOf', ({ interp }, [v]) => valueOf(v, tzOf(interp)));
  r.static('Datetime', 'valueOfGmt', (_c, [v]) => valueOf(v, 'GMT'));
  r.static('Datetime', 'parse', ({ interp }, [v]) => {
    if (v === null || v === undefined) throw npe();
    const text = str(v);
    const f = localeFormats(interp.user.locale);
    const p = parseWithPattern(`${f.date} ${f.time}`, text) ?? parseWithPattern(f.date, text);
    if (!p) throw fault('System.TypeException', 'Invalid date/time: ' + text);
    return new ApexDatetime(epochOfLocal(p, tzOf(interp)));
  });

  const dtm = (v: unknown): ApexDatetime => v as ApexDatetime;
  r.method('Datetime', 'getTime', ({ self }) => BigInt(dtm(self).ms));
  r.method('Datetime', 'date', ({ interp, self }) => {
    const f = localOf(interp, dtm(self).ms);
    return new ApexDate(f.year, f.month, f.day);
  });
  r.method('Datetime', 'dateGmt', ({ self }) => {
    const f = gmtOf(dtm(self).ms);
    return new ApexDate(f.year, f.month, f.day);
  });
  r.method('Datetime', 'time', ({ interp, self }) => timeOfDay(localOf(interp, dtm(self).ms)));
  r.method('Datetime', 'timeGmt', ({ self }) => timeOfDay(gmtOf(dtm(self).ms)));
  const fields = ['year', 'month', 'day', 'hour', 'minute', 'second', 'millisecond'] as const;
  for (const name of fields) {
    r.method('Datetime', name, ({ interp, self }) => localOf(interp, dtm(self).ms)[name]);
    r.method('Datetime', name + 'Gmt', ({ self }) => gmtOf(dtm(self).ms)[name]);
  }
  r.method('Datetime', 'dayOfYear', ({ interp, self }) => {
    const f = localOf(interp, dtm(self).ms);
    return dayOfYear(new ApexDate(f.year, f.month, f.day));
  });
  r.method('Datetime', 'dayOfYearGmt', ({ self }) => {
    const f = gmtOf(dtm(self).ms);
    return dayOfYear(new ApexDate(f.year, f.month, f.day));
  });
  r.method('Datetime', 'addDays', ({ interp, self }, [n]) => addLocal(interp, dtm(self), int(n), 0));
  r.method('Datetime', 'addMonths', ({ interp, self }, [n]) => addLocal(interp, dtm(self), 0, int(n)));
  r.method('Datetime', 'addYears', ({ interp, self }, [n]) => addLocal(interp, dtm(self), 0, int(n) * 12));
  r.method('Datetime', 'addHours', ({ self }, [n]) => new ApexDatetime(dtm(self).ms + int(n) * 3600000));
  r.method('Datetime', 'addMinutes', ({ self }, [n]) => new ApexDatetime(dtm(self).ms + int(n) * 60000));
  r.method('Datetime', 'addSeconds', ({ self }, [n]) => new ApexDatetime(dtm(self).ms + int(n) * 1000));
  r.method('Datetime', 'format', ({ interp, self }, [pattern, tz]) => {
    const ms = dtm(self).ms;
    const locale = interp.user.locale;
    if (pattern === undefined) {
      const f = localeFormats(locale);
      return formatPattern(`${f.date} ${f.time}`, ms, tzOf(interp), locale);
    }
    if (pattern === null) throw npe();
    return formatPattern(str(pattern), ms, tz === undefined ? tzOf(interp) : zoneArg(tz), locale);
  });
  r.method('Datetime', 'formatGmt', ({ interp, self }, [pattern]) => {
    if (pattern === null || pattern === undefined) throw npe();
    return formatPattern(str(pattern), dtm(self).ms, 'GMT', interp.user.locale);
  });
  r.method('Datetime', 'formatLong', ({ interp, self }) => {
    const f = localeFormats(interp.user.locale);
    return formatPattern(`${f.date} ${f.longTime}`, dtm(self).ms, tzOf(interp), interp.user.locale);
  });
  r.method('Datetime', 'isSameDay', ({ interp, self }, [o]) => {
    if (o === null || o === undefined) throw npe();
    const a = localOf(interp, dtm(self).ms);
    const b = localOf(interp, asDatetime(o).ms);
    return a.year === b.year && a.month === b.month && a.day === b.day;
  });
  r.method('Datetime', 'equals', ({ self }, [o]) => o instanceof ApexDatetime && o.ms === dtm(self).ms);
  r.method('Datetime', 'hashCode', ({ self }) => {
    const v = BigInt(dtm(self).ms);
    return Number(BigInt.asIntN(32, v ^ (BigInt.asUintN(64, v) >> 32n)));
  });
  r.method('Datetime', 'toString', ({ self }) => str(self));

  // ---------------------------------------------------------------- Time
  r.static('Time', 'newInstance', (_c, [h, m, s, ms]) => {
    const total = ((int(h) * 60 + int(m)) * 60 + int(s)) * 1000 + int(ms);
    return new ApexTime(mod(total, DAY_MS));
  });
  const time = (v: unknown): ApexTime => v as ApexTime;
  const addTime =
    (unit: number) =>
    ({ self }: { self: unknown }, [n]: unknown[]) =>
      new ApexTime(mod(time(self).ms + int(n) * unit, DAY_MS));
  r.method('Time', 'addHours', addTime(3600000));
  r.method('Time', 'addMinutes', addTime(60000));
  r.method('Time', 'addSeconds', addTime(1000));
  r.method('Time', 'addMilliseconds', addTime(1));
  r.method('Time', 'hour', ({ self }) => time(self).hour);
  r.method('Time', 'minute', ({ self }) => time(self).minute);
  r.method('Time', 'second', ({ self }) => time(self).second);
  r.method('Time', 'millisecond', ({ self }) => time(self).millisecond);
  r.method('Time', 'equals', ({ self }, [o]) => o instanceof ApexTime && o.ms === time(self).ms);
  r.method('Time', 'hashCode', ({ self }) => time(self).ms);
  r.method('Time', 'toString', ({ self }) => str(self));

  // ---------------------------------------------------------------- TimeZone
  r.type('System.TimeZone');
  r.static('TimeZone', 'getTimeZone', (_c, [id]) => {
    if (id === null || id === undefined) throw npe();
    return timeZoneObject(str(id));
  });
  const zoneId = (self: unknown): string => (self as NativeObject).data['id'] as string;
  r.method('System.TimeZone', 'getID', ({ self }) => zoneId(self));
  r.method('System.TimeZone', 'getDisplayName', ({ interp, self }) =>
    zoneDisplayName(zoneId(self), interp.now(), interp.user.locale)
  );
  r.method('System.TimeZone', 'getOffset', ({ self }, [dt]) => zoneOffsetMs(zoneId(self), asDatetime(dt).ms));
  r.method('System.TimeZone', 'toString', ({ self }) => zoneId(self));
  r.method(
    'System.TimeZone',
    'equals',
    ({ self }, [o]) => o instanceof NativeObject && o.type === 'System.TimeZone' && zoneId(o) === zoneId(self)
  );
  r.method('System.TimeZone', 'hashCode', ({ self }) => {
    let h = 0;
    for (const c of zoneId(self)) h = (Math.imul(31, h) + c.charCodeAt(0)) | 0;
    return h;
  });
}
