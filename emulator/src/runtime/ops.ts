/**
 * Apex operators and value conversions: arithmetic with Apex's numeric promotion (Integer < Long < Double <
 * Decimal) and overflow, `==` semantics (case-insensitive Strings, value equality of SObjects and collections),
 * map/set keys (case-sensitive Strings), `String.valueOf` text of every value.
 */
import Decimal from 'decimal.js';
import {
  ApexBlob,
  ApexDate,
  ApexDatetime,
  ApexDecimal,
  ApexDouble,
  ApexId,
  ApexList,
  ApexMap,
  ApexObject,
  ApexSet,
  ApexTime,
  EnumValue,
  NativeObject,
  SObjectValue,
  TypeValue,
  typeName
} from './values';

/** An Apex exception raised by the runtime itself (not by `throw`): type name and message. */
export class RuntimeFault {
  constructor(
    public readonly type: string,
    public readonly message: string
  ) {}
}

export const fault = (type: string, message: string): RuntimeFault => new RuntimeFault(type, message);

export const npe = (): RuntimeFault => fault('System.NullPointerException', 'Attempt to de-reference a null object');

// ------------------------------------------------------------------ numbers

export type Num = number | bigint | ApexDouble | ApexDecimal;

/** Rank in Apex's numeric promotion. */
function rank(v: Num): number {
  if (typeof v === 'number') return 0;
  if (typeof v === 'bigint') return 1;
  if (v instanceof ApexDouble) return 2;
  return 3;
}

export function toDecimal(v: Num): ApexDecimal {
  if (v instanceof ApexDecimal) return v;
  if (v instanceof ApexDouble) {
    if (!Number.isFinite(v.v)) throw fault('System.MathException', 'Invalid decimal: ' + formatDouble(v.v));
    // Java's BigDecimal.valueOf(double): the double's shortest text.
    const text = formatDouble(v.v).replace('E', 'e');
    return ApexDecimal.of(text);
  }
  return ApexDecimal.fromNumber(v);
}

export function toDouble(v: Num): number {
  if (v instanceof ApexDouble) return v.v;
  if (v instanceof ApexDecimal) return v.v.toNumber();
  return Number(v);
}

export function toLong(v: Num): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return BigInt(v);
  if (v instanceof ApexDouble) return BigInt.asIntN(64, BigInt(Math.trunc(Number.isFinite(v.v) ? v.v : 0)));
  return BigInt.asIntN(64, BigInt(v.v.trunc().toFixed(0)));
}

export function toInteger(v: Num): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(BigInt.asIntN(32, v));
  if (v instanceof ApexDouble) return Number.isFinite(v.v) ? Math.trunc(v.v) | 0 : 0;
  return Number(BigInt.asIntN(32, BigInt(v.v.trunc().toFixed(0))));
}

const wrapLong = (v: bigint): bigint => BigInt.asIntN(64, v);

export function arith(op: string, a: Num, b: Num): Num {
  const r = Math.max(rank(a), rank(b));
  if (r === 0) {
    const x = a as number;
    const y = b as number;
    switch (op) {
      case '+':
        return (x + y) | 0;
      case '-':
        return (x - y) | 0;
      case '*':
        return Math.imul(x, y);
      case '/':
        if (y === 0) throw fault('System.MathException', 'Divide by 0');
        return (x / y) | 0;
    }
  }
  if (r === 1) {
    const x = toLong(a);
    const y = toLong(b);
    switch (op) {
      case '+':
        return wrapLong(x + y);
      case '-':
        return wrapLong(x - y);
      case '*':
        return wrapLong(x * y);
      case '/':
        if (y === 0n) throw fault('System.MathException', 'Divide by 0');
        return wrapLong(x / y);
    }
  }
  if (r === 2) {
    const x = toDouble(a);
    const y = toDouble(b);
    switch (op) {
      case '+':
        return new ApexDouble(x + y);
      case '-':
        return new ApexDouble(x - y);
      case '*':
        return new ApexDouble(x * y);
      case '/':
        if (y === 0) throw fault('System.MathException', 'Divide by 0');
        return new ApexDouble(x / y);
    }
  }
  const x = toDecimal(a);
  const y = toDecimal(b);
  switch (op) {
    case '+':
      return new ApexDecimal(x.v.plus(y.v), Math.max(x.scale, y.scale));
    case '-':
      return new ApexDecimal(x.v.minus(y.v), Math.max(x.scale, y.scale));
    case '*':
      return new ApexDecimal(x.v.times(y.v), x.scale + y.scale);
    case '/':
      return divideDecimal(x, y);
  }
  throw new Error('unknown operator ' + op);
}

/**
 * Decimal division without an explicit scale: Apex divides with BigDecimal and the MathContext DECIMAL128 when the
 * quotient does not terminate, giving 34 significant digits; the scale of an exact quotient is the larger of the
 * operand scales where the digits allow (e.g. 1.0 / 4 = 0.25).
 */
