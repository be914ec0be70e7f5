/**
 * The next fire time of a Scheduled Apex cron expression (Apex Developer Guide, Apex Scheduler: "Using the
 * System.Schedule Method"): `Seconds Minutes Hours Day_of_month Month Day_of_week [Year]`, in the scheduling user's
 * time zone. Each field takes a value, a list (`,`), a range (`-`), an increment (`/`), `*`, and `?` (day of month
 * or day of week: no value); months as 1–12 or JAN–DEC, days of week as 1–7 or SUN–SAT (1 = Sunday); years
 * 1970–2099. When both day fields name days, a day matching either fires. The time is the first second after `now`
 * the expression names (null when none is left before 2100).
 *
 * Not modelled: `L`, `W` and `#` (last day, nearest weekday, nth weekday): an expression with one of them fails
 * loudly ("not supported by the emulator: cron expression with L, W or #"). Invalid expressions are not refused.
 */
import { epochOfLocal, localFieldsOf } from './javaDateFormat';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** The values a field names (null for `?`), within [min, max]. */
function values(field: string, min: number, max: number, names: string[] = []): Set<number> | null {
  if (field === '?') return null;
  const out = new Set<number>();
  const num = (s: string): number => {
    const i = names.indexOf(s.toUpperCase());
    return i >= 0 ? i + 1 : Number(s);
  };
  for (const part of field.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    let lo: number;
    let hi: number;
    if (range === '*') {
      lo = min;
      hi = max;
    } else if (range.includes('-')) {
      const [a, b] = range.split('-');
      lo = num(a);
      hi = num(b);
    } else {
      lo = num(range);
      hi = stepText === undefined ? lo : max;
    }
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(step > 0)) continue;
    for (let v = lo; v <= hi; v += step) if (v >= min && v <= max) out.add(v);
  }
  return out;
}

/** The first time after `now` (epoch ms) the expression names, in `timeZone`; null when there is none before 2100. */
export function nextFireTime(expression: string, now: number, timeZone: string): number | null {
  const parts = expression.trim().split(/\s+/);
  if (parts.length < 6 || parts.length > 7) return null;
  const names = new RegExp(`${[...MONTHS, ...DAYS].join('|')}`, 'gi');
  if (parts.slice(3, 6).some((p) => /[LW#]/i.test(p.replace(names, '')))) {
    throw new Error('not supported by the emulator: cron expression with L, W or #');
  }
  const seconds = values(parts[0], 0, 59) ?? new Set([0]);
  const minutes = values(parts[1], 0, 59) ?? new Set([0]);
  const hours = values(parts[2], 0, 23) ?? new Set([0]);
  const dom = values(parts[3], 1, 31);
  const months = values(parts[4], 1, 12, MONTHS) ?? new Set<number>();
  const dow = values(parts[5], 1, 7, DAYS);
  const years = parts[6] ? values(parts[6], 1970, 2099) : null;
  const times: [number, number, number][] = [];
  for (const h of [...hours].sort((a, b) => a - b))
    for (const m of [...minutes].sort((a, b) => a - b))
      for (const s of [...seconds].sort((a, b) => a - b)) times.push([h, m, s]);
  const start = localFieldsOf(now, timeZone);
  const day = new Date(Date.UTC(start.year, start.month - 1, start.day));
  for (; day.getUTCFullYear() < 2100; day.setUTCDate(day.getUTCDate() + 1)) {
    const year = day.getUTCFullYear();
    const month = day.getUTCMonth() + 1;
    const date = day.getUTCDate();
    if (years && !years.has(year)) {
      if ([...years].every((y) => y < year)) return null;
      continue;
    }
    if (!months.has(month)) continue;
    const byDom = dom ? dom.has(date) : null;
    const byDow = dow ? dow.has(day.getUTCDay() + 1) : null;
    if (!(byDom === true || byDow === true || (byDom === null && byDow === null))) continue;
    for (const [hour, minute, second] of times) {
      const at = epochOfLocal({ year, month, day: date, hour, minute, second }, timeZone);
      if (at > now) return at;
    }
  }
  return null;
}
