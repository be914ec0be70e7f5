/**
 * Apex String instance/static methods as pure functions over JS strings (UTF-16 code units, like Java).
 *
 * Apex Reference Guide, "String Class": most methods mirror java.lang.String or Apache Commons Lang 3 StringUtils /
 * StringEscapeUtils (escapeHtml3/escapeHtml4/escapeEcmaScript/unescapeCsv are Commons Lang 3 names), so Commons Lang 3
 * semantics are used where the Apex docs are silent (e.g. isAlpha('') is false). Receivers and arguments are non-null:
 * the interpreter raises System.NullPointerException for null receivers/arguments before calling these.
 */

/** An Apex exception to raise: kind is the Apex type name, e.g. 'System.StringException'. */
export class StringMethodError extends Error {
  readonly kind: string;
  constructor(kind: string, message: string) {
    super(message);
    this.name = 'StringMethodError';
    this.kind = kind;
  }
}

const STRING_EX = 'System.StringException';

// ---- java.lang.Character predicates -----------------------------------------------------------------------

/** Character.isWhitespace: space separators except no-break spaces, and \t \n \u000B \f \r \u001C-\u001F. */
export function isJavaWhitespace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  if (c < 0x1680) return false;
  return (
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x2006) ||
    (c >= 0x2008 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x205f ||
    c === 0x3000
  );
}

const RE_LETTER = /\p{L}/u;
const RE_DIGIT = /\p{Nd}/u;
const RE_LOWER = /\p{Lowercase}/u;
const RE_UPPER = /\p{Uppercase}/u;
const RE_TITLE = /\p{Lt}/u;

function ch(c: number): string {
  return String.fromCharCode(c);
}
const isLetter = (c: number) => (c < 0x80 ? (c | 32) >= 0x61 && (c | 32) <= 0x7a : RE_LETTER.test(ch(c)));
const isDigit = (c: number) => (c < 0x80 ? c >= 0x30 && c <= 0x39 : RE_DIGIT.test(ch(c)));
const isLower = (c: number) => (c < 0x80 ? c >= 0x61 && c <= 0x7a : RE_LOWER.test(ch(c)));
const isUpper = (c: number) => (c < 0x80 ? c >= 0x41 && c <= 0x5a : RE_UPPER.test(ch(c)));

function every(s: string, pred: (c: number) => boolean): boolean {
  for (let i = 0; i < s.length; i++) if (!pred(s.charCodeAt(i))) return false;
  return true;
}

// ---- basic ------------------------------------------------------------------------------------------------

export function length(s: string): number {
  return s.length;
}

/** java.lang.String.trim: removes leading/trailing chars <= U+0020 (not Unicode whitespace). */
export function trim(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) <= 0x20) a++;
  while (b > a && s.charCodeAt(b - 1) <= 0x20) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** Commons strip(): removes Character.isWhitespace chars at both ends. */
