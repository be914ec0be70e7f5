/**
 * Blob, EncodingUtil, Crypto, UUID and Url (Apex Reference Guide: Blob Class, EncodingUtil Class, Crypto Class,
 * UUID Class, URL Class). Bytes are node Buffers; digests, MACs, AES and signatures use node:crypto.
 */
import * as nodeCrypto from 'node:crypto';
import { fault, str } from '../runtime/ops';
import type { Registry } from '../runtime/registry';
import { ApexBlob, ApexId, NativeObject } from '../runtime/values';

const npeArg = () => fault('System.NullPointerException', 'Argument cannot be null.');
const invalid = (message: string) => fault('System.InvalidParameterValueException', message);

function text(v: unknown): string {
  if (v === null || v === undefined) throw npeArg();
  if (typeof v === 'string') return v;
  if (v instanceof ApexId) return v.value;
  return str(v);
}

function bytes(v: unknown): Buffer {
  if (v === null || v === undefined) throw npeArg();
  if (v instanceof ApexBlob) return v.bytes;
  throw fault('System.TypeException', 'Expected a Blob');
}

const blob = (b: Buffer): ApexBlob => new ApexBlob(b);

/** Blob.toString(): the bytes as UTF-8; invalid UTF-8 raises a StringException. */
export function blobToString(b: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(b);
  } catch {
    throw fault('System.StringException', 'BLOB is not a valid UTF-8 string');
  }
}

/** Node's encoding name for a Java charset name (URLEncoder/URLDecoder's second argument). */
function charset(name: unknown): BufferEncoding {
  const n = text(name)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  switch (n) {
    case 'utf8':
      return 'utf8';
    case 'iso88591':
    case 'latin1':
    case 'cp1252':
    case 'windows1252':
      return 'latin1';
    case 'usascii':
    case 'ascii':
      return 'ascii';
    case 'utf16le':
      return 'utf16le';
  }
  throw fault('System.InvalidParameterValueException', `Unsupported encoding: ${text(name)}`);
}

const HEX = '0123456789ABCDEF';

/** java.net.URLEncoder.encode: letters, digits and `.-*_` kept, space → `+`, the rest %XX of its bytes. */
export function urlEncode(s: string, enc: BufferEncoding = 'utf8'): string {
  let out = '';
  for (const ch of s) {
    if (/^[A-Za-z0-9.\-*_]$/.test(ch)) out += ch;
    else if (ch === ' ') out += '+';
    else {
      const b = Buffer.from(ch, enc);
      for (const x of b) out += '%' + HEX[x >> 4] + HEX[x & 15];
    }
  }
  return out;
}

