/**
 * PHP's `precision` ini setting, default 14: the number of significant digits PHP uses when it
 * turns a float into a string (`(string)`, `echo`, `implode`, `http_build_query`).
 */
const phpPrecision = 14;

/** A non-negative decimal `0.<digits> × 10^pointPosition`, as C `dtoa` reports it. */
interface DecimalDigits {
  /** Significant digits without leading or trailing zeros; `'0'` for zero. */
  digits: string;
  /** Where the decimal point goes, counted from the left of `digits`. */
  pointPosition: number;
}

/**
 * The string PHP 8 produces for a float with the default `precision` of 14, e.g. `(string) 10.10`
 * is `10.1`, `0.1 + 0.2` is `0.3`, `1e14` is `1.0E+14`, `0.00001` is `1.0E-5`, `-0.0` is `-0`,
 * `NAN`, `INF`, `-INF`. Use it only where PHP holds a float: a JavaScript number that is an integer
 * is a PHP int on the other side, and PHP prints ints in full.
 *
 * Rounding to 14 digits is exact and breaks ties to even, as PHP's `zend_dtoa` does
 * (`12345678901234.5` gives `12345678901234`), where `Number#toPrecision` would round up.
 */
export function phpFloatString(value: number): string {
  if (Number.isNaN(value)) return 'NAN';
  if (value === Number.POSITIVE_INFINITY) return 'INF';
  if (value === Number.NEGATIVE_INFINITY) return '-INF';
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  const { digits, pointPosition } = roundHalfEven(exactDecimal(Math.abs(value)), phpPrecision);
  return sign + layOut(digits, pointPosition);
}

/** Writes the digits the way PHP's `php_gcvt` does with `precision` 14 and `E` as the marker. */
function layOut(digits: string, pointPosition: number): string {
  const useExponent = pointPosition < 0 ? pointPosition < -3 : pointPosition > phpPrecision;
  if (useExponent) {
    const exponent = pointPosition - 1;
    // PHP always writes one digit after the point, even when there is none: `1.0E+25`.
    const fraction = digits.slice(1) || '0';
    return `${digits[0]}.${fraction}E${exponent < 0 ? '-' : '+'}${Math.abs(exponent)}`;
  }
  if (pointPosition <= 0) return `0.${'0'.repeat(-pointPosition)}${digits}`;
  const integerPart = digits.slice(0, pointPosition).padEnd(pointPosition, '0');
  const fractionPart = digits.slice(pointPosition);
  return fractionPart ? `${integerPart}.${fractionPart}` : integerPart;
}

/**
 * The exact decimal value of a finite, non-negative double. Every double is a dyadic rational
 * `m × 2^k`, so `m × 5^-k` over `10^-k` writes it out in full with no rounding at all.
 */
function exactDecimal(value: number): DecimalDigits {
  if (value === 0) return { digits: '0', pointPosition: 1 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const biasedExponent = Number((bits >> 52n) & 0x7ffn);
  const fractionBits = bits & 0xfffffffffffffn;
  // Subnormals have no implicit leading 1 and the smallest exponent.
  const mantissa = biasedExponent === 0 ? fractionBits : fractionBits | (1n << 52n);
  const binaryExponent = (biasedExponent === 0 ? 1 : biasedExponent) - 1075;
  if (binaryExponent >= 0) {
    const text = (mantissa << BigInt(binaryExponent)).toString();
    return trimTrailingZeros(text, text.length);
  }
  const decimalPlaces = -binaryExponent;
  const text = (mantissa * 5n ** BigInt(decimalPlaces)).toString();
  return trimTrailingZeros(text, text.length - decimalPlaces);
}

function trimTrailingZeros(digits: string, pointPosition: number): DecimalDigits {
  return { digits: digits.replace(/0+$/, ''), pointPosition };
}

/** Rounds to `significant` digits, ties to even, and drops the trailing zeros that leaves. */
function roundHalfEven(exact: DecimalDigits, significant: number): DecimalDigits {
  const { digits, pointPosition } = exact;
  if (digits.length <= significant) return exact;
  const kept = digits.slice(0, significant);
  const dropped = digits.slice(significant);
  // `dropped` has no trailing zeros, so it is exactly one half only when it is `5`.
  const firstDropped = dropped.charCodeAt(0) - 48;
  const lastKeptIsOdd = (kept.charCodeAt(kept.length - 1) - 48) % 2 === 1;
  const roundUp = firstDropped > 5 || (firstDropped === 5 && (dropped.length > 1 || lastKeptIsOdd));
  if (!roundUp) return trimTrailingZeros(kept, pointPosition);
  const bumped = (BigInt(kept) + 1n).toString();
  // 99…9 + 1 gains a digit: the point moves one place right.
  return bumped.length > kept.length
    ? trimTrailingZeros(bumped.slice(0, significant), pointPosition + 1)
    : trimTrailingZeros(bumped, pointPosition);
}
