/**
 * `Security.stripInaccessible` and `System.SObjectAccessDecision` (Apex Reference Guide, Security Class,
 * SObjectAccessDecision Class, AccessType Enum; Apex Developer Guide, Enforce Security with the stripInaccessible
 * Method).
 *
 * - `stripInaccessible(accessCheckType, sourceRecords[, enforceRootObjectCRUD = true])` returns copies of the records
 *   without the fields the running user cannot read (READABLE), create (CREATABLE), update (UPDATABLE) or either
 *   (UPSERTABLE), also in parent records and child sub-query lists; the Id stays. Fields not set on a record are not
 *   reported.
 * - With `enforceRootObjectCRUD`, a root object the user has no access to of that kind throws
 *   `System.NoAccessException: No access to entity`.
 * - `getRecords()`, `getRemovedFields()` (object → field names removed), `getModifiedIndexes()` (indexes of the source
 *   records that lost a field).
 */
import { canCreate, canEdit, canRead, isAccessibleField, isCreateableField, isUpdateableField } from '../data/access';
import type { Org } from '../data/org';
import type { Interpreter } from '../runtime/interpreter';
import type { Registry } from '../runtime/registry';
import {
  ApexList,
  ApexMap,
  ApexSet,
  EnumValue,
  INTEGER,
  NativeObject,
  SObjectValue,
  STRING,
  T
} from '../runtime/values';
import { orgOf } from './sobjects';

type Access = 'CREATABLE' | 'READABLE' | 'UPDATABLE' | 'UPSERTABLE';

function fieldAllowed(org: Org, access: Access, object: string, field: string): boolean {
  switch (access) {
    case 'READABLE':
      return isAccessibleField(org, object, field);
    case 'CREATABLE':
      return isCreateableField(org, object, field);
    case 'UPDATABLE':
      return isUpdateableField(org, object, field);
    case 'UPSERTABLE':
      return isCreateableField(org, object, field) && isUpdateableField(org, object, field);
  }
}

function objectAllowed(org: Org, access: Access, object: string): boolean {
  switch (access) {
    case 'READABLE':
      return canRead(org, object);
    case 'CREATABLE':
      return canCreate(org, object);
    case 'UPDATABLE':
      return canEdit(org, object);
    case 'UPSERTABLE':
      return canCreate(org, object) && canEdit(org, object);
  }
}

function strip(
  interp: Interpreter,
  access: Access,
  rec: SObjectValue,
  removed: Map<string, Set<string>>
): { copy: SObjectValue; changed: boolean } {
  const org = orgOf(interp);
  const copy = new SObjectValue(rec.object);
  copy.queried = rec.queried ? new Set(rec.queried) : null;
  let changed = false;
  for (const [key, value] of rec.values) {
    const name = rec.names.get(key) ?? key;
    const field = org.field(rec.object, key);
    if (value instanceof SObjectValue) {
      const parent = strip(interp, access, value, removed);
      copy.values.set(key, parent.copy);
      copy.names.set(key, name);
      changed ||= parent.changed;
      continue;
    }
    if (value instanceof ApexList && !field) {
      const children = new ApexList(value.elemType, []);
      for (const child of value.items) {
        if (child instanceof SObjectValue) {
          const c = strip(interp, access, child, removed);
          children.items.push(c.copy);
          changed ||= c.changed;
        } else children.items.push(child);
      }
      copy.values.set(key, children);
      copy.names.set(key, name);
      continue;
    }
    if (key === 'id' || !field || fieldAllowed(org, access, rec.object, key)) {
      copy.values.set(key, value);
      copy.names.set(key, name);
      continue;
    }
    changed = true;
    copy.queried?.delete(key);
    let set = removed.get(rec.object);
    if (!set) {
      set = new Set();
      removed.set(rec.object, set);
    }
    set.add(field.name);
  }
  return { copy, changed };
}

export function registerSecurity(r: Registry): void {
  r.enumType('System.AccessType', ['CREATABLE', 'READABLE', 'UPDATABLE', 'UPSERTABLE']);
  r.type('System.SObjectAccessDecision');
  r.static('Security', 'stripInaccessible', ({ interp }, args) => {
    const [type, source] = args;
    const enforceRoot = args.length < 3 || args[2] !== false;
    if (!(type instanceof EnumValue) || !(source instanceof ApexList)) {
      return interp.throwFault('System.NullPointerException', 'Argument cannot be null.');
    }
    const access = type.name as Access;
    const org = orgOf(interp);
    const removed = new Map<string, Set<string>>();
    const records = new ApexList(source.elemType, []);
    const modified = new ApexSet(INTEGER);
    source.items.forEach((item, index) => {
      if (!(item instanceof SObjectValue)) {
        records.items.push(item);
        return;
      }
      if (enforceRoot && !objectAllowed(org, access, item.object)) {
        interp.throwFault('System.NoAccessException', 'No access to entity');
      }
      const { copy, changed } = strip(interp, access, item, removed);
      records.items.push(copy);
      if (changed) interp.setAdd(modified, index);
    });
    const removedMap = new ApexMap(STRING, T('Set', STRING));
    for (const [object, fields] of removed) {
      const set = new ApexSet(STRING);
      for (const f of fields) interp.setAdd(set, f);
      interp.mapPut(removedMap, object, set);
    }
    return new NativeObject('System.SObjectAccessDecision', { records, removed: removedMap, modified });
  });
  const data = (self: unknown): Record<string, unknown> => (self as NativeObject).data;
  r.method('System.SObjectAccessDecision', 'getRecords', ({ self }) => data(self).records);
  r.method('System.SObjectAccessDecision', 'getRemovedFields', ({ self }) => data(self).removed);
  r.method('System.SObjectAccessDecision', 'getModifiedIndexes', ({ self }) => data(self).modified);
}
