/**
 * System, Assert, Exception, Type and the platform exception hierarchy (Apex Reference Guide: System Class, Assert
 * Class, Exception Class and Built-In Exceptions, Type Class).
 */
import type { Interpreter } from '../runtime/interpreter';
import { compareNumbers, fault, objText, str } from '../runtime/ops';
import type { Registry } from '../runtime/registry';
import {
  ApexDate,
  ApexDatetime,
  ApexDecimal,
  ApexDouble,
  ApexId,
  ApexList,
  ApexMap,
  ApexObject,
  ApexSet,
  SObjectValue,
  T,
  TypeValue,
  typeName,
  type RType
} from '../runtime/values';

/** Platform exception types (Apex Reference Guide, Built-In Exceptions and Common Methods). */
const EXCEPTIONS = [
  'AssertException',
  'AsyncException',
  'BigObjectException',
  'CalloutException',
  'DmlException',
  'EmailException',
  'ExternalObjectException',
  'FinalException',
  'HandledException',
  'IllegalArgumentException',
  'InvalidHeaderException',
  'InvalidParameterValueException',
  'JSONException',
  'LimitException',
  'ListException',
  'MathException',
  'NoAccessException',
  'NoDataFoundException',
  'NoSuchElementException',
  'NullPointerException',
  'QueryException',
  'RequiredFeatureMissingException',
  'SearchException',
  'SecurityException',
  'SerializationException',
  'SObjectException',
  'StringException',
  'TypeException',
  'UnexpectedException',
  'VisualforceException',
  'XmlException',
  'DuplicateMessageException',
  'NoSuchMethodException',
  'IllegalStateException'
];

const numeric = (v: unknown): boolean =>
  typeof v === 'number' || typeof v === 'bigint' || v instanceof ApexDouble || v instanceof ApexDecimal;

/**
 * Equality of `Assert.areEqual` / `System.assertEquals`: like `equals`, so Strings compare case-sensitively (unlike
 * `==`), numbers by value, records and collections by content.
 */
export function assertEquals(interp: Interpreter, a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  const sa = typeof a === 'string' ? a : a instanceof ApexId ? a.value : null;
  const sb = typeof b === 'string' ? b : b instanceof ApexId ? b.value : null;
  if (sa !== null && sb !== null) {
    if (a instanceof ApexId || b instanceof ApexId) return interp.equalsValues(a, b);
    return sa === sb;
  }
  if (numeric(a) && numeric(b)) return compareNumbers(a as number, b as number) === 0;
  if (a instanceof ApexList && b instanceof ApexList) {
    return a.items.length === b.items.length && a.items.every((x, i) => assertEquals(interp, x, b.items[i]));
  }
  if (a instanceof ApexMap && b instanceof ApexMap) {
    if (a.map.size !== b.map.size) return false;
    for (const [k, [, v]] of a.map) {
      const o = b.map.get(k);
      if (!o || !assertEquals(interp, v, o[1])) return false;
    }
    return true;
  }
  if (a instanceof SObjectValue && b instanceof SObjectValue) {
    const keys = new Set([...a.values.keys(), ...b.values.keys()]);
    for (const k of keys) if (!assertEquals(interp, a.values.get(k) ?? null, b.values.get(k) ?? null)) return false;
    return a.object.toLowerCase() === b.object.toLowerCase();
  }
  if (a instanceof ApexSet && b instanceof ApexSet) return interp.equalsValues(a, b);
  if (a instanceof ApexDate || a instanceof ApexDatetime) return interp.equalsValues(a, b);
  return interp.equalsValues(a, b);
}

function assertFail(message: string): never {
  throw fault('System.AssertException', message);
}

const withMessage = (msg: unknown, detail: string): string =>
  msg === undefined || msg === null ? `Assertion Failed: ${detail}` : `Assertion Failed: ${str(msg)}. ${detail}`;

const exc = (v: unknown): ApexObject => v as ApexObject;

/**
 * A type name as `Type.forName` reads it: a class or platform type, or a collection of them (`List<Account>`,
 * `Map<Id,Account>`, `Set<String>`); null when a part is unknown.
 */
function forName(interp: Interpreter, name: string): RType | null {
  const generic = /^(List|Set|Map)<(.+)>$/i.exec(name);
  if (!generic) {
    const resolved = interp.resolveTypeName(name.split('.'), null);
    return resolved ? T(resolved) : null;
  }
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  const inner = generic[2];
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '<') depth++;
    else if (inner[i] === '>') depth--;
    else if (inner[i] === ',' && depth === 0) {
      parts.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(inner.slice(start));
  const kind = generic[1].toLowerCase() === 'map' ? 'Map' : generic[1].toLowerCase() === 'set' ? 'Set' : 'List';
  if (parts.length !== (kind === 'Map' ? 2 : 1)) return null;
  const args = parts.map((p) => forName(interp, p));
  return args.every((a) => a) ? T(kind, ...(args as RType[])) : null;
}

