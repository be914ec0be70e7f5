/**
 * SOSL in tests, as far as `Test.setFixedSearchResults` defines it (Apex Developer Guide, Adding SOSL Queries to Unit
 * Tests; Apex Reference Guide, Test Class: setFixedSearchResults(fixedSearchResults)). The ids given become the
 * search result of every later SOSL query of the test, whatever its search term; each `RETURNING Object(fields
 * [WHERE …] [LIMIT n])` returns that object's records among them, with its fields, its WHERE and LIMIT applied (the
 * query runs as SOQL `SELECT fields FROM Object WHERE Id IN :fixed`). Without fixed results, and for `Search.query`,
 * SOSL fails with `not supported by the emulator: SOSL` (the platform returns empty results in a test; the emulator
 * does not pretend to search).
 */
import type { Org } from '../data/org';
import { fault } from '../runtime/ops';
import type { Registry } from '../runtime/registry';
import { ApexId, ApexList, SObjectValue, T } from '../runtime/values';
import { orgOf } from './sobjects';

const unsupported = (): never => {
  throw fault('System.UnexpectedException', 'not supported by the emulator: SOSL');
};

/** `Object(fields WHERE … LIMIT n), Other(…)` → its items, split at top-level commas. */
function returningItems(text: string): { object: string; inner: string }[] {
  const m = /\bRETURNING\b([\s\S]*)$/i.exec(text.replace(/^\s*\[|\]\s*$/g, ''));
  if (!m) return [];
  const items: { object: string; inner: string }[] = [];
  const re = /\s*([A-Za-z_][\w.]*)\s*(?:\(([^()]*)\))?\s*(,|$)/y;
  const body = m[1].replace(/\s+(WITH|LIMIT|UPDATE)\b[\s\S]*$/i, (all) => (/\)\s*$/.test(all) ? all : ''));
  let match: RegExpExecArray | null;
  while (re.lastIndex < body.length && (match = re.exec(body))) {
    items.push({ object: match[1], inner: (match[2] ?? '').trim() });
    if (match[3] === '') break;
  }
  return items;
}

export function registerSosl(r: Registry): void {
  r.static('Test', 'setFixedSearchResults', ({ interp }, [ids]) => {
    const list = ids instanceof ApexList ? ids.items : [];
    orgOf(interp).hooks.fixedSearchResults = list.map((x) => (x instanceof ApexId ? x : interp.toId(String(x))));
    return null;
  });
  r.static('$sosl', 'search', ({ interp }, [text]) => {
    const org: Org = orgOf(interp);
    const fixed = org.hooks.fixedSearchResults as ApexId[] | undefined;
    if (!fixed) return unsupported();
    const out = new ApexList(T('List', T('SObject')), []);
    for (const item of returningItems(String(text))) {
      const model = org.object(item.object);
      if (!model) return unsupported();
      const clause =
        /^(.*?)(?:\s+WHERE\s+(.*?))?(?:\s+ORDER\s+BY\s+(.*?))?(?:\s+LIMIT\s+(\d+))?$/i.exec(item.inner) ?? [];
      const fields = (clause[1] ?? '').trim() || 'Id';
      const ids = new ApexList(
        T('Id'),
        fixed.filter((id) => id.prefix === model.keyPrefix)
      );
      const where = `Id IN :__fixedIds${clause[2] ? ` AND (${clause[2]})` : ''}`;
      const soql = `SELECT ${fields} FROM ${model.name} WHERE ${where}${clause[3] ? ` ORDER BY ${clause[3]}` : ''}${clause[4] ? ` LIMIT ${clause[4]}` : ''}`;
      const rows = org.query(soql, new Map([['__fixedIds', ids]]), interp) as ApexList;
      out.items.push(
        new ApexList(
          T(model.name),
          rows.items.filter((x) => x instanceof SObjectValue)
        )
      );
    }
    return out;
  });
  r.static('Search', 'query', unsupported);
}
