/**
 * java.util.regex emulation on top of JS RegExp (the `v` flag: Unicode sets, code-point semantics like Java).
 *
 * Apex's Pattern/Matcher and String.split/replaceAll/replaceFirst are thin wrappers over java.util.regex
 * (Apex Reference Guide, "Pattern Class": "Apex supports the use of regular expressions through its Pattern and
 * Matcher classes ... The syntax is the same as the Java Pattern class"). The Java pattern is translated by a
 * small recursive-descent parser into JS source; every flag-dependent construct (`.`, `^`, `$`, case-folding) is
 * expanded by the translator itself, so scoped inline flags such as `(?i:...)` work although Node 20 has no regex
 * modifiers. Capture groups are emitted as named JS groups (`g1`, `g2`, ...), so helper groups introduced for
 * atomic groups / possessive quantifiers never shift the Java group numbering.
 */

export interface JavaRegexFlags {
  caseInsensitive?: boolean;
  multiline?: boolean;
  dotall?: boolean;
  comments?: boolean;
  unixLines?: boolean;
  unicodeCase?: boolean;
  unicodeCharacterClass?: boolean;
}

/** java.util.regex.PatternSyntaxException; `message` is PatternSyntaxException.getMessage(). */
export class JavaRegexSyntaxError extends Error {
  readonly description: string;
  readonly index: number;
  readonly pattern: string;
  constructor(description: string, pattern: string, index: number) {
    // PatternSyntaxException.getMessage(): desc + " near index N" + newline + pattern + newline + caret line.
    let msg = description;
    if (index >= 0) msg += ` near index ${index}`;
    msg += `\n${pattern}`;
    if (index >= 0 && index < pattern.length) msg += `\n${' '.repeat(index)}^`;
    super(msg);
    this.name = 'JavaRegexSyntaxError';
    this.description = description;
    this.index = index;
    this.pattern = pattern;
  }
}

/** Runtime errors of Matcher (javaType: IllegalStateException, IndexOutOfBoundsException, IllegalArgumentException). */
export class JavaRegexRuntimeError extends Error {
  readonly javaType: string;
  constructor(javaType: string, message: string) {
    super(message);
    this.name = 'JavaRegexRuntimeError';
    this.javaType = javaType;
  }
}

interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
  x: boolean;
  d: boolean;
  u: boolean;
  U: boolean;
}

interface Atom {
  src: string;
  /** single char / class / escape: can be quantified without a wrapping (?:...) */
  simple: boolean;
  /** emitted before the quantifiable part (\Q..\E: a quantifier applies to the last quoted char only) */
  prefix?: string;
}

const LT_CLASS = '[\\n\\r\\u{85}\\u{2028}\\u{2029}]';
const ANY = '[\\s\\S]';
const S_CLASS = '[\\u{20}\\t\\n\\u{b}\\f\\r]';
const W_CLASS = '[a-zA-Z0-9_]';
const H_CLASS = '[\\u{20}\\t\\u{a0}\\u{1680}\\u{180e}\\u{2000}-\\u{200a}\\u{202f}\\u{205f}\\u{3000}]';
const V_CLASS = '[\\n\\u{b}\\f\\r\\u{85}\\u{2028}\\u{2029}]';
const U_W_CLASS = '[\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\u{200c}\\u{200d}]';
const U_S_CLASS = '[\\p{White_Space}]';

