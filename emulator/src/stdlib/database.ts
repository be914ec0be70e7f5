/**
 * The Database class and its result types (Apex Reference Guide, Database Class; Database.SaveResult,
 * UpsertResult, DeleteResult, UndeleteResult, MergeResult, Error; Database.DMLOptions; Database.QueryLocator;
 * System.AccessLevel; System.StatusCode; Savepoint), the `Trigger` context variables (Apex Developer Guide, Trigger
 * Context Variables). `SObject.addError` is stdlib/sobjects.ts's; the DML layer reads the errors it records.
 */
import { busMark, rollbackBus } from '../data/eventBus';
import type { Interpreter } from '../runtime/interpreter';
import { fault, str } from '../runtime/ops';
import type { Registry } from '../runtime/registry';
import { ApexId, ApexList, ApexMap, EnumValue, NativeObject, T } from '../runtime/values';
import type { Org } from '../data/org';
import { executeDml, STATUS_CODES } from '../data/dml';
import type { DmlOutcome, DmlOptions } from '../data/dml';
import { executeQuery } from '../data/soql';
import type { QueryOptions } from '../data/soql';
import { contextList, contextMap, currentTrigger, operationTypeName } from '../data/triggers';

const orgOf = (interp: Interpreter): Org => interp.platform as unknown as Org;

const ACCESS_LEVEL = 'System.AccessLevel';

function accessLevelOf(v: unknown): 'user' | 'system' | null {
  if (v instanceof NativeObject && v.type === ACCESS_LEVEL) return v.data['mode'] as 'user' | 'system';
  return null;
}

function bindMapOf(v: unknown): Map<string, unknown> {
  const m = new Map<string, unknown>();
  if (v instanceof ApexMap) for (const [k, val] of v.map.values()) m.set(str(k), val);
  else if (v !== null && v !== undefined)
    throw fault('System.TypeException', 'queryWithBinds requires a Map<String, Object>');
  return m;
}

function query(interp: Interpreter, text: unknown, options: QueryOptions): unknown {
  if (text === null || text === undefined)
    throw fault('System.NullPointerException', 'Attempt to de-reference a null object');
  return executeQuery(orgOf(interp), interp, str(text), new Map(), options);
}

function countOf(v: unknown): number {
  if (typeof v === 'number') return v;
  throw fault('System.QueryException', 'countQuery requires a SELECT COUNT() query');
}

/** DML method arguments: (records, allOrNone | DMLOptions, AccessLevel) in any of the documented overloads. */
function dmlOptions(args: unknown[]): DmlOptions {
  const o: DmlOptions = { allOrNone: true, accessLevel: 'system', externalId: null, second: null, statement: false };
  for (const a of args) {
    if (typeof a === 'boolean') o.allOrNone = a;
    const level = accessLevelOf(a);
    if (level) o.accessLevel = level;
    if (a instanceof NativeObject && a.type === 'Database.DMLOptions') {
      // DMLOptions Class, optAllOrNone: "The default for this property is false": options passed without it set
      // allow partial success.
      o.allOrNone = a.data['optallornone'] === true;
      o.allowFieldTruncation = a.data['allowfieldtruncation'] === true;
    }
  }
  return o;
}

function statusCode(interp: Interpreter, code: string): unknown {
  const t = interp.registry.lookupType('System.StatusCode');
  return t?.enumValues?.find((e) => e.name === code) ?? code;
}

function results(interp: Interpreter, outcome: DmlOutcome, type: string): unknown {
  const list = outcome.rows.map(
    (r) =>
      new NativeObject(type, {
        id: r.id,
        success: r.success,
        created: r.created,
        errors: r.errors.map(
          (e) =>
            new NativeObject('Database.Error', {
              message: e.message,
              statusCode: statusCode(interp, e.statusCode),
              fields: e.fields
            })
        ),
        __toString: () =>
          `${type.replace('Database.', 'Database.')}[getErrors=(${r.errors.map((e) => `Database.Error[getFields=(${e.fields.join(', ')});getMessage=${e.message};getStatusCode=${e.statusCode};]`).join(', ')});getId=${r.id ? r.id.value : 'null'};isSuccess=${r.success};]`
      })
  );
  if (outcome.single) return list[0] ?? null;
  return new ApexList(T(type), list);
}

