/**
 * SObject instance methods, Id methods and the SObject/field tokens (Apex Reference Guide: SObject Class, Id Class;
 * Apex Developer Guide: Understanding Apex Describe Information, field tokens).
 */
import type { Org } from '../data/org';
import type { FieldModel } from '../metadata/model';
import { copyRecord } from '../data/org';
import { checkFieldAssignment, coerceFieldValue } from '../data/fieldValues';
import { addRecordError, recordErrors, recordOptions } from '../data/dml';
import type { Interpreter } from '../runtime/interpreter';
import { fault, str } from '../runtime/ops';
import type { Registry } from '../runtime/registry';
import {
  ApexId,
  ApexList,
  ApexMap,
  ApexObject,
  NativeObject,
  SObjectValue,
  STRING,
  OBJECT,
  T
} from '../runtime/values';

export const orgOf = (interp: Interpreter): Org => interp.platform as unknown as Org;

const sobjectTokens = new Map<string, NativeObject>();
const fieldTokens = new Map<string, NativeObject>();

/**
 * The `Schema.SObjectType` token of an object: one per object name, so that tokens used as Map keys or in Sets
 * (keyed by identity) find each other, as they do on the platform.
 */
export function sobjectToken(object: string): NativeObject {
  const key = object.toLowerCase();
  let token = sobjectTokens.get(key);
  if (!token) {
    token = newSobjectToken(object);
    sobjectTokens.set(key, token);
  }
  return token;
}

function newSobjectToken(object: string): NativeObject {
  return new NativeObject('Schema.SObjectType', {
    object,
    __toString: () => object,
    __equals: (o: NativeObject) =>
      o.type === 'Schema.SObjectType' && String(o.data.object).toLowerCase() === object.toLowerCase()
  });
}

/** The `Schema.SObjectField` token of a field (one per object and field name, like the object tokens). */
export function fieldToken(object: string, field: string): NativeObject {
  const key = `${object}.${field}`.toLowerCase();
  let token = fieldTokens.get(key);
  if (!token) {
    token = newFieldToken(object, field);
    fieldTokens.set(key, token);
  }
  return token;
}

function newFieldToken(object: string, field: string): NativeObject {
  return new NativeObject('Schema.SObjectField', {
    object,
    field,
    __toString: () => field,
    __equals: (o: NativeObject) =>
      o.type === 'Schema.SObjectField' &&
      String(o.data.object).toLowerCase() === object.toLowerCase() &&
      String(o.data.field).toLowerCase() === field.toLowerCase()
  });
}

/** The field when Apex may not write it: neither createable nor updateable (not the Id, not custom metadata). */
function unwritableField(interp: Interpreter, object: string, field: string): FieldModel | undefined {
  const f = orgOf(interp).field(object, field);
  if (!f || f.createable || f.updateable || f.name === 'Id' || object.toLowerCase().endsWith('__mdt')) return undefined;
  return f;
}

/** The record a clone was made from (SObject.getCloneSourceId). */
const cloneSources = new WeakMap<SObjectValue, ApexId>();

