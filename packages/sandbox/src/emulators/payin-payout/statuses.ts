import type { InvoiceState } from '../../lifecycle.ts';

/** Incoming payment status codes (`payment-in` lookups, the top-up callback), per state. */
export const PAYMENT_IN_STATUS: Record<InvoiceState, number> = {
  created: 0, // new
  paid: 1, // paid and credited
  partial: 14, // partially paid (credited)
  failed: 3, // error
  expired: 6, // expired
  canceled: 2, // cancelled (unreachable: Payin-payout has no cancel call)
};

/**
 * Outgoing payment `client_status` per state: the payer's side of an auto-debit, which is only
 * ever created, paid or failed (no partial debit, no expiry).
 */
export const PAYMENT_OUT_STATUS: Record<InvoiceState, number> = {
  created: 0,
  paid: 1,
  failed: 3,
  partial: 0,
  expired: 2,
  canceled: 2,
};

/** `status` of the auto-debit result callback: 1 paid, 3 the payer lacks funds [doc]. */
export const AUTO_DEBIT_CALLBACK_STATUS: Partial<Record<InvoiceState, number>> = {
  paid: 1,
  failed: 3,
};