export function registerSystem(r: Registry): void {
  r.exceptionType('Exception', '');
  for (const name of EXCEPTIONS) r.exceptionType(`System.${name}`);
  r.exceptionType('Database.DmlException', 'System.DmlException');
  // Known platform quirk: `new AuraHandledException('x').getMessage()` is 'Script-thrown exception' in Apex (the
  // message still reaches the client); code that logs or tests the message calls setMessage.
  r.type('System.AuraHandledException', {
    exceptionParent: 'Exception',
    hiddenConstructorMessage: 'Script-thrown exception'
  });

  // ---------------------------------------------------------------- System
  // System.debug writes to the debug log; the emulator prints it when APEX_DEBUG is set.
  r.static('System', 'debug', (_c, args) => {
    // The log shows a value as Object: a Date with its time stamp (`2026-12-07 00:00:00`).
    if (process.env.APEX_DEBUG) console.log(`DEBUG|${args.map((a) => objText(a)).join('|')}`);
    return null;
  });
  r.static('System', 'assert', (_c, [cond, msg]) => {
    if (cond !== true)
      assertFail(msg === undefined || msg === null ? 'Assertion Failed' : `Assertion Failed: ${str(msg)}`);
    return null;
  });
  r.static('System', 'assertEquals', ({ interp }, [expected, actual, msg]) => {
    if (!assertEquals(interp, expected, actual)) {
      const detail = `Expected: ${str(expected)}, Actual: ${str(actual)}`;
      assertFail(
        msg === undefined || msg === null ? `Assertion Failed: ${detail}` : `Assertion Failed: ${str(msg)}: ${detail}`
      );
    }
    return null;
  });
  r.static('System', 'assertNotEquals', ({ interp }, [expected, actual, msg]) => {
    if (assertEquals(interp, expected, actual)) {
      const detail = `Same value: ${str(actual)}`;
      assertFail(
        msg === undefined || msg === null ? `Assertion Failed: ${detail}` : `Assertion Failed: ${str(msg)}: ${detail}`
      );
    }
    return null;
  });
  r.static('System', 'now', ({ interp }) => new ApexDatetime(interp.now()));
  r.static('System', 'today', ({ interp }) => {
    const fn = interp.registry.findStatic('Date', 'today');
    return fn ? fn({ interp, self: undefined }, []) : null;
  });
  r.static('System', 'currentTimeMillis', ({ interp }) => BigInt(interp.now()));
  r.static('System', 'hashCode', ({ interp }, [v]) => interp.callValueMethod(v, 'hashCode', [], false));
  r.static('System', 'equals', ({ interp }, [a, b]) => interp.equalsValues(a, b));
  r.static('System', 'requestVersion', () => null);

  // ---------------------------------------------------------------- Assert
  r.static('Assert', 'areEqual', ({ interp }, [expected, actual, msg]) => {
    if (!assertEquals(interp, expected, actual))
      assertFail(withMessage(msg, `Expected: ${str(expected)}, Actual: ${str(actual)}`));
    return null;
  });
  r.static('Assert', 'areNotEqual', ({ interp }, [notExpected, actual, msg]) => {
    if (assertEquals(interp, notExpected, actual))
      assertFail(withMessage(msg, `Not expected: ${str(notExpected)}, Actual: ${str(actual)}`));
    return null;
  });
  r.static('Assert', 'isTrue', (_c, [cond, msg]) => {
    if (cond !== true) assertFail(withMessage(msg, `Expected: true, Actual: ${str(cond)}`));
    return null;
  });
  r.static('Assert', 'isFalse', (_c, [cond, msg]) => {
    if (cond !== false) assertFail(withMessage(msg, `Expected: false, Actual: ${str(cond)}`));
    return null;
  });
  r.static('Assert', 'isNull', (_c, [v, msg]) => {
    if (v !== null) assertFail(withMessage(msg, `Expected: null, Actual: ${str(v)}`));
    return null;
  });
  r.static('Assert', 'isNotNull', (_c, [v, msg]) => {
    if (v === null) assertFail(withMessage(msg, 'Expected: not null, Actual: null'));
    return null;
  });
  r.static('Assert', 'fail', (_c, [msg]) =>
    assertFail(msg === undefined || msg === null ? 'Assertion Failed' : str(msg))
  );
  r.static('Assert', 'isInstanceOfType', ({ interp }, [v, type, msg]) => {
    if (!interp.isInstance(v, (type as TypeValue).type)) {
      assertFail(
        withMessage(msg, `Expected instance of: ${typeName((type as TypeValue).type)}, Actual value: ${str(v)}`)
      );
    }
    return null;
  });
  r.static('Assert', 'isNotInstanceOfType', ({ interp }, [v, type, msg]) => {
    if (interp.isInstance(v, (type as TypeValue).type)) {
      assertFail(withMessage(msg, `Not expected instance of: ${typeName((type as TypeValue).type)}`));
    }
    return null;
  });

  // ---------------------------------------------------------------- Exception
  r.method('Exception', 'getMessage', ({ self }) => exc(self).fields.get('$message') ?? null);
  r.method('Exception', 'setMessage', ({ self }, [m]) => {
    exc(self).fields.set('$message', m);
    return null;
  });
  r.method('Exception', 'getCause', ({ self }) => exc(self).fields.get('$cause') ?? null);
  r.method('Exception', 'initCause', ({ self }, [c]) => {
    exc(self).fields.set('$cause', c);
    return null;
  });
  r.method('Exception', 'getTypeName', ({ self }) => exc(self).cls.name);
  r.method('Exception', 'getLineNumber', ({ self }) => exc(self).fields.get('$line') ?? -1);
  r.method('Exception', 'getStackTraceString', ({ self }) => exc(self).fields.get('$stack') ?? '');
  r.method(
    'Exception',
    'toString',
    ({ self }) => `${exc(self).cls.name}: ${str(exc(self).fields.get('$message') ?? null)}`
  );
  r.method('Exception', 'getDmlMessage', ({ self }, [i]) => dmlRow(self, i as number)?.message ?? null);
  r.method('Exception', 'getDmlStatusCode', ({ self }, [i]) => dmlRow(self, i as number)?.statusCode ?? null);
  r.method('Exception', 'getDmlType', ({ interp, self }, [i]) => {
    const code = dmlRow(self, i as number)?.statusCode;
    const t = interp.registry.lookupType('System.StatusCode');
    return t?.enumValues?.find((e) => e.name === code) ?? null;
  });
  r.method(
    'Exception',
    'getDmlFieldNames',
    ({ self }, [i]) => new ApexList(T('String'), dmlRow(self, i as number)?.fields ?? [])
  );
  r.method('Exception', 'getDmlId', ({ self }, [i]) => dmlRow(self, i as number)?.id ?? null);
  r.method('Exception', 'getDmlIndex', ({ self }, [i]) => dmlRow(self, i as number)?.index ?? null);
  r.method(
    'Exception',
    'getNumDml',
    ({ self }) => ((exc(self).fields.get('$dml') as unknown[] | undefined) ?? []).length
  );
  r.method('Exception', 'equals', ({ self }, [o]) => self === o);
  r.method('Exception', 'hashCode', ({ self }) => exc(self).identity);

  // ---------------------------------------------------------------- Type
  r.type('System.Type');
  r.static('Type', 'forName', ({ interp }, args) => {
    const name = str(args.length === 2 ? `${args[0] ? str(args[0]) + '.' : ''}${str(args[1])}` : args[0]);
    const resolved = forName(interp, name.replace(/\s+/g, ''));
    // A System.Type value (as `Foo.class` is), not a bare type name: `Type.forName('Foo').newInstance()`.
    return resolved ? new TypeValue(resolved, true) : null;
  });
  r.method('System.Type', 'getName', ({ self }) => typeName((self as TypeValue).type));
  r.method('System.Type', 'toString', ({ self }) => typeName((self as TypeValue).type));
  r.method('System.Type', 'newInstance', ({ interp, self }) => interp.instantiate((self as TypeValue).type, []));
  r.method(
    'System.Type',
    'equals',
    ({ self }, [o]) =>
      o instanceof TypeValue && typeName(o.type).toLowerCase() === typeName((self as TypeValue).type).toLowerCase()
  );
  r.method('System.Type', 'hashCode', ({ self }) => typeName((self as TypeValue).type).length);
  r.method('System.Type', 'isAssignableFrom', ({ interp, self }, [other]) => {
    const target = interp.classByName((self as TypeValue).type.name);
    const source = interp.classByName((other as TypeValue).type.name);
    if (target && source) return interp.isSubclass(source, target);
    return typeName((self as TypeValue).type).toLowerCase() === typeName((other as TypeValue).type).toLowerCase();
  });

  r.type('System.Comparable', { isInterface: true });
  r.type('System.Comparator', { isInterface: true });
}

function dmlRow(
  self: unknown,
  i: number
): { message: string; statusCode: string; fields: string[]; id: unknown; index: number } | undefined {
  const rows =
    (exc(self).fields.get('$dml') as
      { message: string; statusCode: string; fields: string[]; id: unknown; index: number }[] | undefined) ?? [];
  return rows[i];
}
