/*
 * Phone normalisation to E.164 (`+<country code><number>`), the form Aloware keys contacts by. Same algorithm and
 * same country table as Apex AlowarePhoneNumbers (a jest drift test compares the table text).
 */

/**
 * Supported default countries: `ISO:callingCode:trunkPrefix:minNationalDigits:maxNationalDigits`, `;`-separated.
 * Calling code 1 (North American Numbering Plan) also checks the area code and exchange (first digit 2-9).
 */
export const PHONE_COUNTRIES =
  'US:1::10:10;CA:1::10:10;PR:1::10:10;GB:44:0:9:10;IE:353:0:7:9;AU:61:0:9:9;NZ:64:0:8:10;DE:49:0:6:13;' +
  'FR:33:0:9:9;ES:34::9:9;IT:39::6:11;NL:31:0:9:9;BE:32:0:8:9;CH:41:0:9:9;AT:43:0:4:13;SE:46:0:7:9;NO:47::8:8;' +
  'DK:45::8:8;FI:358:0:5:12;PL:48::9:9;PT:351::9:9;MX:52::10:10;BR:55:0:10:11;AR:54:0:10:10;CO:57::10:10;' +
  'CL:56::9:9;PE:51::8:9;IN:91:0:10:10;PH:63:0:10:10;JP:81:0:9:10;SG:65::8:8;HK:852::8:8;ZA:27:0:9:9;' +
  'AE:971:0:8:9;IL:972:0:8:9';

interface Country {
  readonly callingCode: string;
  readonly trunk: string;
  readonly min: number;
  readonly max: number;
}

const COUNTRIES: ReadonlyMap<string, Country> = new Map(
  PHONE_COUNTRIES.split(';').map((entry): [string, Country] => {
    const [iso, callingCode, trunk, min, max] = entry.split(':');
    return [iso, { callingCode, trunk, min: Number(min), max: Number(max) }];
  })
);

export type PhoneError = 'PHONE_INVALID' | 'PHONE_COUNTRY_UNSUPPORTED';

export interface PhoneResult {
  /** The E.164 number, when the input is a usable phone number. */
  readonly e164: string | null;
  readonly error: PhoneError | null;
  /** An extension (`x12`, `ext. 12`, `#12`) was present and dropped: E.164 has no extensions. */
  readonly extensionDropped: boolean;
}

const EXTENSION = /^(.*?\d[\s).-]*)(?:;\s*ext=|\s*(?:#|x|ext\.?|extension)\s*:?\s*)\d{1,10}$/i;
const PHONE_CHARS = /^\+?[\d\s().\-/]+$/;
const NANP = /^[2-9]\d{2}[2-9]\d{6}$/;

/** True when the country code is in the supported table. */
export function isSupportedPhoneCountry(country: string): boolean {
  return COUNTRIES.has(country.trim().toUpperCase());
}

function fail(error: PhoneError, extensionDropped: boolean): PhoneResult {
  return { e164: null, error, extensionDropped };
}

function international(digits: string, extensionDropped: boolean): PhoneResult {
  if (digits.length < 8 || digits.length > 15 || digits.charAt(0) === '0')
    return fail('PHONE_INVALID', extensionDropped);
  if (digits.charAt(0) === '1' && !(digits.length === 11 && NANP.test(digits.slice(1)))) {
    return fail('PHONE_INVALID', extensionDropped);
  }
  return { e164: '+' + digits, error: null, extensionDropped };
}

/**
 * Normalises a phone number to E.164. `+` or `00` (and `011` in North America) mark an international number;
 * anything else is a national number of `defaultCountry` (ISO 3166 alpha-2), its trunk prefix removed.
 */
export function normalizePhone(raw: string, defaultCountry: string): PhoneResult {
  let text = raw.trim();
  let extensionDropped = false;
  const extension = EXTENSION.exec(text);
  if (extension) {
    text = extension[1].trim();
    extensionDropped = true;
  }
  if (!PHONE_CHARS.test(text)) return fail('PHONE_INVALID', extensionDropped);
  let digits = text.replace(/\D/g, '');
  if (text.charAt(0) === '+') return international(digits, extensionDropped);
  if (digits.startsWith('00')) return international(digits.slice(2), extensionDropped);
  const country = COUNTRIES.get(defaultCountry.trim().toUpperCase());
  if (!country) return fail('PHONE_COUNTRY_UNSUPPORTED', extensionDropped);
  if (country.callingCode === '1') {
    if (digits.startsWith('011')) return international(digits.slice(3), extensionDropped);
    if (digits.length === 11 && digits.charAt(0) === '1') digits = digits.slice(1);
    return NANP.test(digits)
      ? { e164: '+1' + digits, error: null, extensionDropped }
      : fail('PHONE_INVALID', extensionDropped);
  }
  if (digits.length > country.max && digits.startsWith(country.callingCode)) {
    return international(digits, extensionDropped);
  }
  if (country.trunk && digits.startsWith(country.trunk)) digits = digits.slice(country.trunk.length);
  if (digits.length < country.min || digits.length > country.max) return fail('PHONE_INVALID', extensionDropped);
  return { e164: '+' + country.callingCode + digits, error: null, extensionDropped };
}
