/** [sandbox guess] The rate of the project's tariff: the webhook example's `commissionRate: "1"`. */
export const COMMISSION_PERCENT = 1n;

/** `amount` with at least `decimals` decimals (`'10'` → `'10.00'`), never rounded. */
export function padDecimals(amount: string, decimals: number): string {
  const [whole = '0', fraction = ''] = amount.split('.');
  return `${whole}.${fraction.padEnd(decimals, '0')}`;
}

/** {@link COMMISSION_PERCENT} of a USD amount, rounded down to the cent, in integer arithmetic. */
export function commissionOf(usd: string): string {
  const [whole = '0', fraction = ''] = usd.split('.');
  const cents = (BigInt(whole + fraction.padEnd(2, '0').slice(0, 2)) * COMMISSION_PERCENT) / 100n;
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
}