export function registerSobjects(r: Registry): void {
  registerCustomTypes(r);
  // Field values take the field's type (called by the interpreter on every record write).
  r.static('$sobject', 'coerceField', ({ interp }, [object, field, value]) => {
    const f = orgOf(interp).field(object as string, field as string);
    if (!f) return value;
    checkFieldAssignment(f, value, value instanceof SObjectValue ? value.object : interp.kindOf(value));
    return coerceFieldValue(f, value);
  });
  // A field no one may write (createable and updateable both false: system and audit fields, formula and
  // auto-number fields) cannot be set from Apex (Apex Developer Guide, Accessing sObject Fields: "System generated
  // fields ... cannot be modified. If you try, the Apex runtime engine generates an error"). The compiler refuses
  // `lead.Name = x` and `new Lead(Name = x)` ("Field is not writeable: Lead.Name"); `put` throws at run time
  // ("Field Name is not editable"). The Id, custom metadata fields and JSON.deserialize / Test.loadData stay open.
  r.static('$sobject', 'checkWrite', ({ interp }, [object, field, viaPut]) => {
    const f = unwritableField(interp, object as string, field as string);
    if (!f) return null;
    if (viaPut) throw fault('System.SObjectException', `Field ${f.name} is not editable`);
    const objectName = orgOf(interp).objectName(String(object)) ?? String(object);
    throw fault('System.SObjectException', `Field is not writeable: ${objectName}.${f.name}`);
  });
  // `Lead.SObjectType`, `Lead.Email` (field token).
  r.method('$sobjectstatic', 'field', ({ interp, self }, [name]) => {
    const object = self as string;
    const key = (name as string).toLowerCase();
    if (key === 'sobjecttype') return sobjectToken(object);
    const f = orgOf(interp).field(object, key);
    if (!f) throw fault('System.SObjectException', `Invalid field ${str(name)} for ${object}`);
    return fieldToken(object, f.name);
  });
  r.static('$sobjecttype', 'token', (_c, [object]) => sobjectToken(object as string));
  // `Account.getSObjectType()`: the static form of the token (Apex Reference Guide, SObject Class, getSObjectType).
  r.static('$sobjecttype', 'getSObjectType', ({ interp, self }) =>
    sobjectToken(orgOf(interp).objectName(String(self)) ?? String(self))
  );

  const rec = (v: unknown): SObjectValue => v as SObjectValue;
  const fieldArg = (v: unknown): string => (v instanceof NativeObject ? String(v.data.field) : str(v));

  // get(fieldName) reads a field of this record only: a relationship path (`Account.Name`) or a relationship name
  // (`Owner`) is no field and throws `Invalid field Account.Name for Contact`; getSObject reads the parent.
  r.method('SObject', 'get', ({ interp, self }, [name]) => {
    const text = fieldArg(name);
    const object = rec(self).object;
    const key = text.toLowerCase();
    const relationship =
      !orgOf(interp).field(object, key) &&
      (orgOf(interp).field(object, key + 'id') !== undefined || key.endsWith('__r'));
    if (text.includes('.') || relationship)
      throw fault('System.SObjectException', `Invalid field ${text} for ${object}`);
    return interp.sobjectGet(rec(self), text);
  });
  r.method('SObject', 'put', ({ interp, self }, [name, value]) => {
    const text = fieldArg(name);
    // put of a name that is no field of the object: "Invalid field X for Lead", also for a null value.
    if (!orgOf(interp).field(rec(self).object, text) && !(value instanceof SObjectValue))
      throw fault('System.SObjectException', `Invalid field ${text} for ${rec(self).object}`);
    const unwritable = unwritableField(interp, rec(self).object, text);
    if (unwritable) throw fault('System.SObjectException', `Field ${unwritable.name} is not editable`);
    const old = rec(self).values.get(text.toLowerCase()) ?? null;
    interp.sobjectPut(rec(self), text, value);
    return old;
  });
  r.method('SObject', 'getSObject', ({ self }, [name]) => rec(self).values.get(fieldArg(name).toLowerCase()) ?? null);
  r.method('SObject', 'putSObject', ({ self }, [name, value]) => {
    rec(self).values.set(fieldArg(name).toLowerCase(), value);
    rec(self).names.set(fieldArg(name).toLowerCase(), fieldArg(name));
    return null;
  });
  // getSObjects: null (not an empty list) when the subquery found no child rows, unlike the relationship field.
  r.method('SObject', 'getSObjects', ({ self }, [name]) => {
    const v = rec(self).values.get(fieldArg(name).toLowerCase()) ?? null;
    return v instanceof ApexList && v.items.length === 0 ? null : v;
  });
  r.method('SObject', 'getSObjectType', ({ self }) => sobjectToken(rec(self).object));
  // isSet: "If an invalid field is specified, an SObjectException is thrown" (SObject Class).
  r.method('SObject', 'isSet', ({ interp, self }, [name]) => {
    const key = fieldArg(name).toLowerCase();
    if (!orgOf(interp).field(rec(self).object, key) && !rec(self).values.has(key))
      throw fault('System.SObjectException', `Invalid field ${fieldArg(name)} for ${rec(self).object}`);
    return rec(self).values.has(key);
  });
  // setOptions(dmlOptions): the options a later DML statement on this record uses (Setting DML Options).
  r.method('SObject', 'setOptions', ({ self }, [options]) => {
    if (options instanceof NativeObject) recordOptions.set(rec(self), options.data);
    return null;
  });
  r.method('SObject', 'getPopulatedFieldsAsMap', ({ self }) => {
    const map = new ApexMap(STRING, OBJECT);
    for (const [k, v] of rec(self).values) {
      const name = rec(self).names.get(k) ?? k;
      map.map.set('s' + name, [name, v]);
    }
    return map;
  });
  r.method('SObject', 'clone', ({ interp, self }, args) => {
    const [preserveId = false, deep = false, preserveTimestamps = false, preserveAutonumber = false] =
      args as boolean[];
    const src = rec(self);
    const c = copyRecord(src);
    c.queried = null;
    // getCloneSourceId: the Id of the record cloned, or of the first record of a chain of clones.
    const sourceId = cloneSources.get(src) ?? src.values.get('id');
    if (sourceId instanceof ApexId) cloneSources.set(c, sourceId);
    if (!preserveId) {
      c.values.delete('id');
      c.names.delete('id');
    }
    if (!preserveTimestamps) {
      for (const f of ['createddate', 'createdbyid', 'lastmodifieddate', 'lastmodifiedbyid', 'systemmodstamp']) {
        c.values.delete(f);
        c.names.delete(f);
      }
    }
    if (!preserveAutonumber) {
      // Auto-number fields are cleared unless preserveAutonumber is true (SObject Class, clone).
      for (const k of [...c.values.keys()]) {
        if (orgOf(interp).field(c.object, k)?.autoNumber) {
          c.values.delete(k);
          c.names.delete(k);
        }
      }
    }
    if (deep) {
      for (const [k, v] of c.values) {
        if (v instanceof SObjectValue) c.values.set(k, interp.callValueMethod(v, 'clone', [true, true, true], false));
      }
    }
    return c;
  });
  r.method('SObject', 'getCloneSourceId', ({ self }) => cloneSources.get(rec(self)) ?? null);
  // getQuickActionName: null unless the record is created by a quick action (none run in the emulator).
  r.method('SObject', 'getQuickActionName', () => null);
  r.method('SObject', 'equals', ({ interp, self }, [o]) => interp.equalsValues(self, o));
  r.method('SObject', 'hashCode', ({ self }) => rec(self).values.size);
  r.method('SObject', 'toString', ({ self }) => str(self));
  // addError(msg), addError(msg, escape), addError(exception), addError(fieldName | fieldToken, msg[, escape]).
  r.method('SObject', 'addError', ({ interp, self }, args) => {
    const text = (v: unknown): string =>
      v instanceof ApexObject ? str(interp.callValueMethod(v, 'getMessage', [], false)) : str(v);
    if (args.length >= 2 && typeof args[1] !== 'boolean') {
      const field = fieldArg(args[0]);
      const f = orgOf(interp).field(rec(self).object, field);
      if (!f) throw fault('System.SObjectException', `Invalid field ${field} for ${rec(self).object}`);
      addRecordError(rec(self), text(args[1]), f.name);
    } else addRecordError(rec(self), text(args[0]));
    return null;
  });
  r.method('SObject', 'hasErrors', ({ self }) => (recordErrors.get(rec(self)) ?? []).length > 0);
  r.method(
    'SObject',
    'getErrors',
    ({ interp, self }) =>
      new ApexList(
        T('Database.Error'),
        (recordErrors.get(rec(self)) ?? []).map(
          (e) =>
            new NativeObject('Database.Error', {
              message: e.message,
              statusCode:
                interp.registry.lookupType('System.StatusCode')?.enumValues?.find((x) => x.name === e.statusCode) ??
                e.statusCode,
              fields: e.fields
            })
        )
      )
  );

  // ---------------------------------------------------------------- Id
  r.static('Id', 'valueOf', ({ interp }, [text]) => {
    if (text === null) return null;
    return interp.toId(str(text));
  });
  r.method('Id', 'getSObjectType', ({ interp, self }) => {
    const o = orgOf(interp).objectByPrefix((self as ApexId).prefix);
    if (!o) throw fault('System.StringException', `Invalid id: ${(self as ApexId).value}`);
    return sobjectToken(o.name);
  });
  r.method('Id', 'to15', ({ self }) => (self as ApexId).value.substring(0, 15));
  r.method('Id', 'equals', ({ interp, self }, [o]) => interp.equalsValues(self, o));
  r.method('Id', 'hashCode', ({ self }) => (self as ApexId).value.length);
  r.method('Id', 'toString', ({ self }) => (self as ApexId).value);
}

