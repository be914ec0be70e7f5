/**
 * Schema describe from the loaded metadata (Apex Reference Guide: Schema Namespace — SObjectType,
 * DescribeSObjectResult, SObjectField, DescribeFieldResult, PicklistEntry, DisplayType). Accessibility answers
 * are the running user's (profile and permission sets).
 */
import * as access from '../data/access';
import type { FieldModel, ObjectModel } from '../metadata/model';
import type { Interpreter } from '../runtime/interpreter';
import { fault, str } from '../runtime/ops';
import type { Registry } from '../runtime/registry';
import { ApexList, ApexMap, EnumValue, NativeObject, STRING, T } from '../runtime/values';
import { fieldToken, orgOf, sobjectToken } from './sobjects';

const DISPLAY_TYPES = [
  'ADDRESS',
  'ANYTYPE',
  'BASE64',
  'BOOLEAN',
  'COMBOBOX',
  'CURRENCY',
  'DATACATEGORYGROUPREFERENCE',
  'DATE',
  'DATETIME',
  'DOUBLE',
  'EMAIL',
  'ENCRYPTEDSTRING',
  'ID',
  'INTEGER',
  'LOCATION',
  'LONG',
  'MULTIPICKLIST',
  'PERCENT',
  'PHONE',
  'PICKLIST',
  'REFERENCE',
  'STRING',
  'TEXTAREA',
  'TIME',
  'URL'
];

function objectModel(interp: Interpreter, name: string): ObjectModel {
  const o = orgOf(interp).object(name);
  if (!o) throw fault('System.InvalidParameterValueException', `Invalid sObject type: ${name}`);
  return o;
}

export function describeObject(interp: Interpreter, name: string): NativeObject {
  const o = objectModel(interp, name);
  return new NativeObject('Schema.DescribeSObjectResult', { object: o.name });
}

export function describeField(object: string, field: FieldModel): NativeObject {
  return new NativeObject('Schema.DescribeFieldResult', { object, field: field.name });
}

type Check = (org: ReturnType<typeof orgOf>, object: string, field?: string) => boolean;
const can = (name: string): Check => {
  const fn = (access as unknown as Record<string, Check>)[name];
  return fn ?? (() => true);
};

