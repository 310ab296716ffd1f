/**
 * The sandbox's provider-neutral invoice states. Each emulator maps them to its provider's own
 * status names (CrystalPay `payed`, Bitsby `paid`, AnyMoney `done`, …).
 */
export type InvoiceState = 'created' | 'paid' | 'partial' | 'expired' | 'failed' | 'canceled';

/** What a person (pay page) or a test (control API) can do to an open invoice. */
export type InvoiceAction = 'pay' | 'pay-partial' | 'fail' | 'expire' | 'cancel';

/** Every action, in the order the pay page shows them. */
export const INVOICE_ACTIONS: readonly InvoiceAction[] = [
  'pay',
  'pay-partial',
  'fail',
  'expire',
  'cancel',
];

const FINAL_STATES: ReadonlySet<InvoiceState> = new Set(['paid', 'expired', 'failed', 'canceled']);

/** Whether nothing more can happen to an invoice in this state. */
export function isFinal(state: InvoiceState): boolean {
  return FINAL_STATES.has(state);
}

/**
 * The state an action leads to, or an explanation of why it is not allowed. A partly paid
 * invoice can still be paid in full, expire or be cancelled; a final one cannot change.
 */
export function nextState(
  state: InvoiceState,
  action: InvoiceAction,
): { ok: true; state: InvoiceState } | { ok: false; reason: string } {
  if (isFinal(state)) return { ok: false, reason: `the invoice is already ${state}` };
  if (action === 'pay-partial' && state === 'partial') {
    return { ok: false, reason: 'the invoice is already partly paid' };
  }
  const states: Record<InvoiceAction, InvoiceState> = {
    pay: 'paid',
    'pay-partial': 'partial',
    fail: 'failed',
    expire: 'expired',
    cancel: 'canceled',
  };
  return { ok: true, state: states[action] };
}
