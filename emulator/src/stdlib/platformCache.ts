/**
 * Platform Cache (Apex Reference Guide, Cache Namespace: Org Class, Session Class, Partition Class, OrgPartition
 * Class, SessionPartition Class, CacheBuilder Interface, Cache Exceptions; Apex Developer Guide, Platform Cache).
 *
 * - Partitions are the project's `cachePartitions/*.cachePartition-meta.xml`; `local.<Name>` (or
 *   `<namespace>.<Name>`) names one. `Cache.Org.getPartition` / `Cache.Session.getPartition` of a partition that does
 *   not exist, or has no capacity of that cache type, throw `Cache.Org.OrgCacheException` /
 *   `Cache.Session.SessionCacheException`.
 * - Keys: non-empty and alphanumeric, else `Cache.InvalidParamException`; a null value is refused the same way. Keys
 *   given to `Cache.Org` / `Cache.Session` are `namespace.partition.key` or a bare `key` in the default partition
 *   (none: OrgCacheException / SessionCacheException).
 * - Time to live: org values live 86,400 s unless told (at most 172,800 s = 48 h), session values 28,800 s (8 h,
 *   also the most); a value read after its TTL is gone.
 * - `get(cacheBuilderType, key)` calls the class's `doLoad(key)` on a miss and caches the result (a class that
 *   does not implement `Cache.CacheBuilder`: `Cache.InvalidCacheBuilderException`).
 * - The cache is held in memory per test method (each test starts with an empty cache).
 *
 * Not modelled: capacity and eviction (getCapacity reports the share used as 0.0 … of the allocation), item size
 * limits (100 KB), visibility across namespaces (`Cache.Visibility` is accepted), the serialisation of values (a value
 * read back is the object put, not a copy).
 */
import type { Interpreter } from '../runtime/interpreter';
import { str } from '../runtime/ops';
import type { NativeFn, Registry } from '../runtime/registry';
import { ApexMap, ApexSet, BOOLEAN, NativeObject, OBJECT, STRING, TypeValue } from '../runtime/values';
import { orgOf } from './sobjects';

type Kind = 'org' | 'session';

interface Entry {
  value: unknown;
  expires: number;
}

/** Entries by fully qualified partition name (lower case), then by key. */
type Store = Map<string, Map<string, Entry>>;

const TYPE = { org: 'Cache.OrgPartition', session: 'Cache.SessionPartition' } as const;
const EXCEPTION = { org: 'Cache.Org.OrgCacheException', session: 'Cache.Session.SessionCacheException' } as const;
const DEFAULT_TTL = { org: 86400, session: 28800 } as const;
const MAX_TTL = { org: 172800, session: 28800 } as const;

function store(interp: Interpreter, kind: Kind): Store {
  const hooks = orgOf(interp).hooks;
  const key = kind === 'org' ? 'platformCacheOrg' : 'platformCacheSession';
  let s = hooks[key] as Store | undefined;
  if (!s) {
    s = new Map();
    hooks[key] = s;
  }
  return s;
}

const invalid = (interp: Interpreter, message: string): never =>
  interp.throwFault('Cache.InvalidParamException', message);

function checkKey(interp: Interpreter, key: unknown): string {
  if (key === null || key === undefined || str(key) === '') return invalid(interp, 'Key cannot be null or empty');
  const k = str(key);
  if (!/^[A-Za-z0-9]+$/.test(k)) return invalid(interp, `Invalid key: ${k}. Key must be alphanumeric.`);
  return k;
}

/** `ns.partition` → the partition model's qualified name, or null when the org has no such partition of `kind`. */
function findPartition(interp: Interpreter, kind: Kind, name: string): { qualified: string; name: string } | null {
  const org = orgOf(interp);
  const parts = name.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
  const [ns, partition] = parts;
  const namespace = org.project?.namespace || '';
  if (ns.toLowerCase() !== 'local' && ns.toLowerCase() !== namespace.toLowerCase()) return null;
  const model = (org.project?.cachePartitions ?? []).find((p) => p.name.toLowerCase() === partition.toLowerCase());
  if (!model || (kind === 'org' ? model.orgCapacity : model.sessionCapacity) <= 0) return null;
  return { qualified: `${namespace || 'local'}.${model.name}`, name: model.name };
}

function defaultPartition(interp: Interpreter, kind: Kind): { qualified: string; name: string } | null {
  const org = orgOf(interp);
  const model = (org.project?.cachePartitions ?? []).find((p) => p.isDefault);
  return model ? findPartition(interp, kind, `local.${model.name}`) : null;
}

function partitionObject(interp: Interpreter, kind: Kind, name: unknown): NativeObject {
  if (name === null || name === undefined || str(name) === '')
    invalid(interp, 'Partition name cannot be null or empty');
  const found = findPartition(interp, kind, str(name));
  if (!found) {
    return interp.throwFault(
      EXCEPTION[kind],
      `Failed ${kind === 'org' ? 'Org' : 'Session'} cache operation: partition ${str(name)} not found`
    );
  }
  return new NativeObject(TYPE[kind], {
    kind,
    qualified: found.qualified,
    name: found.name,
    __toString: () => `${TYPE[kind]}:${found.qualified}`
  });
}