/** java.net.URLDecoder.decode: `+` → space, runs of %XX decoded as bytes of the charset. */
export function urlDecode(s: string, enc: BufferEncoding = 'utf8'): string {
  let out = '';
  for (let i = 0; i < s.length;) {
    const c = s[i];
    if (c === '+') {
      out += ' ';
      i++;
    } else if (c === '%') {
      const buf: number[] = [];
      while (i < s.length && s[i] === '%') {
        const h = s.substring(i + 1, i + 3);
        if (!/^[0-9a-fA-F]{2}$/.test(h)) {
          throw fault(
            'System.StringException',
            h.length < 2
              ? 'URLDecoder: Incomplete trailing escape (%) pattern'
              : `URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 0 in: "${h}"`
          );
        }
        buf.push(parseInt(h, 16));
        i += 3;
      }
      out += Buffer.from(buf).toString(enc);
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const DIGESTS: Record<string, string> = {
  md5: 'md5',
  sha1: 'sha1',
  'sha-1': 'sha1',
  sha256: 'sha256',
  'sha-256': 'sha256',
  sha384: 'sha384',
  'sha-384': 'sha384',
  sha512: 'sha512',
  'sha-512': 'sha512',
  'sha3-256': 'sha3-256',
  'sha3-384': 'sha3-384',
  'sha3-512': 'sha3-512'
};

const MACS: Record<string, string> = {
  hmacmd5: 'md5',
  hmacsha1: 'sha1',
  hmacsha256: 'sha256',
  hmacsha384: 'sha384',
  hmacsha512: 'sha512',
  'hmacsha3-256': 'sha3-256',
  'hmacsha3-384': 'sha3-384',
  'hmacsha3-512': 'sha3-512'
};

const SIGNS: Record<string, string> = {
  rsa: 'sha1',
  'rsa-sha1': 'sha1',
  'rsa-sha256': 'sha256',
  'rsa-sha384': 'sha384',
  'rsa-sha512': 'sha512',
  'ecdsa-sha256': 'sha256',
  'ecdsa-sha384': 'sha384',
  'ecdsa-sha512': 'sha512'
};

function aesCipher(alg: unknown, key: Buffer): string {
  const name = text(alg).toUpperCase();
  const size = { AES128: 16, AES192: 24, AES256: 32 }[name];
  if (size === undefined) throw invalid(`Invalid algorithm: ${text(alg)}`);
  if (key.length !== size) throw invalid(`Invalid private key. Must be ${size} bytes.`);
  return `aes-${size * 8}-cbc`;
}

function aesEncrypt(alg: unknown, key: Buffer, iv: Buffer, data: Buffer): Buffer {
  const cipher = aesCipher(alg, key);
  if (iv.length !== 16) throw invalid('Invalid initialization vector. Must be 16 bytes.');
  const c = nodeCrypto.createCipheriv(cipher, key, iv);
  return Buffer.concat([c.update(data), c.final()]);
}

function aesDecrypt(alg: unknown, key: Buffer, iv: Buffer, data: Buffer): Buffer {
  const cipher = aesCipher(alg, key);
  if (iv.length !== 16) throw invalid('Invalid initialization vector. Must be 16 bytes.');
  try {
    const d = nodeCrypto.createDecipheriv(cipher, key, iv);
    return Buffer.concat([d.update(data), d.final()]);
  } catch {
    throw fault('System.SecurityException', 'Given final block not properly padded');
  }
}

function keyObject(der: Buffer, kind: 'private' | 'public'): nodeCrypto.KeyObject {
  try {
    return kind === 'private'
      ? nodeCrypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })
      : nodeCrypto.createPublicKey({ key: der, format: 'der', type: 'spki' });
  } catch {
    throw invalid(`Invalid ${kind} key`);
  }
}

// ------------------------------------------------------------------ UUID

const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function newUuid(value: string): NativeObject {
  const obj = new NativeObject('System.UUID', { value });
  obj.data['__toString'] = () => value;
  obj.data['__equals'] = (o: NativeObject) => o.type === 'System.UUID' && o.data['value'] === value;
  return obj;
}

// ------------------------------------------------------------------ Url

function newUrl(href: string): NativeObject {
  let u: URL;
  try {
    u = new URL(href);
  } catch {
    throw fault('System.StringException', `no protocol: ${href}`);
  }
  const obj = new NativeObject('System.Url', { url: u, href });
  obj.data['__toString'] = () => href;
  obj.data['__equals'] = (o: NativeObject) => o.type === 'System.Url' && o.data['href'] === href;
  return obj;
}

const urlOf = (self: unknown): URL => (self as NativeObject).data['url'] as URL;

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443, 'ftp:': 21 };

export const ORG_DOMAIN_URL = 'https://emulated.my.salesforce.com';

