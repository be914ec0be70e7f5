/**
 * Times on the engagement card: the Lead's fields keep each time as Aloware recorded it (a Date field plus a Text(40)
 * time with its UTC offset, e.g. `2025-11-20` + `08:33:16-07:00`; see docs/catalog.md "Why the time fields are
 * Text(40)"). The card turns them into an instant and shows it in the rep's locale and time zone, with "x ago".
 * Pure functions: the current time, locale and zone are always parameters, so tests never depend on the clock.
 */

/** What the card shows for one recorded time. */
export interface ShownTime {
  /** "3 days ago", "in 5 minutes", "yesterday"; null when nothing can be said. */
  relative: string | null;
  /** The moment in the rep's zone ("Nov 20, 2025, 7:33 AM PST"), or the date alone for a date without a time. */
  absolute: string;
  /** The value as recorded in the fields ("2025-11-20 08:33:16-07:00"), for the tooltip. */
  recorded: string;
  /** ISO 8601 for `<time datetime>`: the instant, or the date alone. */
  machine: string | null;
  /** Epoch milliseconds of the instant; null for a date without a (zoned) time. */
  instant: number | null;
}

/** Locale and zone the card formats in (from `@salesforce/i18n/locale` and `@salesforce/i18n/timeZone`). */
export interface Viewer {
  locale: string;
  timeZone: string;
  /** Epoch milliseconds of "now". */
  now: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** hh:mm[:ss[.fff]] with an optional offset (Z, ±hh, ±hhmm, ±hh:mm). */
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
/** A time field that holds a whole date and time ("2025-11-20 08:33:16-07:00", "2025-11-20T08:33:16Z"). */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](.+)$/;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A zone the runtime knows, else UTC (an unknown zone makes Intl throw a RangeError). */
export function safeTimeZone(timeZone: string | null | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone }).format(0);
    return timeZone;
  } catch (error) {
    if (error instanceof RangeError) return 'UTC';
    throw error;
  }
}

/** A locale the runtime accepts, else en-US (Salesforce locales may use `_`, e.g. `en_US`). */
export function safeLocale(locale: string | null | undefined): string {
  const tag = (locale ?? '').replace(/_/g, '-');
  if (!tag) return 'en-US';
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en-US';
  } catch (error) {
    if (error instanceof RangeError) return 'en-US';
    throw error;
  }
}

function offsetMinutes(offset: string): number {
  if (offset.toUpperCase() === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 60 + minutes);
}

function validDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * The instant of a recorded date + time with offset, or null when it has none (no date, no offset, or not a time).
 * @param date `YYYY-MM-DD` (the Date field, the day where the time was recorded)
 * @param time `hh:mm:ss±hh:mm` as recorded (or a whole date and time)
 */
export function recordedInstant(date: string | null, time: string | null): number | null {
  let day = date?.trim() ?? '';
  let clock = time?.trim() ?? '';
  const whole = DATE_TIME.exec(clock);
  if (whole) {
    day = whole[1] ?? '';
    clock = whole[2] ?? '';
  }
  const d = DATE.exec(day);
  const t = TIME.exec(clock);
  if (!d || !t || !t[5]) return null;
  const [year, month, dayOfMonth] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const [hours, minutes, seconds] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
  const millis = Number(((t[4] ?? '') + '000').slice(0, 3));
  if (!validDate(year, month, dayOfMonth) || hours > 23 || minutes > 59 || seconds > 59) return null;
  return Date.UTC(year, month - 1, dayOfMonth, hours, minutes, seconds, millis) - offsetMinutes(t[5]) * MINUTE;
}

/**
 * "3 minutes ago", "in 2 hours", "yesterday", "now": minutes and hours under a day; beyond, whole calendar days in the
 * rep's zone (47 hours ago on the day before yesterday is "2 days ago"), then months and years. Style long, numeric
 * auto.
 */
