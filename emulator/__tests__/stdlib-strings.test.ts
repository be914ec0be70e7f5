/**
 * String, Boolean, Pattern/Matcher, Blob/EncodingUtil/Crypto/UUID/Url natives, run through Apex snippets.
 */
import { Emulator } from '../src/emulator';

interface User {
  locale?: string;
  timeZone?: string;
}

function run(code: string, user: User = {}): { value?: string; exception?: { type: string; message: string } } {
  const e = new Emulator(null);
  e.interp.user = {
    timeZone: user.timeZone ?? 'America/Los_Angeles',
    locale: user.locale ?? 'en_US',
    language: 'en_US'
  };
  return e.runSnippet(code);
}

const value = (code: string, user?: User): string | undefined => {
  const r = run(code, user);
  if (r.exception) throw new Error(`${r.exception.type}: ${r.exception.message}`);
  return r.value;
};

describe('String methods', () => {
  it('lower-cases with the running user locale (Turkish dotless i)', () => {
    expect(value("return 'TITLE'.toLowerCase();", { locale: 'tr_TR' })).toBe('tıtle');
    expect(value("return 'title'.toUpperCase();", { locale: 'tr_TR' })).toBe('TİTLE');
    expect(value("return 'TITLE'.toLowerCase();")).toBe('title');
    expect(value("return 'TITLE'.toLowerCase('en_US');", { locale: 'tr_TR' })).toBe('title');
  });

  it('splits with Java semantics: trailing empties dropped unless the limit is negative', () => {
    expect(value("return 'a,b,,'.split(',').size();")).toBe('2');
    expect(value("return 'a,b,,'.split(',', -1);")).toBe('(a, b, , )');
    expect(value("return 'a,b,c'.split(',', 2);")).toBe('(a, b,c)');
    expect(value("return 'abc'.split('');")).toBe('(a, b, c)');
    expect(value("return ''.split(',').size();")).toBe('1');
  });

  it('applies String methods to Id values', () => {
    expect(value("Id i = '001000000000001AAA'; return i.substring(0, 3) + i.length();")).toBe('00118');
  });

  it('equals is case-sensitive, hashCode is Java String.hashCode', () => {
    expect(value("return 'Hello'.equals('hello') + ' ' + 'Hello'.equalsIgnoreCase('hello');")).toBe('false true');
    expect(value("return 'Hello'.hashCode();")).toBe('69609650');
  });

  it('formats and joins with String.valueOf of each element', () => {
    expect(value("return String.format('{0}-{1}-{2}', new List<Object>{1.5, null, 3});")).toBe('1.5-null-3');
    expect(value("return String.join(new Set<String>{'x', 'y'}, '+');")).toBe('x+y');
    expect(value("return 'abc'.getChars();")).toBe('(97, 98, 99)');
  });

  it('String.valueOf(Datetime) uses the user time zone, valueOfGmt uses GMT', () => {
    const dt = 'Datetime.newInstanceGmt(2024, 1, 1, 5, 0, 0)';
    expect(value(`return String.valueOf(${dt});`)).toBe('2023-12-31 21:00:00');
    expect(value(`return String.valueOfGmt(${dt});`)).toBe('2024-01-01 05:00:00');
  });

  it('raises StringException for out-of-range positions and NullPointerException for null arguments', () => {
    expect(run("return 'abc'.substring(5);").exception?.type).toBe('System.StringException');
    expect(run("return 'abc'.contains(null);").exception?.type).toBe('System.NullPointerException');
  });

  it('Boolean.valueOf and Boolean instance methods', () => {
    expect(value("return Boolean.valueOf('TRUE') + ' ' + Boolean.valueOf('yes') + ' ' + true.hashCode();")).toBe(
      'true false 1231'
    );
  });
});

describe('Pattern and Matcher', () => {
  it('reports groups by number and name, with their positions', () => {
    const code =
      "Matcher m = Pattern.compile('(?<y>\\\\d{4})-(\\\\d{2})').matcher('on 2024-03 x'); m.find();" +
      " return m.group('y') + '|' + m.group(2) + '|' + m.start(2) + '|' + m.end() + '|' + m.groupCount();";
    expect(value(code)).toBe('2024|03|8|10|2');
  });

  it('group() before a match throws StringException: No match found', () => {
    const r = run("Matcher m = Pattern.compile('a').matcher('b'); m.find(); return m.group();");
    expect(r.exception).toEqual(expect.objectContaining({ type: 'System.StringException', message: 'No match found' }));
  });

  it('an invalid regex throws StringException: Invalid regex', () => {
    const r = run("return Pattern.compile('(');");
    expect(r.exception?.type).toBe('System.StringException');
    expect(r.exception?.message).toMatch(/^Invalid regex: Unclosed group/);
  });

  it('reset() restarts the search', () => {
    expect(
      value(
        "Matcher m = Pattern.compile('b').matcher('abcb'); m.find(); m.find(); Boolean r = m.find(); m.reset(); return r + ' ' + m.find() + m.start();"
      )
    ).toBe('false true1');
  });
});

describe('Blob, EncodingUtil, Crypto, UUID, Url', () => {
  it('base64-encodes UTF-8 bytes', () => {
    expect(value("return EncodingUtil.base64Encode(Blob.valueOf('h\\u00e9llo \\u20ac'));")).toBe('aMOpbGxvIOKCrA==');
  });

  it('Blob.toString rejects invalid UTF-8', () => {
    expect(run("return EncodingUtil.base64Decode('/w==').toString();").exception).toEqual(
      expect.objectContaining({ type: 'System.StringException', message: 'BLOB is not a valid UTF-8 string' })
    );
  });

  it('url-decodes multi-byte sequences and plus signs', () => {
    expect(value("return EncodingUtil.urlDecode('%E2%82%AC+x', 'UTF-8');")).toBe('\u20ac x');
  });

  it('round-trips AES with a managed IV', () => {
    expect(
      value(
        "Blob k = Crypto.generateAesKey(256); Blob c = Crypto.encryptWithManagedIV('AES256', k, Blob.valueOf('secret'));" +
          " return Crypto.decryptWithManagedIV('AES256', k, c).toString() + c.size();"
      )
    ).toBe('secret32');
  });

  it('UUIDs print as 36 characters and compare by value', () => {
    expect(
      value("UUID u = UUID.randomUUID(); return u.toString().length() + ' ' + u.equals(UUID.fromString(u.toString()));")
    ).toBe('36 true');
  });

  it('Url parts', () => {
    expect(
      value(
        "Url u = new Url('https://a.b.com:8443/p/q?x=1#f'); return u.getHost() + '|' + u.getPort() + '|' + u.getPath() + '|' + u.getQuery() + '|' + u.getRef();"
      )
    ).toBe('a.b.com|8443|/p/q|x=1|f');
    expect(value('return Url.getOrgDomainUrl().toExternalForm();')).toBe('https://emulated.my.salesforce.com');
  });
});