export function registerEncoding(r: Registry): void {
  // ---------------------------------------------------------------- Blob
  r.static('Blob', 'valueOf', (_ctx, [s]) => blob(Buffer.from(text(s), 'utf8')));
  r.static('Blob', 'toPdf', () => {
    throw fault('System.UnexpectedException', 'Blob.toPdf is not supported by the emulator');
  });
  r.static('Blob', 'toPDF', () => {
    throw fault('System.UnexpectedException', 'Blob.toPdf is not supported by the emulator');
  });
  r.method('Blob', 'size', ({ self }) => bytes(self).length);
  r.method('Blob', 'toString', ({ self }) => blobToString(bytes(self)));
  r.method('Blob', 'equals', ({ self }, [o]) => o instanceof ApexBlob && bytes(self).equals(o.bytes));
  r.method('Blob', 'hashCode', ({ self }) => {
    let h = 1;
    for (const b of bytes(self)) h = (Math.imul(h, 31) + ((b << 24) >> 24)) | 0;
    return h;
  });

  // ---------------------------------------------------------------- EncodingUtil
  r.type('System.EncodingUtil');
  r.static('EncodingUtil', 'base64Encode', (_ctx, [b]) => bytes(b).toString('base64'));
  r.static('EncodingUtil', 'base64Decode', (_ctx, [s]) => blob(Buffer.from(text(s), 'base64')));
  r.static('EncodingUtil', 'urlEncode', (_ctx, [s, enc]) => urlEncode(text(s), charset(enc)));
  r.static('EncodingUtil', 'urlDecode', (_ctx, [s, enc]) => urlDecode(text(s), charset(enc)));
  r.static('EncodingUtil', 'convertToHex', (_ctx, [b]) => bytes(b).toString('hex'));
  r.static('EncodingUtil', 'convertFromHex', (_ctx, [s]) => {
    const h = text(s);
    if (h.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(h)) {
      throw invalid('convertFromHex: The input must be an even-length string of hexadecimal characters');
    }
    return blob(Buffer.from(h, 'hex'));
  });

  // ---------------------------------------------------------------- Crypto
  r.type('System.Crypto');
  r.static('Crypto', 'generateDigest', (_ctx, [alg, data]) => {
    const a = DIGESTS[text(alg).toLowerCase()];
    if (!a) throw invalid(`Invalid algorithm: ${text(alg)}`);
    return blob(nodeCrypto.createHash(a).update(bytes(data)).digest());
  });
  r.static('Crypto', 'generateMac', (_ctx, [alg, data, key]) => {
    const a = MACS[text(alg).toLowerCase()];
    if (!a) throw invalid(`Invalid algorithm: ${text(alg)}`);
    return blob(nodeCrypto.createHmac(a, bytes(key)).update(bytes(data)).digest());
  });
  // Apex Reference Guide, Crypto Class, verifyHMAC(algorithmName, data, privateKey, macToVerify): true when the MAC
  // of data under the key (generateMac's algorithms) equals macToVerify.
  r.static('Crypto', 'verifyHMAC', (_ctx, [alg, data, key, mac]) => {
    const a = MACS[text(alg).toLowerCase()];
    if (!a) throw invalid(`Invalid algorithm: ${text(alg)}`);
    const expected = nodeCrypto.createHmac(a, bytes(key)).update(bytes(data)).digest();
    const given = bytes(mac);
    return expected.length === given.length && nodeCrypto.timingSafeEqual(expected, given);
  });
  r.static('Crypto', 'getRandomInteger', () => nodeCrypto.randomBytes(4).readInt32BE(0));
  r.static('Crypto', 'getRandomLong', () => nodeCrypto.randomBytes(8).readBigInt64BE(0));
  r.static('Crypto', 'generateAesKey', (_ctx, [size]) => {
    const n = Number(size);
    if (n !== 128 && n !== 192 && n !== 256) throw invalid(`Invalid key size: ${str(size)}. Must be 128, 192 or 256.`);
    return blob(nodeCrypto.randomBytes(n / 8));
  });
  r.static('Crypto', 'encrypt', (_ctx, [alg, key, iv, data]) =>
    blob(aesEncrypt(alg, bytes(key), bytes(iv), bytes(data)))
  );
  r.static('Crypto', 'decrypt', (_ctx, [alg, key, iv, data]) =>
    blob(aesDecrypt(alg, bytes(key), bytes(iv), bytes(data)))
  );
  r.static('Crypto', 'encryptWithManagedIV', (_ctx, [alg, key, data]) => {
    const iv = nodeCrypto.randomBytes(16);
    return blob(Buffer.concat([iv, aesEncrypt(alg, bytes(key), iv, bytes(data))]));
  });
  r.static('Crypto', 'decryptWithManagedIV', (_ctx, [alg, key, data]) => {
    const all = bytes(data);
    if (all.length < 16) throw invalid('Input data is too short to contain an initialization vector');
    return blob(aesDecrypt(alg, bytes(key), all.subarray(0, 16), all.subarray(16)));
  });
  r.static('Crypto', 'sign', (_ctx, [alg, data, key]) => {
    const a = SIGNS[text(alg).toLowerCase()];
    if (!a) throw invalid(`Invalid algorithm: ${text(alg)}`);
    return blob(nodeCrypto.sign(a, bytes(data), keyObject(bytes(key), 'private')));
  });
  r.static('Crypto', 'verify', (_ctx, [alg, data, signature, key]) => {
    const a = SIGNS[text(alg).toLowerCase()];
    if (!a) throw invalid(`Invalid algorithm: ${text(alg)}`);
    if (!(key instanceof ApexBlob)) throw invalid('Certificate-based verification is not supported by the emulator');
    return nodeCrypto.verify(a, bytes(data), keyObject(bytes(key), 'public'), bytes(signature));
  });

  // ---------------------------------------------------------------- UUID
  r.type('System.UUID');
  r.static('UUID', 'randomUUID', () => newUuid(nodeCrypto.randomUUID()));
  r.static('UUID', 'fromString', (_ctx, [s]) => {
    const t = text(s);
    if (!UUID_RE.test(t)) throw fault('System.IllegalArgumentException', `Invalid UUID string: ${t}`);
    return newUuid(t.toLowerCase());
  });
  r.method('System.UUID', 'toString', ({ self }) => (self as NativeObject).data['value'] as string);
  r.method(
    'System.UUID',
    'equals',
    ({ self }, [o]) =>
      o instanceof NativeObject && o.type === 'System.UUID' && o.data['value'] === (self as NativeObject).data['value']
  );
  r.method('System.UUID', 'hashCode', ({ self }) => {
    const v = (self as NativeObject).data['value'] as string;
    let h = 0;
    for (let i = 0; i < v.length; i++) h = (Math.imul(h, 31) + v.charCodeAt(i)) | 0;
    return h;
  });

  // ---------------------------------------------------------------- Url
  r.type('System.Url');
  r.ctor('Url', (_ctx, args) => {
    if (args.length === 1) return newUrl(text(args[0]));
    if (args.length === 2) {
      const base = args[0] instanceof NativeObject ? ((args[0].data['href'] as string) ?? '') : text(args[0]);
      return newUrl(new URL(text(args[1]), base).href);
    }
    if (args.length === 3) return newUrl(`${text(args[0])}://${text(args[1])}${text(args[2])}`);
    if (args.length === 4) return newUrl(`${text(args[0])}://${text(args[1])}:${str(args[2])}${text(args[3])}`);
    throw fault('System.TypeException', 'Constructor not defined: Url');
  });
  r.static('Url', 'getOrgDomainUrl', () => newUrl(ORG_DOMAIN_URL));
  r.static('Url', 'getOrgDomainURL', () => newUrl(ORG_DOMAIN_URL));
  r.static('Url', 'getSalesforceBaseUrl', () => newUrl(ORG_DOMAIN_URL));
  r.static('Url', 'getCurrentRequestUrl', () => newUrl(ORG_DOMAIN_URL + '/apex/emulated'));
  r.static(
    'Url',
    'getFileFieldURL',
    (_ctx, [id, field]) => `${ORG_DOMAIN_URL}/servlet/servlet.FileDownload?file=${text(id)}&field=${text(field)}`
  );
  const URL_T = 'System.Url';
  r.method(URL_T, 'toExternalForm', ({ self }) => (self as NativeObject).data['href'] as string);
  r.method(URL_T, 'toString', ({ self }) => (self as NativeObject).data['href'] as string);
  r.method(URL_T, 'getHost', ({ self }) => urlOf(self).hostname);
  r.method(URL_T, 'getProtocol', ({ self }) => urlOf(self).protocol.replace(/:$/, ''));
  r.method(URL_T, 'getPath', ({ self }) => urlOf(self).pathname);
  r.method(URL_T, 'getQuery', ({ self }) => (urlOf(self).search ? urlOf(self).search.substring(1) : null));
  r.method(URL_T, 'getRef', ({ self }) => (urlOf(self).hash ? urlOf(self).hash.substring(1) : null));
  r.method(URL_T, 'getFile', ({ self }) => urlOf(self).pathname + urlOf(self).search);
  r.method(URL_T, 'getPort', ({ self }) => (urlOf(self).port ? Number(urlOf(self).port) : -1));
  r.method(URL_T, 'getDefaultPort', ({ self }) => DEFAULT_PORTS[urlOf(self).protocol] ?? -1);
  r.method(URL_T, 'getAuthority', ({ self }) => {
    const u = urlOf(self);
    const user = u.username ? `${u.username}${u.password ? ':' + u.password : ''}@` : '';
    return user + u.host;
  });
  r.method(URL_T, 'getUserInfo', ({ self }) => {
    const u = urlOf(self);
    return u.username ? `${u.username}${u.password ? ':' + u.password : ''}` : null;
  });
  r.method(URL_T, 'sameFile', ({ self }, [o]) => {
    if (!(o instanceof NativeObject)) return false;
    const a = urlOf(self);
    const b = urlOf(o);
    return a.protocol === b.protocol && a.host === b.host && a.pathname === b.pathname && a.search === b.search;
  });
}