function strip(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isJavaWhitespace(s.charCodeAt(a))) a++;
  while (b > a && isJavaWhitespace(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

export function charAt(s: string, index: number): number {
  if (index < 0 || index >= s.length) throw new StringMethodError(STRING_EX, `String index out of range: ${index}`);
  return s.charCodeAt(index);
}

export function codePointAt(s: string, index: number): number {
  if (index < 0 || index >= s.length) throw new StringMethodError(STRING_EX, `String index out of range: ${index}`);
  return s.codePointAt(index) as number;
}

export function codePointBefore(s: string, index: number): number {
  if (index < 1 || index > s.length) throw new StringMethodError(STRING_EX, `String index out of range: ${index}`);
  const lo = s.charCodeAt(index - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && index >= 2) {
    const hi = s.charCodeAt(index - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00);
  }
  return lo;
}

export function codePointCount(s: string, begin: number, end: number): number {
  if (begin < 0 || end > s.length || begin > end) throw new StringMethodError(STRING_EX, `String index out of range`);
  let n = 0;
  for (let i = begin; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** java.lang.String.offsetByCodePoints */
export function offsetByCodePoints(s: string, index: number, offset: number): number {
  if (index < 0 || index > s.length) throw new StringMethodError(STRING_EX, `String index out of range: ${index}`);
  let i = index;
  const isHi = (c: number) => c >= 0xd800 && c <= 0xdbff;
  const isLo = (c: number) => c >= 0xdc00 && c <= 0xdfff;
  if (offset >= 0) {
    for (let k = 0; k < offset; k++) {
      if (i >= s.length) throw new StringMethodError(STRING_EX, 'String index out of range');
      if (isHi(s.charCodeAt(i++)) && i < s.length && isLo(s.charCodeAt(i))) i++;
    }
  } else {
    for (let k = offset; k < 0; k++) {
      if (i <= 0) throw new StringMethodError(STRING_EX, 'String index out of range');
      if (isLo(s.charCodeAt(--i)) && i > 0 && isHi(s.charCodeAt(i - 1))) i--;
    }
  }
  return i;
}

/** java.lang.String.compareTo: difference of the first differing chars, else the length difference. */
export function compareTo(s: string, other: string): number {
  const n = Math.min(s.length, other.length);
  for (let i = 0; i < n; i++) {
    const d = s.charCodeAt(i) - other.charCodeAt(i);
    if (d !== 0) return d;
  }
  return s.length - other.length;
}

/** java.lang.String.hashCode: s[0]*31^(n-1) + ... with 32-bit int overflow. */
export function hashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

// ---- case -------------------------------------------------------------------------------------------------

/** Locale-sensitive lower-casing: Turkish/Azeri dotless i, Lithuanian dot rules (java.lang.String.toLowerCase(Locale)). */
export function toLowerCase(s: string, locale?: string): string {
  const lang = locale ? locale.split(/[_-]/)[0].toLowerCase() : '';
  if (lang === 'tr' || lang === 'az' || lang === 'lt') return s.toLocaleLowerCase(lang);
  return s.toLowerCase();
}

export function toUpperCase(s: string, locale?: string): string {
  const lang = locale ? locale.split(/[_-]/)[0].toLowerCase() : '';
  if (lang === 'tr' || lang === 'az' || lang === 'lt') return s.toLocaleUpperCase(lang);
  return s.toUpperCase();
}

const TITLE: Record<number, number> = {
  0x1c4: 0x1c5,
  0x1c5: 0x1c5,
  0x1c6: 0x1c5,
  0x1c7: 0x1c8,
  0x1c8: 0x1c8,
  0x1c9: 0x1c8,
  0x1ca: 0x1cb,
  0x1cb: 0x1cb,
  0x1cc: 0x1cb,
  0x1f1: 0x1f2,
  0x1f2: 0x1f2,
  0x1f3: 0x1f2
};

/** Character.toTitleCase / toUpperCase / toLowerCase of one char (single-char mappings only, like java.lang.Character). */
function charTitle(c: number): number {
  if (TITLE[c] !== undefined) return TITLE[c];
  return charUpper(c);
}
function charUpper(c: number): number {
  if (c < 0x80) return c >= 0x61 && c <= 0x7a ? c - 32 : c;
  const u = ch(c).toUpperCase();
  return u.length === 1 ? u.charCodeAt(0) : c;
}
function charLower(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 32 : c;
  const u = ch(c).toLowerCase();
  return u.length === 1 ? u.charCodeAt(0) : c;
}

/** StringUtils.capitalize: first char to title case. */
export function capitalize(s: string): string {
  if (s.length === 0) return s;
  const c = s.charCodeAt(0);
  const t = charTitle(c);
  return t === c ? s : ch(t) + s.slice(1);
}

/** StringUtils.uncapitalize: first char to lower case. */
export function uncapitalize(s: string): string {
  if (s.length === 0) return s;
  const c = s.charCodeAt(0);
  const t = charLower(c);
  return t === c ? s : ch(t) + s.slice(1);
}

/** StringUtils.swapCase (Lang 3): upper/title -> lower, lower -> upper. */
export function swapCase(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isUpper(c) || RE_TITLE.test(ch(c))) out += ch(charLower(c));
    else if (isLower(c)) out += ch(charUpper(c));
    else out += ch(c);
  }
  return out;
}

/** java.lang.String.equalsIgnoreCase (char-wise upper then lower comparison). */
export function equalsIgnoreCase(s: string, other: string): boolean {
  if (s.length !== other.length) return false;
  for (let i = 0; i < s.length; i++) {
    const a = s.charCodeAt(i);
    const b = other.charCodeAt(i);
    if (a === b) continue;
    const ua = charUpper(a);
    const ub = charUpper(b);
    if (ua === ub || charLower(ua) === charLower(ub)) continue;
    return false;
  }
  return true;
}

function regionMatchesIC(s: string, off: number, other: string): boolean {
  if (off < 0 || off + other.length > s.length) return false;
  return equalsIgnoreCase(s.slice(off, off + other.length), other);
}

// ---- predicates -------------------------------------------------------------------------------------------

export function contains(s: string, sub: string): boolean {
  return s.indexOf(sub) >= 0;
}

export function containsIgnoreCase(s: string, sub: string): boolean {
  return indexOfIgnoreCase(s, sub) >= 0;
}

/** StringUtils.containsAny(cs, searchChars) */
export function containsAny(s: string, chars: string): boolean {
  if (s.length === 0 || chars.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (chars.indexOf(s[i]) >= 0) return true;
  return false;
}

/** StringUtils.containsNone(cs, invalidChars) */
export function containsNone(s: string, chars: string): boolean {
  for (let i = 0; i < s.length; i++) if (chars.indexOf(s[i]) >= 0) return false;
  return true;
}

/** StringUtils.containsOnly(cs, valid): '' contains only anything. */
export function containsOnly(s: string, chars: string): boolean {
  if (s.length === 0) return true;
  if (chars.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (chars.indexOf(s[i]) < 0) return false;
  return true;
}

export function containsWhitespace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isJavaWhitespace(s.charCodeAt(i))) return true;
  return false;
}

export function startsWith(s: string, prefix: string): boolean {
  return s.startsWith(prefix);
}

export function endsWith(s: string, suffix: string): boolean {
  return s.endsWith(suffix);
}

export function startsWithIgnoreCase(s: string, prefix: string): boolean {
  return regionMatchesIC(s, 0, prefix);
}

export function endsWithIgnoreCase(s: string, suffix: string): boolean {
  return regionMatchesIC(s, s.length - suffix.length, suffix);
}

export function isEmpty(s: string | null | undefined): boolean {
  return s === null || s === undefined || s.length === 0;
}

export function isNotEmpty(s: string | null | undefined): boolean {
  return !isEmpty(s);
}

/** Apex String.isBlank: null, empty, or only whitespace (Character.isWhitespace). */
export function isBlank(s: string | null | undefined): boolean {
  if (s === null || s === undefined) return true;
  return every(s, isJavaWhitespace);
}

export function isNotBlank(s: string | null | undefined): boolean {
  return !isBlank(s);
}

/** Commons Lang 3: empty strings are not alpha/numeric; isWhitespace('') and isAsciiPrintable('') are true. */
export function isAlpha(s: string): boolean {
  return s.length > 0 && every(s, isLetter);
}

export function isAlphaSpace(s: string): boolean {
  return every(s, (c) => c === 0x20 || isLetter(c));
}

export function isAlphanumeric(s: string): boolean {
  return s.length > 0 && every(s, (c) => isLetter(c) || isDigit(c));
}

export function isAlphanumericSpace(s: string): boolean {
  return every(s, (c) => c === 0x20 || isLetter(c) || isDigit(c));
}

export function isNumeric(s: string): boolean {
  return s.length > 0 && every(s, isDigit);
}

export function isNumericSpace(s: string): boolean {
  return every(s, (c) => c === 0x20 || isDigit(c));
}

export function isWhitespace(s: string): boolean {
  return every(s, isJavaWhitespace);
}

export function isAsciiPrintable(s: string): boolean {
  return every(s, (c) => c >= 32 && c < 127);
}

export function isAllLowerCase(s: string): boolean {
  return s.length > 0 && every(s, isLower);
}

export function isAllUpperCase(s: string): boolean {
  return s.length > 0 && every(s, isUpper);
}

// ---- searching --------------------------------------------------------------------------------------------

/** java.lang.String.indexOf(str, fromIndex): negative from is 0. */
export function indexOf(s: string, sub: string, from = 0): number {
  if (from < 0) from = 0;
  if (from > s.length) return sub.length === 0 ? s.length : -1;
  return s.indexOf(sub, from);
}

/** java.lang.String.lastIndexOf(str, fromIndex) */
export function lastIndexOf(s: string, sub: string, from?: number): number {
  if (from === undefined) return s.lastIndexOf(sub);
  if (from < 0) return -1;
  return s.lastIndexOf(sub, from);
}

/** indexOf(int ch[, from]) by code point. */
export function indexOfChar(s: string, cp: number, from = 0): number {
  return indexOf(s, String.fromCodePoint(cp), from);
}

export function lastIndexOfChar(s: string, cp: number, from?: number): number {
  return lastIndexOf(s, String.fromCodePoint(cp), from);
}

/** StringUtils.indexOfIgnoreCase(str, search, startPos) */
export function indexOfIgnoreCase(s: string, sub: string, start = 0): number {
  if (start < 0) start = 0;
  const endLimit = s.length - sub.length + 1;
  if (start > endLimit) return -1;
  if (sub.length === 0) return start;
  for (let i = start; i < endLimit; i++) if (regionMatchesIC(s, i, sub)) return i;
  return -1;
}

/** StringUtils.lastIndexOfIgnoreCase(str, search[, startPos]) */
export function lastIndexOfIgnoreCase(s: string, sub: string, start = s.length): number {
  if (start > s.length - sub.length) start = s.length - sub.length;
  if (start < 0) return -1;
  if (sub.length === 0) return start;
  for (let i = start; i >= 0; i--) if (regionMatchesIC(s, i, sub)) return i;
  return -1;
}

/** StringUtils.indexOfAny(cs, searchChars): first index of any of the chars. */
export function indexOfAny(s: string, chars: string): number {
  if (s.length === 0 || chars.length === 0) return -1;
  for (let i = 0; i < s.length; i++) if (chars.indexOf(s[i]) >= 0) return i;
  return -1;
}

/** StringUtils.indexOfAnyBut(cs, searchChars): first index of a char not in chars. */
export function indexOfAnyBut(s: string, chars: string): number {
  if (s.length === 0 || chars.length === 0) return -1;
  for (let i = 0; i < s.length; i++) if (chars.indexOf(s[i]) < 0) return i;
  return -1;
}

/** StringUtils.indexOfDifference(a, b): -1 when equal. */
export function indexOfDifference(s: string, other: string): number {
  if (s === other) return -1;
  let i = 0;
  for (; i < s.length && i < other.length; i++) if (s[i] !== other[i]) break;
  return i < other.length || i < s.length ? i : -1;
}

/** StringUtils.difference(a, b): the rest of b from where it differs from a. */
export function difference(s: string, other: string): string {
  const at = indexOfDifference(s, other);
  return at === -1 ? '' : other.slice(at);
}

/** StringUtils.countMatches: non-overlapping occurrences; 0 for an empty sub. */
export function countMatches(s: string, sub: string): number {
  if (s.length === 0 || sub.length === 0) return 0;
  let n = 0;
  for (let i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length)) n++;
  return n;
}

/** StringUtils.getCommonPrefix(String...) */
export function getCommonPrefix(strings: ReadonlyArray<string | null>): string {
  if (strings.length === 0) return '';
  if (strings.some((x) => x === null || x.length === 0)) return '';
  const arr = strings as string[];
  let n = 0;
  for (;;) {
    if (n >= arr[0].length) break;
    const c = arr[0][n];
    if (arr.some((x) => n >= x.length || x[n] !== c)) break;
    n++;
  }
  return arr[0].slice(0, n);
}

/** StringUtils.getLevenshteinDistance(s, t[, threshold]): -1 when the distance exceeds the threshold. */
export function getLevenshteinDistance(s: string, t: string, threshold?: number): number {
  if (threshold !== undefined && threshold < 0)
    throw new StringMethodError('System.IllegalArgumentException', 'Threshold must not be negative');
  const n = s.length;
  const m = t.length;
  if (n === 0) return threshold === undefined || m <= threshold ? m : -1;
  if (m === 0) return threshold === undefined || n <= threshold ? n : -1;
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    const sc = s.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cost = sc === t.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(cur[j - 1] + 1, prev[j] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  const d = prev[m];
  return threshold !== undefined && d > threshold ? -1 : d;
}

// ---- substrings -------------------------------------------------------------------------------------------

/**
 * Apex substring: out-of-range positions throw System.StringException "Starting position out of bounds: N" /
 * "Ending position out of bounds: N" (the messages Apex reports, not Java's StringIndexOutOfBoundsException text).
 */
export function substring(s: string, start: number, end?: number): string {
  if (start < 0 || start > s.length)
    throw new StringMethodError(STRING_EX, `Starting position out of bounds: ${start}`);
  if (end === undefined) return s.slice(start);
  if (end < 0 || end > s.length) throw new StringMethodError(STRING_EX, `Ending position out of bounds: ${end}`);
  if (start > end) throw new StringMethodError(STRING_EX, `Starting position out of bounds: ${start}`);
  return s.slice(start, end);
}

export function left(s: string, len: number): string {
  if (len < 0) return '';
  return s.length <= len ? s : s.slice(0, len);
}

export function right(s: string, len: number): string {
  if (len < 0) return '';
  return s.length <= len ? s : s.slice(s.length - len);
}

/** StringUtils.mid(str, pos, len) */
export function mid(s: string, pos: number, len: number): string {
  if (len < 0 || pos > s.length) return '';
  if (pos < 0) pos = 0;
  return s.length <= pos + len ? s.slice(pos) : s.slice(pos, pos + len);
}

/** StringUtils.substringAfter: '' when not found; the whole string for an empty separator. */
export function substringAfter(s: string, sep: string): string {
  if (s.length === 0) return s;
  const p = s.indexOf(sep);
  return p < 0 ? '' : s.slice(p + sep.length);
}

export function substringAfterLast(s: string, sep: string): string {
  if (s.length === 0) return s;
  if (sep.length === 0) return '';
  const p = s.lastIndexOf(sep);
  return p < 0 || p === s.length - sep.length ? '' : s.slice(p + sep.length);
}

/** StringUtils.substringBefore: the whole string when not found; '' for an empty separator. */
export function substringBefore(s: string, sep: string): string {
  if (s.length === 0) return s;
  if (sep.length === 0) return '';
  const p = s.indexOf(sep);
  return p < 0 ? s : s.slice(0, p);
}

export function substringBeforeLast(s: string, sep: string): string {
  if (s.length === 0 || sep.length === 0) return s;
  const p = s.lastIndexOf(sep);
  return p < 0 ? s : s.slice(0, p);
}

/** StringUtils.substringBetween(str, open[, close]): null when not found. */
export function substringBetween(s: string, open: string, close: string = open): string | null {
  const a = s.indexOf(open);
  if (a < 0) return null;
  const b = s.indexOf(close, a + open.length);
  return b < 0 ? null : s.slice(a + open.length, b);
}

// ---- transformations --------------------------------------------------------------------------------------

/** StringUtils.abbreviate(str[, offset], maxWidth) with "..." */
export function abbreviate(s: string, maxWidth: number, offset?: number): string {
  if (maxWidth < 4) throw new StringMethodError(STRING_EX, 'Minimum abbreviation width is 4');
  if (s.length <= maxWidth) return s;
  if (offset === undefined) return s.slice(0, maxWidth - 3) + '...';
  if (offset > s.length) offset = s.length;
  if (s.length - offset < maxWidth - 3) offset = s.length - (maxWidth - 3);
  if (offset <= 4) return s.slice(0, maxWidth - 3) + '...';
  if (maxWidth < 7) throw new StringMethodError(STRING_EX, 'Minimum abbreviation width with offset is 7');
  if (offset + maxWidth - 3 < s.length) return '...' + abbreviate(s.slice(offset), maxWidth - 3);
  return '...' + s.slice(s.length - (maxWidth - 3));
}

function padding(n: number, pad: string): string {
  if (n <= 0) return '';
  if (pad.length === 1) return pad.repeat(n);
  return pad.repeat(Math.ceil(n / pad.length)).slice(0, n);
}

/** StringUtils.leftPad(str, size[, padStr]); an empty pad string means a space. */
export function leftPad(s: string, size: number, pad = ' '): string {
  if (pad.length === 0) pad = ' ';
  return padding(size - s.length, pad) + s;
}

export function rightPad(s: string, size: number, pad = ' '): string {
  if (pad.length === 0) pad = ' ';
  return s + padding(size - s.length, pad);
}

/** StringUtils.center(str, size[, padStr]) */
export function center(s: string, size: number, pad = ' '): string {
  if (pad.length === 0) pad = ' ';
  const pads = size - s.length;
  if (size < 0 || pads <= 0) return s;
  return rightPad(leftPad(s, s.length + Math.floor(pads / 2), pad), size, pad);
}

/** Apex repeat(times) / repeat(separator, times). */
export function repeat(s: string, times: number, separator?: string): string {
  if (times <= 0) return '';
  if (separator === undefined || separator === '') return s.repeat(times);
  return Array<string>(times).fill(s).join(separator);
}

/** java.lang.String.replace(CharSequence, CharSequence): literal, all occurrences. */
export function replace(s: string, target: string, replacement: string): string {
  return s.split(target).join(replacement);
}

export function remove(s: string, sub: string): string {
  if (s.length === 0 || sub.length === 0) return s;
  return s.split(sub).join('');
}

export function removeStart(s: string, prefix: string): string {
  return prefix.length > 0 && s.startsWith(prefix) ? s.slice(prefix.length) : s;
}

export function removeEnd(s: string, suffix: string): string {
  return suffix.length > 0 && s.endsWith(suffix) ? s.slice(0, s.length - suffix.length) : s;
}

export function removeStartIgnoreCase(s: string, prefix: string): string {
  return prefix.length > 0 && startsWithIgnoreCase(s, prefix) ? s.slice(prefix.length) : s;
}

export function removeEndIgnoreCase(s: string, suffix: string): string {
  return suffix.length > 0 && endsWithIgnoreCase(s, suffix) ? s.slice(0, s.length - suffix.length) : s;
}

/** StringBuilder.reverse: surrogate pairs stay in order. */
export function reverse(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const h = s.charCodeAt(i - 1);
      if (h >= 0xd800 && h <= 0xdbff) {
        out += s[i - 1] + s[i];
        i--;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

/** StringUtils.deleteWhitespace (Character.isWhitespace). */
export function deleteWhitespace(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) if (!isJavaWhitespace(s.charCodeAt(i))) out += s[i];
  return out;
}

/** StringUtils.normalizeSpace: strip, then collapse whitespace runs into one space. */
export function normalizeSpace(s: string): string {
  let out = '';
  let ws = false;
  const t = strip(s);
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (isJavaWhitespace(c)) ws = true;
    else {
      if (ws) out += ' ';
      ws = false;
      out += t[i];
    }
  }
  return out;
}

/** Character.getType-like category of a UTF-16 unit (as a Unicode general category name). */
const typeCache = new Map<number, string>();
const CATS = [
  'Lu',
  'Ll',
  'Lt',
  'Lm',
  'Lo',
  'Nd',
  'Nl',
  'No',
  'Zs',
  'Zl',
  'Zp',
  'Cc',
  'Cf',
  'Cs',
  'Co',
  'Mn',
  'Mc',
  'Me',
  'Pd',
  'Ps',
  'Pe',
  'Pc',
  'Po',
  'Pi',
  'Pf',
  'Sm',
  'Sc',
  'Sk',
  'So'
].map((c) => [c, new RegExp(`^\\p{${c}}$`, 'u')] as const);
function charType(c: number): string {
  let t = typeCache.get(c);
  if (t === undefined) {
    t = 'Cn';
    const s = ch(c);
    for (const [name, re] of CATS)
      if (re.test(s)) {
        t = name;
        break;
      }
    typeCache.set(c, t);
  }
  return t;
}

function splitByType(s: string, camel: boolean): string[] {
  if (s.length === 0) return [];
  const out: string[] = [];
  let tokenStart = 0;
  let cur = charType(s.charCodeAt(0));
  for (let pos = 1; pos < s.length; pos++) {
    const type = charType(s.charCodeAt(pos));
    if (type === cur) continue;
    if (camel && type === 'Ll' && cur === 'Lu') {
      const nts = pos - 1;
      if (nts !== tokenStart) {
        out.push(s.slice(tokenStart, nts));
        tokenStart = nts;
      }
    } else {
      out.push(s.slice(tokenStart, pos));
      tokenStart = pos;
    }
    cur = type;
  }
  out.push(s.slice(tokenStart));
  return out;
}

/** StringUtils.splitByCharacterType */
export function splitByCharacterType(s: string): string[] {
  return splitByType(s, false);
}

/** StringUtils.splitByCharacterTypeCamelCase: "fooBarBAZ" -> [foo, Bar, BAZ]. */
export function splitByCharacterTypeCamelCase(s: string): string[] {
  return splitByType(s, true);
}

/** Apex String.join(iterable, separator); null elements become empty (StringUtils.join). */
export function join(items: ReadonlyArray<string | null>, separator: string): string {
  return items.map((x) => (x === null ? '' : x)).join(separator);
}

/** String.fromCharArray(List<Integer>) */
export function fromCharArray(chars: readonly number[]): string {
  let out = '';
  for (const c of chars) out += c > 0xffff ? String.fromCodePoint(c) : String.fromCharCode(c);
  return out;
}

/** getChars(): the UTF-16 code units. */
export function getChars(s: string): number[] {
  const out = new Array<number>(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Removes HTML markup: comments, script/style blocks and tags. */
export function stripHtmlTags(s: string): string {
  return s
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<\/?[a-zA-Z!][^>]*>/g, '');
}

// ---- MessageFormat ----------------------------------------------------------------------------------------

/**
 * String.format(template, args): java.text.MessageFormat. "Within a String, a pair of single quotes can be used to
 * quote any arbitrary characters except single quotes ... A single quote itself must be represented by doubled single
 * quotes '' throughout a String" (MessageFormat javadoc). Arguments are pre-stringified by the caller (numbers are
 * accepted and formatted plainly; `{n,number,...}` uses a minimal DecimalFormat). Missing arguments print "{n}".
 */
export function format(template: string, args: ReadonlyArray<string | number | null>): string {
  let out = '';
  let inQuote = false;
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c === "'") {
      if (template[i + 1] === "'") {
        out += "'";
        i++;
      } else inQuote = !inQuote;
      continue;
    }
    if (inQuote || c !== '{') {
      if (!inQuote && c === '}') {
        out += c; // a lone '}' outside an argument is literal
        continue;
      }
      out += c;
      continue;
    }
    // argument: {index[,type[,style]]}; braces nest inside style, quotes inside are kept
    let depth = 1;
    let j = i + 1;
    let q = false;
    for (; j < template.length; j++) {
      const d = template[j];
      if (d === "'") q = !q;
      else if (!q && d === '{') depth++;
      else if (!q && d === '}' && --depth === 0) break;
    }
    if (j >= template.length)
      throw new StringMethodError('System.IllegalArgumentException', 'Unmatched braces in the pattern.');
    const body = template.slice(i + 1, j);
    i = j;
    const comma = body.indexOf(',');
    const idxStr = (comma < 0 ? body : body.slice(0, comma)).trim();
    if (!/^\d+$/.test(idxStr))
      throw new StringMethodError('System.IllegalArgumentException', `can't parse argument number: ${idxStr}`);
    const idx = Number(idxStr);
    if (idx >= args.length) {
      out += `{${idx}}`;
      continue;
    }
    const v = args[idx];
    if (comma < 0) {
      out += v === null ? 'null' : String(v);
      continue;
    }
    const rest = body.slice(comma + 1);
    const c2 = rest.indexOf(',');
    const type = (c2 < 0 ? rest : rest.slice(0, c2)).trim();
    const style = c2 < 0 ? '' : rest.slice(c2 + 1).trim();
    if (type === 'number') {
      const n = typeof v === 'number' ? v : Number(v);
      if (v === null || Number.isNaN(n))
        throw new StringMethodError('System.IllegalArgumentException', 'Cannot format given Object as a Number');
      out += formatNumber(n, style);
    } else out += v === null ? 'null' : String(v);
  }
  return out;
}

function groupInt(s: string, size: number): string {
  if (size <= 0) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % size === 0) out += ',';
    out += s[i];
  }
  return out;
}

