import { PayValidationError } from '../errors/pay-validation-error.ts';

/** How {@link toDecimalString} checks and writes an amount. */
export interface DecimalOptions {
  /** Path of the field in error issues. Default `'amount'`. */
  field?: string;
  /**
   * Exact number of decimals to write, padding with zeros (`scale: 2`: `100` → `100.00`); more
   * significant decimals than `scale` is an error, never rounded. Default: none, and the output
   * is canonical instead: no leading zeros but a single `0`, no trailing fractional zeros, no
   * trailing separator, `-0` → `0`.
   */
  scale?: number;
  /**
   * Most significant decimals allowed (trailing zeros do not count); more is an error, never
   * rounded. Default: no limit.
   */
  maxDecimals?: number;
  /** Accept amounts below zero. Default `false`. */
  allowNegative?: boolean;
  /** Accept zero. Default `false`: amounts must be greater than 0. */
  allowZero?: boolean;
  /**
   * Decimal separator of the output. Default `'.'`, and then input strings must use `'.'`; with
   * `','` input strings may use either.
   */
  separator?: '.' | ',';
  /** Provider id for the error, e.g. `anymoney`. Default: none. */
  provider?: string;
  /** Operation for the error, e.g. `invoice.create`. Default: none. */
  operation?: string;
}

/** Longest amount string accepted: no real amount comes near it; a huge one is an attack. */
export const MAX_AMOUNT_LENGTH = 40;
/**
 * Most significant digits a `number` amount may have: a double holds 15 decimal digits exactly,
 * so a longer shortest form (`0.30000000000000004`) is a float artefact, not the caller's amount.
 */
export const MAX_NUMBER_SIGNIFICANT_DIGITS = 15;

interface ParsedDecimal {
  negative: boolean;
  /** Integer digits without leading zeros; `'0'` for none. */
  integerDigits: string;
  /** Fraction digits without trailing zeros; `''` for none. */
  fractionDigits: string;
}

/**
 * Turns an amount into the decimal string that is signed and sent, or throws
 * `PayValidationError` (path `options.field`, default `'amount'`) saying what is allowed.
 *
 * - Strings must be plain decimals exactly as given: optional `-` (only with `allowNegative`),
 *   digits, optionally a separator and more digits (`100`, `100.50`), at most
 *   {@link MAX_AMOUNT_LENGTH} characters. No spaces (nothing is trimmed), exponent, `+`,
 *   thousands separators, leading or trailing separator, or empty text.
 * - Numbers are accepted only where they are exact: finite, within ±`Number.MAX_SAFE_INTEGER`,
 *   and their shortest decimal form has at most {@link MAX_NUMBER_SIGNIFICANT_DIGITS} significant
 *   digits and no exponent. `0.1 + 0.2` (`0.30000000000000004`), `2 ** 53 + 1`, `1e21` and
 *   `1e-7` are refused with a message saying to pass a decimal string.
 * - Money is never rounded: too many significant decimals for `scale` or `maxDecimals` is an
 *   error. By default the amount must be greater than 0 (see `allowZero`, `allowNegative`).
 *
 * Throws `RangeError` when `scale` or `maxDecimals` is not a non-negative integer: that is a bug
 * in the calling code, not bad input.
 */
export function toDecimalString(value: string | number, options: DecimalOptions = {}): string {
  const separator = options.separator ?? '.';
  checkLimitOption('scale', options.scale);
  checkLimitOption('maxDecimals', options.maxDecimals);
  const fail = (message: string): never => {
    throw new PayValidationError([{ path: options.field ?? 'amount', message }], {
      provider: options.provider,
      operation: options.operation,
    });
  };

  const parsed = parseDecimal(value, separator === ',', fail);
  const got = describeInput(value);
  const isZero = parsed.integerDigits === '0' && parsed.fractionDigits === '';
  if (parsed.negative && !options.allowNegative) {
    fail(`${options.allowZero ? 'must be 0 or more' : 'must be greater than 0'} (got ${got})`);
  }
  if (isZero && !options.allowZero) {
    fail(`${options.allowNegative ? 'must not be 0' : 'must be greater than 0'} (got ${got})`);
  }
  const limits = [options.scale, options.maxDecimals].filter((limit) => limit !== undefined);
  const decimalLimit = limits.length > 0 ? Math.min(...limits) : Number.POSITIVE_INFINITY;
  if (parsed.fractionDigits.length > decimalLimit) {
    const allowed =
      decimalLimit === 0
        ? 'must be a whole number'
        : `must have at most ${decimalLimit} decimal places`;
    fail(`${allowed} (got ${got}); amounts are never rounded`);
  }

  const fraction =
    options.scale === undefined
      ? parsed.fractionDigits
      : parsed.fractionDigits.padEnd(options.scale, '0');
  const sign = parsed.negative ? '-' : '';
  return fraction
    ? `${sign}${parsed.integerDigits}${separator}${fraction}`
    : sign + parsed.integerDigits;
}

function parseDecimal(
  value: unknown,
  acceptComma: boolean,
  fail: (message: string) => never,
): ParsedDecimal {
  const example = acceptComma ? '100 or 100,50' : '100 or 100.50';
  let text: string;
  if (typeof value === 'number') {
    text = exactNumberText(value, fail);
  } else if (typeof value === 'string') {
    if (value.length > MAX_AMOUNT_LENGTH) {
      return fail(`must be at most ${MAX_AMOUNT_LENGTH} characters (got ${value.length})`);
    }
    text = value;
  } else {
    const kind = value === null ? 'null' : typeof value;
    return fail(`must be a decimal number like ${example}, as a string or a number (got ${kind})`);
  }
  const pattern = acceptComma ? /^(-?)(\d+)(?:[.,](\d+))?$/ : /^(-?)(\d+)(?:\.(\d+))?$/;
  const match = pattern.exec(text);
  if (!match) {
    return fail(`must be a decimal number like ${example} (got ${describeInput(value)})`);
  }
  const integerDigits = match[2]!.replace(/^0+(?=\d)/, '');
  const fractionDigits = (match[3] ?? '').replace(/0+$/, '');
  const isZero = integerDigits === '0' && fractionDigits === '';
  // -0 and -0.00 are zero, not negative amounts.
  return { negative: match[1] === '-' && !isZero, integerDigits, fractionDigits };
}

/**
 * A number's shortest decimal text, when that text is exactly the amount the caller meant;
 * otherwise fails, asking for a decimal string.
 */
function exactNumberText(value: number, fail: (message: string) => never): string {
  const hint = 'pass the amount as a decimal string, e.g. "0.3"';
  if (!Number.isFinite(value)) return fail(`must be a finite number (got ${value}); ${hint}`);
  if (Math.abs(value) > Number.MAX_SAFE_INTEGER) {
    return fail(`is beyond the exact range of a number (got ${value}); ${hint}`);
  }
  const text = String(value);
  const significant = text.replace(/^-/, '').replace('.', '').replace(/^0+/, '');
  if (/e/i.test(text) || significant.length > MAX_NUMBER_SIGNIFICANT_DIGITS) {
    return fail(`is not an exact decimal as a number (got ${text}); ${hint}`);
  }
  return text;
}

/** The input as shown in messages: quoted, and cut short so a huge string cannot flood logs. */
function describeInput(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return JSON.stringify(shown);
}

function checkLimitOption(name: string, limit: number | undefined): void {
  if (limit !== undefined && !(Number.isSafeInteger(limit) && limit >= 0)) {
    throw new RangeError(`toDecimalString: ${name} must be a non-negative integer (got ${limit})`);
  }
}
