/**
 * List, Set and Map methods (Apex Reference Guide: List Class, Set Class, Map Class), and the methods every value
 * has (`equals`, `hashCode`, `toString`).
 */
import type { Interpreter } from '../runtime/interpreter';
import { fault, str, looseEquals } from '../runtime/ops';
import type { Registry } from '../runtime/registry';
import {
  ApexList,
  ApexMap,
  ApexObject,
  ApexSet,
  EnumValue,
  ITERATING,
  NativeObject,
  SObjectValue
} from '../runtime/values';
import type { RType } from '../runtime/values';
import { compareForSort } from './sorting';

const npe = () => fault('System.NullPointerException', 'Attempt to de-reference a null object');

function checkIndex(list: ApexList, index: unknown, size = list.items.length): number {
  if (index === null) throw npe();
  const i = index as number;
  if (i < 0 || i >= size) throw fault('System.ListException', `List index out of bounds: ${i}`);
  return i;
}

function itemsOf(v: unknown): unknown[] {
  if (v === null) throw fault('System.NullPointerException', 'Argument cannot be null.');
  if (v instanceof ApexList) return v.items;
  if (v instanceof ApexSet) return [...v.map.values()];
  throw fault('System.TypeException', 'Expected a collection');
}

/**
 * The index of `v` by `equals` (List Class: contains and indexOf compare as `equals` does, so Strings
 * case-sensitively and Decimals with their scale; `==` on Strings ignores case). The argument is first converted to
 * the element type, as the compiler converts it (an Integer looked up in a List<Long>).
 */
function indexOfValue(interp: Interpreter, list: ApexList, v: unknown): number {
  const x = asElement(interp, v, list.elemType);
  const items = list.items;
  for (let i = 0; i < items.length; i++) if (interp.strictEquals(items[i], x)) return i;
  return -1;
}

/** A method argument converted to a collection's element or key type (unchanged when it does not convert). */
function asElement(interp: Interpreter, v: unknown, t: RType): unknown {
  try {
    return interp.coerce(v, t);
  } catch {
    return v;
  }
}

