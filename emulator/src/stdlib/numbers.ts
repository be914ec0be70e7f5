/**
 * Integer, Long, Double, Decimal and Math (Apex Reference Guide: Integer Class, Long Class, Double Class, Decimal
 * Class, Math Class) and the System.RoundingMode enum.
 *
 * Decimal is java.math.BigDecimal underneath: setScale() without a mode and round() use HALF_EVEN (Decimal Class:
 * "round() ... half-even rounding mode"); format() is java.text.NumberFormat of the user's locale (at most three
 * fraction digits: the guide's example `12345.6789.format()` is `12,345.679`).
 */
import Decimal from 'decimal.js';
import { fault, formatDouble, npe, str, toDecimal, toDouble, toInteger, toLong } from '../runtime/ops';
import type { Num } from '../runtime/ops';
import type { Registry } from '../runtime/registry';
import { ApexDecimal, ApexDouble, EnumValue } from '../runtime/values';

const ROUNDING_MODES = ['UP', 'DOWN', 'CEILING', 'FLOOR', 'HALF_UP', 'HALF_DOWN', 'HALF_EVEN', 'UNNECESSARY'];

// decimal.js rounding constants share java.math.RoundingMode's order (ROUND_UP = 0 … ROUND_HALF_EVEN = 6).
function roundingOf(mode: unknown): Decimal.Rounding | 'UNNECESSARY' {
  if (mode === null || mode === undefined) throw npe();
  const name = mode instanceof EnumValue ? mode.name : str(mode).toUpperCase();
  const i = ROUNDING_MODES.indexOf(name);
  if (i < 0) throw fault('System.TypeException', 'Invalid rounding mode: ' + name);
  if (i === 7) return 'UNNECESSARY';
  return i as Decimal.Rounding;
}

const isNum = (v: unknown): v is Num =>
  typeof v === 'number' || typeof v === 'bigint' || v instanceof ApexDouble || v instanceof ApexDecimal;

function num(v: unknown): Num {
  if (v === null || v === undefined) throw npe();
  if (!isNum(v)) throw fault('System.TypeException', `Invalid conversion from runtime type ${typeof v} to Decimal`);
  return v;
}

/** BigDecimal.setScale(scale, mode). */
export function setScale(
  d: ApexDecimal,
  scale: number,
  mode: Decimal.Rounding | 'UNNECESSARY' = Decimal.ROUND_HALF_EVEN
): ApexDecimal {
  if (mode === 'UNNECESSARY') {
    const r = d.v.toDecimalPlaces(Math.max(0, scale), Decimal.ROUND_DOWN);
    if (!r.eq(d.v)) throw fault('System.MathException', 'Rounding necessary');
    return new ApexDecimal(r, scale);
  }
  if (scale >= 0) return new ApexDecimal(d.v.toDecimalPlaces(scale, mode), scale);
  // Negative scale: round to tens, hundreds, … (printed as a plain number here).
  const f = new Decimal(10).pow(-scale);
  return new ApexDecimal(d.v.div(f).toDecimalPlaces(0, mode).times(f), 0);
}

function roundToLong(d: ApexDecimal, mode: Decimal.Rounding | 'UNNECESSARY'): bigint {
  return BigInt.asIntN(64, BigInt(setScale(d, 0, mode).v.toFixed(0)));
}

/** Decimal text accepted by java.math.BigDecimal(String). */
const DECIMAL_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function parseDecimal(text: string): ApexDecimal {
  const t = text.trim();
  if (!DECIMAL_TEXT.test(t)) throw fault('System.TypeException', 'Invalid decimal: ' + text);
  return ApexDecimal.of(t.replace(/^\+/, ''));
}

function parseIntegerText(text: string, bits: 32 | 64): bigint | null {
  if (!/^[+-]?\d+$/.test(text)) return null;
  const v = BigInt(text);
  const limit = bits === 32 ? 2n ** 31n : 2n ** 63n;
  if (v < -limit || v >= limit) return null;
  return v;
}

/** Integer.valueOf / Long.valueOf / Double.valueOf / Decimal.valueOf of a String or any value. */
function integerValueOf(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    const r = parseIntegerText(v, 32);
    if (r === null) throw fault('System.TypeException', 'Invalid integer: ' + v);
    return Number(r);
  }
  if (isNum(v)) return toInteger(v);
  throw fault('System.TypeException', `Invalid integer: ${str(v)}`);
}

