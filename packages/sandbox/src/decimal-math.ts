/**
 * Half of a non-negative decimal string, rounded down at its own scale (`'100.5'` → `'50.2'`),
 * computed on integers so the sandbox never renders a float artifact into a signed callback.
 */
export function halveDecimal(amount: string): string {
  const [whole = '0', fraction = ''] = amount.split('.');
  const units = BigInt(whole + fraction) / 2n;
  return fromUnits(units, fraction.length);
}

/** `a - b` for non-negative decimal strings, at the larger scale of the two. */
export function subtractDecimal(a: string, b: string): string {
  const scale = Math.max(scaleOf(a), scaleOf(b));
  return fromUnits(toUnits(a, scale) - toUnits(b, scale), scale);
}

function scaleOf(amount: string): number {
  return amount.split('.')[1]?.length ?? 0;
}

function toUnits(amount: string, scale: number): bigint {
  const [whole = '0', fraction = ''] = amount.split('.');
  return BigInt(whole + fraction.padEnd(scale, '0'));
}

function fromUnits(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? digits.slice(-scale).replace(/0+$/, '') : '';
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}