// POSIX classes (US-ASCII only), per the java.util.regex.Pattern javadoc table "POSIX character classes".
const POSIX: Record<string, string> = {
  Lower: '[a-z]',
  Upper: '[A-Z]',
  ASCII: '[\\u{0}-\\u{7f}]',
  Alpha: '[a-zA-Z]',
  Digit: '[0-9]',
  Alnum: '[a-zA-Z0-9]',
  Punct: '[\\u{21}-\\u{2f}\\u{3a}-\\u{40}\\u{5b}-\\u{60}\\u{7b}-\\u{7e}]',
  Graph: '[\\u{21}-\\u{7e}]',
  Print: '[\\u{20}-\\u{7e}]',
  Blank: '[\\u{20}\\t]',
  Cntrl: '[\\u{0}-\\u{1f}\\u{7f}]',
  XDigit: '[0-9a-fA-F]',
  Space: S_CLASS
};
// With UNICODE_CHARACTER_CLASS the POSIX names map to Unicode properties (Pattern javadoc, "Unicode support").
const POSIX_UNICODE: Record<string, string> = {
  Lower: '[\\p{Lowercase}]',
  Upper: '[\\p{Uppercase}]',
  ASCII: '[\\u{0}-\\u{7f}]',
  Alpha: '[\\p{Alphabetic}]',
  Digit: '[\\p{Nd}]',
  Alnum: '[\\p{Alphabetic}\\p{Nd}]',
  Punct: '[\\p{P}]',
  Graph: '[^\\p{White_Space}\\p{Cc}\\p{Cs}\\p{Cn}]',
  Print: '[[^\\p{White_Space}\\p{Cc}\\p{Cs}\\p{Cn}]\\p{Zs}--\\p{Cc}]',
  Blank: '[\\p{Zs}\\t]',
  Cntrl: '[\\p{Cc}]',
  XDigit: '[\\p{Nd}\\p{Hex_Digit}]',
  Space: U_S_CLASS
};
// java.lang.Character predicates (\p{javaXxx}).
const JAVA_CHAR: Record<string, string> = {
  javaLowerCase: '[\\p{Lowercase}]',
  javaUpperCase: '[\\p{Uppercase}]',
  javaTitleCase: '[\\p{Lt}]',
  javaDigit: '[\\p{Nd}]',
  javaDefined: '[\\P{Cn}]',
  javaLetter: '[\\p{L}]',
  javaLetterOrDigit: '[\\p{L}\\p{Nd}]',
  javaAlphabetic: '[\\p{Alphabetic}]',
  javaIdeographic: '[\\p{Ideographic}]',
  javaSpaceChar: '[\\p{Zs}\\p{Zl}\\p{Zp}]',
  // Character.isWhitespace: space separators except no-break spaces, plus \t \n \u000B \f \r \u001C-\u001F.
  javaWhitespace: '[[\\p{Zs}\\p{Zl}\\p{Zp}--[\\u{a0}\\u{2007}\\u{202f}]]\\t-\\r\\u{1c}-\\u{1f}]',
  javaISOControl: '[\\u{0}-\\u{1f}\\u{7f}-\\u{9f}]',
  javaMirrored: '[\\p{Bidi_M}]',
  javaIdentifierIgnorable: '[\\u{0}-\\u{8}\\u{e}-\\u{1b}\\u{7f}-\\u{9f}\\p{Cf}]',
  javaJavaIdentifierStart: '[\\p{L}\\p{Nl}\\p{Sc}\\p{Pc}]',
  javaJavaIdentifierPart:
    '[\\p{L}\\p{Nl}\\p{Sc}\\p{Pc}\\p{Nd}\\p{Mn}\\p{Mc}\\u{0}-\\u{8}\\u{e}-\\u{1b}\\u{7f}-\\u{9f}\\p{Cf}]',
  javaUnicodeIdentifierStart: '[\\p{ID_Start}]',
  javaUnicodeIdentifierPart: '[\\p{ID_Continue}\\u{0}-\\u{8}\\u{e}-\\u{1b}\\u{7f}-\\u{9f}\\p{Cf}]'
};
const CATEGORIES = new Set(
  'L Lu Ll Lt Lm Lo LC M Mn Mc Me N Nd Nl No Z Zs Zl Zp C Cc Cf Co Cs Cn P Pd Ps Pe Pc Po Pi Pf S Sm Sc Sk So'.split(
    ' '
  )
);
// Binary properties accepted after "Is" (Pattern javadoc: Alphabetic, Ideographic, Letter, Lowercase, Uppercase,
// Titlecase, Punctuation, Control, White_Space, Digit, Hex_Digit, Join_Control, Noncharacter_Code_Point, Assigned).
const BINARY: Record<string, string> = {
  ALPHABETIC: '[\\p{Alphabetic}]',
  IDEOGRAPHIC: '[\\p{Ideographic}]',
  LETTER: '[\\p{L}]',
  LOWERCASE: '[\\p{Lowercase}]',
  UPPERCASE: '[\\p{Uppercase}]',
  TITLECASE: '[\\p{Lt}]',
  PUNCTUATION: '[\\p{P}]',
  CONTROL: '[\\p{Cc}]',
  WHITE_SPACE: '[\\p{White_Space}]',
  WHITESPACE: '[\\p{White_Space}]',
  DIGIT: '[\\p{Nd}]',
  HEX_DIGIT: '[\\p{Hex_Digit}]',
  HEXDIGIT: '[\\p{Hex_Digit}]',
  JOIN_CONTROL: '[\\p{Join_Control}]',
  JOINCONTROL: '[\\p{Join_Control}]',
  NONCHARACTER_CODE_POINT: '[\\p{Noncharacter_Code_Point}]',
  NONCHARACTERCODEPOINT: '[\\p{Noncharacter_Code_Point}]',
  ASSIGNED: '[\\P{Cn}]',
  EMOJI: '[\\p{Emoji}]'
};

function isAsciiLetterOrDigit(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
}

/** One code point as v-mode-safe regex source (inside or outside a class). */
function lit(cp: number): string {
  return isAsciiLetterOrDigit(cp) ? String.fromCharCode(cp) : `\\u{${cp.toString(16)}}`;
}

function scriptOk(name: string): boolean {
  try {
    new RegExp(`\\p{Script=${name}}`, 'v');
    return true;
  } catch {
    return false;
  }
}

/** Case variants of one code point (Java: ASCII-only unless UNICODE_CASE). */
function caseVariants(cp: number, unicode: boolean): number[] {
  if (cp < 0x80) {
    if (cp >= 0x41 && cp <= 0x5a) return [cp, cp + 32];
    if (cp >= 0x61 && cp <= 0x7a) return [cp, cp - 32];
    return [cp];
  }
  if (!unicode) return [cp];
  const out = [cp];
  const s = String.fromCodePoint(cp);
  for (const v of [s.toUpperCase(), s.toLowerCase()]) {
    const vc = v.codePointAt(0) as number;
    if (v.length === String.fromCodePoint(vc).length && !out.includes(vc)) out.push(vc);
  }
  return out;
}

class Translator {
  private pos = 0;
  private flags: Flags;
  groupCount = 0;
  readonly names = new Map<string, number>();
  private helper = 0;
  hasBackref = false;
  globalI: boolean;
  anchoredG = false;
  private readonly src: string;

  constructor(src: string, flags: Flags) {
    this.src = src;
    this.flags = flags;
    this.globalI = flags.i;
  }

  error(desc: string, index = this.pos): never {
    throw new JavaRegexSyntaxError(desc, this.src, index);
  }

  translate(): string {
    // \G at the very beginning ("end of the previous match") is emulated by a sticky search in find().
    if (this.src.startsWith('\\G')) {
      this.anchoredG = true;
      this.pos = 2;
    }
    const out = this.parseAlternation();
    if (this.pos < this.src.length) {
      // only ')' can stop the top-level alternation
      this.error("Unmatched closing ')'", this.pos - 1);
    }
    return out;
  }

  private peek(): number {
    return this.pos < this.src.length ? (this.src.codePointAt(this.pos) as number) : -1;
  }

  private next(): number {
    const cp = this.src.codePointAt(this.pos) as number;
    this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }

  private skipComments(): void {
    if (!this.flags.x) return;
    for (;;) {
      const c = this.peek();
      if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) this.pos++;
      else if (c === 0x23 /* # */) {
        while (this.pos < this.src.length && !'\n\r\u0085\u2028\u2029'.includes(this.src[this.pos])) this.pos++;
      } else return;
    }
  }

  private parseAlternation(): string {
    const alts = [this.parseSequence()];
    while (this.peek() === 0x7c /* | */) {
      this.pos++;
      alts.push(this.parseSequence());
    }
    return alts.join('|');
  }

  private parseSequence(): string {
    let out = '';
    for (;;) {
      this.skipComments();
      const c = this.peek();
      if (c === -1 || c === 0x7c || c === 0x29) return out;
      if (c === 0x2a || c === 0x2b || c === 0x3f) this.error(`Dangling meta character '${String.fromCharCode(c)}'`);
      const atom = this.parseAtom();
      if (atom === null) continue;
      if (atom.prefix) out += atom.prefix;
      out += this.parseQuantifier(atom);
    }
  }

  private parseQuantifier(atom: Atom): string {
    this.skipComments();
    const c = this.peek();
    let q: string;
    if (c === 0x2a || c === 0x2b || c === 0x3f) {
      this.pos++;
      q = String.fromCharCode(c);
    } else if (c === 0x7b /* { */) {
      const start = this.pos;
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
      if (!m) this.error('Illegal repetition', start);
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      if (max < min || min > 0x7fffffff) this.error('Illegal repetition range', start);
      this.pos += m[0].length;
      q = m[0];
    } else return atom.src;
    let mode = '';
    const n = this.peek();
    if (n === 0x3f /* ? */ || n === 0x2b /* + */) {
      this.pos++;
      mode = String.fromCharCode(n);
    }
    const base = atom.simple ? atom.src : `(?:${atom.src})`;
    let out: string;
    if (mode === '+') {
      // possessive X*+ == atomic (?>X*) emulated as (?=(X*))\k (lookaheads are atomic in ECMAScript)
      const h = `a${++this.helper}`;
      out = `(?:(?=(?<${h}>${base}${q}))\\k<${h}>)`;
    } else out = base + q + (mode === '?' ? '?' : '');
    this.skipComments();
    const d = this.peek();
    if (d === 0x2a || d === 0x2b || d === 0x3f) this.error(`Dangling meta character '${String.fromCharCode(d)}'`);
    return out;
  }

  private caseLiteral(cp: number): string {
    if (!this.flags.i) return lit(cp);
    const vs = caseVariants(cp, this.flags.u);
    return vs.length === 1 ? lit(cp) : `[${vs.map(lit).join('')}]`;
  }

  private dot(): string {
    if (this.flags.s) return ANY;
    return this.flags.d ? '[^\\n]' : `[^\\n\\r\\u{85}\\u{2028}\\u{2029}]`;
  }

  private caret(): string {
    if (!this.flags.m) return '(?<![\\s\\S])';
    // MULTILINE: beginning of input, or after any line terminator except at the end of input (Pattern javadoc).
    if (this.flags.d) return '(?:(?<![\\s\\S])|(?<=\\n)(?=[\\s\\S]))';
    return '(?:(?<![\\s\\S])|(?<=[\\n\\u{85}\\u{2028}\\u{2029}]|\\r(?!\\n))(?=[\\s\\S]))';
  }

  private dollar(): string {
    // Java: "By default $ ... matches at the end of input but also before a final line terminator"; never between
    // the \r and \n of a \r\n pair.
    if (this.flags.d) return this.flags.m ? '(?=\\n|(?![\\s\\S]))' : '(?=\\n?(?![\\s\\S]))';
    if (this.flags.m) return `(?:(?=${LT_CLASS}|(?![\\s\\S]))(?<!\\r(?=\\n)))`;
    return `(?:(?=(?:\\r\\n|${LT_CLASS})?(?![\\s\\S]))(?<!\\r(?=\\n)))`;
  }

  private parseAtom(): Atom | null {
    const start = this.pos;
    const c = this.next();
    switch (c) {
      case 0x28 /* ( */:
        return this.parseGroup(start);
      case 0x5b /* [ */:
        return { src: this.parseClass(start), simple: true };
      case 0x2e /* . */:
        return { src: this.dot(), simple: true };
      case 0x5e /* ^ */:
        return { src: this.caret(), simple: false };
      case 0x24 /* $ */:
        return { src: this.dollar(), simple: false };
      case 0x7b /* { */:
        return this.error('Illegal repetition', start);
      case 0x5c /* \ */:
        return this.parseEscapeAtom(start);
      default:
        return { src: this.caseLiteral(c), simple: true };
    }
  }

  private parseGroup(start: number): Atom | null {
    const saved = { ...this.flags };
    let open: string;
    if (this.src.startsWith('?', this.pos)) {
      this.pos++;
      const k = this.peek();
      if (k === 0x3a /* : */) {
        this.pos++;
        open = '(?:';
      } else if (k === 0x3d || k === 0x21) {
        this.pos++;
        open = k === 0x3d ? '(?=' : '(?!';
      } else if (k === 0x3e /* > */) {
        this.pos++;
        const h = `a${++this.helper}`;
        const body = this.parseAlternation();
        this.closeGroup(start);
        this.flags = saved;
        return { src: `(?:(?=(?<${h}>${body}))\\k<${h}>)`, simple: true };
      } else if (k === 0x3c /* < */) {
        this.pos++;
        const k2 = this.peek();
        if (k2 === 0x3d || k2 === 0x21) {
          this.pos++;
          open = k2 === 0x3d ? '(?<=' : '(?<!';
        } else {
          const m = /^([a-zA-Z][a-zA-Z0-9]*)>/.exec(this.src.slice(this.pos));
          if (!m) this.error('capturing group name does not start with a Latin letter', this.pos);
          if (this.names.has(m[1]))
            this.error(`Named capturing group <${m[1]}> is already defined`, this.pos + m[0].length - 1);
          this.pos += m[0].length;
          const n = ++this.groupCount;
          this.names.set(m[1], n);
          open = `(?<g${n}>`;
        }
      } else {
        // inline flags (?idmsuxU-idmsuxU) or (?idmsux-idmsux:X)
        let on = true;
        for (;;) {
          const f = this.peek();
          if (f === 0x2d /* - */) {
            on = false;
            this.pos++;
            continue;
          }
          const fc = f >= 0 ? String.fromCodePoint(f) : '';
          if ('idmsuxU'.includes(fc) && fc !== '') {
            (this.flags as unknown as Record<string, boolean>)[fc] = on;
            if (fc === 'i' && start !== 0 && !on) this.globalI = false;
            this.pos++;
            continue;
          }
          break;
        }
        const term = this.peek();
        if (term === 0x29 /* ) */) {
          this.pos++;
          // (?i) at the very beginning applies to the whole pattern
          if (start === 0 && this.flags.i) this.globalI = true;
          else if (this.flags.i !== saved.i) this.globalI = false;
          return null; // flags stay in effect until the end of the enclosing group
        }
        if (term === 0x3a /* : */) {
          this.pos++;
          if (this.flags.i !== saved.i) this.globalI = false;
          const body = this.parseAlternation();
          this.closeGroup(start);
          this.flags = saved;
          return { src: `(?:${body})`, simple: true };
        }
        return this.error('Unknown inline modifier', this.pos);
      }
    } else {
      const n = ++this.groupCount;
      open = `(?<g${n}>`;
    }
    const body = this.parseAlternation();
    this.closeGroup(start);
    this.flags = saved;
    return { src: open + body + ')', simple: true };
  }

  private closeGroup(_start: number): void {
    if (this.peek() !== 0x29) this.error('Unclosed group', this.src.length);
    this.pos++;
  }

  /** \p{..}/\P{..}; returns a v-mode class (always bracketed). */
  private parseProperty(negated: boolean, escStart: number): string {
    let name: string;
    if (this.peek() === 0x7b) {
      const close = this.src.indexOf('}', this.pos);
      if (close < 0) this.error('Unclosed character family', this.src.length);
      name = this.src.slice(this.pos + 1, close);
      this.pos = close + 1;
    } else {
      if (this.pos >= this.src.length) this.error('Illegal/unsupported escape sequence', escStart);
      name = String.fromCodePoint(this.next());
    }
    const body = this.propertyClass(name, escStart);
    return negated ? `[^${body}]` : body;
  }

  private propertyClass(name: string, at: number): string {
    const unicodeClass = this.flags.U;
    const eq = name.indexOf('=');
    if (eq >= 0) {
      const key = name.slice(0, eq).toLowerCase();
      const val = name.slice(eq + 1);
      if ((key === 'sc' || key === 'script') && scriptOk(val)) return `[\\p{Script=${val}}]`;
      if ((key === 'gc' || key === 'general_category') && CATEGORIES.has(val)) return `[\\p{${val}}]`;
      if (key === 'blk' || key === 'block') this.error(`Unsupported Unicode block in emulator: ${val}`, at);
      this.error(`Unknown Unicode property {name=<${key}>, value=<${val}>}`, at);
    }
    if (name.startsWith('In')) this.error(`Unsupported Unicode block in emulator: ${name.slice(2)}`, at);
    if (name.startsWith('Is')) {
      const rest = name.slice(2);
      const bin = BINARY[rest.toUpperCase()];
      if (bin) return bin;
      if (CATEGORIES.has(rest)) return `[\\p{${rest}}]`;
      if (scriptOk(rest)) return `[\\p{Script=${rest}}]`;
      this.error(`Unknown character script name {${rest}}`, at);
    }
    const posix = (unicodeClass ? POSIX_UNICODE : POSIX)[name];
    if (posix) return posix;
    if (JAVA_CHAR[name]) return JAVA_CHAR[name];
    if (CATEGORIES.has(name)) return `[\\p{${name}}]`;
    if (name === 'LD') return '[\\p{L}\\p{Nd}]';
    if (name === 'L1') return '[\\u{0}-\\u{ff}]';
    if (name === 'all') return '[\\s\\S]';
    return this.error(`Unknown character property name {${name}}`, at);
  }

  /** Escapes that denote a class (valid inside and outside [...]); null when not a class escape. */
  private classEscape(c: number, escStart: number): string | null {
    const U = this.flags.U;
    switch (c) {
      case 0x64 /* d */:
        return U ? '[\\p{Nd}]' : '[0-9]';
      case 0x44 /* D */:
        return U ? '[^\\p{Nd}]' : '[^0-9]';
      case 0x77 /* w */:
        return U ? U_W_CLASS : W_CLASS;
      case 0x57 /* W */:
        return U ? `[^${U_W_CLASS}]` : `[^${W_CLASS}]`;
      case 0x73 /* s */:
        return U ? U_S_CLASS : S_CLASS;
      case 0x53 /* S */:
        return U ? `[^${U_S_CLASS}]` : `[^${S_CLASS}]`;
      case 0x68 /* h */:
        return H_CLASS;
      case 0x48 /* H */:
        return `[^${H_CLASS}]`;
      case 0x76 /* v */:
        return V_CLASS;
      case 0x56 /* V */:
        return `[^${V_CLASS}]`;
      case 0x70 /* p */:
        return this.parseProperty(false, escStart);
      case 0x50 /* P */:
        return this.parseProperty(true, escStart);
      default:
        return null;
    }
  }

  /** Escapes denoting a single code point; returns -1 if `c` is not one. */
  private charEscape(c: number, escStart: number): number {
    switch (c) {
      case 0x74:
        return 0x09; // \t
      case 0x6e:
        return 0x0a; // \n
      case 0x72:
        return 0x0d; // \r
      case 0x66:
        return 0x0c; // \f
      case 0x61:
        return 0x07; // \a
      case 0x65:
        return 0x1b; // \e
      case 0x63 /* c */: {
        if (this.pos >= this.src.length) this.error('Illegal control escape sequence', this.pos);
        return this.next() ^ 64;
      }
      case 0x30 /* 0 : octal \0n \0nn \0mnn (m <= 3) */: {
        const isOct = (i: number) => i < this.src.length && this.src[i] >= '0' && this.src[i] <= '7';
        if (!isOct(this.pos)) this.error('Illegal octal escape sequence', this.pos);
        let v = this.src.charCodeAt(this.pos++) - 48;
        if (isOct(this.pos)) {
          v = v * 8 + this.src.charCodeAt(this.pos++) - 48;
          if (isOct(this.pos) && v < 32) v = v * 8 + this.src.charCodeAt(this.pos++) - 48;
        }
        return v;
      }
      case 0x78 /* x */: {
        if (this.peek() === 0x7b) {
          const m = /^\{([0-9a-fA-F]+)\}/.exec(this.src.slice(this.pos));
          if (!m) this.error('Unclosed hexadecimal escape sequence', this.pos);
          const v = parseInt(m[1], 16);
          if (v > 0x10ffff) this.error('Hexadecimal codepoint is too big', this.pos);
          this.pos += m[0].length;
          return v;
        }
        const m = /^[0-9a-fA-F]{2}/.exec(this.src.slice(this.pos, this.pos + 2));
        if (!m) this.error('Illegal hexadecimal escape sequence', this.pos);
        this.pos += 2;
        return parseInt(m[0], 16);
      }
      case 0x75 /* u */: {
        const m = /^[0-9a-fA-F]{4}/.exec(this.src.slice(this.pos, this.pos + 4));
        if (!m) this.error('Illegal Unicode escape sequence', this.pos);
        this.pos += 4;
        let v = parseInt(m[0], 16);
        // a \uD8xx\uDCxx pair denotes one supplementary code point
        if (v >= 0xd800 && v <= 0xdbff) {
          const m2 = /^\\u(d[c-f][0-9a-f]{2})/i.exec(this.src.slice(this.pos, this.pos + 6));
          if (m2) {
            v = 0x10000 + ((v - 0xd800) << 10) + (parseInt(m2[1], 16) - 0xdc00);
            this.pos += 6;
          }
        }
        return v;
      }
      default:
        if (isAsciiLetterOrDigit(c)) return -1;
        void escStart;
        return c; // backslash before a non-alphabetic character quotes it
    }
  }

  private parseEscapeAtom(escStart: number): Atom | null {
    if (this.pos >= this.src.length) this.error('Unexpected internal error', this.src.length);
    const c = this.next();
    const cls = this.classEscape(c, escStart);
    if (cls !== null) return { src: cls, simple: true };
    switch (c) {
      case 0x51 /* Q */: {
        const end = this.src.indexOf('\\E', this.pos);
        const text = end < 0 ? this.src.slice(this.pos) : this.src.slice(this.pos, end);
        this.pos = end < 0 ? this.src.length : end + 2;
        const cps = [...text].map((ch) => ch.codePointAt(0) as number);
        if (cps.length === 0) return null;
        const prefix = cps
          .slice(0, -1)
          .map((cp) => this.caseLiteral(cp))
          .join('');
        return { prefix, src: this.caseLiteral(cps[cps.length - 1]), simple: true };
      }
      case 0x45 /* E */:
        return null; // stray \E is ignored by Pattern's \Q..\E pre-processing
      case 0x62 /* b */:
        if (this.src.startsWith('{', this.pos)) this.error('Unsupported in emulator: \\b{g}', escStart);
        return { src: '\\b', simple: false };
      case 0x42 /* B */:
        return { src: '\\B', simple: false };
      case 0x41 /* A */:
        return { src: '(?<![\\s\\S])', simple: false };
      case 0x7a /* z */:
        return { src: '(?![\\s\\S])', simple: false };
      case 0x5a /* Z */:
        return {
          src: this.flags.d ? '(?=\\n?(?![\\s\\S]))' : `(?:(?=(?:\\r\\n|${LT_CLASS})?(?![\\s\\S]))(?<!\\r(?=\\n)))`,
          simple: false
        };
      case 0x47 /* G */:
        return this.error('Unsupported in emulator: \\G not at the start of the pattern', escStart);
      case 0x52 /* R */:
        return { src: '(?:\\r\\n|[\\n\\u{b}\\f\\r\\u{85}\\u{2028}\\u{2029}])', simple: true };
      case 0x58 /* X */:
        return { src: '(?:\\P{M}\\p{M}*)', simple: true }; // approximation of an extended grapheme cluster
      case 0x6b /* k */: {
        const m = /^<([a-zA-Z][a-zA-Z0-9]*)>/.exec(this.src.slice(this.pos));
        if (!m) this.error("\\k is not followed by '<' for named capturing group", this.pos);
        const n = this.names.get(m[1]);
        if (n === undefined) this.error(`named capturing group <${m[1]}> does not exist`, this.pos + m[0].length - 1);
        this.pos += m[0].length;
        return this.backref(n);
      }
    }
    if (c >= 0x31 && c <= 0x39) {
      // Java: the first digit always forms a back reference; further digits are taken while they still name an
      // existing group (Pattern javadoc, "Back references").
      let n = c - 48;
      while (this.pos < this.src.length) {
        const d = this.src.charCodeAt(this.pos);
        if (d < 48 || d > 57) break;
        const nn = n * 10 + (d - 48);
        if (nn > this.groupCount) break;
        n = nn;
        this.pos++;
      }
      return this.backref(n);
    }
    const cp = this.charEscape(c, escStart);
    if (cp < 0) this.error('Illegal/unsupported escape sequence', this.pos - 1);
    return { src: this.caseLiteral(cp), simple: true };
  }

  private backref(n: number): Atom {
    if (n > this.groupCount) return { src: '(?!)', simple: false }; // group does not exist: never matches
    this.hasBackref = true;
    if (this.flags.i && !this.globalI) {
      // scoped case-insensitive back reference: only a global (?i) can be honoured via the JS `i` flag
      this.globalI = false;
    }
    return { src: `\\k<g${n}>`, simple: true };
  }

  // ---- character classes ------------------------------------------------------------------------------------

  /** Parses a Java class starting after '['; returns v-mode class source. */
  private parseClass(start: number): string {
    let negated = false;
    if (this.peek() === 0x5e) {
      this.pos++;
      negated = true;
    }
    const intersections: string[][] = [[]];
    let cur = intersections[0];
    let first = true;
    for (;;) {
      if (this.flags.x) {
        while (this.pos < this.src.length && /\s/.test(this.src[this.pos])) this.pos++;
      }
      if (this.pos >= this.src.length) this.error('Unclosed character class', this.src.length - 1);
      const c = this.peek();
      if (c === 0x5d /* ] */ && !first) {
        this.pos++;
        break;
      }
      first = false;
      if (c === 0x5b /* [ */) {
        const s = this.pos++;
        cur.push(this.parseClass(s));
        continue;
      }
      if (c === 0x26 && this.src.startsWith('&&', this.pos)) {
        this.pos += 2;
        cur = [];
        intersections.push(cur);
        continue;
      }
      // single char, escape or range
      const itemStart = this.pos;
      const a = this.classAtom();
      if (typeof a === 'string') {
        cur.push(a);
        continue;
      }
      if (a.length === 0) continue; // empty \Q\E
      // \Q..\E may yield several chars: all but the last are plain members
      for (let k = 0; k < a.length - 1; k++) cur.push(this.classChar(a[k]));
      const lo = a[a.length - 1];
      if (this.peek() === 0x2d /* - */ && this.pos + 1 < this.src.length && this.src[this.pos + 1] !== ']') {
        const save = this.pos;
        this.pos++;
        if (this.src[this.pos] === '[') {
          this.pos = save; // "a-[b]" : '-' literal
          cur.push(this.classChar(lo));
          continue;
        }
        const b = this.classAtom();
        if (typeof b === 'string' || b.length !== 1) this.error('Illegal character range', this.pos - 1);
        const hi = b[0];
        if (hi < lo) this.error('Illegal character range', this.pos - 1);
        cur.push(this.classRange(lo, hi));
        void itemStart;
        continue;
      }
      cur.push(this.classChar(lo));
    }
    void start;
    const parts = intersections.map((p) => p.join('')).filter((p, i) => p !== '' || i === 0);
    let body: string;
    if (parts.length === 1) body = parts[0];
    else body = parts.map((p) => `[${p}]`).join('&&');
    if (body === '') return negated ? '[\\s\\S]' : '[]';
    return `[${negated ? '^' : ''}${body}]`;
  }

  /** A class member: either a class (string) or a list of code points. */
  private classAtom(): string | number[] {
    const c = this.next();
    if (c !== 0x5c) return [c];
    if (this.pos >= this.src.length) this.error('Unclosed character class', this.src.length - 1);
    const escStart = this.pos - 1;
    const e = this.next();
    const cls = this.classEscape(e, escStart);
    if (cls !== null) return cls;
    if (e === 0x51 /* Q */) {
      const end = this.src.indexOf('\\E', this.pos);
      const text = end < 0 ? this.src.slice(this.pos) : this.src.slice(this.pos, end);
      this.pos = end < 0 ? this.src.length : end + 2;
      return [...text].map((ch) => ch.codePointAt(0) as number);
    }
    if (e === 0x45 /* E */) return [];
    const cp = this.charEscape(e, escStart);
    if (cp < 0) this.error('Illegal/unsupported escape sequence', this.pos - 1);
    return [cp];
  }

  private classChar(cp: number): string {
    if (!this.flags.i) return lit(cp);
    return caseVariants(cp, this.flags.u).map(lit).join('');
  }

  private classRange(lo: number, hi: number): string {
    let out = `${lit(lo)}-${lit(hi)}`;
    if (!this.flags.i) return out;
    // ASCII case folding: add the other-case image of the parts overlapping a-z / A-Z
    const addShift = (a: number, b: number, delta: number) => {
      const l = Math.max(lo, a);
      const h = Math.min(hi, b);
      if (l <= h) out += `${lit(l + delta)}-${lit(h + delta)}`;
    };
    addShift(0x61, 0x7a, -32);
    addShift(0x41, 0x5a, 32);
    if (this.flags.u && hi - lo < 2000) {
      for (let cp = Math.max(lo, 0x80); cp <= hi; cp++) {
        for (const v of caseVariants(cp, true)) if (v < lo || v > hi) out += lit(v);
      }
    }
    return out;
  }
}

