/**
 * Pattern and Matcher (Apex Reference Guide: Pattern Class, Matcher Class), on the java.util.regex emulation in
 * `javaRegex.ts`. Apex reports regex errors as System.StringException: an invalid pattern as
 * `Invalid regex: <PatternSyntaxException message>`, `group()` before a successful match as `No match found`.
 */
import { fault, str } from '../runtime/ops';
import type { Registry } from '../runtime/registry';
import { ApexId, ApexList, NativeObject, T } from '../runtime/values';
import {
  JavaMatcher,
  JavaPattern,
  JavaRegexRuntimeError,
  JavaRegexSyntaxError,
  compileJavaRegex,
  javaQuote,
  javaQuoteReplacement
} from './javaRegex';

const PATTERN = 'System.Pattern';
const MATCHER = 'System.Matcher';

/** Runs regex code, turning java.util.regex errors into Apex exceptions. */
export function regexCall<R>(f: () => R): R {
  try {
    return f();
  } catch (e) {
    if (e instanceof JavaRegexSyntaxError) throw fault('System.StringException', `Invalid regex: ${e.message}`);
    if (e instanceof JavaRegexRuntimeError) throw fault('System.StringException', e.message);
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      throw fault('System.LimitException', 'Regex too complicated');
    }
    throw e;
  }
}

function text(v: unknown): string {
  if (v === null || v === undefined) throw fault('System.NullPointerException', 'Argument cannot be null.');
  if (typeof v === 'string') return v;
  if (v instanceof ApexId) return v.value;
  return str(v);
}

function int(v: unknown): number {
  if (v === null || v === undefined) throw fault('System.NullPointerException', 'Argument cannot be null.');
  return Number(v);
}

export function newPattern(p: JavaPattern): NativeObject {
  const obj = new NativeObject(PATTERN, { pattern: p });
  obj.data['__toString'] = () => p.pattern;
  return obj;
}

function newMatcher(patternObj: NativeObject, input: string): NativeObject {
  const p = patternObj.data['pattern'] as JavaPattern;
  return new NativeObject(MATCHER, {
    matcher: p.matcher(input),
    patternObj,
    input,
    anchoring: true,
    transparent: false
  });
}

const pat = (self: unknown): JavaPattern => (self as NativeObject).data['pattern'] as JavaPattern;
const mat = (self: unknown): JavaMatcher => (self as NativeObject).data['matcher'] as JavaMatcher;

function compile(regex: unknown): NativeObject {
  return regexCall(() => newPattern(compileJavaRegex(text(regex))));
}

/** A group argument: an Integer index or (named groups) a String. */
function groupArg(v: unknown): number | string {
  if (v === null || v === undefined) throw fault('System.NullPointerException', 'Argument cannot be null.');
  if (typeof v === 'string') return v;
  return Number(v);
}

export function registerRegex(r: Registry): void {
  r.type(PATTERN);
  r.type(MATCHER);

  // ---------------------------------------------------------------- Pattern
  r.static('Pattern', 'compile', (_ctx, [regex]) => compile(regex));
  r.static('Pattern', 'matches', (_ctx, [regex, input]) =>
    regexCall(() => compileJavaRegex(text(regex)).matches(text(input)))
  );
  r.static('Pattern', 'quote', (_ctx, [s]) => javaQuote(text(s)));
  r.method(PATTERN, 'pattern', ({ self }) => pat(self).pattern);
  r.method(PATTERN, 'toString', ({ self }) => pat(self).pattern);
  r.method(PATTERN, 'matcher', ({ self }, [input]) => newMatcher(self as NativeObject, text(input)));
  r.method(PATTERN, 'split', ({ self }, [input, limit]) =>
    regexCall(() => new ApexList(T('String'), pat(self).split(text(input), limit === undefined ? 0 : int(limit))))
  );

  // ---------------------------------------------------------------- Matcher
  r.static('Matcher', 'quoteReplacement', (_ctx, [s]) => javaQuoteReplacement(text(s)));
  r.method(MATCHER, 'matches', ({ self }) => regexCall(() => mat(self).matches()));
  r.method(MATCHER, 'lookingAt', ({ self }) => regexCall(() => mat(self).lookingAt()));
  r.method(MATCHER, 'find', ({ self }, args) =>
    regexCall(() => (args.length ? mat(self).find(int(args[0])) : mat(self).find()))
  );
  r.method(MATCHER, 'group', ({ self }, args) =>
    regexCall(() => (args.length ? mat(self).group(groupArg(args[0])) : mat(self).group()))
  );
  r.method(MATCHER, 'groupCount', ({ self }) => mat(self).groupCount());
  r.method(MATCHER, 'start', ({ self }, args) =>
    regexCall(() => (args.length ? mat(self).start(groupArg(args[0])) : mat(self).start()))
  );
  r.method(MATCHER, 'end', ({ self }, args) =>
    regexCall(() => (args.length ? mat(self).end(groupArg(args[0])) : mat(self).end()))
  );
  r.method(MATCHER, 'replaceAll', ({ self }, [rep]) => regexCall(() => mat(self).replaceAll(text(rep))));
  r.method(MATCHER, 'replaceFirst', ({ self }, [rep]) => regexCall(() => mat(self).replaceFirst(text(rep))));
  r.method(MATCHER, 'reset', ({ self }, args) => {
    const obj = self as NativeObject;
    if (args.length) {
      obj.data['input'] = text(args[0]);
      mat(obj).reset(text(args[0]));
    } else mat(obj).reset();
    return obj;
  });
  r.method(MATCHER, 'hitEnd', ({ self }) => mat(self).hitEnd());
  // requireEnd(): more input could turn the match into a non-match; only a match ending at `$` can, approximated
  // by "the match touched the end of the input and the pattern ends with an anchor".
  r.method(MATCHER, 'requireEnd', ({ self }) => {
    const m = mat(self);
    return m.hitEnd() && /(\$|\\[zZ])\)*$/.test(m.pattern().pattern);
  });
  r.method(MATCHER, 'region', ({ self }, [start, end]) => {
    regexCall(() => mat(self).region(int(start), int(end)));
    return self;
  });
  r.method(MATCHER, 'regionStart', ({ self }) => mat(self).regionStart());
  r.method(MATCHER, 'regionEnd', ({ self }) => mat(self).regionEnd());
  r.method(MATCHER, 'pattern', ({ self }) => (self as NativeObject).data['patternObj']);
  r.method(MATCHER, 'usePattern', ({ self }, [p]) => {
    if (!(p instanceof NativeObject)) throw fault('System.NullPointerException', 'Argument cannot be null.');
    const obj = self as NativeObject;
    obj.data['patternObj'] = p;
    mat(obj).usePattern(pat(p));
    return obj;
  });
  r.method(MATCHER, 'hasAnchoringBounds', ({ self }) => (self as NativeObject).data['anchoring'] as boolean);
  r.method(MATCHER, 'hasTransparentBounds', ({ self }) => (self as NativeObject).data['transparent'] as boolean);
  r.method(MATCHER, 'useAnchoringBounds', ({ self }, [b]) => {
    (self as NativeObject).data['anchoring'] = b === true;
    return self;
  });
  r.method(MATCHER, 'useTransparentBounds', ({ self }, [b]) => {
    (self as NativeObject).data['transparent'] = b === true;
    return self;
  });
  r.method(MATCHER, 'toString', ({ self }) => {
    const m = mat(self);
    return `java.util.regex.Matcher[pattern=${m.pattern().pattern} region=${m.regionStart()},${m.regionEnd()} lastmatch=]`;
  });
}