function longValueOf(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    const r = parseIntegerText(v, 64);
    if (r === null) throw fault('System.TypeException', 'Invalid long: ' + v);
    return r;
  }
  if (isNum(v)) return toLong(v);
  throw fault('System.TypeException', `Invalid long: ${str(v)}`);
}

/** Java's Double.parseDouble. */
export function parseDoubleText(text: string): number | null {
  const t = text.trim();
  if (/^[+-]?(NaN|Infinity)$/.test(t))
    return t.startsWith('-') ? (t.endsWith('y') ? -Infinity : NaN) : t.endsWith('y') ? Infinity : NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[dDfF]?$/.test(t)) return null;
  return Number(t.replace(/[dDfF]$/, ''));
}

function doubleValueOf(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    const r = parseDoubleText(v);
    if (r === null) throw fault('System.TypeException', 'Invalid double: ' + v);
    return new ApexDouble(r);
  }
  if (isNum(v)) return new ApexDouble(toDouble(v));
  throw fault('System.TypeException', `Invalid double: ${str(v)}`);
}

function decimalValueOf(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return parseDecimal(v);
  if (isNum(v)) return toDecimal(v);
  throw fault('System.TypeException', `Invalid decimal: ${str(v)}`);
}

// ------------------------------------------------------------------ locale number format

interface NumberSymbols {
  group: string;
  decimal: string;
}

function symbolsOf(locale: string): NumberSymbols {
  const l = locale.toLowerCase();
  const lang = l.split('_')[0];
  if (l === 'de_ch' || l === 'fr_ch' || l === 'it_ch') return { group: "'", decimal: '.' };
  if (
    l === 'en_in' ||
    l.startsWith('en') ||
    l.startsWith('ja') ||
    l.startsWith('zh') ||
    l.startsWith('ko') ||
    l === 'es_mx' ||
    lang === 'he' ||
    lang === 'th'
  ) {
    return { group: ',', decimal: '.' };
  }
  if (
    lang === 'fr' ||
    lang === 'ru' ||
    lang === 'sv' ||
    lang === 'fi' ||
    lang === 'nb' ||
    lang === 'no' ||
    lang === 'pl' ||
    lang === 'cs' ||
    lang === 'sk' ||
    lang === 'uk' ||
    lang === 'hu'
  ) {
    return { group: '\u00a0', decimal: ',' };
  }
  if (
    lang === 'de' ||
    lang === 'es' ||
    lang === 'it' ||
    lang === 'nl' ||
    lang === 'pt' ||
    lang === 'da' ||
    lang === 'tr' ||
    lang === 'id' ||
    lang === 'el' ||
    lang === 'ro'
  ) {
    return { group: '.', decimal: ',' };
  }
  return { group: ',', decimal: '.' };
}

/** java.text.NumberFormat.getInstance(locale).format: grouping, at most `maxFraction` digits (HALF_EVEN), no trailing zeros. */
export function formatNumber(d: Decimal, locale: string, maxFraction = 3): string {
  const sym = symbolsOf(locale);
  const r = d.toDecimalPlaces(maxFraction, Decimal.ROUND_HALF_EVEN);
  const neg = r.isNegative() && !r.isZero();
  const text = r.abs().toFixed();
  const [intPart, frac] = text.split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, sym.group);
  const f = (frac ?? '').replace(/0+$/, '');
  return (neg ? '-' : '') + grouped + (f ? sym.decimal + f : '');
}

function javaIntHash(v: bigint): number {
  return Number(BigInt.asIntN(32, v ^ (BigInt.asUintN(64, v) >> 32n)));
}

function doubleHash(d: number): number {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, Number.isNaN(d) ? NaN : d);
  return javaIntHash(buf.getBigInt64(0));
}

function precisionOf(d: ApexDecimal): number {
  const unscaled = d.v.abs().times(new Decimal(10).pow(d.scale)).toFixed(0);
  return unscaled.replace(/^0+/, '').length || 1;
}

// ------------------------------------------------------------------ Math helpers

/** A transcendental of a Decimal: DECIMAL128-like 34 significant digits. */
function decimal34(d: Decimal): ApexDecimal {
  const r = d.toSignificantDigits(34, Decimal.ROUND_HALF_EVEN);
  return new ApexDecimal(r, Math.max(0, r.decimalPlaces()));
}

