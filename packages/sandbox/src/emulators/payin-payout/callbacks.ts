import type { SandboxInvoice } from '../../invoice-store.ts';
import { tracker } from './envelope.ts';
import { fieldsOf } from './invoices.ts';
import { AUTO_DEBIT_CALLBACK_STATUS, PAYMENT_IN_STATUS } from './statuses.ts';
import type { PayinPayoutContext } from './types.ts';

/**
 * The fields of the callback for `invoice` in its current state, unsigned; `undefined` when its
 * flow sends none for that state.
 */
export function callbackPayload(
  invoice: SandboxInvoice,
  context: PayinPayoutContext,
): Record<string, string | number> | undefined {
  const fields = fieldsOf(invoice);
  const timestamp = Math.floor(context.now() / 1000);
  if (fields.flow === 'auto-debit' || fields.flow === 'reward') {
    const status = AUTO_DEBIT_CALLBACK_STATUS[invoice.state];
    if (status === undefined) return undefined;
    // The fields in the order of callback-handling.md's example (a reward's result alike).
    return {
      external_id: invoice.id,
      service_id: Number(fields.form.service_id),
      status,
      tracker: tracker(context.now()),
      payment_in_id: fields.incoming!.account_number,
      payment_out_id: fields.outgoing!.account_number,
      timestamp,
    };
  }
  if (fields.flow !== 'top-up') return undefined;
  // [sandbox guess] A top-up callback when money is credited: paid (1) or partly paid (14);
  // the docs say its status is "normally 1" and show no other.
  if (invoice.state !== 'paid' && invoice.state !== 'partial') return undefined;
  return {
    payment_in_id: fields.incoming!.id,
    payment_in_status: PAYMENT_IN_STATUS[invoice.state],
    timestamp,
    tracker: tracker(context.now()),
  };
}