// ---- compiled pattern --------------------------------------------------------------------------------------

const FLAG_BITS: Array<[keyof JavaRegexFlags, number]> = [
  ['caseInsensitive', 1],
  ['multiline', 2],
  ['dotall', 4],
  ['comments', 8],
  ['unixLines', 16],
  ['unicodeCase', 32],
  ['unicodeCharacterClass', 64]
];

type Kind = 'g' | 'y' | 'w' | 'yd' | 'wd';

export class JavaPattern {
  readonly pattern: string;
  readonly flags: JavaRegexFlags;
  /** translated ECMAScript source (v flag) */
  readonly jsSource: string;
  readonly groupCountValue: number;
  readonly groupNames: ReadonlyMap<string, number>;
  /** pattern starts with \G */
  readonly anchoredG: boolean;
  private readonly jsFlags: string;
  private readonly regexes: Partial<Record<Kind, RegExp>> = {};

  constructor(pattern: string, flags: JavaRegexFlags = {}) {
    this.pattern = pattern;
    this.flags = flags;
    const tr = new Translator(pattern, {
      i: !!flags.caseInsensitive,
      m: !!flags.multiline,
      s: !!flags.dotall,
      x: !!flags.comments,
      d: !!flags.unixLines,
      u: !!flags.unicodeCase,
      U: !!flags.unicodeCharacterClass
    });
    this.jsSource = tr.translate();
    this.groupCountValue = tr.groupCount;
    this.groupNames = tr.names;
    this.anchoredG = tr.anchoredG;
    // case-insensitive back references can only be honoured with the JS `i` flag (pattern-wide (?i) only)
    this.jsFlags = tr.hasBackref && tr.globalI ? 'vi' : 'v';
    try {
      this.regex('g');
    } catch (e) {
      throw new JavaRegexSyntaxError(`Unsupported in emulator (${(e as Error).message})`, pattern, -1);
    }
  }

