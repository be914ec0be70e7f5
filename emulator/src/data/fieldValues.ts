/**
 * Field values take their field's Apex type: an Id field holds an Id, a Double field a Double, a Currency field a
 * Decimal, a Date field a Date (Apex Developer Guide, Primitive Data Types and SObject field types).
 */
import { dateAsDatetime, fault, toDecimal, toDouble, toInteger } from '../runtime/ops';
import type { Num } from '../runtime/ops';
import { ApexDate, ApexDecimal, ApexDouble, ApexId } from '../runtime/values';
import type { FieldModel } from '../metadata/model';

const isNum = (v: unknown): v is Num =>
  typeof v === 'number' || typeof v === 'bigint' || v instanceof ApexDouble || v instanceof ApexDecimal;

/** The Apex type a field of this describe type holds (Apex Developer Guide, Primitive Data Types; SOAP API field types). */
export function apexTypeOfField(f: FieldModel): string | null {
  switch (f.type) {
    case 'ID':
    case 'REFERENCE':
      return 'Id';
    case 'BOOLEAN':
      return 'Boolean';
    case 'INTEGER':
      return 'Integer';
    case 'DOUBLE':
    case 'PERCENT':
    case 'CURRENCY':
      return 'Decimal';
    case 'DATE':
      return 'Date';
    case 'DATETIME':
      return 'Datetime';
    case 'TIME':
      return 'Time';
    case 'BASE64':
      return 'Blob';
    case 'STRING':
    case 'TEXTAREA':
    case 'EMAIL':
    case 'PHONE':
    case 'URL':
    case 'PICKLIST':
    case 'MULTIPICKLIST':
    case 'COMBOBOX':
    case 'ENCRYPTEDSTRING':
      return 'String';
    default:
      return null;
  }
}

/** The runtime kinds a field of each Apex type accepts (`Integer` widens to a number field, `Id` is a String, a String is parsed as an Id). */
const ACCEPTS: Record<string, string[]> = {
  Id: ['Id', 'String'],
  String: ['String', 'Id'],
  Boolean: ['Boolean'],
  Integer: ['Integer'],
  Decimal: ['Integer', 'Long', 'Double', 'Decimal'],
  Date: ['Date'],
  // A Date value is also a Datetime in Apex (it converts to midnight GMT).
  Datetime: ['Datetime', 'Date'],
  Time: ['Time'],
  Blob: ['Blob']
};

/**
 * A value written to a field through `put` (or a generic SObject) must fit the field's type: the platform throws
 * `System.SObjectException: Illegal assignment from Integer to String` (SObject Class, put; the compiler refuses
 * the same assignment through a typed field).
 */
export function checkFieldAssignment(f: FieldModel, v: unknown, kind: string): void {
  if (v === null || v === undefined) return;
  const target = apexTypeOfField(f);
  if (!target) return;
  if (ACCEPTS[target].includes(kind)) return;
  throw fault('System.SObjectException', `Illegal assignment from ${kind} to ${target}`);
}

export function coerceFieldValue(f: FieldModel, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (f.type) {
    case 'ID':
    case 'REFERENCE':
      if (typeof v === 'string') {
        const id = ApexId.parse(v);
        if (!id) throw fault('System.StringException', `Invalid id: ${v}`);
        return id;
      }
      return v;
    case 'DOUBLE':
    case 'PERCENT':
      // Number fields read back as Decimal in Apex (the field's type is Decimal), Double fields likewise.
      if (isNum(v)) return toDecimal(v);
      break;
    case 'CURRENCY':
      if (isNum(v)) return toDecimal(v);
      break;
    case 'INTEGER':
      if (isNum(v)) return toInteger(v);
      break;
    case 'DATETIME':
      if (v instanceof ApexDate) return dateAsDatetime(v);
      break;
    case 'STRING':
    case 'TEXTAREA':
    case 'EMAIL':
    case 'PHONE':
    case 'URL':
    case 'PICKLIST':
    case 'MULTIPICKLIST':
    case 'COMBOBOX':
    case 'ENCRYPTEDSTRING':
      if (v instanceof ApexId) return v.value;
      break;
  }
  if (typeof v === 'number' && (f.type === 'DOUBLE' || f.type === 'CURRENCY')) return toDouble(v);
  return v;
}
