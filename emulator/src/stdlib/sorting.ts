/**
 * The default order of `List.sort()` (Apex Reference Guide, List Class, sort: "default sort order"): nulls first;
 * numbers by value; Strings by UTF-16 code units (so upper case before lower case); Ids as Strings; Dates and
 * Datetimes chronologically; Booleans false first; enums by ordinal; `Comparable` objects by `compareTo`;
 * SObjects by Name, then by the other fields (the emulator compares their text).
 */
import type { Interpreter } from '../runtime/interpreter';
import { compareNumbers, fault, str } from '../runtime/ops';
import {
  ApexDate,
  ApexDatetime,
  ApexDecimal,
  ApexDouble,
  ApexId,
  ApexObject,
  ApexTime,
  EnumValue,
  SObjectValue
} from '../runtime/values';

const isNum = (v: unknown): v is number | bigint | ApexDouble | ApexDecimal =>
  typeof v === 'number' || typeof v === 'bigint' || v instanceof ApexDouble || v instanceof ApexDecimal;

export function compareForSort(interp: Interpreter, a: unknown, b: unknown): number {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
  if (b === null || b === undefined) return 1;
  if (isNum(a) && isNum(b)) return Math.sign(compareNumbers(a, b));
  const sa = typeof a === 'string' ? a : a instanceof ApexId ? a.value : null;
  const sb = typeof b === 'string' ? b : b instanceof ApexId ? b.value : null;
  if (sa !== null && sb !== null) return sa < sb ? -1 : sa > sb ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  if (a instanceof ApexDate && b instanceof ApexDate) return a.epochDay - b.epochDay;
  if (a instanceof ApexDatetime && b instanceof ApexDatetime) return Math.sign(a.ms - b.ms);
  if (a instanceof ApexTime && b instanceof ApexTime) return Math.sign(a.ms - b.ms);
  if (a instanceof EnumValue && b instanceof EnumValue) return a.ordinal - b.ordinal;
  if (a instanceof ApexObject) {
    if (!interp.implementsNative(a.cls, 'Comparable') && !interp.hasMethod(a.cls, 'compareTo')) {
      throw fault('System.ListException', 'One or more of the items in this list is not Comparable');
    }
    return interp.callMethod(a, 'compareTo', [b]) as number;
  }
  if (a instanceof SObjectValue && b instanceof SObjectValue) {
    const na = str(a.values.get('name') ?? '');
    const nb = str(b.values.get('name') ?? '');
    if (na !== nb) return na < nb ? -1 : 1;
    const ta = str(a);
    const tb = str(b);
    return ta < tb ? -1 : ta > tb ? 1 : 0;
  }
  throw fault('System.ListException', 'One or more of the items in this list is not Comparable');
}