  /** Lazily compiled JS regexes: g = search, y = anchored at lastIndex, w = whole input; *d = with indices. */
  regex(kind: Kind): RegExp {
    let r = this.regexes[kind];
    if (!r) {
      const src = kind[0] === 'w' ? `(?:${this.jsSource})(?![\\s\\S])` : this.jsSource;
      const f = this.jsFlags + (kind === 'g' ? 'g' : 'y') + (kind.length > 1 ? 'd' : '');
      r = new RegExp(src, f);
      this.regexes[kind] = r;
    }
    return r;
  }

  groupCount(): number {
    return this.groupCountValue;
  }

  matcher(input: string): JavaMatcher {
    return new JavaMatcher(this, input);
  }

  /** Matcher.matches() on the whole input. */
  matches(input: string): boolean {
    const r = this.regex('w');
    r.lastIndex = 0;
    return r.test(input);
  }

  split(input: string, limit = 0): string[] {
    return splitWith(this, input, limit);
  }

  toString(): string {
    return this.pattern;
  }
}

const CACHE_MAX = 2000;
const cache = new Map<string, JavaPattern>();

/** Compiles (with a bounded cache keyed by pattern and flags). Throws JavaRegexSyntaxError. */
export function compileJavaRegex(pattern: string, flags?: JavaRegexFlags): JavaPattern {
  let bits = 0;
  if (flags) for (const [k, b] of FLAG_BITS) if (flags[k]) bits |= b;
  const key = `${bits}\u0000${pattern}`;
  let p = cache.get(key);
  if (p) return p;
  p = new JavaPattern(pattern, flags ?? {});
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, p);
  return p;
}

