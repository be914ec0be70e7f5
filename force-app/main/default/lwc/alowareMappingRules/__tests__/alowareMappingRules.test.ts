/*
 * Unit tests of the TypeScript rules beyond the shared vectors: the panel-facing wrappers, the SHA-256 implementation
 * against Node's crypto (an independent oracle), exact decimal arithmetic and edge cases of each helper.
 */
import { createHash } from 'crypto';
import {
  DEFAULT_SETTINGS,
  FieldDescribe,
  OwnerDirectory,
  RecordValues,
  blockingIssues,
  canonicalText,
  defaultMappings,
  engineSettings,
  fieldNameCandidates,
  fingerprint,
  fingerprintText,
  isQueueId,
  isValidTimeZone,
  lookupAlowareValue,
  normalizePhone,
  previewInbound,
  previewPayload,
  sha256Hex,
  toAloware,
  toId18,
  toSalesforce,
  validateMappings
} from 'c/alowareMappingRules';
import { decimalFromNumber, decimalToString, parseDecimalText, roundHalfUp } from '../decimal';
import { parseDateTime, parseTime, toEpochInZone, zoneOffsetMs } from '../dates';
import { utf8Bytes } from '../sha256';

const describeJson = {
  namespacePrefix: '',
  fields: {
    Phone: { type: 'phone' as const, length: 40 },
    Email: { type: 'email' as const, length: 80 },
    FirstName: { type: 'string' as const, length: 40 },
    OwnerId: { type: 'reference' as const, referenceTo: ['Group', 'User'] }
  }
};

describe('panel wrappers', () => {
  it('previews the forms payload of a Lead with default settings', () => {
    const preview = previewPayload({ Phone: '650 555 0123', FirstName: 'Ada' }, defaultMappings());
    expect(preview.skipped).toBe(false);
    expect(preview.payload).toEqual({ phone_number: '+16505550123', first_name: 'Ada', force_update: true });
    expect(preview.fingerprint).toBe(fingerprint({ Phone: '650 555 0123', FirstName: 'Ada' }, defaultMappings()));
  });

  it('previews with a namespace prefix and explicit settings', () => {
    const preview = previewPayload(
      { Phone: '020 7946 0018', ns__Aloware_Custom_Field_1__c: 'VIP' },
      defaultMappings(),
      new OwnerDirectory(),
      { defaultPhoneCountry: 'GB' },
      'ns'
    );
    expect(preview.payload).toEqual({ phone_number: '+442079460018', csf1: 'VIP', force_update: true });
  });

  it('exposes the canonical fingerprint text', () => {
    const text = fingerprintText({ Phone: '1' }, defaultMappings());
    expect(text.startsWith('aloware-fp-v1\n')).toBe(true);
    expect(text).toContain('phone_number|phone=1');
    expect(sha256Hex(text)).toBe(fingerprint({ Phone: '1' }, defaultMappings()));
  });

  it('previews inbound changes and keeps refusals per field', () => {
    const describe = FieldDescribe.fromJson(describeJson);
    const owners = new OwnerDirectory()
      .addAlowareUser(7, 'rep@example.com')
      .addSalesforceUser('005000000000001', 'REP@example.com', true);
    const result = previewInbound(
      { first_name: 'Grace', email: 'no', user_id: '7' },
      { FirstName: 'Ada' },
      defaultMappings(),
      describe,
      owners
    );
    expect(result.changes).toEqual({ FirstName: 'Grace', OwnerId: toId18('005000000000001') });
    expect(result.errors.map((e) => e.code)).toEqual(['EMAIL_INVALID']);
    expect(result.errors[0].message).toMatch(/name@example\.com/);
  });

  it('fills settings defaults and filters blocking issues', () => {
    expect(engineSettings()).toEqual(DEFAULT_SETTINGS);
    expect(engineSettings({ accountTimeZone: 'America/Chicago' }).defaultPhoneCountry).toBe('US');
    const describe = FieldDescribe.fromJson({
      fields: { ...describeJson.fields, T__c: { type: 'time' as const } }
    });
    const rows = [
      { alowareProperty: 'phone_number', salesforceField: 'Phone', direction: 'Bidirectional', active: true },
      { alowareProperty: 'email', salesforceField: 'Email', direction: 'Bidirectional', active: true },
      {
        alowareProperty: 'last_inbound_call_time',
        salesforceField: 'T__c',
        direction: 'AlowareToSalesforce',
        active: true
      }
    ];
    const issues = validateMappings(rows, describe);
    expect(issues.map((i) => i.code)).toEqual(['TIME_FIELD_RECOMMEND_TEXT']);
    expect(blockingIssues(issues)).toEqual([]);
  });

  it('validates locked rows by name when the describe lacks the field', () => {
    const empty = new FieldDescribe([], 'ns');
    const rows = [
      { alowareProperty: 'phone_number', salesforceField: 'Phone', direction: 'Bidirectional', active: true },
      { alowareProperty: 'email', salesforceField: 'ns__Email', direction: 'Bidirectional', active: true }
    ];
    expect(validateMappings(rows, empty).map((i) => `${i.code}:${i.property}`)).toEqual(['LOCKED_ROW_CHANGED:email']);
  });
});