/** Minimal java.text.DecimalFormat for MessageFormat number styles (HALF_EVEN rounding, en_US symbols). */
export function formatNumber(n: number, style: string): string {
  let pattern = style;
  let mult = 1;
  let suffix = '';
  if (style === '' || style === 'number') pattern = '#,##0.###';
  else if (style === 'integer') pattern = '#,##0';
  else if (style === 'percent') pattern = '#,##0%';
  else if (style === 'currency') pattern = '$#,##0.00';
  const neg = n < 0;
  const m = /^([^#0,.]*)([#0,]*)(?:\.([#0]*))?(.*)$/.exec(pattern.split(';')[0]);
  if (!m) return String(n);
  const prefix = m[1];
  const intPart = m[2];
  const frac = m[3] ?? '';
  suffix = m[4];
  if (suffix.includes('%')) mult = 100;
  const minFrac = (frac.match(/0/g) ?? []).length;
  const maxFrac = frac.length;
  const minInt = (intPart.match(/0/g) ?? []).length;
  const lastComma = intPart.lastIndexOf(',');
  const groupSize = lastComma < 0 ? 0 : intPart.length - lastComma - 1;
  const v = Math.abs(n) * mult;
  // HALF_EVEN rounding at maxFrac digits
  const scale = 10 ** maxFrac;
  const scaled = v * scale;
  let r = Math.round(scaled);
  if (Math.abs(scaled % 1) === 0.5 && r % 2 === 1) r -= 1;
  let digits = String(r);
  if (maxFrac > 0) digits = digits.padStart(maxFrac + 1, '0');
  let ip = maxFrac > 0 ? digits.slice(0, digits.length - maxFrac) : digits;
  let fp = maxFrac > 0 ? digits.slice(digits.length - maxFrac) : '';
  while (fp.length > minFrac && fp.endsWith('0')) fp = fp.slice(0, -1);
  ip = ip.replace(/^0+/, '');
  if (ip.length < minInt) ip = ip.padStart(minInt, '0');
  const body = groupInt(ip, groupSize) + (fp ? `.${fp}` : '');
  return (neg && r !== 0 ? '-' : '') + prefix + body + suffix;
}

// ---- escaping ---------------------------------------------------------------------------------------------

function hex4(c: number): string {
  return c.toString(16).toUpperCase().padStart(4, '0');
}

const JAVA_CTRL: Record<string, string> = { '\b': '\\b', '\n': '\\n', '\t': '\\t', '\f': '\\f', '\r': '\\r' };

function escapeJavaLike(s: string, extra: Record<string, string>): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const code = s.charCodeAt(i);
    const e = extra[c] ?? JAVA_CTRL[c];
    if (e !== undefined) out += e;
    else if (code < 32 || code > 0x7f) out += `\\u${hex4(code)}`;
    else out += c;
  }
  return out;
}

