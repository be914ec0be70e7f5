/**
 * The String class (Apex Reference Guide: String Class) and the Boolean class (Boolean Class).
 *
 * The methods themselves are pure functions in `apexString.ts` (text) and `javaRegex.ts` (split / replaceAll /
 * replaceFirst / matches, with java.util.regex semantics); this module adapts Apex values to them: null receivers
 * never get here (the interpreter raises the NullPointerException), null arguments raise one, Ids act as their
 * 18-character text, and `StringMethodError`s become Apex exceptions.
 */
import { fault, str, toInteger } from '../runtime/ops';
import type { Num } from '../runtime/ops';
import type { NativeFn, Registry } from '../runtime/registry';
import {
  ApexDate,
  ApexDatetime,
  ApexDecimal,
  ApexDouble,
  ApexId,
  ApexList,
  ApexSet,
  NativeObject,
  T,
  pad
} from '../runtime/values';
import * as S from './apexString';
import { StringMethodError } from './apexString';
import { regexCall } from './regex';
import { compileJavaRegex } from './javaRegex';

const argNull = () => fault('System.NullPointerException', 'Argument cannot be null.');

/** Text of a String (or Id) argument; null raises a NullPointerException. */
export function textArg(v: unknown): string {
  if (v === null || v === undefined) throw argNull();
  if (typeof v === 'string') return v;
  if (v instanceof ApexId) return v.value;
  return str(v);
}

/** Text of a String argument that may be null. */
function optText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return textArg(v);
}

function intArg(v: unknown): number {
  if (v === null || v === undefined) throw argNull();
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint' || v instanceof ApexDouble || v instanceof ApexDecimal) return toInteger(v as Num);
  throw fault('System.TypeException', `Invalid integer: ${str(v)}`);
}

/** Runs a pure String function, turning its errors into Apex exceptions. */
function guard<R>(f: () => R): R {
  try {
    return f();
  } catch (e) {
    if (e instanceof StringMethodError) throw fault(e.kind, e.message);
    throw e;
  }
}

const strings = (items: string[]): ApexList => new ApexList(T('String'), items);

/** Items of a List or Set argument. */
function iterItems(v: unknown): unknown[] {
  if (v === null || v === undefined) throw argNull();
  if (v instanceof ApexList) return v.items;
  if (v instanceof ApexSet) return [...v.map.values()];
  if (v instanceof NativeObject && Array.isArray(v.data['items'])) return v.data['items'] as unknown[];
  throw fault('System.TypeException', 'Expected a List or Set');
}

/** `yyyy-MM-dd HH:mm:ss` of an instant in a time zone (String.valueOf(Datetime) uses the user's zone). */
export function formatDatetimeInZone(ms: number, timeZone: string): string {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      era: 'short'
    }).formatToParts(new Date(ms));
  } catch {
    return new ApexDatetime(ms).toString();
  }
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? '0');
  const era = parts.find((p) => p.type === 'era')?.value ?? 'AD';
  let year = get('year');
  if (era.startsWith('B')) year = 1 - year;
  return (
    `${pad(year, 4)}-${pad(get('month'), 2)}-${pad(get('day'), 2)} ` +
    `${pad(get('hour') % 24, 2)}:${pad(get('minute'), 2)}:${pad(get('second'), 2)}`
  );
}

/** `String.valueOf(x)`. */
function valueOf(interp: { user: { timeZone: string } }, v: unknown): string | null {
  if (v === undefined) return 'null';
  // String.valueOf(null) is null (fidelity case platform.string-valueof-null), unlike `'' + null` ('null').
  if (v === null) return null;
  if (v instanceof ApexDatetime) return formatDatetimeInZone(v.ms, interp.user.timeZone);
  return str(v);
}