function rankOf(v: Num): number {
  if (typeof v === 'number') return 0;
  if (typeof v === 'bigint') return 1;
  if (v instanceof ApexDouble) return 2;
  return 3;
}

function promote(v: Num, rank: number): Num {
  switch (rank) {
    case 0:
      return v;
    case 1:
      return toLong(v);
    case 2:
      return new ApexDouble(toDouble(v));
  }
  return toDecimal(v);
}

function compare(a: Num, b: Num): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof ApexDouble && b instanceof ApexDouble) return a.v - b.v;
  return toDecimal(a).v.comparedTo(toDecimal(b).v);
}

function doubleResult(
  fn: (x: number) => number,
  decimalFn?: (d: Decimal) => Decimal
): (c: unknown, args: unknown[]) => unknown {
  return (_c, [x]) => {
    const v = num(x);
    if (v instanceof ApexDecimal && decimalFn) return decimal34(decimalFn(v.v));
    return new ApexDouble(fn(toDouble(v)));
  };
}

export function registerNumbers(r: Registry): void {
  r.enumType('System.RoundingMode', ROUNDING_MODES);

  // ---------------------------------------------------------------- Integer
  r.static('Integer', 'valueOf', (_c, [v]) => integerValueOf(v));
  r.method('Integer', 'format', ({ interp, self }) => formatNumber(new Decimal(self as number), interp.user.locale));
  r.method('Integer', 'intValue', ({ self }) => self);
  r.method('Integer', 'longValue', ({ self }) => BigInt(self as number));
  r.method('Integer', 'doubleValue', ({ self }) => new ApexDouble(self as number));
  r.method('Integer', 'decimalValue', ({ self }) => ApexDecimal.fromNumber(self as number));
  r.method('Integer', 'hashCode', ({ self }) => self);
  r.method('Integer', 'toString', ({ self }) => str(self));
  r.method('Integer', 'equals', ({ self }, [o]) => typeof o === 'number' && o === self);

  // ---------------------------------------------------------------- Long
  r.static('Long', 'valueOf', (_c, [v]) => longValueOf(v));
  r.method('Long', 'format', ({ interp, self }) =>
    formatNumber(new Decimal((self as bigint).toString()), interp.user.locale)
  );
  r.method('Long', 'intValue', ({ self }) => toInteger(self as bigint));
  r.method('Long', 'longValue', ({ self }) => self);
  r.method('Long', 'doubleValue', ({ self }) => new ApexDouble(Number(self as bigint)));
  r.method('Long', 'hashCode', ({ self }) => javaIntHash(self as bigint));
  r.method('Long', 'toString', ({ self }) => str(self));
  r.method('Long', 'equals', ({ self }, [o]) => typeof o === 'bigint' && o === self);

  // ---------------------------------------------------------------- Double
  r.static('Double', 'valueOf', (_c, [v]) => doubleValueOf(v));
  r.method('Double', 'format', ({ interp, self }) => {
    const d = (self as ApexDouble).v;
    if (!Number.isFinite(d)) return Number.isNaN(d) ? 'NaN' : d > 0 ? '∞' : '-∞';
    return formatNumber(new Decimal(formatDouble(d).replace('E', 'e')), interp.user.locale);
  });
  r.method('Double', 'intValue', ({ self }) => toInteger(self as ApexDouble));
  r.method('Double', 'longValue', ({ self }) => toLong(self as ApexDouble));
  r.method('Double', 'doubleValue', ({ self }) => self);
  // Double.round(): java.lang.Math.round (half up, toward positive infinity) to a Long.
  r.method('Double', 'round', ({ self }) => {
    const d = (self as ApexDouble).v;
    if (Number.isNaN(d)) return 0n;
    if (!Number.isFinite(d)) return d > 0 ? 2n ** 63n - 1n : -(2n ** 63n);
    return BigInt.asIntN(64, BigInt(Math.floor(d + 0.5)));
  });
  r.method('Double', 'hashCode', ({ self }) => doubleHash((self as ApexDouble).v));
  r.method('Double', 'toString', ({ self }) => str(self));
  r.method('Double', 'equals', ({ self }, [o]) => o instanceof ApexDouble && Object.is(o.v, (self as ApexDouble).v));

  // ---------------------------------------------------------------- Decimal
  r.static('Decimal', 'valueOf', (_c, [v]) => decimalValueOf(v));
  const dec = (self: unknown): ApexDecimal => self as ApexDecimal;
  r.method('Decimal', 'abs', ({ self }) => new ApexDecimal(dec(self).v.abs(), dec(self).scale));
  r.method('Decimal', 'negate', ({ self }) => new ApexDecimal(dec(self).v.neg(), dec(self).scale));
  r.method('Decimal', 'plus', ({ self }) => self);
  r.method('Decimal', 'scale', ({ self }) => dec(self).scale);
  r.method('Decimal', 'precision', ({ self }) => precisionOf(dec(self)));
  r.method('Decimal', 'setScale', ({ self }, [scale, mode]) => {
    if (scale === null || scale === undefined) throw npe();
    return setScale(dec(self), toInteger(num(scale)), mode === undefined ? Decimal.ROUND_HALF_EVEN : roundingOf(mode));
  });
  r.method('Decimal', 'divide', ({ self }, [divisor, scale, mode]) => {
    const d = toDecimal(num(divisor));
    if (d.v.isZero()) throw fault('System.MathException', 'Divide by 0');
    const s = scale === undefined || scale === null ? dec(self).scale : toInteger(num(scale));
    const q = new ApexDecimal(dec(self).v.div(d.v), 60);
    // Without a mode Apex rounds HALF_UP (not documented; BigDecimal.divide(d, scale, ROUND_HALF_UP)).
    return setScale(q, s, mode === undefined ? Decimal.ROUND_HALF_UP : roundingOf(mode));
  });
  r.method('Decimal', 'round', ({ self }, [mode]) =>
    roundToLong(dec(self), mode === undefined ? Decimal.ROUND_HALF_EVEN : roundingOf(mode))
  );
  r.method('Decimal', 'intValue', ({ self }) => toInteger(dec(self)));
  r.method('Decimal', 'longValue', ({ self }) => toLong(dec(self)));
  r.method('Decimal', 'doubleValue', ({ self }) => new ApexDouble(dec(self).v.toNumber()));
  r.method('Decimal', 'pow', ({ self }, [e]) => {
    const n = toInteger(num(e));
    if (n < 0 || n > 32767) throw fault('System.MathException', 'Invalid operation');
    const d = dec(self);
    return new ApexDecimal(d.v.pow(n), d.scale * n);
  });
  r.method('Decimal', 'toPlainString', ({ self }) => dec(self).plain());
  r.method('Decimal', 'stripTrailingZeros', ({ self }) => {
    const d = dec(self);
    if (d.v.isZero()) return new ApexDecimal(new Decimal(0), 0);
    return new ApexDecimal(d.v, Math.max(0, d.v.decimalPlaces()));
  });
  r.method('Decimal', 'format', ({ interp, self }) => formatNumber(dec(self).v, interp.user.locale));
  r.method('Decimal', 'signum', ({ self }) => (dec(self).v.isZero() ? 0 : dec(self).v.isNegative() ? -1 : 1));
  r.method('Decimal', 'hashCode', ({ self }) => {
    const d = dec(self);
    const unscaled = BigInt(d.v.times(new Decimal(10).pow(d.scale)).toFixed(0));
    return (Math.imul(31, javaIntHash(unscaled)) + d.scale) | 0;
  });
  r.method('Decimal', 'toString', ({ self }) => str(self));
  // Numerically equal Decimals of different scale are equal (the Decimal Class notes only their hash codes differ).
  r.method('Decimal', 'equals', ({ self }, [o]) => o instanceof ApexDecimal && o.v.eq(dec(self).v));
  r.method('Decimal', 'compareTo', ({ self }, [o]) => dec(self).v.comparedTo(toDecimal(num(o)).v));

  // ---------------------------------------------------------------- Math
  r.static('Math', 'abs', (_c, [x]) => {
    const v = num(x);
    if (typeof v === 'number') return Math.abs(v) | 0;
    if (typeof v === 'bigint') return BigInt.asIntN(64, v < 0n ? -v : v);
    if (v instanceof ApexDouble) return new ApexDouble(Math.abs(v.v));
    return new ApexDecimal(v.v.abs(), v.scale);
  });
  r.static('Math', 'mod', (_c, [a, b]) => {
    const x = num(a);
    const y = num(b);
    if (typeof x === 'number' && typeof y === 'number') {
      if (y === 0) throw fault('System.MathException', 'Divide by 0');
      return (x % y) | 0;
    }
    const lx = toLong(x);
    const ly = toLong(y);
    if (ly === 0n) throw fault('System.MathException', 'Divide by 0');
    return lx % ly;
  });
  const maxMin =
    (sign: number) =>
    (_c: unknown, [a, b]: unknown[]) => {
      const x = num(a);
      const y = num(b);
      const rank = Math.max(rankOf(x), rankOf(y));
      const px = promote(x, rank);
      const py = promote(y, rank);
      return compare(px, py) * sign >= 0 ? px : py;
    };
  r.static('Math', 'max', maxMin(1));
  r.static('Math', 'min', maxMin(-1));
  // Math.round(Decimal) is half-even (Math Class); Math.round(Double) is java.lang.Math.round (half up).
  const roundNum = (x: unknown): bigint => {
    const v = num(x);
    if (v instanceof ApexDecimal) return roundToLong(v, Decimal.ROUND_HALF_EVEN);
    const d = toDouble(v);
    if (Number.isNaN(d)) return 0n;
    return BigInt(Math.floor(d + 0.5));
  };
  r.static('Math', 'round', (_c, [x]) => {
    const l = roundNum(x);
    if (l > 2147483647n || l < -2147483648n) throw fault('System.MathException', 'Integer overflow');
    return Number(l);
  });
  r.static('Math', 'roundToLong', (_c, [x]) => BigInt.asIntN(64, roundNum(x)));
  r.static('Math', 'ceil', (_c, [x]) => {
    const v = num(x);
    if (v instanceof ApexDecimal) return new ApexDecimal(v.v.ceil(), 0);
    return new ApexDouble(Math.ceil(toDouble(v)));
  });
  r.static('Math', 'floor', (_c, [x]) => {
    const v = num(x);
    if (v instanceof ApexDecimal) return new ApexDecimal(v.v.floor(), 0);
    return new ApexDouble(Math.floor(toDouble(v)));
  });
  r.static('Math', 'signum', (_c, [x]) => {
    const v = num(x);
    if (v instanceof ApexDecimal) return new ApexDecimal(new Decimal(v.v.isZero() ? 0 : v.v.isNegative() ? -1 : 1), 0);
    return new ApexDouble(Math.sign(toDouble(v)));
  });
  r.static(
    'Math',
    'sqrt',
    doubleResult(Math.sqrt, (d) => d.sqrt())
  );
  r.static(
    'Math',
    'cbrt',
    doubleResult(Math.cbrt, (d) => d.cbrt())
  );
  r.static(
    'Math',
    'exp',
    doubleResult(Math.exp, (d) => d.exp())
  );
  r.static(
    'Math',
    'log',
    doubleResult(Math.log, (d) => d.ln())
  );
  r.static(
    'Math',
    'log10',
    doubleResult(Math.log10, (d) => d.log(10))
  );
  r.static(
    'Math',
    'sin',
    doubleResult(Math.sin, (d) => d.sin())
  );
  r.static(
    'Math',
    'cos',
    doubleResult(Math.cos, (d) => d.cos())
  );
  r.static(
    'Math',
    'tan',
    doubleResult(Math.tan, (d) => d.tan())
  );
  r.static('Math', 'asin', doubleResult(Math.asin));
  r.static('Math', 'acos', doubleResult(Math.acos));
  r.static('Math', 'atan', doubleResult(Math.atan));
  r.static('Math', 'sinh', doubleResult(Math.sinh));
  r.static('Math', 'cosh', doubleResult(Math.cosh));
  r.static('Math', 'tanh', doubleResult(Math.tanh));
  r.static('Math', 'atan2', (_c, [y, x]) => new ApexDouble(Math.atan2(toDouble(num(y)), toDouble(num(x)))));
  r.static('Math', 'pow', (_c, [a, b]) => new ApexDouble(Math.pow(toDouble(num(a)), toDouble(num(b)))));
  r.static('Math', 'random', () => new ApexDouble(Math.random()));
  r.static('Math', 'ulp', (_c, [x]) => {
    const d = Math.abs(toDouble(num(x)));
    if (!Number.isFinite(d)) return new ApexDouble(d);
    const buf = new DataView(new ArrayBuffer(8));
    buf.setFloat64(0, d);
    buf.setBigUint64(0, buf.getBigUint64(0) + 1n);
    return new ApexDouble(buf.getFloat64(0) - d);
  });
}