/** StringEscapeUtils.escapeJava (Lang 3): ", \, control chars, and chars outside 32..0x7f as \uXXXX. */
export function escapeJava(s: string): string {
  return escapeJavaLike(s, { '"': '\\"', '\\': '\\\\' });
}

/** StringEscapeUtils.escapeEcmaScript: as escapeJava plus ' and /. */
export function escapeEcmaScript(s: string): string {
  return escapeJavaLike(s, { "'": "\\'", '"': '\\"', '\\': '\\\\', '/': '\\/' });
}

/** Apex escapeSingleQuotes: a backslash before every single quote. */
export function escapeSingleQuotes(s: string): string {
  return s.replace(/'/g, "\\'");
}

/** Apex escapeUnicode: chars above 0x7f as \uXXXX (uppercase hex), e.g. 'você' -> 'voc\u00EA'. */
export function escapeUnicode(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c > 0x7f ? `\\u${hex4(c)}` : s[i];
  }
  return out;
}

/** StringEscapeUtils.unescapeJava (Lang 3): octal, \uXXXX (with repeated u / '+'), \b\n\t\f\r, \\ \" \'; a lone \ is dropped. */
export function unescapeJava(s: string): string {
  if (s.indexOf('\\') < 0) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) {
      if (c !== '\\') out += c;
      continue;
    }
    const n = s[i + 1];
    if (n >= '0' && n <= '7') {
      let j = i + 1;
      let v = '';
      while (j < s.length && v.length < 3 && s[j] >= '0' && s[j] <= '7') {
        if (v.length === 2 && v[0] > '3') break;
        v += s[j++];
      }
      out += String.fromCharCode(parseInt(v, 8));
      i = j - 1;
      continue;
    }
    if (n === 'u') {
      let j = i + 1;
      while (j < s.length && s[j] === 'u') j++;
      if (s[j] === '+') j++;
      const h = s.slice(j, j + 4);
      if (h.length < 4)
        throw new StringMethodError(
          STRING_EX,
          `Less than 4 hex digits in unicode value: '${s.slice(i, j + 4)}' due to end of CharSequence`
        );
      if (!/^[0-9a-fA-F]{4}$/.test(h)) throw new StringMethodError(STRING_EX, `Unable to parse unicode value: ${h}`);
      out += String.fromCharCode(parseInt(h, 16));
      i = j + 3;
      continue;
    }
    const map: Record<string, string> = { b: '\b', n: '\n', t: '\t', f: '\f', r: '\r', '\\': '\\', '"': '"', "'": "'" };
    if (map[n] !== undefined) {
      out += map[n];
      i++;
      continue;
    }
    // a backslash before anything else is removed
  }
  return out;
}

