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

/** The order type (`tp`) of a stored order: invoices carry none of their own. */
export const typeOf = (order: SandboxInvoice): string => (order.fields.tp as string) ?? 'invoice';

/**
 * The order representation (https://docs.any.money/en/add_order/): invoices from their create
 * params, every other order type (payout, convert, transfer, coderedeem) from the fields its
 * create stored. Fees are zero and rates 1:1 in the sandbox.
 */
export function orderOf(order: SandboxInvoice): Record<string, unknown> {
  return typeOf(order) === 'invoice' ? invoiceOrderOf(order) : moneyOrderOf(order);
}

function invoiceOrderOf(invoice: SandboxInvoice): Record<string, unknown> {
  const fields = invoice.fields as Params & { token: string };
  const outCurrency = (fields.out_curr as string | undefined) ?? invoice.currency;
  return {
    tp: 'invoice',
    lid: fields.lid,
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

/** The stored fields of a payout, convert, transfer or coderedeem order. */
export interface MoneyOrderFields {
  tp: 'payout' | 'convert' | 'transfer' | 'coderedeem';
  lid: number;
  oid: number;
  in_curr: string;
  out_curr: string;
  orig_amount: string;
  in_amount: string;
  out_amount: string;
  payway?: string | undefined;
  payee?: string | undefined;
  tgt?: number | undefined;
  is_multipay?: boolean | undefined;
  code?: string | undefined;
}

function moneyOrderOf(order: SandboxInvoice): Record<string, unknown> {
  const fields = order.fields as unknown as MoneyOrderFields;
  return {
    tp: fields.tp,
    lid: fields.lid,
    externalid: order.id,
    status: STATUS[order.state],
    in_curr: fields.in_curr,
    out_curr: fields.out_curr,
    orig_amount: fields.orig_amount,
    in_amount: fields.in_amount,
    out_amount: fields.out_amount,
    in_fee_amount: '0',
    out_fee_amount: '0',
    // What the order takes from (or gives to) the merchant's balance, in in_curr.
    account_amount: fields.in_amount,
    rate: fields.in_curr === fields.out_curr ? undefined : ['1', '1'],
    payway_name: fields.payway,
    payer: fields.payee,
    tgt: fields.tgt,
    is_multipay: fields.is_multipay,
    code: fields.code,
    ctime: order.createdAt,
    ftime: order.finalAt ?? null,
  };
}