export function registerSchema(r: Registry): void {
  const displayType = r.enumType('Schema.DisplayType', DISPLAY_TYPES);
  r.enumType('Schema.SObjectDescribeOptions', ['DEFAULT', 'DEFERRED', 'FULL']);
  const soapType = r.enumType('Schema.SoapType', [
    'ANYTYPE',
    'BASE64BINARY',
    'BOOLEAN',
    'DATE',
    'DATETIME',
    'DOUBLE',
    'ID',
    'INTEGER',
    'STRING',
    'TIME'
  ]);
  r.type('Schema.SObjectType');
  r.type('Schema.SObjectField');
  r.type('Schema.DescribeSObjectResult');
  r.type('Schema.DescribeFieldResult');
  r.type('Schema.PicklistEntry');

  // Schema.SObjectType.Lead → the describe result (old-style describe access).
  r.staticResolver('Schema.SObjectType', (interp, name) => {
    const o = orgOf(interp).object(name);
    return o ? describeObject(interp, o.name) : undefined;
  });

  r.static('Schema', 'getGlobalDescribe', ({ interp }) => {
    const map = new ApexMap(STRING, T('Schema.SObjectType'));
    // Apex Reference, Schema.getGlobalDescribe / DescribeSObjectResult.fields: the describe maps' keys are
    // case-insensitive (unlike ordinary Map<String, …> keys).
    map.caseInsensitive = true;
    for (const o of orgOf(interp).objects.values()) {
      const key = o.name.toLowerCase();
      map.map.set('s' + key, [key, sobjectToken(o.name)]);
    }
    return map;
  });
  r.static('Schema', 'describeSObjects', ({ interp }, [names]) => {
    const list = names as ApexList;
    return new ApexList(
      T('Schema.DescribeSObjectResult'),
      list.items.map((n) => describeObject(interp, str(n)))
    );
  });

  // ---------------------------------------------------------------- SObjectType token
  r.method('Schema.SObjectType', 'getDescribe', ({ interp, self }) =>
    describeObject(interp, String((self as NativeObject).data.object))
  );
  r.method('Schema.SObjectType', 'newSObject', ({ interp, self }, args) => {
    const object = String((self as NativeObject).data.object);
    const rec = orgOf(interp).newSObject(object, args.length >= 2 && args[1] === true);
    if (args[0] !== undefined && args[0] !== null) interp.sobjectPut(rec, 'Id', args[0]);
    return rec;
  });
  r.method('Schema.SObjectType', 'toString', ({ self }) => String((self as NativeObject).data.object));
  r.method('Schema.SObjectType', 'equals', ({ interp, self }, [o]) => interp.equalsValues(self, o));
  r.method('Schema.SObjectType', 'hashCode', ({ self }) => String((self as NativeObject).data.object).length);

  // ---------------------------------------------------------------- SObjectField token
  r.method('Schema.SObjectField', 'getDescribe', ({ interp, self }) => {
    const d = (self as NativeObject).data;
    const f = orgOf(interp).field(String(d.object), String(d.field));
    if (!f) throw fault('System.SObjectException', `Invalid field ${str(d.field)}`);
    return describeField(String(d.object), f);
  });
  r.method('Schema.SObjectField', 'toString', ({ self }) => String((self as NativeObject).data.field));
  r.method('Schema.SObjectField', 'equals', ({ interp, self }, [o]) => interp.equalsValues(self, o));
  r.method('Schema.SObjectField', 'hashCode', ({ self }) => String((self as NativeObject).data.field).length);

  // ---------------------------------------------------------------- DescribeSObjectResult
  const objOf = (interp: Interpreter, self: unknown): ObjectModel =>
    objectModel(interp, String((self as NativeObject).data.object));
  const dso = (name: string, fn: (o: ObjectModel, interp: Interpreter) => unknown): void =>
    r.method('Schema.DescribeSObjectResult', name, ({ interp, self }) => fn(objOf(interp, self), interp));
  dso('getName', (o) => o.name);
  dso('getLocalName', (o) => o.name);
  dso('getLabel', (o) => o.label);
  dso('getLabelPlural', (o) => o.labelPlural);
  dso('getKeyPrefix', (o) => o.keyPrefix);
  dso('isCustom', (o) => o.custom);
  dso('isCustomSetting', (o) => o.kind.startsWith('custom-setting'));
  dso('getSObjectType', (o) => sobjectToken(o.name));
  dso('isAccessible', (o, interp) => can('canRead')(orgOf(interp), o.name));
  dso('isQueryable', (o, interp) => can('canRead')(orgOf(interp), o.name));
  dso('isCreateable', (o, interp) => can('canCreate')(orgOf(interp), o.name));
  dso('isUpdateable', (o, interp) => can('canEdit')(orgOf(interp), o.name));
  dso('isDeletable', (o, interp) => can('canDelete')(orgOf(interp), o.name));
  r.instanceProp('Schema.DescribeSObjectResult', 'fields', (interp, self) => {
    const object = String((self as NativeObject).data.object);
    return new NativeObject('Schema.SObjectTypeFields', {
      object,
      // `Schema.SObjectType.Lead.fields.Email` is the field's describe.
      __prop: (name: string) => {
        const f = orgOf(interp).field(object, name);
        return f ? describeField(object, f) : undefined;
      }
    });
  });
  r.type('Schema.SObjectTypeFields');
  r.method('Schema.SObjectTypeFields', 'getMap', ({ interp, self }) => {
    const o = objOf(interp, self);
    const map = new ApexMap(STRING, T('Schema.SObjectField'));
    map.caseInsensitive = true;
    for (const f of Object.values(o.fields)) {
      const key = f.name.toLowerCase();
      map.map.set('s' + key, [key, fieldToken(o.name, f.name)]);
    }
    return map;
  });
  // `Schema.SObjectType.Lead.fields.Email` → the field's describe.
  r.staticResolver('Schema.SObjectTypeFields', () => undefined);

  // ---------------------------------------------------------------- DescribeFieldResult
  // A describe result names its field; the field's model is looked up on the result's first use (the org's schema
  // does not change while it runs).
  const resolved = new WeakMap<NativeObject, { o: string; f: FieldModel }>();
  const fieldOf = (interp: Interpreter, self: unknown): { o: string; f: FieldModel } => {
    const known = resolved.get(self as NativeObject);
    if (known) return known;
    const d = (self as NativeObject).data;
    const f = orgOf(interp).field(String(d.object), String(d.field));
    if (!f) throw fault('System.SObjectException', `Invalid field ${str(d.field)}`);
    const found = { o: String(d.object), f };
    resolved.set(self as NativeObject, found);
    return found;
  };
  const dfr = (name: string, fn: (f: FieldModel, interp: Interpreter, object: string) => unknown): void =>
    r.method('Schema.DescribeFieldResult', name, ({ interp, self }) => {
      const { o, f } = fieldOf(interp, self);
      return fn(f, interp, o);
    });
  dfr('getName', (f) => f.name);
  dfr('getLocalName', (f) => f.name);
  dfr('getLabel', (f) => f.label);
  dfr('getType', (f) => (displayType.enumValues as EnumValue[]).find((e) => e.name === f.type) ?? null);
  dfr('getLength', (f) => f.length);
  dfr('getPrecision', (f) => f.precision);
  dfr('getScale', (f) => f.scale);
  dfr('getDigits', (f) => f.digits);
  dfr('getByteLength', (f) => f.length * 3);
  dfr('isNillable', (f) => f.nillable);
  dfr('isUnique', (f) => f.unique);
  dfr('isExternalId', (f) => f.externalId);
  dfr('isCustom', (f) => f.custom);
  dfr('isCalculated', (f) => f.calculated);
  dfr('isAutoNumber', (f) => f.autoNumber);
  dfr('isCaseSensitive', (f) => f.caseSensitive);
  dfr('isFilterable', (f) => f.filterable);
  dfr('isSortable', (f) => f.sortable);
  dfr('isNameField', (f) => f.name.toLowerCase() === 'name');
  dfr('isHtmlFormatted', () => false);
  dfr('isRestrictedPicklist', (f) => f.restrictedPicklist);
  dfr('isDependentPicklist', () => false);
  dfr('getRelationshipName', (f) => f.relationshipName);
  // The SOAP type of a field's describe type (DescribeFieldResult.getSoapType; Schema.SoapType).
  dfr('getSoapType', (f) => {
    const t: Record<string, string> = {
      ID: 'ID',
      REFERENCE: 'ID',
      INTEGER: 'INTEGER',
      DOUBLE: 'DOUBLE',
      CURRENCY: 'DOUBLE',
      PERCENT: 'DOUBLE',
      BOOLEAN: 'BOOLEAN',
      DATE: 'DATE',
      DATETIME: 'DATETIME',
      TIME: 'TIME',
      BASE64: 'BASE64BINARY',
      STRING: 'STRING',
      TEXTAREA: 'STRING',
      EMAIL: 'STRING',
      PHONE: 'STRING',
      URL: 'STRING',
      PICKLIST: 'STRING',
      MULTIPICKLIST: 'STRING',
      COMBOBOX: 'STRING',
      ENCRYPTEDSTRING: 'STRING'
    };
    const name = t[f.type] ?? 'ANYTYPE';
    return (soapType.enumValues as EnumValue[]).find((e) => e.name === name) ?? null;
  });
  // Approximation: the Id field and external-id fields; standard fields the Object Reference marks idLookup
  // (such as Lead.Email) are not described as such.
  dfr('isIdLookup', (f) => f.type === 'ID' || f.externalId);
  dfr('getDefaultValue', (f) => f.defaultValue);
  dfr('getInlineHelpText', () => null);
  dfr('getSObjectField', (f, _i, o) => fieldToken(o, f.name));
  dfr('isAccessible', (f, interp, o) => can('isAccessibleField')(orgOf(interp), o, f.name));
  dfr('isUpdateable', (f, interp, o) => f.updateable && can('isUpdateableField')(orgOf(interp), o, f.name));
  dfr('isCreateable', (f, interp, o) => f.createable && can('isCreateableField')(orgOf(interp), o, f.name));
  dfr(
    'getReferenceTo',
    (f) =>
      new ApexList(
        T('Schema.SObjectType'),
        f.referenceTo.map((t) => sobjectToken(t))
      )
  );
  dfr(
    'getPicklistValues',
    (f) =>
      new ApexList(
        T('Schema.PicklistEntry'),
        f.picklistValues.map(
          (p) =>
            new NativeObject('Schema.PicklistEntry', {
              value: p.value,
              label: p.label,
              active: p.active,
              defaultValue: p.defaultValue
            })
        )
      )
  );
  const pe = (name: string, key: string): void =>
    r.method('Schema.PicklistEntry', name, ({ self }) => (self as NativeObject).data[key]);
  pe('getValue', 'value');
  pe('getLabel', 'label');
  pe('isActive', 'active');
  pe('isDefaultValue', 'defaultValue');
}