/**
 * Custom metadata (`Type__mdt.getAll()`, `getInstance(developerName)`: Apex Reference Guide, Custom Metadata Type
 * Methods) and custom settings (`getOrgDefaults()`, `getInstance([userOrProfileId])`, `getValues(id)`, list
 * settings `getAll()`: Custom Settings Methods). Custom metadata reads from the deployed records; settings from the
 * org's setting rows (SetupOwnerId = the org, a profile or a user).
 */
export function registerCustomTypes(r: Registry): void {
  const mdtRecords = (interp: Interpreter, type: string): SObjectValue[] => {
    const org = orgOf(interp);
    const records: SObjectValue[] = [];
    for (const m of org.project?.customMetadata ?? []) {
      if (m.type.toLowerCase() !== type.toLowerCase()) continue;
      const rec = org.record(type, {
        DeveloperName: m.developerName,
        MasterLabel: m.label,
        Label: m.label,
        QualifiedApiName: m.developerName,
        NamespacePrefix: org.project?.namespace || null,
        ...m.values
      });
      records.push(rec);
    }
    return records;
  };
  r.static('$sobjecttype', 'getAll', ({ interp, self }) => {
    const type = String(self);
    const org = orgOf(interp);
    const model = org.object(type);
    const map = new ApexMap(STRING, T(model?.name ?? type));
    if (model?.kind === 'custom-metadata') {
      for (const rec of mdtRecords(interp, type)) {
        const name = String(rec.values.get('developername'));
        map.map.set('s' + name, [name, rec]);
      }
      return map;
    }
    for (const rec of org.table(type).values()) {
      const name = String(rec.values.get('name'));
      map.map.set('s' + name, [name, copyRecord(rec)]);
    }
    return map;
  });
  r.static('$sobjecttype', 'getInstance', ({ interp, self }, args) => {
    const type = String(self);
    const org = orgOf(interp);
    const model = org.object(type);
    if (model?.kind === 'custom-metadata') {
      const name = str(args[0]);
      return (
        mdtRecords(interp, type).find(
          (rec) => String(rec.values.get('developername')).toLowerCase() === name.toLowerCase()
        ) ?? null
      );
    }
    if (model?.kind === 'custom-setting-list') {
      const name = str(args[0]);
      const found = [...org.table(type).values()].find((rec) => rec.values.get('name') === name);
      return found ? copyRecord(found) : null;
    }
    return hierarchyInstance(interp, type, args.length ? (args[0] as ApexId | null) : org.user.id, true);
  });
  r.static('$sobjecttype', 'getValues', ({ interp, self }, [key]) => {
    const type = String(self);
    const org = orgOf(interp);
    if (org.object(type)?.kind === 'custom-setting-list') {
      const found = [...org.table(type).values()].find((rec) => rec.values.get('name') === key);
      return found ? copyRecord(found) : null;
    }
    const owner = key instanceof ApexId ? key.value : str(key);
    const found = [...org.table(type).values()].find(
      (rec) => (rec.values.get('setupownerid') as ApexId | null)?.value === owner
    );
    return found ? copyRecord(found) : null;
  });
  r.static('$sobjecttype', 'getOrgDefaults', ({ interp, self }) => {
    const type = String(self);
    const org = orgOf(interp);
    const orgId = [...org.table('Organization').values()][0].values.get('id') as ApexId;
    const found = [...org.table(type).values()].find(
      (rec) => (rec.values.get('setupownerid') as ApexId | null)?.value === orgId.value
    );
    if (found) return copyRecord(found);
    // No org-level row: an empty record with the field defaults (documented: getOrgDefaults returns an empty setting).
    const empty = org.newSObject(type, true);
    return empty;
  });
}

