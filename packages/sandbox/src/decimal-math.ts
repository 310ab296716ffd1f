/**
 * Half of a non-negative decimal string, rounded down at its own scale (`'100.5'` → `'50.2'`),
 * computed on integers so the sandbox never renders a float artifact into a signed callback.
 */
export function halveDecimal(amount: string): string {
  const [whole = '0', fraction = ''] = amount.split('.');
  const units = BigInt(whole + fraction) / 2n;
  return fromUnits(units, fraction.length);
}

/** `a - b` for decimal strings (either sign), at the larger scale of the two. */
export function subtractDecimal(a: string, b: string): string {
  const scale = Math.max(scaleOf(a), scaleOf(b));
  return fromUnits(toUnits(a, scale) - toUnits(b, scale), scale);
}

/** `a + b` for decimal strings (either sign), at the larger scale of the two. */
export function addDecimal(a: string, b: string): string {
  const scale = Math.max(scaleOf(a), scaleOf(b));
  return fromUnits(toUnits(a, scale) + toUnits(b, scale), scale);
}

/** Negative, zero or positive as `a` is below, equal to or above `b`. */
export function compareDecimal(a: string, b: string): number {
  const scale = Math.max(scaleOf(a), scaleOf(b));
  const difference = toUnits(a, scale) - toUnits(b, scale);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

function scaleOf(amount: string): number {
  return amount.split('.')[1]?.length ?? 0;
}

function toUnits(amount: string, scale: number): bigint {
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? amount.slice(1) : amount).split('.');
  const units = BigInt(whole + fraction.padEnd(scale, '0'));
  return negative ? -units : units;
}

function fromUnits(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? digits.slice(-scale).replace(/0+$/, '') : '';
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}