export function divideDecimal(x: ApexDecimal, y: ApexDecimal): ApexDecimal {
  if (y.v.isZero()) throw fault('System.MathException', 'Divide by 0');
  const q = x.v.div(y.v);
  const exact = q.times(y.v).eq(x.v) && q.decimalPlaces() <= 34;
  if (exact) {
    const scale = Math.max(q.decimalPlaces(), Math.max(0, x.scale - y.scale));
    return new ApexDecimal(q, scale);
  }
  const rounded = q.toSignificantDigits(34, Decimal.ROUND_HALF_EVEN);
  return new ApexDecimal(rounded, Math.max(0, rounded.decimalPlaces()));
}

export function compareNumbers(a: Num, b: Num): number {
  const r = Math.max(rank(a), rank(b));
  if (r === 0) return (a as number) - (b as number);
  if (r === 1) {
    const x = toLong(a);
    const y = toLong(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (r === 2) return toDouble(a) - toDouble(b);
  return toDecimal(a).v.comparedTo(toDecimal(b).v);
}

export function negate(v: Num): Num {
  if (typeof v === 'number') return -v | 0;
  if (typeof v === 'bigint') return wrapLong(-v);
  if (v instanceof ApexDouble) return new ApexDouble(-v.v);
  return new ApexDecimal(v.v.neg(), v.scale);
}

// ------------------------------------------------------------------ text

/** Java's Double.toString. */
export function formatDouble(d: number): string {
  if (Number.isNaN(d)) return 'NaN';
  if (d === Infinity) return 'Infinity';
  if (d === -Infinity) return '-Infinity';
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(d);
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(d);
    return s.includes('.') ? s : s + '.0';
  }
  // Scientific: shortest digits, mantissa with at least one fractional digit.
  const [mant, exp] = d.toExponential().split('e');
  const m = mant.includes('.') ? mant : mant + '.0';
  return `${m}E${parseInt(exp, 10)}`;
}

/** How a platform object prints (its native `toString`), installed by the interpreter's registry. */
let nativeText: ((v: NativeObject) => string | undefined) | null = null;

export function setNativeText(fn: (v: NativeObject) => string | undefined): void {
  nativeText = fn;
}

/**
 * The text of a value converted implicitly, as Object: string concatenation (`'on ' + d`), the elements of a
 * printed collection and the fields of a printed record. It differs from `String.valueOf` only for a Date, which
 * converts with a midnight time stamp appended (`2026-12-07 00:00:00`; Apex Developer Guide, Primitive Data
 * Types: "Using an implicit string conversion with a Date value results in the date with the time stamp
 * appended").
 */
export function objText(v: unknown): string {
  if (v instanceof ApexDate) return `${v.toString()} 00:00:00`;
  return str(v);
}

/** `String.valueOf(value)` for every value the emulator holds. */
export function str(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
      return String(v);
    case 'bigint':
      return v.toString();
    case 'boolean':
      return v ? 'true' : 'false';
  }
  if (v instanceof ApexDouble) return formatDouble(v.v);
  if (v instanceof ApexDecimal) return v.toString();
  if (v instanceof ApexId) return v.value;
  if (v instanceof ApexDate || v instanceof ApexDatetime || v instanceof ApexTime) return v.toString();
  if (v instanceof ApexBlob) return `Blob[${v.bytes.length}]`;
  if (v instanceof EnumValue) return v.name;
  if (v instanceof ApexList) return '(' + v.items.map(objText).join(', ') + ')';
  if (v instanceof ApexSet) return '{' + [...v.map.values()].map(objText).join(', ') + '}';
  if (v instanceof ApexMap)
    return '{' + [...v.map.values()].map(([k, val]) => `${objText(k)}=${objText(val)}`).join(', ') + '}';
  if (v instanceof SObjectValue) {
    const parts: string[] = [];
    for (const [key, value] of v.values) {
      if (value instanceof SObjectValue || value instanceof ApexList) continue;
      parts.push(`${v.names.get(key) ?? key}=${objText(value)}`);
    }
    return `${v.object}:{${parts.join(', ')}}`;
  }
  if (v instanceof TypeValue) return typeName(v.type);
  if (v instanceof NativeObject) {
    const text = v.data['__toString'];
    if (typeof text === 'function') return (text as () => string)();
    const viaRegistry = nativeText?.(v);
    if (viaRegistry !== undefined) return viaRegistry;
    return v.type;
  }
  // An inner class's instance prints its own name without the outer class (`Inner:[…]`, not `Outer.Inner:[…]`).
  if (v instanceof ApexObject) return `${v.cls.name.split('.').pop() ?? v.cls.name}:[...]`;
  return String(v);
}

// ------------------------------------------------------------------ equality and keys

function isNum(v: unknown): v is Num {
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof ApexDouble || v instanceof ApexDecimal;
}

/**
 * Apex `==`: Strings case-insensitively, numbers by value across types, Ids by 18-character value, dates by
 * value, SObjects and collections by content, class instances by `equals` (the caller handles user `equals`).
 */
