/**
 * Small, dependable readers of Apex source used by the reference gate: comment stripping that keeps offsets,
 * block scopes, and `@AuraEnabled` static method signatures. Apex is case-insensitive: names compare lower-cased.
 */

/** Replaces comments with spaces (keeping newlines, so offsets and line numbers survive); strings are kept. */
export function stripComments(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    const next = source[i + 1];
    if (ch === "'") {
      let j = i + 1;
      while (j < source.length && source[j] !== "'") j += source[j] === '\\' ? 2 : 1;
      out += source.slice(i, j + 1);
      i = j + 1;
    } else if (ch === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') {
        out += ' ';
        i++;
      }
    } else if (ch === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? source.length : end + 2;
      out += source.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** Replaces the contents of string literals with spaces (for structural scanning). */
export function blankStrings(source: string): string {
  return source.replace(/'(?:\\.|[^'\\])*'/g, (literal) => `'${' '.repeat(literal.length - 2)}'`);
}

export function lineOf(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source[i] === '\n') line++;
  return line;
}

/** Index of the bracket closing the one at `open` (same kind), or the source length. */
export function matchingClose(source: string, open: number): number {
  const opener = source[open];
  const closer = opener === '(' ? ')' : opener === '[' ? ']' : opener === '<' ? '>' : '}';
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === opener) depth++;
    else if (source[i] === closer) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return source.length;
}

/** End offset of the block `{...}` that encloses `offset` (or the source end). */
export function enclosingBlockEnd(source: string, offset: number): number {
  let depth = 0;
  for (let i = offset; i < source.length; i++) {
    if (source[i] === '{') depth++;
    else if (source[i] === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return source.length;
}

/** True when `offset` sits inside an unclosed `(`: a parameter list or a `for (...)` header. */
export function openParenBefore(source: string, offset: number): number {
  let depth = 0;
  for (let i = offset - 1; i >= 0; i--) {
    const ch = source[i];
    if (ch === ')') depth++;
    else if (ch === '(') {
      if (depth === 0) return i;
      depth--;
    } else if ((ch === ';' || ch === '{' || ch === '}') && depth === 0) return -1;
  }
  return -1;
}

/** Splits on commas at depth 0 of (), <>, [] and {}. */
export function splitTopLevel(text: string, separator = ','): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if ('(<[{'.includes(ch)) depth++;
    else if (')>]}'.includes(ch)) depth--;
    if (ch === separator && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  if (current.trim().length > 0) parts.push(current);
  return parts;
}

export interface AuraMethod {
  className: string;
  method: string;
  isStatic: boolean;
  isAuraEnabled: boolean;
  params: string[];
  /** Parameter types as written (e.g. `List<MappingRow>`), in order. */
  paramTypes: string[];
  returnType: string;
  line: number;
}

/** Names of the classes declared inside a class (inner classes), lower-cased. */
export function innerClassNames(source: string): Set<string> {
  const code = blankStrings(stripComments(source));
  const names = [...code.matchAll(/\b(?:class|interface|enum)\s+(\w+)/gi)].map((m) => (m[1] ?? '').toLowerCase());
  return new Set(names.slice(1));
}

/** Every method declaration of a class with its annotations, static flag and parameter names. */
export function methodSignatures(className: string, source: string): AuraMethod[] {
  const code = blankStrings(stripComments(source));
  const methods: AuraMethod[] = [];
  const declaration =
    /((?:@\w+(?:\s*\([^)]*\))?\s*)*)((?:(?:public|private|protected|global|static|override|virtual|abstract|testmethod|webservice)\s+)+)([\w.<>, \[\]]+?)\s+(\w+)\s*\(/gi;
  let match: RegExpExecArray | null;
  while ((match = declaration.exec(code)) !== null) {
    const annotations = match[1] ?? '';
    const modifiers = (match[2] ?? '').toLowerCase();
    const open = match.index + match[0].length - 1;
    const close = matchingClose(code, open);
    const after = code.slice(close + 1).trimStart();
    if (!after.startsWith('{') && !after.startsWith(';')) continue;
    const declared = splitTopLevel(code.slice(open + 1, close))
      .map((param) => param.trim().replace(/^final\s+/i, ''))
      .filter((param) => param.length > 0);
    const params = declared.map((param) => param.split(/\s+/).pop() ?? '');
    const paramTypes = declared.map((param) => param.slice(0, param.lastIndexOf(' ')).replace(/\s+/g, ''));
    methods.push({
      className,
      method: match[4] ?? '',
      isStatic: /\bstatic\b/.test(modifiers),
      isAuraEnabled: /@AuraEnabled\b/i.test(annotations),
      params,
      paramTypes,
      returnType: (match[3] ?? '').replace(/\s+/g, ''),
      line: lineOf(code, match.index + annotations.length)
    });
  }
  return methods;
}

/** Types of the `@AuraEnabled` properties of a class (what it serializes to a component), as written. */
export function auraPropertyTypes(source: string): string[] {
  const code = blankStrings(stripComments(source));
  const property =
    /@AuraEnabled\b(?:\s*\([^)]*\))?\s+(?:(?:public|global|static|transient)\s+)+([\w.<>, \[\]]+?)\s+\w+\s*(?=[;={])/gi;
  return [...code.matchAll(property)].map((m) => (m[1] ?? '').replace(/\s+/g, ''));
}