// ---- matcher -----------------------------------------------------------------------------------------------

export class JavaMatcher {
  private pat: JavaPattern;
  private input: string;
  private text: string;
  private from = 0;
  private to: number;
  private m: RegExpExecArray | null = null;
  private mKind: Kind = 'g';
  private mIndexed: RegExpExecArray | null = null;
  private first = -1;
  private last = 0;
  private hit = false;
  private appendPos = 0;
  private oldLast = -1;

  constructor(pattern: JavaPattern, input: string) {
    this.pat = pattern;
    this.input = input;
    this.text = input;
    this.to = input.length;
  }

  pattern(): JavaPattern {
    return this.pat;
  }

  reset(input?: string): this {
    if (input !== undefined) this.input = input;
    this.text = this.input;
    this.from = 0;
    this.to = this.input.length;
    this.m = null;
    this.mIndexed = null;
    this.first = -1;
    this.last = 0;
    this.appendPos = 0;
    this.hit = false;
    this.oldLast = -1;
    return this;
  }

  region(start: number, end: number): this {
    if (start < 0 || start > this.input.length) throw new JavaRegexRuntimeError('IndexOutOfBoundsException', 'start');
    if (end < 0 || end > this.input.length) throw new JavaRegexRuntimeError('IndexOutOfBoundsException', 'end');
    if (start > end) throw new JavaRegexRuntimeError('IndexOutOfBoundsException', 'start > end');
    this.reset();
    this.from = start;
    this.to = end;
    // default opaque + anchoring bounds: equivalent to matching the region as a separate string
    this.text = start === 0 && end === this.input.length ? this.input : this.input.slice(start, end);
    return this;
  }

