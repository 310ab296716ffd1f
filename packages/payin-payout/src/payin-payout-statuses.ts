// Status codes as the provider documents them; results and callbacks carry the numbers, these
// tables name them.

/** Incoming payment statuses (`payment-in` lookups, the top-up callback). */
export const PAYMENT_IN_STATUSES = {
  0: 'new',
  1: 'paid',
  2: 'cancelled',
  3: 'error',
  4: 'paid_frozen',
  5: 'incorrect_event',
  6: 'expired',
  8: 'refunded',
  9: 'chargeback',
  11: 'processing',
  13: 'partially_paid_frozen',
  14: 'partially_paid',
} as const;

/** Outgoing payment statuses (`payment-out` lookups, `client_status`). */
export const PAYMENT_OUT_STATUSES = {
  0: 'new',
  1: 'paid',
  2: 'cancelled',
  3: 'error',
  5: 'incorrect_situation',
  8: 'refunded',
} as const;

/** `status` of the auto-debit (A1) and reward (A6) result callback. */
export const INVOICE_CALLBACK_STATUSES = {
  1: 'paid',
  3: 'insufficient_funds',
  4: 'error',
} as const;

/** `paymentStatus` of the shop API's payment notification. */
export const SHOP_PAYMENT_STATUSES = {
  1: 'paid',
  2: 'failed',
  3: 'partially_paid',
} as const;

/** The name of `code` in `table`, or `'unknown'` for a code the docs do not list. */
export function statusName<TTable extends Record<number, string>>(
  table: TTable,
  code: number,
): TTable[keyof TTable] | 'unknown' {
  return (table as Record<number, TTable[keyof TTable]>)[code] ?? 'unknown';
}