export function registerCollections(r: Registry): void {
  // ---------------------------------------------------------------- List
  r.method('List', 'add', ({ interp, self }, args) => {
    const list = self as ApexList;
    if (args.length === 2) {
      const i = args[0] as number;
      if (i < 0 || i > list.items.length) throw fault('System.ListException', `List index out of bounds: ${i}`);
      list.items.splice(i, 0, interp.coerce(args[1], list.elemType));
      return null;
    }
    list.items.push(interp.coerce(args[0], list.elemType));
    return null;
  });
  r.method('List', 'addAll', ({ interp, self }, [other]) => {
    const list = self as ApexList;
    for (const x of itemsOf(other)) list.items.push(interp.coerce(x, list.elemType));
    return null;
  });
  r.method('List', 'get', ({ self }, [i]) => (self as ApexList).items[checkIndex(self as ApexList, i)]);
  r.method('List', 'set', ({ interp, self }, [i, v]) => {
    const list = self as ApexList;
    list.items[checkIndex(list, i)] = interp.coerce(v, list.elemType);
    return null;
  });
  r.method('List', 'remove', ({ self }, [i]) => {
    const list = self as ApexList;
    const idx = checkIndex(list, i);
    return list.items.splice(idx, 1)[0];
  });
  r.method('List', 'size', ({ self }) => (self as ApexList).items.length);
  r.method('List', 'isEmpty', ({ self }) => (self as ApexList).items.length === 0);
  r.method('List', 'clear', ({ self }) => {
    (self as ApexList).items.length = 0;
    return null;
  });
  r.method('List', 'contains', ({ interp, self }, [v]) => indexOfValue(interp, self as ApexList, v) >= 0);
  r.method('List', 'indexOf', ({ interp, self }, [v]) => indexOfValue(interp, self as ApexList, v));
  r.method('List', 'clone', ({ self }) => new ApexList((self as ApexList).elemType, (self as ApexList).items.slice()));
  r.method('List', 'deepClone', ({ interp, self }, args) => {
    const list = self as ApexList;
    const clone = interp.registry.findMethod('SObject', 'clone');
    return new ApexList(
      list.elemType,
      list.items.map((x) => (x instanceof SObjectValue && clone ? clone({ interp, self: x }, args) : x))
    );
  });
  r.method('List', 'sort', ({ interp, self }, args) => {
    const list = self as ApexList;
    const comparator = args[0];
    if (comparator instanceof ApexObject) {
      list.items = stableSort(list.items, (a, b) => interp.callMethod(comparator, 'compare', [a, b]) as number);
    } else {
      list.items = stableSort(list.items, (a, b) => compareForSort(interp, a, b));
    }
    return null;
  });
  r.method('List', 'getSObjectType', ({ interp, self }) => {
    const list = self as ApexList;
    const fn = interp.registry.findStatic('$sobjecttype', 'token');
    return fn ? fn({ interp, self: undefined }, [list.elemType.name]) : null;
  });
  r.method('List', 'iterator', ({ self }) => iterator((self as ApexList).items.slice()));
  r.method('List', 'equals', ({ interp, self }, [o]) => interp.strictEquals(self, o));
  r.method('List', 'hashCode', ({ self }) => (self as ApexList).items.length);
  r.method('List', 'toString', ({ self }) => str(self));

  // ---------------------------------------------------------------- Set
  r.method('Set', 'add', ({ interp, self }, [v]) =>
    interp.setAdd(self as ApexSet, interp.coerce(v, (self as ApexSet).elemType))
  );
  r.method('Set', 'addAll', ({ interp, self }, [other]) => {
    const set = self as ApexSet;
    let changed = false;
    for (const x of itemsOf(other)) changed = interp.setAdd(set, interp.coerce(x, set.elemType)) || changed;
    return changed;
  });
  const setKey = (interp: Interpreter, set: ApexSet, v: unknown): unknown =>
    interp.keyOf(asElement(interp, v, set.elemType));
  r.method('Set', 'contains', ({ interp, self }, [v]) => (self as ApexSet).map.has(setKey(interp, self as ApexSet, v)));
  r.method('Set', 'containsAll', ({ interp, self }, [other]) =>
    itemsOf(other).every((x) => (self as ApexSet).map.has(setKey(interp, self as ApexSet, x)))
  );
  r.method('Set', 'remove', ({ interp, self }, [v]) =>
    (self as ApexSet).map.delete(setKey(interp, self as ApexSet, v))
  );
  r.method('Set', 'removeAll', ({ interp, self }, [other]) => {
    let changed = false;
    for (const x of itemsOf(other))
      changed = (self as ApexSet).map.delete(setKey(interp, self as ApexSet, x)) || changed;
    return changed;
  });
  r.method('Set', 'retainAll', ({ interp, self }, [other]) => {
    const set = self as ApexSet;
    const keep = new Set(itemsOf(other).map((x) => setKey(interp, set, x)));
    let changed = false;
    for (const k of [...set.map.keys()]) {
      if (!keep.has(k)) {
        set.map.delete(k);
        changed = true;
      }
    }
    return changed;
  });
  r.method('Set', 'size', ({ self }) => (self as ApexSet).map.size);
  r.method('Set', 'isEmpty', ({ self }) => (self as ApexSet).map.size === 0);
  r.method('Set', 'clear', ({ self }) => {
    (self as ApexSet).map.clear();
    return null;
  });
  r.method('Set', 'clone', ({ self }) => new ApexSet((self as ApexSet).elemType, new Map((self as ApexSet).map)));
  r.method('Set', 'iterator', ({ self }) => iterator([...(self as ApexSet).map.values()]));
  r.method('Set', 'equals', ({ interp, self }, [o]) => interp.equalsValues(self, o));
  r.method('Set', 'hashCode', ({ self }) => (self as ApexSet).map.size);
  r.method('Set', 'toString', ({ self }) => str(self));

  // ---------------------------------------------------------------- Map
  r.method('Map', 'put', ({ interp, self }, [k, v]) => {
    const map = self as ApexMap;
    return interp.mapPut(map, interp.coerce(k, map.keyType), interp.coerce(v, map.valueType));
  });
  r.method('Map', 'putAll', ({ interp, self }, [other]) => {
    const map = self as ApexMap;
    if (other === null) throw fault('System.NullPointerException', 'Argument cannot be null.');
    if (other instanceof ApexMap) {
      for (const [, [k, v]] of other.map) interp.mapPut(map, k, v);
    } else {
      for (const rec of itemsOf(other)) {
        if (rec instanceof SObjectValue)
          interp.mapPut(map, interp.coerce(rec.values.get('id') ?? null, map.keyType), rec);
      }
    }
    return null;
  });
  const mapArg = (interp: Interpreter, map: ApexMap, k: unknown): unknown => asElement(interp, k, map.keyType);
  r.method('Map', 'get', ({ interp, self }, [k]) => interp.mapGet(self as ApexMap, mapArg(interp, self as ApexMap, k)));
  r.method('Map', 'containsKey', ({ interp, self }, [k]) =>
    (self as ApexMap).map.has(interp.mapKey(self as ApexMap, mapArg(interp, self as ApexMap, k)))
  );
  r.method('Map', 'remove', ({ interp, self }, [k]) => {
    const map = self as ApexMap;
    const key = interp.mapKey(map, mapArg(interp, map, k));
    const old = map.map.get(key);
    map.map.delete(key);
    return old ? old[1] : null;
  });
  r.method('Map', 'keySet', ({ self }) => {
    const map = self as ApexMap;
    const set = new ApexSet(map.keyType);
    for (const [key, [k]] of map.map) set.map.set(key, k);
    return set;
  });
  r.method('Map', 'values', ({ self }) => {
    const map = self as ApexMap;
    return new ApexList(
      map.valueType,
      [...map.map.values()].map(([, v]) => v)
    );
  });
  r.method('Map', 'size', ({ self }) => (self as ApexMap).map.size);
  r.method('Map', 'isEmpty', ({ self }) => (self as ApexMap).map.size === 0);
  r.method('Map', 'clear', ({ self }) => {
    (self as ApexMap).map.clear();
    return null;
  });
  r.method('Map', 'clone', ({ self }) => {
    const map = self as ApexMap;
    return new ApexMap(map.keyType, map.valueType, new Map([...map.map].map(([k, [a, b]]) => [k, [a, b]])));
  });
  r.method('Map', 'deepClone', ({ self }) => {
    const map = self as ApexMap;
    return new ApexMap(map.keyType, map.valueType, new Map([...map.map].map(([k, [a, b]]) => [k, [a, b]])));
  });
  r.method('Map', 'equals', ({ interp, self }, [o]) => interp.strictEquals(self, o));
  r.method('Map', 'hashCode', ({ self }) => (self as ApexMap).map.size);
  r.method('Map', 'toString', ({ self }) => str(self));

  // ---------------------------------------------------------------- every value
  r.method('Object', 'equals', ({ interp, self }, [o]) =>
    self instanceof ApexObject ? self === o : looseEquals(self, o) || interp.equalsValues(self, o)
  );
  r.method('Object', 'hashCode', ({ self }) => (self instanceof ApexObject ? self.identity : 0));
  r.method('Object', 'toString', ({ self }) => str(self));
  r.method('Enum', 'name', ({ self }) => (self as EnumValue).name);
  r.method('Enum', 'ordinal', ({ self }) => (self as EnumValue).ordinal);
  r.method('Enum', 'equals', ({ self }, [o]) => self === o);
  r.method('Enum', 'hashCode', ({ self }) => (self as EnumValue).ordinal);
  r.method('Enum', 'toString', ({ self }) => (self as EnumValue).name);

  r.type('System.Iterator', { isInterface: true });
  r.method('System.Iterator', 'hasNext', ({ self }) => {
    const it = self as { data: { items: unknown[]; i: number } };
    return it.data.i < it.data.items.length;
  });
  r.method('System.Iterator', 'next', ({ self }) => {
    const it = self as { data: { items: unknown[]; i: number } };
    if (it.data.i >= it.data.items.length)
      throw fault('System.NoSuchElementException', 'Iterator has no more elements.');
    return it.data.items[it.data.i++];
  });
  // Adding or removing elements of a List or Set a for-each loop is iterating throws FinalException (Apex Developer
  // Guide, Collections; the platform's message). Setting an element in place (List.set) is allowed.
  const mutators: Record<string, string[]> = {
    List: ['add', 'addAll', 'remove', 'clear'],
    Set: ['add', 'addAll', 'remove', 'removeAll', 'retainAll', 'clear']
  };
  for (const [kind, names] of Object.entries(mutators)) {
    for (const name of names) {
      const fn = r.findMethod(kind, name);
      if (!fn) continue;
      r.method(kind, name, (ctx, args) => {
        if ((ITERATING.get(ctx.self as object) ?? 0) > 0)
          throw fault('System.FinalException', 'Cannot modify a collection while it is being iterated.');
        return fn(ctx, args);
      });
    }
  }
}

function iterator(items: unknown[]): NativeObject {
  return new NativeObject('System.Iterator', { items, i: 0 });
}

function stableSort(items: unknown[], cmp: (a: unknown, b: unknown) => number): unknown[] {
  return items
    .map((v, i) => ({ v, i }))
    .sort((a, b) => cmp(a.v, b.v) || a.i - b.i)
    .map((x) => x.v);
}