export function looseEquals(a: unknown, b: unknown, userEquals?: (x: ApexObject, y: unknown) => boolean): boolean {
  if (a === b) return true;
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a === 'string' || typeof b === 'string') {
    const x = a instanceof ApexId ? a.value : a;
    const y = b instanceof ApexId ? b.value : b;
    if (typeof x === 'string' && typeof y === 'string') {
      if (a instanceof ApexId || b instanceof ApexId) return idEquals(x, y);
      return (
        x.length === y.length && (x === y || x.toLowerCase() === y.toLowerCase() || x.toUpperCase() === y.toUpperCase())
      );
    }
    return false;
  }
  if (isNum(a) && isNum(b)) return compareNumbers(a, b) === 0;
  if (typeof a === 'boolean' || typeof b === 'boolean') return a === b;
  if (a instanceof ApexId && b instanceof ApexId) return a.value === b.value;
  if (a instanceof ApexDate && b instanceof ApexDate) return a.epochDay === b.epochDay;
  if (a instanceof ApexDatetime && b instanceof ApexDatetime) return a.ms === b.ms;
  if (a instanceof ApexDate && b instanceof ApexDatetime) return dateAsDatetime(a).ms === b.ms;
  if (a instanceof ApexDatetime && b instanceof ApexDate) return a.ms === dateAsDatetime(b).ms;
  if (a instanceof ApexTime && b instanceof ApexTime) return a.ms === b.ms;
  if (a instanceof ApexBlob && b instanceof ApexBlob) return a.bytes.equals(b.bytes);
  if (a instanceof ApexList && b instanceof ApexList) {
    return a.items.length === b.items.length && a.items.every((x, i) => looseEquals(x, b.items[i], userEquals));
  }
  if (a instanceof ApexSet && b instanceof ApexSet) {
    if (a.map.size !== b.map.size) return false;
    for (const k of a.map.keys()) if (!b.map.has(k)) return false;
    return true;
  }
  if (a instanceof ApexMap && b instanceof ApexMap) {
    if (a.map.size !== b.map.size) return false;
    for (const [k, [, v]] of a.map) {
      const other = b.map.get(k);
      if (!other || !looseEquals(v, other[1], userEquals)) return false;
    }
    return true;
  }
  if (a instanceof SObjectValue && b instanceof SObjectValue) {
    if (a.object.toLowerCase() !== b.object.toLowerCase()) return false;
    const keys = new Set([...a.values.keys(), ...b.values.keys()]);
    for (const k of keys) {
      if (!looseEquals(a.values.get(k) ?? null, b.values.get(k) ?? null, userEquals)) return false;
    }
    return true;
  }
  if (a instanceof ApexObject && userEquals) return userEquals(a, b);
  if (a instanceof TypeValue && b instanceof TypeValue) return a.type.name.toLowerCase() === b.type.name.toLowerCase();
  if (a instanceof NativeObject && b instanceof NativeObject) {
    const eq = a.data['__equals'];
    if (typeof eq === 'function') return (eq as (o: NativeObject) => boolean)(b);
  }
  return false;
}

function idEquals(x: string, y: string): boolean {
  const a = ApexId.parse(x);
  const b = ApexId.parse(y);
  if (a && b) return a.value === b.value;
  return x === y;
}

export function dateAsDatetime(d: ApexDate): ApexDatetime {
  return new ApexDatetime(d.epochDay * 86400000);
}

/**
 * The key of a value in a Set or Map: Strings case-sensitively, numbers by type and value (Apex keeps Integer 1
 * and Long 1 apart), Ids by 18-character value, SObjects and collections by content; class instances by
 * identity unless they define equals/hashCode (the caller passes `userHash` for those).
 */
export function keyOf(v: unknown, userHash?: (o: ApexObject) => string | null): unknown {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
      return 's' + v;
    case 'number':
      return 'i' + v;
    case 'bigint':
      return 'l' + v.toString();
    case 'boolean':
      return v ? 'T' : 'F';
  }
  if (v instanceof ApexId) return 's' + v.value;
  if (v instanceof ApexDouble) return 'd' + v.v;
  if (v instanceof ApexDecimal) return 'D' + v.toString();
  if (v instanceof ApexDate) return 'a' + v.epochDay;
  if (v instanceof ApexDatetime) return 't' + v.ms;
  if (v instanceof ApexTime) return 'h' + v.ms;
  if (v instanceof EnumValue) return v;
  if (v instanceof ApexBlob) return 'b' + v.bytes.toString('base64');
  if (v instanceof ApexList) return 'L(' + v.items.map((x) => String(keyOf(x, userHash))).join(',') + ')';
  if (v instanceof ApexSet) return 'S{' + [...v.map.keys()].map(String).join(',') + '}';
  if (v instanceof ApexMap)
    return (
      'M{' + [...v.map.entries()].map(([k, [, x]]) => `${String(k)}=${String(keyOf(x, userHash))}`).join(',') + '}'
    );
  if (v instanceof SObjectValue) {
    const parts = [...v.values.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, x]) => `${k}=${String(keyOf(x, userHash))}`);
    return `O${v.object.toLowerCase()}{${parts.join(',')}}`;
  }
  if (v instanceof ApexObject && userHash) {
    const h = userHash(v);
    if (h !== null) return h;
  }
  return v;
}