describe('SHA-256', () => {
  it.each(['', 'a', 'abc', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), 'Zoë 😀 ✓ ü', 'line\nbreak\\'])(
    'matches Node crypto for %j',
    (text) => {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  );

  it('matches Node crypto for pseudo-random texts of every length up to 300', () => {
    let seed = 42;
    for (let length = 0; length <= 300; length++) {
      let text = '';
      for (let i = 0; i < length; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        text += String.fromCharCode(32 + (seed % 400));
      }
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });

  it('encodes lone surrogates as U+FFFD', () => {
    expect(utf8Bytes('\ud800')).toEqual([0xef, 0xbf, 0xbd]);
    expect(utf8Bytes('\udc00x')).toEqual([0xef, 0xbf, 0xbd, 0x78]);
    expect(utf8Bytes('\ud800x')).toEqual([0xef, 0xbf, 0xbd, 0x78]);
  });
});

describe('decimal arithmetic', () => {
  it('parses decimal text and refuses other text', () => {
    expect(decimalToString(parseDecimalText('+007.50') ?? fail())).toBe('7.5');
    expect(decimalToString(parseDecimalText('.5') ?? fail())).toBe('0.5');
    expect(decimalToString(parseDecimalText('-0.00') ?? fail())).toBe('0');
    expect(parseDecimalText('1e3')).toBeNull();
    expect(parseDecimalText('1,000')).toBeNull();
  });

  it('turns numbers with exponents into plain decimals', () => {
    expect(decimalToString(decimalFromNumber(1e21) ?? fail())).toBe('1000000000000000000000');
    expect(decimalToString(decimalFromNumber(1.5e-7) ?? fail())).toBe('0.00000015');
    expect(decimalToString(decimalFromNumber(-0) ?? fail())).toBe('0');
    expect(decimalFromNumber(Number.NaN)).toBeNull();
  });

  it('rounds half away from zero, carrying into the integer part', () => {
    expect(decimalToString(roundHalfUp(parseDecimalText('9.995') ?? fail(), 2).value)).toBe('10');
    expect(decimalToString(roundHalfUp(parseDecimalText('-0.5') ?? fail(), 0).value)).toBe('-1');
    expect(roundHalfUp(parseDecimalText('1.20') ?? fail(), 1).rounded).toBe(false);
    expect(decimalToString(roundHalfUp(parseDecimalText('0.04') ?? fail(), 1).value)).toBe('0');
  });
});

describe('dates and time zones', () => {
  it('computes zone offsets and local instants', () => {
    expect(zoneOffsetMs('America/Los_Angeles', Date.UTC(2024, 0, 15))).toBe(-8 * 3600000);
    expect(zoneOffsetMs('Asia/Kolkata', Date.UTC(2024, 0, 15))).toBe(5.5 * 3600000);
    const local = { year: 2024, month: 7, day: 4, hour: 9, minute: 0, second: 0, millisecond: 0 };
    expect(new Date(toEpochInZone(local, 'Europe/Berlin')).toISOString()).toBe('2024-07-04T07:00:00.000Z');
    expect(() => zoneOffsetMs('Mars/Olympus', 0)).toThrow(RangeError);
    expect(isValidTimeZone('  ')).toBe(false);
  });

  it('refuses impossible times and offsets', () => {
    expect(parseDateTime('2024-03-05T10:00:00+19:00')).toBeNull();
    expect(parseDateTime('2024-02-30T10:00:00Z')).toBeNull();
    expect(parseTime('13:00 PM')).toBeNull();
    expect(parseTime('10:00+19')).toBeNull();
    expect(parseTime('12:00 AM')?.hour).toBe(0);
  });

  it('converts naive times with the current offset when no reference time is set', () => {
    const field = { name: 'T__c', type: 'time' as const };
    const result = toSalesforce('10:00:00', 'time', field, { ...DEFAULT_SETTINGS, referenceTime: null });
    expect(result.value).toBe('10:00:00.000Z');
    const zone = toSalesforce('10:00:00', 'time', field, { ...DEFAULT_SETTINGS, accountTimeZone: 'Nowhere/Else' });
    expect(zone.error?.code).toBe('TIME_ZONE_INVALID');
  });
});

describe('helpers', () => {
  it('computes 18-character ids like Salesforce', () => {
    expect(toId18('001000000000001')).toBe('001000000000001AAA');
    expect(toId18('00QAb00000XyZ12')).toHaveLength(18);
    expect(toId18('00QAb00000XyZ12').slice(15)).toBe('MAF');
    expect(toId18('not-an-id')).toBe('not-an-id');
    expect(isQueueId('00G000000000001AAA')).toBe(true);
    expect(isQueueId('005000000000001AAA')).toBe(false);
  });

  it('gives namespace-safe name candidates', () => {
    expect(fieldNameCandidates('Foo__c', 'ns')).toEqual(['Foo__c', 'ns__Foo__c']);
    expect(fieldNameCandidates('ns__Foo__c', null)).toEqual(['ns__Foo__c', 'Foo__c']);
    expect(fieldNameCandidates('Phone', 'ns')).toEqual(['Phone']);
  });

  it('reads records case-insensitively and applies changes onto existing keys', () => {
    const record = new RecordValues({ ns__Foo__c: 'a', Phone: '1' }, 'ns');
    expect(record.get('foo__c')).toBe('a');
    const updated = record.withChanges({ Foo__c: 'b', New__c: 'c' });
    expect(updated.get('ns__Foo__c')).toBe('b');
    expect(updated.get('new__c')).toBe('c');
    expect(record.get('Missing__c')).toBeUndefined();
  });

  it('gives canonical text of scalars only', () => {
    expect(canonicalText(10.5)).toBe('10.5');
    expect(canonicalText(Number.POSITIVE_INFINITY)).toBeNull();
    expect(canonicalText({})).toBeNull();
    expect(canonicalText('')).toBeNull();
  });

  it('reads dotted keys through objects and labelled lists only', () => {
    const values = { a: { b: 1 }, list: [{ label: 'x' }, 'y'] };
    expect(lookupAlowareValue(values, 'a.b')).toEqual({ found: true, value: 1 });
    expect(lookupAlowareValue(values, 'a.c').found).toBe(false);
    expect(lookupAlowareValue(values, 'list.x').found).toBe(false);
    expect(lookupAlowareValue(values, 'list.z').found).toBe(false);
  });

  it('normalises phones of supported countries and refuses malformed ones', () => {
    expect(normalizePhone('0412 345 678', 'au').e164).toBe('+61412345678');
    expect(normalizePhone('+0 123 456 789', 'US').error).toBe('PHONE_INVALID');
    expect(normalizePhone('12345', 'GB').error).toBe('PHONE_INVALID');
    expect(normalizePhone('+1-650-555-0123', 'US').e164).toBe('+16505550123');
  });

  it('matches owners by email and reports ambiguity in both directions', () => {
    const owners = OwnerDirectory.fromJson({
      alowareUsers: [
        { id: 1, email: 'dup@example.com' },
        { id: 2, email: 'DUP@example.com' },
        { id: 3, email: null }
      ],
      salesforceUsers: [{ id: '005000000000001', email: 'dup@example.com', active: true }]
    });
    expect(owners.alowareUserFor('005000000000001AAA').status).toBe('AMBIGUOUS');
    expect(owners.salesforceUserFor(3).status).toBe('NOT_FOUND');
    expect(OwnerDirectory.fromJson(undefined).alowareUserFor('x').status).toBe('NOT_FOUND');
  });

  it('refuses structured values and converts outbound kinds', () => {
    const settings = DEFAULT_SETTINGS;
    expect(toAloware(['a'], 'text', settings).error?.code).toBe('VALUE_UNSUPPORTED');
    expect(toAloware('x', 'owner', settings).error?.code).toBe('REFERENCE_NOT_SUPPORTED');
    expect(toAloware('maybe', 'boolean', settings).error?.code).toBe('BOOLEAN_INVALID');
    expect(toAloware('2024-13-01', 'datetime', settings).error?.code).toBe('DATETIME_INVALID');
    expect(toAloware('2024-03-05', 'datetime', { ...settings, accountTimeZone: 'Nowhere/Else' }).error?.code).toBe(
      'TIME_ZONE_INVALID'
    );
    expect(toAloware(42, 'id', settings).value).toBe('42');
  });
});

function fail(): never {
  throw new Error('unexpected null');
}
