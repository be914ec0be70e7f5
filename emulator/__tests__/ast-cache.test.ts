/**
 * The disk cache of parsed Apex (parse/astCache.ts): a tree read back has the shape, the Sets and the shared nodes of
 * the tree parsed, so an Emulator built from cached trees runs exactly as one built from the parser.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { decodeAst, encodeAst, parseThroughDiskCache } from '../src/parse/astCache';
import { parseClass } from '../src/parse/build';
import { loadProject } from '../src/metadata/loader';

/** Pairs of paths that reach the same object: the identities a round trip must keep. */
function sharedPaths(tree: unknown): string[] {
  const first = new Map<object, string>();
  const pairs: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (value === null || typeof value !== 'object') return;
    const seen = first.get(value);
    if (seen !== undefined) {
      pairs.push(`${seen} = ${path}`);
      return;
    }
    first.set(value, path);
    const entries = value instanceof Set ? [...value].map((v, i) => [String(i), v] as const) : Object.entries(value);
    for (const [key, child] of entries) walk(child, `${path}.${key}`);
  };
  walk(tree, '$');
  return pairs;
}

describe('syntax tree disk cache', () => {
  const project = loadProject(resolve(__dirname, '..', '..'));
  const classes = project.apex.filter((file) => file.kind === 'class');

  it('reads back every class of force-app with its shape, Sets and shared nodes', () => {
    let withSharedNodes = 0;
    for (const file of classes) {
      const tree = parseClass(file.source, file.name);
      const back = decodeAst(encodeAst(tree));
      expect(back).toEqual(tree);
      const shared = sharedPaths(tree);
      if (shared.length > 0) withSharedNodes++;
      expect(sharedPaths(back)).toEqual(shared);
    }
    // The force-app trees do share nodes (a declaration listed twice): the identities above were really tested.
    expect(withSharedNodes).toBeGreaterThan(0);
  });

  it('keeps a Set shared by two nodes as one Set, and an array shared as one array', () => {
    const modifiers = new Set(['public', 'static']);
    const list = [1, 2];
    const back = decodeAst<{ a: { m: Set<string>; l: number[] }; b: { m: Set<string>; l: number[] } }>(
      encodeAst({ a: { m: modifiers, l: list }, b: { m: modifiers, l: list } })
    );
    expect(back.a.m).toBeInstanceOf(Set);
    expect([...back.a.m]).toEqual(['public', 'static']);
    expect(back.a.m).toBe(back.b.m);
    expect(back.a.l).toBe(back.b.l);
  });

  it('refuses what JSON cannot keep instead of changing it', () => {
    expect(() => encodeAst({ k: 'x', v: undefined })).toThrow(/undefined/);
    expect(() => encodeAst({ k: 'x', at: new Date(0) })).toThrow(/not a plain object/);
    expect(() => encodeAst({ $ref: 1 })).toThrow(/reserves/);
  });

  describe('on disk', () => {
    let dir: string;
    const saved = process.env.ALOWARE_APEX_AST_CACHE;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'ast-cache-'));
      process.env.ALOWARE_APEX_AST_CACHE = dir;
    });
    afterEach(() => {
      rmSync(dir, { recursive: true, force: true });
      if (saved === undefined) delete process.env.ALOWARE_APEX_AST_CACHE;
      else process.env.ALOWARE_APEX_AST_CACHE = saved;
    });

    const source = 'public class CacheProbe { public static Integer twice(Integer n) { return n * 2; } }';

    it('parses once, then reads the stored tree; another source or file name parses again', () => {
      let parses = 0;
      const parse = (): unknown => {
        parses++;
        return parseClass(source, 'CacheProbe');
      };
      const first = parseThroughDiskCache(source, 'CacheProbe', parse);
      const second = parseThroughDiskCache(source, 'CacheProbe', parse);
      expect(parses).toBe(1);
      expect(second).toEqual(first);
      expect(second).not.toBe(first);
      parseThroughDiskCache(source + ' ', 'CacheProbe', parse);
      parseThroughDiskCache(source, 'Other', parse);
      expect(parses).toBe(3);
      expect(readdirSync(dir).filter((f) => f.endsWith('.json'))).toHaveLength(3);
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toHaveLength(0);
    });

    it('parses again over a damaged entry', () => {
      let parses = 0;
      const parse = (): unknown => {
        parses++;
        return parseClass(source, 'CacheProbe');
      };
      parseThroughDiskCache(source, 'CacheProbe', parse);
      for (const f of readdirSync(dir)) writeFileSync(join(dir, f), '{"k": ');
      const tree = parseThroughDiskCache(source, 'CacheProbe', parse);
      expect(parses).toBe(2);
      expect(tree).toEqual(parseClass(source, 'CacheProbe'));
    });

    it('is off when ALOWARE_APEX_AST_CACHE=off', () => {
      process.env.ALOWARE_APEX_AST_CACHE = 'off';
      let parses = 0;
      const parse = (): unknown => {
        parses++;
        return parseClass(source, 'CacheProbe');
      };
      parseThroughDiskCache(source, 'CacheProbe', parse);
      parseThroughDiskCache(source, 'CacheProbe', parse);
      expect(parses).toBe(2);
    });
  });
});