export function relativeTime(instant: number, viewer: Viewer): string {
  const diff = instant - viewer.now;
  const abs = Math.abs(diff);
  const format = new Intl.RelativeTimeFormat(safeLocale(viewer.locale), { numeric: 'auto' });
  const round = (unit: number): number => Math.trunc(diff / unit) || 0;
  if (abs < MINUTE) return format.format(0, 'second');
  if (abs < HOUR) return format.format(round(MINUTE), 'minute');
  if (abs < DAY) return format.format(round(HOUR), 'hour');
  const zone = safeTimeZone(viewer.timeZone);
  const days = Math.round((dayInZone(instant, zone) - dayInZone(viewer.now, zone)) / DAY);
  return relativeDays(days, format);
}

function relativeDays(days: number, format: Intl.RelativeTimeFormat): string {
  if (Math.abs(days) < 30) return format.format(days, 'day');
  if (Math.abs(days) < 365) return format.format(Math.trunc(days / 30), 'month');
  return format.format(Math.trunc(days / 365), 'year');
}

/** The calendar date of an instant in a zone, as UTC midnight epoch milliseconds. */
function dayInZone(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric'
  }).formatToParts(instant);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day'));
}

/** "yesterday", "3 days ago": a date counted in whole days from the rep's today. */
export function relativeDate(date: string, viewer: Viewer): string | null {
  const d = DATE.exec(date.trim());
  if (!d) return null;
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  if (!validDate(year, month, day)) return null;
  const days = Math.round(
    (Date.UTC(year, month - 1, day) - dayInZone(viewer.now, safeTimeZone(viewer.timeZone))) / DAY
  );
  return relativeDays(days, new Intl.RelativeTimeFormat(safeLocale(viewer.locale), { numeric: 'auto' }));
}

/** An instant in the rep's locale and zone, with the zone's short name ("Nov 20, 2025, 7:33 AM PST"). */
export function absoluteTime(instant: number, viewer: Viewer): string {
  return new Intl.DateTimeFormat(safeLocale(viewer.locale), {
    timeZone: safeTimeZone(viewer.timeZone),
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short'
  }).format(instant);
}

/** A date without a time ("Nov 20, 2025"): a calendar date, shown as is in every zone. */
export function absoluteDate(date: string, viewer: Viewer): string | null {
  const d = DATE.exec(date.trim());
  if (!d) return null;
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  if (!validDate(year, month, day)) return null;
  return new Intl.DateTimeFormat(safeLocale(viewer.locale), {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'short',
    day: 'numeric'
  }).format(Date.UTC(year, month - 1, day));
}

/**
 * A recorded date + time (either may be missing) as the card shows it. A time without an offset cannot be placed in
 * the rep's zone: the date is shown with the time as recorded, and nothing is converted.
 * @returns null when neither value is present
 */
export function showRecorded(date: string | null, time: string | null, viewer: Viewer): ShownTime | null {
  const day = date?.trim() || null;
  const clock = time?.trim() || null;
  if (!day && !clock) return null;
  const recorded = [day, clock].filter(Boolean).join(' ');
  const instant = recordedInstant(day, clock);
  if (instant !== null) {
    return {
      relative: relativeTime(instant, viewer),
      absolute: absoluteTime(instant, viewer),
      recorded,
      machine: new Date(instant).toISOString(),
      instant
    };
  }
  const shownDate = day ? absoluteDate(day, viewer) : null;
  return {
    relative: day ? relativeDate(day, viewer) : null,
    absolute: [shownDate ?? day, clock].filter(Boolean).join(' '),
    recorded,
    machine: shownDate && day ? day : null,
    instant: null
  };
}

/** A DateTime field's value (ISO 8601 from the UI API) as the card shows it; null when blank or not a date. */
export function showDateTime(value: string | null, viewer: Viewer): ShownTime | null {
  if (!value) return null;
  const instant = Date.parse(value);
  if (Number.isNaN(instant)) return null;
  return {
    relative: relativeTime(instant, viewer),
    absolute: absoluteTime(instant, viewer),
    recorded: value,
    machine: new Date(instant).toISOString(),
    instant
  };
}
