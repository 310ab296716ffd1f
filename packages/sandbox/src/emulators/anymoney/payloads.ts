import type { SandboxInvoice } from '../../invoice-store.ts';
import type { Params } from './types.ts';

export const STATUS: Record<SandboxInvoice['state'], string> = {
  created: 'new',
  paid: 'done',
  // [sandbox guess] Partial payments exist for is_multipay invoices (the payer may top up); the
  // docs do not say which non-final status such an invoice shows: `wait` is the closest.
  partial: 'wait',
  failed: 'fail',
  expired: 'expired',
  canceled: 'canceled',
};

/** The order representation of an invoice. Fees are zero and rates 1:1 in the sandbox. */
export function orderOf(invoice: SandboxInvoice): Record<string, unknown> {
  const fields = invoice.fields as Params & { token: string };
  const outCurrency = (fields.out_curr as string | undefined) ?? invoice.currency;
  return {
    tp: 'invoice',
    externalid: invoice.id,
    status: STATUS[invoice.state],
    in_curr: invoice.currency,
    out_curr: outCurrency,
    orig_amount: invoice.amount,
    in_amount: invoice.amount,
    out_amount: invoice.amount,
    account_amount: invoice.amount,
    in_fee_amount: '0',
    out_fee_amount: '0',
    amount_paid: invoice.paidAmount,
    rate: outCurrency === invoice.currency ? undefined : ['1', '1'],
    is_multipay: fields.is_multipay ?? false,
    merchant_payfee: fields.merchant_payfee,
    payway_name: fields.payway,
    email: fields.client_email,
    redirect_url: fields.redirect_url,
    ctime: invoice.createdAt,
    ftime: invoice.finalAt,
    token: fields.token,
    paylink: invoice.payUrl,
  };
}
