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