  regionStart(): number {
    return this.from;
  }

  regionEnd(): number {
    return this.to;
  }

  usePattern(p: JavaPattern): this {
    this.pat = p;
    this.m = null;
    this.mIndexed = null;
    return this;
  }

  private record(m: RegExpExecArray | null, kind: Kind): boolean {
    this.mIndexed = null;
    this.mKind = kind;
    if (!m) {
      this.m = null;
      this.first = -1;
      this.hit = true;
      return false;
    }
    this.m = m;
    this.first = m.index + this.from;
    this.last = this.first + m[0].length;
    // approximation of hitEnd(): the match touched the end of the region
    this.hit = this.last === this.to;
    return true;
  }

  matches(): boolean {
    const r = this.pat.regex('w');
    r.lastIndex = 0;
    return this.record(r.exec(this.text), 'w');
  }

  lookingAt(): boolean {
    const r = this.pat.regex('y');
    r.lastIndex = 0;
    return this.record(r.exec(this.text), 'y');
  }

  find(start?: number): boolean {
    let next: number;
    if (start !== undefined) {
      if (start < 0 || start > this.input.length)
        throw new JavaRegexRuntimeError('IndexOutOfBoundsException', 'Illegal start index');
      this.reset();
      next = start;
    } else {
      // Matcher.find(): continue after the previous match; an empty match advances by one char
      next = this.last;
      if (next === this.first) next++;
      if (next < this.from) next = this.from;
    }
    if (next > this.to) {
      this.m = null;
      this.mIndexed = null;
      this.hit = true;
      return false;
    }
    if (this.pat.anchoredG) {
      // \G: the match must start where the previous one ended (initially at the search start)
      const g = this.oldLast < 0 ? next : this.oldLast;
      if (next !== g) return this.record(null, 'y');
      const r = this.pat.regex('y');
      r.lastIndex = next - this.from;
      const ok = this.record(r.exec(this.text), 'y');
      if (ok) this.oldLast = this.last;
      return ok;
    }
    const r = this.pat.regex('g');
    r.lastIndex = next - this.from;
    return this.record(r.exec(this.text), 'g');
  }

  hitEnd(): boolean {
    return this.hit;
  }

  groupCount(): number {
    return this.pat.groupCountValue;
  }

  private ensureMatch(): RegExpExecArray {
    if (!this.m) throw new JavaRegexRuntimeError('IllegalStateException', 'No match found');
    return this.m;
  }

  private groupIndex(g: number | string): number {
    if (typeof g === 'string') {
      const n = this.pat.groupNames.get(g);
      if (n === undefined) throw new JavaRegexRuntimeError('IllegalArgumentException', `No group with name <${g}>`);
      return n;
    }
    if (g < 0 || g > this.pat.groupCountValue)
      throw new JavaRegexRuntimeError('IndexOutOfBoundsException', `No group ${g}`);
    return g;
  }

  group(g: number | string = 0): string | null {
    const m = this.ensureMatch();
    const n = this.groupIndex(g);
    if (n === 0) return m[0];
    const v = m.groups?.[`g${n}`];
    return v === undefined ? null : v;
  }

  private indexed(): RegExpExecArray {
    if (!this.mIndexed) {
      const m = this.ensureMatch();
      const r = this.pat.regex(this.mKind === 'w' ? 'wd' : 'yd');
      r.lastIndex = m.index;
      const mi = r.exec(this.text);
      if (!mi) throw new Error('internal: indexed re-match failed');
      this.mIndexed = mi;
    }
    return this.mIndexed;
  }

