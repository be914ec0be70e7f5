/*
 * Exact decimal arithmetic on digit strings, the subset the engine needs: parse, canonical text, HALF_UP rounding
 * to a scale and digit counts. Mirrors Apex Decimal (`setScale(scale, RoundingMode.HALF_UP)`,
 * `stripTrailingZeros().toPlainString()`), so TypeScript never rounds through binary floating point.
 */

/** A decimal number as sign + integer digits + fraction digits. */
export interface DecimalValue {
  readonly negative: boolean;
  /** Integer digits without leading zeros ('0' for none). */
  readonly int: string;
  /** Fraction digits (may end with zeros). */
  readonly frac: string;
}

/** Decimal text accepted from Aloware: optional sign, digits, optional fraction; no exponent, no separators. */
const DECIMAL_TEXT = /^([+-])?(?:(\d+)(?:\.(\d*))?|\.(\d+))$/;
const NUMBER_WITH_EXPONENT = /^(-)?(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

function make(negative: boolean, int: string, frac: string): DecimalValue {
  const trimmedInt = int.replace(/^0+/, '') || '0';
  const zero = trimmedInt === '0' && !/[1-9]/.test(frac);
  return { negative: negative && !zero, int: trimmedInt, frac };
}

/** Parses decimal text (`12`, `-3.50`, `.5`, `+7.`); null when it is not one. */
export function parseDecimalText(text: string): DecimalValue | null {
  const match = DECIMAL_TEXT.exec(text);
  if (!match) return null;
  return make(match[1] === '-', match[2] ?? '0', match[3] ?? match[4] ?? '');
}

/** Converts a finite JavaScript number to its shortest exact decimal (as `String(n)` shows it, without exponent). */
export function decimalFromNumber(value: number): DecimalValue | null {
  if (!Number.isFinite(value)) return null;
  const match = NUMBER_WITH_EXPONENT.exec(String(value).toLowerCase());
  /* istanbul ignore next -- String(finite number) always matches */
  if (!match) return null;
  const digits = match[2] + (match[3] ?? '');
  const exponent = Number(match[4] ?? '0') - (match[3] ?? '').length;
  if (exponent >= 0) return make(match[1] === '-', digits + '0'.repeat(exponent), '');
  const shift = -exponent;
  const padded = digits.length <= shift ? '0'.repeat(shift - digits.length + 1) + digits : digits;
  return make(match[1] === '-', padded.slice(0, padded.length - shift), padded.slice(padded.length - shift));
}

/** Canonical text: no trailing fraction zeros, no exponent, `-` only for non-zero negatives (`10.50` → `10.5`). */
export function decimalToString(value: DecimalValue): string {
  const frac = value.frac.replace(/0+$/, '');
  return (value.negative ? '-' : '') + value.int + (frac ? '.' + frac : '');
}

/** Number of integer digits (`0.5` has 0, `120.4` has 3). */
export function integerDigits(value: DecimalValue): number {
  return value.int === '0' ? 0 : value.int.length;
}

function incrementDigits(digits: string): string {
  const chars = digits.split('');
  let index = chars.length - 1;
  while (index >= 0) {
    if (chars[index] === '9') {
      chars[index] = '0';
      index--;
    } else {
      chars[index] = String(Number(chars[index]) + 1);
      return chars.join('');
    }
  }
  return '1' + chars.join('');
}

/** Rounds to `scale` fraction digits, half away from zero (Apex `RoundingMode.HALF_UP`). */
export function roundHalfUp(value: DecimalValue, scale: number): { value: DecimalValue; rounded: boolean } {
  if (value.frac.length <= scale) return { value, rounded: false };
  const kept = value.frac.slice(0, scale);
  const dropped = value.frac.slice(scale);
  const rounded = /[1-9]/.test(dropped);
  if (dropped.charAt(0) < '5') return { value: make(value.negative, value.int, kept), rounded };
  const all = incrementDigits(value.int + kept);
  const intLength = all.length - kept.length;
  return { value: make(value.negative, all.slice(0, intLength), all.slice(intLength)), rounded };
}

/** True when the integer part's magnitude exceeds `limit` (a digit string without leading zeros). */
export function integerMagnitudeExceeds(value: DecimalValue, limit: string): boolean {
  if (value.int.length !== limit.length) return value.int.length > limit.length;
  return value.int > limit;
}