function entries(interp: Interpreter, kind: Kind, qualified: string): Map<string, Entry> {
  const s = store(interp, kind);
  const key = qualified.toLowerCase();
  let m = s.get(key);
  if (!m) {
    m = new Map();
    s.set(key, m);
  }
  const now = interp.now();
  for (const [k, e] of m) if (e.expires <= now) m.delete(k);
  return m;
}

function put(interp: Interpreter, kind: Kind, qualified: string, key: unknown, value: unknown, ttl: unknown): null {
  const k = checkKey(interp, key);
  if (value === null || value === undefined) invalid(interp, 'Value cannot be null');
  let seconds = ttl === null || ttl === undefined ? DEFAULT_TTL[kind] : Number(str(ttl));
  if (!Number.isFinite(seconds)) invalid(interp, `Invalid ttlSecs: ${str(ttl)}`);
  seconds = Math.min(seconds, MAX_TTL[kind]);
  entries(interp, kind, qualified).set(k, { value, expires: interp.now() + seconds * 1000 });
  return null;
}

function get(interp: Interpreter, kind: Kind, qualified: string, key: unknown): unknown {
  const k = checkKey(interp, key);
  return entries(interp, kind, qualified).get(k)?.value ?? null;
}

/** `get(cacheBuilder, key)`: the cached value, else the builder's `doLoad(key)`, cached when not null. */
function getWithBuilder(interp: Interpreter, kind: Kind, qualified: string, builder: unknown, key: unknown): unknown {
  const k = checkKey(interp, key);
  const found = entries(interp, kind, qualified).get(k);
  if (found) return found.value;
  const cls = builder instanceof TypeValue ? interp.classByName(builder.type.name) : null;
  if (!cls || !interp.implementsNative(cls, 'Cache.CacheBuilder')) {
    return interp.throwFault(
      'Cache.InvalidCacheBuilderException',
      `${builder instanceof TypeValue ? builder.type.name : str(builder)} does not implement Cache.CacheBuilder`
    );
  }
  const value = interp.callMethod(interp.construct(cls, []), 'doLoad', [k]);
  if (value !== null && value !== undefined) put(interp, kind, qualified, k, value, null);
  return value;
}

/** `Cache.Org.x(key)`: `ns.partition.key` or a bare key in the default partition. */
function qualifiedKey(interp: Interpreter, kind: Kind, key: unknown): { qualified: string; key: string } {
  if (key === null || key === undefined) return invalid(interp, 'Key cannot be null or empty');
  const text = str(key);
  const parts = text.split('.');
  if (parts.length === 3) {
    const p = findPartition(interp, kind, `${parts[0]}.${parts[1]}`);
    if (!p)
      return interp.throwFault(EXCEPTION[kind], `Failed cache operation: partition ${parts[0]}.${parts[1]} not found`);
    return { qualified: p.qualified, key: parts[2] };
  }
  if (parts.length !== 1) return invalid(interp, `Invalid key: ${text}`);
  const p = defaultPartition(interp, kind);
  if (!p) return interp.throwFault(EXCEPTION[kind], 'Failed cache operation: no default partition is defined');
  return { qualified: p.qualified, key: text };
}

