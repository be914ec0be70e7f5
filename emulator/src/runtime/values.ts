/**
 * Apex runtime values as the emulator holds them.
 *
 * | Apex      | JavaScript                                  |
 * |-----------|---------------------------------------------|
 * | null      | `null`                                      |
 * | Boolean   | `boolean`                                   |
 * | Integer   | `number` (always a 32-bit integer)          |
 * | Long      | `bigint` (64-bit, wrapped)                  |
 * | Double    | `ApexDouble`                                |
 * | Decimal   | `ApexDecimal` (decimal.js value + scale)    |
 * | String    | `string` (UTF-16, like Apex)                |
 * | Id        | `ApexId` (18 characters)                    |
 * | Date      | `ApexDate`, Datetime `ApexDatetime`, Time `ApexTime` |
 * | Blob      | `ApexBlob`                                  |
 * | List/Set/Map | `ApexList` / `ApexSet` / `ApexMap` (with their element types) |
 * | SObject   | `SObjectValue`                              |
 * | class instance | `ApexObject`; enum value `EnumValue`; platform objects `NativeObject` |
 */
import Decimal from 'decimal.js';
import type { ClassInfo } from './interpreter';

/** A runtime type: canonical name (`Integer`, `List`, `Lead`, `AlowareFieldDescribe.Field`, `System.Pattern`). */
export interface RType {
  name: string;
  args: RType[];
}

export const T = (name: string, ...args: RType[]): RType => ({ name, args });
export const OBJECT = T('Object');
export const STRING = T('String');
export const INTEGER = T('Integer');
export const LONG = T('Long');
export const DOUBLE = T('Double');
export const DECIMAL = T('Decimal');
export const BOOLEAN = T('Boolean');
export const ID = T('Id');
export const DATE = T('Date');
export const DATETIME = T('Datetime');
export const TIME = T('Time');
export const BLOB = T('Blob');
export const SOBJECT = T('SObject');

export function typeName(t: RType): string {
  if (t.args.length === 0) return t.name;
  return `${t.name}<${t.args.map(typeName).join(',')}>`;
}

export class ApexDouble {
  constructor(public readonly v: number) {}
}

// Apex Decimal arithmetic: 34 significant digits of working precision would round; Apex keeps exact results for
// + - * and rounds only division. decimal.js needs enough precision to stay exact in + - *.
Decimal.set({ precision: 200, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -1000, toExpPos: 1000 });

export class ApexDecimal {
  /** `scale`: the number of digits after the point, as Apex keeps it (`1.50` has scale 2). */
  constructor(
    public readonly v: Decimal,
    public readonly scale: number
  ) {}

  static of(text: string): ApexDecimal {
    const d = new Decimal(text);
    return new ApexDecimal(d, scaleOfText(text));
  }

  static fromNumber(n: number | bigint): ApexDecimal {
    return new ApexDecimal(new Decimal(n.toString()), 0);
  }

  /** `toPlainString()`: the digits without an exponent. */
  plain(): string {
    return this.v.toFixed(Math.max(0, this.scale));
  }