  start(g: number | string = 0): number {
    const m = this.ensureMatch();
    const n = this.groupIndex(g);
    if (n === 0) return this.first;
    if (m.groups?.[`g${n}`] === undefined) return -1;
    const ix = this.indexed().indices?.groups?.[`g${n}`];
    return ix ? ix[0] + this.from : -1;
  }

  end(g: number | string = 0): number {
    const m = this.ensureMatch();
    const n = this.groupIndex(g);
    if (n === 0) return this.last;
    if (m.groups?.[`g${n}`] === undefined) return -1;
    const ix = this.indexed().indices?.groups?.[`g${n}`];
    return ix ? ix[1] + this.from : -1;
  }

  /** Matcher.appendReplacement semantics for one match. */
  private expand(replacement: string): string {
    let out = '';
    for (let i = 0; i < replacement.length;) {
      const c = replacement[i];
      if (c === '\\') {
        i++;
        if (i >= replacement.length)
          throw new JavaRegexRuntimeError('IllegalArgumentException', 'character to be escaped is missing');
        out += replacement[i++];
      } else if (c === '$') {
        i++;
        if (i >= replacement.length)
          throw new JavaRegexRuntimeError(
            'IllegalArgumentException',
            'Illegal group reference: group index is missing'
          );
        let v: string | null;
        if (replacement[i] === '{') {
          const close = replacement.indexOf('}', i);
          const name = replacement.slice(i + 1, close < 0 ? replacement.length : close);
          if (close < 0 || !/^[a-zA-Z][a-zA-Z0-9]*$/.test(name)) {
            throw new JavaRegexRuntimeError(
              'IllegalArgumentException',
              "named capturing group is missing trailing '}'"
            );
          }
          if (!this.pat.groupNames.has(name))
            throw new JavaRegexRuntimeError('IllegalArgumentException', `No group with name {${name}}`);
          v = this.group(name);
          i = close + 1;
        } else {
          let d = replacement.charCodeAt(i) - 48;
          if (d < 0 || d > 9) throw new JavaRegexRuntimeError('IllegalArgumentException', 'Illegal group reference');
          i++;
          if (d > this.pat.groupCountValue)
            throw new JavaRegexRuntimeError('IndexOutOfBoundsException', `No group ${d}`);
          // take further digits while the number still names an existing group
          while (i < replacement.length) {
            const e = replacement.charCodeAt(i) - 48;
            if (e < 0 || e > 9) break;
            const nd = d * 10 + e;
            if (nd > this.pat.groupCountValue) break;
            d = nd;
            i++;
          }
          v = this.group(d);
        }
        if (v !== null) out += v;
      } else {
        out += c;
        i++;
      }
    }
    return out;
  }

  appendReplacement(sb: string[], replacement: string): this {
    this.ensureMatch();
    const rep = this.expand(replacement);
    sb.push(this.input.slice(this.appendPos, this.first), rep);
    this.appendPos = this.last;
    return this;
  }

  appendTail(sb: string[]): string[] {
    sb.push(this.input.slice(this.appendPos));
    return sb;
  }

  replaceAll(replacement: string): string {
    this.reset();
    if (!this.find()) return this.input;
    const parts: string[] = [];
    const simple = replacement.indexOf('$') < 0 && replacement.indexOf('\\') < 0;
    do {
      parts.push(this.input.slice(this.appendPos, this.first), simple ? replacement : this.expand(replacement));
      this.appendPos = this.last;
    } while (this.find());
    parts.push(this.input.slice(this.appendPos));
    return parts.join('');
  }

  replaceFirst(replacement: string): string {
    this.reset();
    if (!this.find()) return this.input;
    return this.input.slice(0, this.first) + this.expand(replacement) + this.input.slice(this.last);
  }
}

// ---- java.lang.String helpers ------------------------------------------------------------------------------

function splitWith(p: JavaPattern, input: string, limit: number): string[] {
  // Pattern.split (Java 8+): a zero-width match at the beginning never yields a leading empty string; with limit 0
  // trailing empty strings are removed; limit > 0 applies the pattern at most limit-1 times.
  const m = new JavaMatcher(p, input);
  const list: string[] = [];
  let index = 0;
  const limited = limit > 0;
  while (m.find()) {
    if (!limited || list.length < limit - 1) {
      const s = m.start();
      const e = m.end();
      if (index === 0 && s === 0 && s === e) continue;
      list.push(input.slice(index, s));
      index = e;
    } else if (list.length === limit - 1) {
      list.push(input.slice(index));
      index = m.end();
      break;
    }
  }
  if (index === 0) return [input];
  if (!limited || list.length < limit) list.push(input.slice(index));
  if (limit === 0) {
    let n = list.length;
    while (n > 0 && list[n - 1] === '') n--;
    list.length = n;
  }
  return list;
}

/** java.lang.String.split(regex, limit). */
export function javaSplit(input: string, regex: string, limit = 0): string[] {
  return splitWith(compileJavaRegex(regex), input, limit);
}

/** java.lang.String.replaceAll(regex, replacement). */
export function javaReplaceAll(input: string, regex: string, replacement: string): string {
  return compileJavaRegex(regex).matcher(input).replaceAll(replacement);
}

/** java.lang.String.replaceFirst(regex, replacement). */
export function javaReplaceFirst(input: string, regex: string, replacement: string): string {
  return compileJavaRegex(regex).matcher(input).replaceFirst(replacement);
}

/** java.lang.String.matches / Pattern.matches(regex, input): the whole input must match. */
export function javaMatches(input: string, regex: string): boolean {
  return compileJavaRegex(regex).matches(input);
}

/** Pattern.quote: "\Q" + s + "\E", with each "\E" inside s re-quoted as "\E\\E\Q". */
export function javaQuote(s: string): string {
  if (s.indexOf('\\E') < 0) return `\\Q${s}\\E`;
  return `\\Q${s.split('\\E').join('\\E\\\\E\\Q')}\\E`;
}

/** Matcher.quoteReplacement: escapes '\' and '$'. */
export function javaQuoteReplacement(s: string): string {
  return s.replace(/[\\$]/g, (c) => `\\${c}`);
}