export function unescapeEcmaScript(s: string): string {
  return unescapeJava(s);
}

/** UnicodeUnescaper: only \uXXXX sequences (\uu..., \u+XXXX accepted); other backslashes are kept. */
export function unescapeUnicode(s: string): string {
  return s.replace(/\\u+\+?([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

const CSV_SPECIAL = /[,"\r\n]/;

/** StringEscapeUtils.escapeCsv */
export function escapeCsv(s: string): string {
  if (!CSV_SPECIAL.test(s)) return s;
  return `"${s.replace(/"/g, '""')}"`;
}

/** StringEscapeUtils.unescapeCsv: only a fully quoted value containing a special char is unquoted. */
export function unescapeCsv(s: string): string {
  if (s.length < 2 || s[0] !== '"' || s[s.length - 1] !== '"') return s;
  const inner = s.slice(1, -1);
  return CSV_SPECIAL.test(inner) ? inner.replace(/""/g, '"') : s;
}

// HTML 4.0 entities (Commons Lang EntityArrays): ISO-8859-1 names for U+00A0..U+00FF, then HTML40_EXTENDED.
const ISO8859_1_NAMES =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';
const HTML40_EXTENDED =
  'fnof:402 Alpha:913 Beta:914 Gamma:915 Delta:916 Epsilon:917 Zeta:918 Eta:919 Theta:920 Iota:921 Kappa:922 Lambda:923 Mu:924 Nu:925 Xi:926 Omicron:927 Pi:928 Rho:929 Sigma:931 Tau:932 Upsilon:933 Phi:934 Chi:935 Psi:936 Omega:937 ' +
  'alpha:945 beta:946 gamma:947 delta:948 epsilon:949 zeta:950 eta:951 theta:952 iota:953 kappa:954 lambda:955 mu:956 nu:957 xi:958 omicron:959 pi:960 rho:961 sigmaf:962 sigma:963 tau:964 upsilon:965 phi:966 chi:967 psi:968 omega:969 ' +
  'thetasym:977 upsih:978 piv:982 bull:8226 hellip:8230 prime:8242 Prime:8243 oline:8254 frasl:8260 weierp:8472 image:8465 real:8476 trade:8482 alefsym:8501 ' +
  'larr:8592 uarr:8593 rarr:8594 darr:8595 harr:8596 crarr:8629 lArr:8656 uArr:8657 rArr:8658 dArr:8659 hArr:8660 ' +
  'forall:8704 part:8706 exist:8707 empty:8709 nabla:8711 isin:8712 notin:8713 ni:8715 prod:8719 sum:8721 minus:8722 lowast:8727 radic:8730 prop:8733 infin:8734 ang:8736 and:8743 or:8744 cap:8745 cup:8746 int:8747 there4:8756 sim:8764 cong:8773 asymp:8776 ne:8800 equiv:8801 le:8804 ge:8805 sub:8834 sup:8835 nsub:8836 sube:8838 supe:8839 oplus:8853 otimes:8855 perp:8869 sdot:8901 ' +
  'lceil:8968 rceil:8969 lfloor:8970 rfloor:8971 lang:9001 rang:9002 loz:9674 spades:9824 clubs:9827 hearts:9829 diams:9830 ' +
  'OElig:338 oelig:339 Scaron:352 scaron:353 Yuml:376 circ:710 tilde:732 ensp:8194 emsp:8195 thinsp:8201 zwnj:8204 zwj:8205 lrm:8206 rlm:8207 ndash:8211 mdash:8212 lsquo:8216 rsquo:8217 sbquo:8218 ldquo:8220 rdquo:8221 bdquo:8222 dagger:8224 Dagger:8225 permil:8240 lsaquo:8249 rsaquo:8250 euro:8364';

const BASIC: Array<[string, number]> = [
  ['quot', 34],
  ['amp', 38],
  ['lt', 60],
  ['gt', 62]
];
const ISO_ENTITIES: Array<[string, number]> = ISO8859_1_NAMES.split(' ').map((n, i) => [n, 0xa0 + i]);
const EXT_ENTITIES: Array<[string, number]> = HTML40_EXTENDED.split(' ').map((p) => {
  const [n, v] = p.split(':');
  return [n, Number(v)];
});

function buildEscape(list: Array<[string, number]>): Map<number, string> {
  return new Map(list.map(([n, v]) => [v, `&${n};`]));
}
function buildUnescape(list: Array<[string, number]>): Map<string, number> {
  return new Map(list.map(([n, v]) => [n, v]));
}
const ESC_HTML3 = buildEscape([...BASIC, ...ISO_ENTITIES]);
const ESC_HTML4 = buildEscape([...BASIC, ...ISO_ENTITIES, ...EXT_ENTITIES]);
const ESC_XML = buildEscape([...BASIC, ['apos', 39]]);
const UNESC_HTML3 = buildUnescape([...BASIC, ...ISO_ENTITIES]);
const UNESC_HTML4 = buildUnescape([...BASIC, ...ISO_ENTITIES, ...EXT_ENTITIES]);
const UNESC_XML = buildUnescape([...BASIC, ['apos', 39]]);

function escapeWith(s: string, table: Map<number, string>): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const e = table.get(s.charCodeAt(i));
    out += e === undefined ? s[i] : e;
  }
  return out;
}

function unescapeWith(s: string, table: Map<string, number>): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(
    /&(#[xX]([0-9a-fA-F]+)|#(\d+)|([a-zA-Z][a-zA-Z0-9]*));/g,
    (m, _x, hex?: string, dec?: string, name?: string) => {
      if (name !== undefined) {
        const v = table.get(name);
        return v === undefined ? m : String.fromCharCode(v);
      }
      const cp = hex !== undefined ? parseInt(hex, 16) : Number(dec);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
  );
}

/** StringEscapeUtils.escapeHtml3: the 4 basic entities plus ISO-8859-1 names. */
export function escapeHtml3(s: string): string {
  return escapeWith(s, ESC_HTML3);
}

/** StringEscapeUtils.escapeHtml4: escapeHtml3 plus the HTML 4.0 extended entities. */
export function escapeHtml4(s: string): string {
  return escapeWith(s, ESC_HTML4);
}

/** StringEscapeUtils.escapeXml (Lang 3 escapeXml10 basics): gt, lt, quot, amp, apos; chars > 0x7f unchanged. */
export function escapeXml(s: string): string {
  return escapeWith(s, ESC_XML);
}

export function unescapeHtml3(s: string): string {
  return unescapeWith(s, UNESC_HTML3);
}

export function unescapeHtml4(s: string): string {
  return unescapeWith(s, UNESC_HTML4);
}

export function unescapeXml(s: string): string {
  return unescapeWith(s, UNESC_XML);
}