  /**
   * `String.valueOf(Decimal)`: Java's BigDecimal.toString, plain unless the adjusted exponent is below -6, then
   * scientific (`0E-32`, `1.2E-7`; Decimal Class: format() and toString use scientific notation "if an exponent is
   * needed", toPlainString never does).
   */
  toString(): string {
    const plain = this.plain();
    const digits = plain
      .replace(/^-/, '')
      .replace('.', '')
      .replace(/^0+(?=\d)/, '');
    const adjusted = -this.scale + (digits.length - 1);
    if (this.scale < 0 || adjusted >= -6) return plain;
    const sign = plain.startsWith('-') ? '-' : '';
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.substring(1)}` : digits;
    return `${sign}${mantissa}E${adjusted}`;
  }
}

/** Scale of a decimal literal: digits after the point, less the exponent (`1.5e2` → -1 → 0 shown). */
export function scaleOfText(text: string): number {
  const m = /^[+-]?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m) return 0;
  const frac = m[2] ? m[2].length : 0;
  const exp = m[3] ? parseInt(m[3], 10) : 0;
  return Math.max(0, frac - exp);
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** Salesforce Id: 15 case-sensitive characters plus a 3-character case-safe checksum. */
export class ApexId {
  constructor(public readonly value: string) {}

  static checksum(id15: string): string {
    let suffix = '';
    for (let block = 0; block < 3; block++) {
      let flags = 0;
      for (let i = 0; i < 5; i++) {
        const c = id15.charAt(block * 5 + i);
        if (c >= 'A' && c <= 'Z') flags += 1 << i;
      }
      suffix += BASE32.charAt(flags);
    }
    return suffix;
  }

  /** Valid 15- or 18-character Id text → 18-character Id, else null. */
  static parse(text: string): ApexId | null {
    if (!/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(text)) return null;
    const id15 = text.substring(0, 15);
    const full = id15 + ApexId.checksum(id15);
    if (text.length === 18 && text.substring(15).toUpperCase() !== full.substring(15)) return null;
    return new ApexId(full);
  }

  get prefix(): string {
    return this.value.substring(0, 3);
  }

  toString(): string {
    return this.value;
  }
}

/** A Date: year, month (1-12), day. */
export class ApexDate {
  constructor(
    public readonly year: number,
    public readonly month: number,
    public readonly day: number
  ) {}

  /** Days since 1970-01-01. */
  get epochDay(): number {
    return Math.floor(Date.UTC(this.year, this.month - 1, this.day) / 86400000);
  }

  static fromEpochDay(day: number): ApexDate {
    const d = new Date(day * 86400000);
    return new ApexDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }

  toString(): string {
    return `${pad(this.year, 4)}-${pad(this.month, 2)}-${pad(this.day, 2)}`;
  }
}

/** A Datetime: an instant, milliseconds since the epoch (GMT). */
export class ApexDatetime {
  constructor(public readonly ms: number) {}

  /** `String.valueOf(Datetime)`: `yyyy-MM-dd HH:mm:ss` in GMT. */
  toString(): string {
    const d = new Date(this.ms);
    return (
      `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)} ` +
      `${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}`
    );
  }
}

/** A Time: milliseconds since midnight. */
export class ApexTime {
  constructor(public readonly ms: number) {}

  get hour(): number {
    return Math.floor(this.ms / 3600000);
  }
  get minute(): number {
    return Math.floor(this.ms / 60000) % 60;
  }
  get second(): number {
    return Math.floor(this.ms / 1000) % 60;
  }
  get millisecond(): number {
    return this.ms % 1000;
  }

  /** `String.valueOf(Time)`: `HH:mm:ss.SSSZ`. */
  toString(): string {
    return `${pad(this.hour, 2)}:${pad(this.minute, 2)}:${pad(this.second, 2)}.${pad(this.millisecond, 3)}Z`;
  }
}

export class ApexBlob {
  constructor(public readonly bytes: Buffer) {}
}

export function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

/**
 * The Lists and Sets a for-each loop is iterating, with how many loops iterate each: Apex throws
 * `System.FinalException: Cannot modify a collection while it is being iterated.` when one is changed meanwhile.
 */
export const ITERATING = new WeakMap<object, number>();

export class ApexList {
  constructor(
    public elemType: RType,
    public items: unknown[]
  ) {}
}

export class ApexSet {
  /** Entries by key (see `keyOf`), insertion-ordered. */
  constructor(
    public elemType: RType,
    public map: Map<unknown, unknown> = new Map()
  ) {}
}

export class ApexMap {
  /** Entries by key (see `keyOf`): [key, value], insertion-ordered. */
  constructor(
    public keyType: RType,
    public valueType: RType,
    public map: Map<unknown, [unknown, unknown]> = new Map()
  ) {}
  /** Describe maps (`getGlobalDescribe()`, `fields.getMap()`) look String keys up case-insensitively. */
  caseInsensitive = false;
}

/** An SObject record. Field values by lower-case field name; `object` is the object's API name. */
export class SObjectValue {
  /** Declared names of the fields set, by lower-case name (for printing in set order). */
  constructor(
    public readonly object: string,
    public readonly values: Map<string, unknown> = new Map(),
    public readonly names: Map<string, string> = new Map()
  ) {}
  /** Fields a SOQL query selected (null: created in Apex, every field readable). */
  queried: Set<string> | null = null;
}

export class EnumValue {
  constructor(
    public readonly enumType: string,
    public readonly name: string,
    public readonly ordinal: number
  ) {}
  toString(): string {
    return this.name;
  }
}

let nextIdentity = 1;

/** An instance of an Apex class (ours or an exception). `cls` is the emulator's class record. */
export class ApexObject {
  readonly identity = nextIdentity++;
  readonly fields = new Map<string, unknown>();
  constructor(public readonly cls: ClassInfo) {}
}

/** A platform object (Pattern, Matcher, HttpRequest, DescribeFieldResult, …): its type name and native state. */
export class NativeObject {
  readonly identity = nextIdentity++;
  constructor(
    public readonly type: string,
    public readonly data: Record<string, unknown>
  ) {}
}

/** A type used as a value: `Lead.SObjectType`-style tokens are NativeObjects; this marks a bare type name. */
export class TypeValue {
  /** `literal`: a `Foo.class` expression (a System.Type value), not a bare type name used for static access. */
  constructor(
    public readonly type: RType,
    public readonly literal = false
  ) {}
}

/** The class record an ApexObject points at (defined by the interpreter). */
export interface ClassRef {
  readonly name: string;
  readonly isException: boolean;
}

export function isNumber(v: unknown): v is number | bigint | ApexDouble | ApexDecimal {
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof ApexDouble || v instanceof ApexDecimal;
}