/** Hierarchy setting for a user: the user's row, else the profile's, else the org's; fields merged from the higher levels. */
function hierarchyInstance(interp: Interpreter, type: string, who: ApexId | null, merge: boolean): SObjectValue {
  const org = orgOf(interp);
  const rows = [...org.table(type).values()];
  const owner = (id: string | undefined): SObjectValue | undefined =>
    id ? rows.find((rec) => (rec.values.get('setupownerid') as ApexId | null)?.value === id) : undefined;
  const user = who ? org.table('User').get(who.value) : undefined;
  const profileId = (user?.values.get('profileid') as ApexId | undefined)?.value;
  const orgId = ([...org.table('Organization').values()][0].values.get('id') as ApexId).value;
  const levels = [owner(who?.value), owner(profileId), owner(orgId)].filter((x): x is SObjectValue => !!x);
  const result = org.newSObject(type, true);
  if (levels.length === 0) {
    if (who) interp.sobjectPut(result, 'SetupOwnerId', who);
    return result;
  }
  const first = copyRecord(levels[0]);
  if (!merge) return first;
  for (const lower of levels.slice(1)) {
    for (const [k, v] of lower.values) {
      if (!first.values.has(k) || first.values.get(k) === null) {
        if (k === 'id' || k === 'setupownerid' || k === 'name') continue;
        first.values.set(k, v);
        first.names.set(k, lower.names.get(k) ?? k);
      }
    }
  }
  return first;
}