export function registerStrings(r: Registry): void {
  /** Registers an instance method of String; `s` is the receiver's text. */
  const m = (name: string, fn: (s: string, args: unknown[], ctx: Parameters<NativeFn>[0]) => unknown): void => {
    r.method('String', name, (ctx, args) => {
      const self = ctx.self instanceof ApexId ? ctx.self.value : (ctx.self as string);
      return guard(() => fn(self, args, ctx));
    });
  };
  const st = (name: string, fn: NativeFn): void => r.static('String', name, (ctx, args) => guard(() => fn(ctx, args)));

  // ------------------------------------------------------------ basics
  m('length', (s) => s.length);
  m('charAt', (s, [i]) => S.charAt(s, intArg(i)));
  m('codePointAt', (s, [i]) => S.codePointAt(s, intArg(i)));
  m('codePointBefore', (s, [i]) => S.codePointBefore(s, intArg(i)));
  m('codePointCount', (s, [a, b]) => S.codePointCount(s, intArg(a), intArg(b)));
  m('offsetByCodePoints', (s, [a, b]) => S.offsetByCodePoints(s, intArg(a), intArg(b)));
  m('getChars', (s) => new ApexList(T('Integer'), S.getChars(s)));
  m('hashCode', (s) => S.hashCode(s));
  m('toString', (s) => s);
  m('equals', (s, [o]) => {
    if (o === null || o === undefined) return false;
    if (typeof o === 'string') return s === o;
    if (o instanceof ApexId) return s === o.value;
    return false;
  });
  m('equalsIgnoreCase', (s, [o]) => {
    const t = optText(o);
    return t === null ? false : S.equalsIgnoreCase(s, t);
  });
  m('compareTo', (s, [o]) => S.compareTo(s, textArg(o)));
  m('trim', (s) => S.trim(s));
  m('normalizeSpace', (s) => S.normalizeSpace(s));
  m('deleteWhitespace', (s) => S.deleteWhitespace(s));
  m('stripHtmlTags', (s) => S.stripHtmlTags(s));
  m('reverse', (s) => S.reverse(s));

  // ------------------------------------------------------------ case
  m('toLowerCase', (s, args, { interp }) => S.toLowerCase(s, args.length ? textArg(args[0]) : interp.user.locale));
  m('toUpperCase', (s, args, { interp }) => S.toUpperCase(s, args.length ? textArg(args[0]) : interp.user.locale));
  m('capitalize', (s) => S.capitalize(s));
  m('uncapitalize', (s) => S.uncapitalize(s));
  m('swapCase', (s) => S.swapCase(s));

  // ------------------------------------------------------------ tests
  m('contains', (s, [o]) => S.contains(s, textArg(o)));
  m('containsIgnoreCase', (s, [o]) => (o === null ? false : S.containsIgnoreCase(s, textArg(o))));
  m('containsAny', (s, [o]) => (o === null ? false : S.containsAny(s, textArg(o))));
  m('containsNone', (s, [o]) => (o === null ? true : S.containsNone(s, textArg(o))));
  m('containsOnly', (s, [o]) => (o === null ? false : S.containsOnly(s, textArg(o))));
  m('containsWhitespace', (s) => S.containsWhitespace(s));
  m('startsWith', (s, [o]) => S.startsWith(s, textArg(o)));
  m('endsWith', (s, [o]) => S.endsWith(s, textArg(o)));
  m('startsWithIgnoreCase', (s, [o]) => (o === null ? false : S.startsWithIgnoreCase(s, textArg(o))));
  m('endsWithIgnoreCase', (s, [o]) => (o === null ? false : S.endsWithIgnoreCase(s, textArg(o))));
  m('isAlpha', (s) => S.isAlpha(s));
  m('isAlphaSpace', (s) => S.isAlphaSpace(s));
  m('isAlphanumeric', (s) => S.isAlphanumeric(s));
  m('isAlphanumericSpace', (s) => S.isAlphanumericSpace(s));
  m('isNumeric', (s) => S.isNumeric(s));
  m('isNumericSpace', (s) => S.isNumericSpace(s));
  m('isWhitespace', (s) => S.isWhitespace(s));
  m('isAsciiPrintable', (s) => S.isAsciiPrintable(s));
  m('isAllLowerCase', (s) => S.isAllLowerCase(s));
  m('isAllUpperCase', (s) => S.isAllUpperCase(s));
  // Instance forms (the documented ones are static; these keep `s.isBlank()` working on non-null receivers).
  m('isBlank', (s) => S.isBlank(s));
  m('isNotBlank', (s) => S.isNotBlank(s));
  m('isEmpty', (s) => S.isEmpty(s));
  m('isNotEmpty', (s) => S.isNotEmpty(s));
  m('matches', (s, [re]) => regexCall(() => compileJavaRegex(textArg(re)).matches(s)));

  // ------------------------------------------------------------ search
  m('indexOf', (s, [o, from]) => S.indexOf(s, textArg(o), from === undefined ? 0 : intArg(from)));
  m('lastIndexOf', (s, [o, from]) => S.lastIndexOf(s, textArg(o), from === undefined ? undefined : intArg(from)));
  m('indexOfChar', (s, [c, from]) => S.indexOfChar(s, intArg(c), from === undefined ? 0 : intArg(from)));
  m('lastIndexOfChar', (s, [c, from]) =>
    S.lastIndexOfChar(s, intArg(c), from === undefined ? undefined : intArg(from))
  );
  m('indexOfIgnoreCase', (s, [o, from]) =>
    o === null ? -1 : S.indexOfIgnoreCase(s, textArg(o), from === undefined ? 0 : intArg(from))
  );
  m('lastIndexOfIgnoreCase', (s, [o, from]) =>
    o === null ? -1 : S.lastIndexOfIgnoreCase(s, textArg(o), from === undefined ? s.length : intArg(from))
  );
  m('indexOfAny', (s, [o]) => (o === null ? -1 : S.indexOfAny(s, textArg(o))));
  m('indexOfAnyBut', (s, [o]) => (o === null ? -1 : S.indexOfAnyBut(s, textArg(o))));
  m('indexOfDifference', (s, [o]) => (o === null ? (s.length === 0 ? -1 : 0) : S.indexOfDifference(s, textArg(o))));
  m('difference', (s, [o]) => (o === null ? s : S.difference(s, textArg(o))));
  m('countMatches', (s, [o]) => (o === null ? 0 : S.countMatches(s, textArg(o))));
  m('getLevenshteinDistance', (s, [o, th]) =>
    S.getLevenshteinDistance(s, textArg(o), th === undefined ? undefined : intArg(th))
  );

  // ------------------------------------------------------------ parts
  m('substring', (s, [a, b]) => S.substring(s, intArg(a), b === undefined ? undefined : intArg(b)));
  m('left', (s, [n]) => S.left(s, intArg(n)));
  m('right', (s, [n]) => S.right(s, intArg(n)));
  m('mid', (s, [a, n]) => S.mid(s, intArg(a), intArg(n)));
  m('substringAfter', (s, [o]) => (o === null ? '' : S.substringAfter(s, textArg(o))));
  m('substringAfterLast', (s, [o]) => (o === null ? '' : S.substringAfterLast(s, textArg(o))));
  m('substringBefore', (s, [o]) => (o === null ? s : S.substringBefore(s, textArg(o))));
  m('substringBeforeLast', (s, [o]) => (o === null ? s : S.substringBeforeLast(s, textArg(o))));
  m('substringBetween', (s, args) => {
    if (args.some((a) => a === null)) return null;
    return args.length > 1
      ? S.substringBetween(s, textArg(args[0]), textArg(args[1]))
      : S.substringBetween(s, textArg(args[0]));
  });
  m('split', (s, [re, limit]) =>
    strings(regexCall(() => compileJavaRegex(textArg(re)).split(s, limit === undefined ? 0 : intArg(limit))))
  );
  m('splitByCharacterType', (s) => strings(S.splitByCharacterType(s)));
  m('splitByCharacterTypeCamelCase', (s) => strings(S.splitByCharacterTypeCamelCase(s)));

  // ------------------------------------------------------------ transformations
  m('abbreviate', (s, [w, off]) =>
    off === undefined ? S.abbreviate(s, intArg(w)) : S.abbreviate(s, intArg(w), intArg(off))
  );
  m('leftPad', (s, [n, p]) => S.leftPad(s, intArg(n), p === undefined || p === null ? ' ' : textArg(p)));
  m('rightPad', (s, [n, p]) => S.rightPad(s, intArg(n), p === undefined || p === null ? ' ' : textArg(p)));
  m('center', (s, [n, p]) => S.center(s, intArg(n), p === undefined || p === null ? ' ' : textArg(p)));
  m('repeat', (s, args) =>
    args.length >= 2 ? S.repeat(s, intArg(args[1]), optText(args[0]) ?? '') : S.repeat(s, intArg(args[0]))
  );
  m('replace', (s, [a, b]) => S.replace(s, textArg(a), textArg(b)));
  m('replaceAll', (s, [re, rep]) => regexCall(() => compileJavaRegex(textArg(re)).matcher(s).replaceAll(textArg(rep))));
  m('replaceFirst', (s, [re, rep]) =>
    regexCall(() => compileJavaRegex(textArg(re)).matcher(s).replaceFirst(textArg(rep)))
  );
  m('remove', (s, [o]) => (o === null ? s : S.remove(s, textArg(o))));
  m('removeStart', (s, [o]) => (o === null ? s : S.removeStart(s, textArg(o))));
  m('removeEnd', (s, [o]) => (o === null ? s : S.removeEnd(s, textArg(o))));
  m('removeStartIgnoreCase', (s, [o]) => (o === null ? s : S.removeStartIgnoreCase(s, textArg(o))));
  m('removeEndIgnoreCase', (s, [o]) => (o === null ? s : S.removeEndIgnoreCase(s, textArg(o))));

  // ------------------------------------------------------------ escaping
  m('escapeJava', (s) => S.escapeJava(s));
  m('escapeEcmaScript', (s) => S.escapeEcmaScript(s));
  m('escapeUnicode', (s) => S.escapeUnicode(s));
  m('escapeCsv', (s) => S.escapeCsv(s));
  m('escapeHtml3', (s) => S.escapeHtml3(s));
  m('escapeHtml4', (s) => S.escapeHtml4(s));
  m('escapeXml', (s) => S.escapeXml(s));
  m('escapeSingleQuotes', (s) => S.escapeSingleQuotes(s));
  m('unescapeJava', (s) => S.unescapeJava(s));
  m('unescapeEcmaScript', (s) => S.unescapeEcmaScript(s));
  m('unescapeUnicode', (s) => S.unescapeUnicode(s));
  m('unescapeCsv', (s) => S.unescapeCsv(s));
  m('unescapeHtml3', (s) => S.unescapeHtml3(s));
  m('unescapeHtml4', (s) => S.unescapeHtml4(s));
  m('unescapeXml', (s) => S.unescapeXml(s));
  m('format', (s, [list]) =>
    S.format(
      s,
      iterItems(list).map((x) => (x === null ? null : str(x)))
    )
  );

  // ------------------------------------------------------------ statics
  st('valueOf', ({ interp }, [v]) => valueOf(interp, v));
  st('valueOfGmt', (_ctx, [v]) => {
    if (v === null || v === undefined) throw argNull();
    if (v instanceof ApexDatetime) return v.toString();
    if (v instanceof ApexDate) return `${v.toString()} 00:00:00`;
    return str(v);
  });
  st('isBlank', (_ctx, [v]) => S.isBlank(optText(v)));
  st('isNotBlank', (_ctx, [v]) => S.isNotBlank(optText(v)));
  st('isEmpty', (_ctx, [v]) => S.isEmpty(optText(v)));
  st('isNotEmpty', (_ctx, [v]) => S.isNotEmpty(optText(v)));
  st('join', (_ctx, [items, sep]) =>
    S.join(
      iterItems(items).map((x) => (x === null || x === undefined ? null : str(x))),
      optText(sep) ?? ''
    )
  );
  st('format', (_ctx, [template, list]) =>
    S.format(
      textArg(template),
      iterItems(list).map((x) => (x === null || x === undefined ? null : str(x)))
    )
  );
  st('fromCharArray', (_ctx, [list]) => S.fromCharArray(iterItems(list).map((x) => intArg(x))));
  st('escapeSingleQuotes', (_ctx, [v]) => S.escapeSingleQuotes(textArg(v)));
  st('getCommonPrefix', (_ctx, [list]) =>
    S.getCommonPrefix(iterItems(list).map((x) => (x === null || x === undefined ? null : str(x))))
  );

  // ------------------------------------------------------------ Boolean
  r.static('Boolean', 'valueOf', (_ctx, [v]) => {
    if (v === null || v === undefined) return null;
    if (typeof v === 'boolean') return v;
    if (typeof v === 'string') return v.toLowerCase() === 'true';
    if (v instanceof ApexId) return false;
    throw fault('System.TypeException', `Invalid conversion from runtime type ${typeNameOf(v)} to Boolean`);
  });
  r.method('Boolean', 'equals', ({ self }, [o]) => o === self);
  // java.lang.Boolean.hashCode
  r.method('Boolean', 'hashCode', ({ self }) => (self ? 1231 : 1237));
  r.method('Boolean', 'toString', ({ self }) => str(self));
}

function typeNameOf(v: unknown): string {
  if (typeof v === 'number') return 'Integer';
  if (typeof v === 'bigint') return 'Long';
  if (v instanceof ApexDouble) return 'Double';
  if (v instanceof ApexDecimal) return 'Decimal';
  if (v instanceof ApexDate) return 'Date';
  if (v instanceof ApexDatetime) return 'Datetime';
  if (v instanceof NativeObject) return v.type;
  return 'Object';
}