function dml(interp: Interpreter, op: string, target: unknown, rest: unknown[], type: string): unknown {
  const options = dmlOptions(rest);
  return results(interp, executeDml(orgOf(interp), interp, op, target, options), type);
}

function fieldNameOf(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof NativeObject) {
    for (const k of ['name', 'field', 'fieldName', 'apiName'])
      if (typeof v.data[k] === 'string') return v.data[k] as string;
    const d = v.data['describe'];
    if (d instanceof NativeObject && typeof d.data['name'] === 'string') return d.data['name'] as string;
  }
  return str(v);
}

export function registerDatabase(r: Registry): void {
  // ---------------------------------------------------------------- enums and types
  r.enumType('System.StatusCode', STATUS_CODES);
  r.enumType('System.TriggerOperation', [
    'BEFORE_INSERT',
    'BEFORE_UPDATE',
    'BEFORE_DELETE',
    'AFTER_INSERT',
    'AFTER_UPDATE',
    'AFTER_DELETE',
    'AFTER_UNDELETE'
  ]);
  r.type(ACCESS_LEVEL);
  const USER_MODE = new NativeObject(ACCESS_LEVEL, { mode: 'user', __toString: () => 'USER_MODE' });
  const SYSTEM_MODE = new NativeObject(ACCESS_LEVEL, { mode: 'system', __toString: () => 'SYSTEM_MODE' });
  r.staticProp(ACCESS_LEVEL, 'USER_MODE', () => USER_MODE);
  r.staticProp(ACCESS_LEVEL, 'SYSTEM_MODE', () => SYSTEM_MODE);
  for (const t of [
    'Database.SaveResult',
    'Database.UpsertResult',
    'Database.DeleteResult',
    'Database.UndeleteResult',
    'Database.MergeResult',
    'Database.Error',
    'Database.QueryLocator',
    'Database.DMLOptions',
    'Database.DMLOptions.DuplicateRuleHeader',
    'System.Savepoint',
    'Schema.AggregateResult'
  ]) {
    r.type(t);
  }

  // ---------------------------------------------------------------- queries
  r.static('Database', 'query', ({ interp }, [text, level]) =>
    query(interp, text, { dynamic: true, accessLevel: accessLevelOf(level) ?? undefined })
  );
  r.static('Database', 'queryWithBinds', ({ interp }, [text, binds, level]) =>
    query(interp, text, { dynamic: true, bindMap: bindMapOf(binds), accessLevel: accessLevelOf(level) ?? undefined })
  );
  r.static('Database', 'countQuery', ({ interp }, [text, level]) =>
    countOf(query(interp, text, { dynamic: true, count: true, accessLevel: accessLevelOf(level) ?? undefined }))
  );
  r.static('Database', 'countQueryWithBinds', ({ interp }, [text, binds, level]) =>
    countOf(
      query(interp, text, {
        dynamic: true,
        count: true,
        bindMap: bindMapOf(binds),
        accessLevel: accessLevelOf(level) ?? undefined
      })
    )
  );
  const locator = (
    interp: Interpreter,
    source: unknown,
    binds: Map<string, unknown> | null,
    level: unknown
  ): NativeObject => {
    if (source instanceof ApexList)
      return new NativeObject('Database.QueryLocator', {
        query: null,
        binds: null,
        records: source,
        accessLevel: null
      });
    if (source === null || source === undefined)
      throw fault('System.NullPointerException', 'Attempt to de-reference a null object');
    const loc = new NativeObject('Database.QueryLocator', {
      query: str(source),
      binds,
      records: null,
      accessLevel: accessLevelOf(level)
    });
    // Dynamic binds (`:name`) are resolved where getQueryLocator is called (Apex Developer Guide, Dynamic SOQL:
    // bind variables come from the calling scope), so the rows are selected now, in the caller's frame.
    loc.data['records'] = queryLocatorRecords(interp, loc);
    return loc;
  };
  r.static('Database', 'getQueryLocator', ({ interp }, [source, level]) => locator(interp, source, null, level));
  r.static('Database', 'getQueryLocatorWithBinds', ({ interp }, [source, binds, level]) =>
    locator(interp, source, bindMapOf(binds), level)
  );
  r.type('Database.QueryLocatorIterator');
  r.method('Database.QueryLocator', 'getQuery', ({ self }) => (self as NativeObject).data['query'] ?? null);
  r.method('Database.QueryLocator', 'iterator', ({ interp, self }) => {
    const records = queryLocatorRecords(interp, self as NativeObject);
    let i = 0;
    return new NativeObject('Database.QueryLocatorIterator', {
      hasnext: () => i < records.items.length,
      next: () => records.items[i++]
    });
  });
  r.method('Database.QueryLocatorIterator', 'hasNext', ({ self }) =>
    ((self as NativeObject).data['hasnext'] as () => boolean)()
  );
  r.method('Database.QueryLocatorIterator', 'next', ({ self }) =>
    ((self as NativeObject).data['next'] as () => unknown)()
  );

  // ---------------------------------------------------------------- DML
  r.static('Database', 'insert', ({ interp }, [target, ...rest]) =>
    dml(interp, 'insert', target, rest, 'Database.SaveResult')
  );
  r.static('Database', 'update', ({ interp }, [target, ...rest]) =>
    dml(interp, 'update', target, rest, 'Database.SaveResult')
  );
  r.static('Database', 'delete', ({ interp }, [target, ...rest]) =>
    dml(interp, 'delete', target, rest, 'Database.DeleteResult')
  );
  r.static('Database', 'undelete', ({ interp }, [target, ...rest]) =>
    dml(interp, 'undelete', target, rest, 'Database.UndeleteResult')
  );
  r.static('Database', 'upsert', ({ interp }, [target, ...rest]) => {
    // upsert(records, [externalIdField], [allOrNone | DMLOptions], [AccessLevel])
    let externalId: string | null = null;
    const others: unknown[] = [];
    for (const a of rest) {
      if (typeof a === 'boolean' || accessLevelOf(a) || (a instanceof NativeObject && a.type === 'Database.DMLOptions'))
        others.push(a);
      else if (a !== null && a !== undefined) externalId = fieldNameOf(a);
    }
    const options = dmlOptions(others);
    options.externalId = externalId;
    return results(interp, executeDml(orgOf(interp), interp, 'upsert', target, options), 'Database.UpsertResult');
  });
  r.static('Database', 'merge', ({ interp }, [master, dups, ...rest]) => {
    const options = dmlOptions(rest);
    options.second = dups;
    const outcome = executeDml(orgOf(interp), interp, 'merge', master, options);
    return results(interp, { ...outcome, single: !(dups instanceof ApexList) }, 'Database.MergeResult');
  });

  for (const t of [
    'Database.SaveResult',
    'Database.UpsertResult',
    'Database.DeleteResult',
    'Database.UndeleteResult',
    'Database.MergeResult'
  ]) {
    r.method(t, 'isSuccess', ({ self }) => (self as NativeObject).data['success']);
    r.method(t, 'getId', ({ self }) => (self as NativeObject).data['id'] ?? null);
    r.method(
      t,
      'getErrors',
      ({ self }) => new ApexList(T('Database.Error'), (self as NativeObject).data['errors'] as unknown[])
    );
  }
  r.method('Database.UpsertResult', 'isCreated', ({ self }) => (self as NativeObject).data['created'] === true);
  r.method('Database.MergeResult', 'getMergedRecordIds', () => new ApexList(T('Id'), []));
  r.method('Database.MergeResult', 'getUpdatedRelatedIds', () => new ApexList(T('Id'), []));
  r.method('Database.Error', 'getMessage', ({ self }) => (self as NativeObject).data['message']);
  r.method('Database.Error', 'getStatusCode', ({ self }) => (self as NativeObject).data['statusCode']);
  r.method(
    'Database.Error',
    'getFields',
    ({ self }) => new ApexList(T('String'), [...((self as NativeObject).data['fields'] as string[])])
  );

  r.ctor(
    'Database.DMLOptions',
    () =>
      new NativeObject('Database.DMLOptions', {
        optallornone: null,
        allowfieldtruncation: false,
        duplicateruleheader: new NativeObject('Database.DMLOptions.DuplicateRuleHeader', { allowsave: false })
      })
  );

  // ---------------------------------------------------------------- savepoints
  r.static('Database', 'setSavepoint', ({ interp }) => {
    const org = orgOf(interp);
    org.limits.add('dmlStatements');
    return new NativeObject('System.Savepoint', { snapshot: org.snapshot(), bus: busMark(org) });
  });
  r.static('Database', 'rollback', ({ interp }, [sp]) => {
    if (!(sp instanceof NativeObject) || sp.type !== 'System.Savepoint')
      throw fault('System.NullPointerException', 'Attempt to de-reference a null object');
    const org = orgOf(interp);
    org.limits.add('dmlStatements');
    org.restore(sp.data['snapshot'] as ReturnType<Org['snapshot']>);
    // Publish After Commit events published after the savepoint are part of the rolled-back work.
    rollbackBus(org, sp.data['bus'] as number);
    return null;
  });
  r.static('Database', 'releaseSavepoint', () => null);

  // ---------------------------------------------------------------- AggregateResult
  r.method('Schema.AggregateResult', 'get', ({ self }, [alias]) => {
    const values = (self as NativeObject).data['values'] as Map<string, unknown>;
    const key = str(alias).toLowerCase();
    if (!values.has(key)) throw fault('System.SObjectException', `Invalid field ${str(alias)} for AggregateResult`);
    return values.get(key);
  });

  // ---------------------------------------------------------------- Trigger context variables
  const ctx = (interp: Interpreter) => currentTrigger(orgOf(interp));
  r.type('System.Trigger');
  r.staticProp('System.Trigger', 'new', (interp) => {
    const c = ctx(interp);
    return c ? contextList(c, 'new') : null;
  });
  r.staticProp('System.Trigger', 'old', (interp) => {
    const c = ctx(interp);
    return c ? contextList(c, 'old') : null;
  });
  r.staticProp('System.Trigger', 'newMap', (interp) => {
    const c = ctx(interp);
    return c ? contextMap(interp, c, 'new') : null;
  });
  r.staticProp('System.Trigger', 'oldMap', (interp) => {
    const c = ctx(interp);
    return c ? contextMap(interp, c, 'old') : null;
  });
  const flag = (name: string, test: (c: NonNullable<ReturnType<typeof ctx>>) => boolean): void =>
    r.staticProp('System.Trigger', name, (interp) => {
      const c = ctx(interp);
      return c ? test(c) : false;
    });
  flag('isExecuting', () => true);
  flag('isInsert', (c) => c.op === 'insert');
  flag('isUpdate', (c) => c.op === 'update');
  flag('isDelete', (c) => c.op === 'delete');
  flag('isUndelete', (c) => c.op === 'undelete');
  flag('isBefore', (c) => c.before);
  flag('isAfter', (c) => !c.before);
  r.staticProp('System.Trigger', 'size', (interp) => {
    const c = ctx(interp);
    return c ? (c.newList ?? c.oldList ?? []).length : 0;
  });
  r.staticProp('System.Trigger', 'operationType', (interp) => {
    const c = ctx(interp);
    if (!c) return null;
    const t = interp.registry.lookupType('System.TriggerOperation');
    return t?.enumValues?.find((e: EnumValue) => e.name === operationTypeName(c)) ?? null;
  });

  void ApexId;
}

/** The records a QueryLocator denotes (the batch layer iterates them). */
export function queryLocatorRecords(interp: Interpreter, loc: NativeObject): ApexList {
  if (loc.data['records'] instanceof ApexList) return loc.data['records'] as ApexList;
  const binds = loc.data['binds'] as Map<string, unknown> | null;
  const level = loc.data['accessLevel'] as 'user' | 'system' | null;
  return executeQuery(orgOf(interp), interp, loc.data['query'] as string, new Map(), {
    dynamic: true,
    bindMap: binds ?? undefined,
    accessLevel: level ?? undefined
  }) as ApexList;
}