export function registerPlatformCache(r: Registry): void {
  r.type('Cache.Partition');
  r.type(TYPE.org, { parent: 'Cache.Partition' });
  r.type(TYPE.session, { parent: 'Cache.Partition' });
  r.type('Cache.Org');
  r.type('Cache.Session');
  r.type('Cache.CacheBuilder', { isInterface: true });
  r.enumType('Cache.Visibility', ['ALL', 'NAMESPACE']);
  r.exceptionType(EXCEPTION.org);
  r.exceptionType(EXCEPTION.session);
  r.exceptionType('Cache.Session.SessionCacheNoSessionException');
  r.exceptionType('Cache.InvalidParamException');
  r.exceptionType('Cache.ItemSizeLimitExceededException');
  r.exceptionType('Cache.InvalidCacheBuilderException');
  r.exceptionType('Cache.PlatformCacheInvalidOperationException');

  // ---- partition instance methods (both kinds)
  const self = (ctx: { self: unknown }): { kind: Kind; qualified: string; name: string } =>
    (ctx.self as NativeObject).data as { kind: Kind; qualified: string; name: string };
  const method = (name: string, fn: NativeFn): void => {
    r.method(TYPE.org, name, fn);
    r.method(TYPE.session, name, fn);
    r.method('Cache.Partition', name, fn);
  };
  method('put', (ctx, args) => {
    const p = self(ctx);
    // put(key, value) | put(key, value, ttlSecs) | put(key, value, visibility) | put(key, value, ttl, visibility, immutable)
    const ttl = args.length >= 3 && typeof args[2] === 'number' ? args[2] : null;
    return put(ctx.interp, p.kind, p.qualified, args[0], args[1], ttl);
  });
  method('get', (ctx, args) => {
    const p = self(ctx);
    if (args.length === 2) return getWithBuilder(ctx.interp, p.kind, p.qualified, args[0], args[1]);
    if (args[0] instanceof ApexSet) {
      const out = new ApexMap(STRING, OBJECT);
      for (const k of args[0].map.values()) ctx.interp.mapPut(out, k, get(ctx.interp, p.kind, p.qualified, k));
      return out;
    }
    return get(ctx.interp, p.kind, p.qualified, args[0]);
  });
  method('contains', (ctx, [key]) => {
    const p = self(ctx);
    if (key instanceof ApexSet) {
      const out = new ApexMap(STRING, BOOLEAN);
      for (const k of key.map.values()) {
        ctx.interp.mapPut(out, k, entries(ctx.interp, p.kind, p.qualified).has(checkKey(ctx.interp, k)));
      }
      return out;
    }
    return entries(ctx.interp, p.kind, p.qualified).has(checkKey(ctx.interp, key));
  });
  method('remove', (ctx, args) => {
    const p = self(ctx);
    const key = args.length === 2 ? args[1] : args[0];
    return entries(ctx.interp, p.kind, p.qualified).delete(checkKey(ctx.interp, key));
  });
  method('getKeys', (ctx) => {
    const p = self(ctx);
    const out = new ApexSet(STRING);
    for (const k of entries(ctx.interp, p.kind, p.qualified).keys()) ctx.interp.setAdd(out, k);
    return out;
  });
  method('getName', (ctx) => self(ctx).name);
  method('isAvailable', () => true);
  method('getCapacity', () => 0);
  method('getNumKeys', (ctx) => {
    const p = self(ctx);
    return entries(ctx.interp, p.kind, p.qualified).size;
  });

  // ---- Cache.Partition statics
  r.static(
    'Cache.Partition',
    'createFullyQualifiedKey',
    (_c, [ns, partition, key]) => `${str(ns)}.${str(partition)}.${str(key)}`
  );
  r.static('Cache.Partition', 'createFullyQualifiedPartition', (_c, [ns, partition]) => `${str(ns)}.${str(partition)}`);
  r.static('Cache.Partition', 'validateKey', ({ interp }, args) => {
    checkKey(interp, args[args.length - 1]);
    return null;
  });
  r.static('Cache.Partition', 'validateKeyValue', ({ interp }, args) => {
    checkKey(interp, args[args.length - 2]);
    if (args[args.length - 1] === null) invalid(interp, 'Value cannot be null');
    return null;
  });
  r.static('Cache.Partition', 'validateKeys', ({ interp }, args) => {
    const keys = args[args.length - 1];
    for (const k of keys instanceof ApexSet ? keys.map.values() : []) checkKey(interp, k);
    return null;
  });
  r.static('Cache.Partition', 'validatePartitionName', ({ interp }, [name]) => {
    const parts = name === null ? [] : str(name).split('.');
    if (parts.length !== 2 || parts.some((p) => !/^[A-Za-z0-9]+$/.test(p)))
      invalid(interp, `Invalid partition name: ${str(name)}`);
    return null;
  });

  // ---- Cache.Org / Cache.Session statics
  for (const kind of ['org', 'session'] as Kind[]) {
    const type = kind === 'org' ? 'Cache.Org' : 'Cache.Session';
    r.static(type, 'getPartition', ({ interp }, [name]) => partitionObject(interp, kind, name));
    r.static(type, 'put', ({ interp }, args) => {
      const q = qualifiedKey(interp, kind, args[0]);
      const ttl = args.length >= 3 && typeof args[2] === 'number' ? args[2] : null;
      return put(interp, kind, q.qualified, q.key, args[1], ttl);
    });
    r.static(type, 'get', ({ interp }, args) => {
      if (args.length === 2) {
        const q = qualifiedKey(interp, kind, args[1]);
        return getWithBuilder(interp, kind, q.qualified, args[0], q.key);
      }
      const q = qualifiedKey(interp, kind, args[0]);
      return get(interp, kind, q.qualified, q.key);
    });
    r.static(type, 'contains', ({ interp }, [key]) => {
      const q = qualifiedKey(interp, kind, key);
      return entries(interp, kind, q.qualified).has(checkKey(interp, q.key));
    });
    r.static(type, 'remove', ({ interp }, args) => {
      const q = qualifiedKey(interp, kind, args.length === 2 ? args[1] : args[0]);
      return entries(interp, kind, q.qualified).delete(checkKey(interp, q.key));
    });
    r.static(type, 'getKeys', ({ interp }) => {
      const p = defaultPartition(interp, kind);
      if (!p) return interp.throwFault(EXCEPTION[kind], 'Failed cache operation: no default partition is defined');
      const out = new ApexSet(STRING);
      for (const k of entries(interp, kind, p.qualified).keys()) interp.setAdd(out, k);
      return out;
    });
    r.static(type, 'getName', ({ interp }) => defaultPartition(interp, kind)?.qualified ?? null);
    r.static(type, 'isAvailable', () => true);
    r.static(type, 'getCapacity', () => 0);
    r.static(type, 'getAvgValueSize', () => 0);
    r.static(type, 'getMaxValueSize', () => 0);
  }
}
