/**
 * A cache of parsed Apex on disk, shared by the processes of one run: the apex gate, each jest worker's test files,
 * the preview's org and the gate-test copies (whose node_modules link to the project's) each loaded force-app by
 * parsing every class again (seconds per process). A syntax tree is stored under a key made of the source text, the
 * file name and a fingerprint of the parser (the sources of `build.ts` and `ast.ts` and the grammar's compiled
 * parser), so a change to any of them parses again. The tree is written as JSON with its Sets and its shared nodes
 * (a declaration referenced from two lists) kept: `decodeAst(encodeAst(tree))` has the same shape and the same object
 * identities as the tree. Files are written to a temporary name and renamed, so concurrent processes never read half
 * a file. `ALOWARE_APEX_AST_CACHE=off` turns the cache off; `ALOWARE_APEX_AST_CACHE=<dir>` puts it elsewhere.
 * Where the parser's sources cannot be read (the preview's bundled worker), the cache is off.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The tree as JSON: a Set as `{ $set: [...] }`, a node met twice as `{ $id: n, ... }` then `{ $ref: n }`. */
export function encodeAst(tree: unknown): string {
  const seen = new Map<object, number>();
  const count = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    const times = seen.get(value) ?? 0;
    seen.set(value, times + 1);
    if (times > 0) return;
    const children = value instanceof Set ? [...value] : Array.isArray(value) ? value : Object.values(value);
    for (const child of children) count(child);
  };
  count(tree);
  const ids = new Map<object, number>();
  const encode = (value: unknown): Json => {
    if (value === undefined) throw new Error('a syntax tree value is undefined: the cache cannot keep it');
    if (value === null || typeof value !== 'object') {
      if (typeof value === 'function' || typeof value === 'bigint' || typeof value === 'symbol') {
        throw new Error(`a syntax tree value is a ${typeof value}: the cache cannot keep it`);
      }
      return value as Json;
    }
    const known = ids.get(value);
    if (known !== undefined) return { $ref: known };
    const shared = (seen.get(value) ?? 0) > 1;
    const id = ids.size;
    if (shared) ids.set(value, id);
    let out: Json;
    if (value instanceof Set) out = { $set: [...value].map(encode) };
    else if (Array.isArray(value)) out = value.map(encode);
    else {
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        throw new Error('a syntax tree node is not a plain object: the cache cannot keep it');
      }
      const fields: { [key: string]: Json } = {};
      for (const [key, child] of Object.entries(value)) {
        if (key === '$id' || key === '$ref' || key === '$set' || key === '$array') {
          throw new Error(`a syntax tree node has a key "${key}" the cache reserves`);
        }
        fields[key] = encode(child);
      }
      out = fields;
    }
    if (!shared) return out;
    return Array.isArray(out) ? { $id: id, $array: out } : { $id: id, ...(out as { [key: string]: Json }) };
  };
  return JSON.stringify(encode(tree));
}

/** The tree `encodeAst` wrote, with its Sets and shared nodes. */
export function decodeAst<T>(text: string): T {
  const byId = new Map<number, unknown>();
  const decode = (value: Json): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map(decode);
    if (typeof value.$ref === 'number') {
      if (!byId.has(value.$ref)) throw new Error(`syntax tree cache: reference ${value.$ref} before its node`);
      return byId.get(value.$ref);
    }
    const id = typeof value.$id === 'number' ? value.$id : null;
    if (Array.isArray(value.$set)) {
      const set = new Set<unknown>();
      if (id !== null) byId.set(id, set);
      for (const item of value.$set) set.add(decode(item));
      return set;
    }
    if (Array.isArray(value.$array)) {
      const array: unknown[] = [];
      if (id !== null) byId.set(id, array);
      for (const item of value.$array) array.push(decode(item));
      return array;
    }
    const node: Record<string, unknown> = {};
    if (id !== null) byId.set(id, node);
    for (const [key, child] of Object.entries(value)) {
      if (key !== '$id') node[key] = decode(child);
    }
    return node;
  };
  return decode(JSON.parse(text) as Json) as T;
}

let fingerprint: string | null | undefined;

/** The parser's fingerprint, or null where its sources are not on disk (a bundle): then nothing is cached. */
function parserFingerprint(): string | null {
  if (fingerprint !== undefined) return fingerprint;
  try {
    const hash = createHash('sha256');
    for (const file of ['build.ts', 'ast.ts']) hash.update(readFileSync(join(__dirname, file)));
    // The grammar's compiled parser (its package exports no package.json to read a version from).
    hash.update(readFileSync(require.resolve('@apexdevtools/apex-parser')));
    fingerprint = hash.digest('hex');
  } catch {
    fingerprint = null;
  }
  return fingerprint;
}

function cacheDir(): string | null {
  const setting = process.env.ALOWARE_APEX_AST_CACHE;
  if (setting === 'off') return null;
  if (setting) return setting;
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) return join(dir, 'node_modules', '.cache', 'aloware-apex-ast');
  }
  return null;
}

/** The tree of `source` from the disk cache, else parsed by `parse` and stored. */
export function parseThroughDiskCache<T>(source: string, file: string, parse: () => T): T {
  const dir = cacheDir();
  const parser = dir === null ? null : parserFingerprint();
  if (dir === null || parser === null) return parse();
  const key = createHash('sha256').update(parser).update('\0').update(file).update('\0').update(source).digest('hex');
  const path = join(dir, `${key}.json`);
  try {
    return decodeAst<T>(readFileSync(path, 'utf8'));
  } catch {
    // Not cached yet (or unreadable): parse, then store for the next process.
  }
  const tree = parse();
  try {
    mkdirSync(dir, { recursive: true });
    const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(temporary, encodeAst(tree));
    renameSync(temporary, path);
  } catch {
    // A read-only or full disk, or a tree JSON cannot keep as it is (encodeAst refuses rather than change it): the
    // tree is still returned; the next process parses again.
  }
  return tree;
}
