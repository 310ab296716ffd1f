import type { Hono } from 'hono';
import { subtractDecimal } from '../../decimal-math.ts';
import type { SandboxInvoice } from '../../invoice-store.ts';
import { addNewInvoice } from '../shared/new-invoice.ts';
import { sqlDateTime } from '../shared/time.ts';
import { crystalId } from './ids.ts';
import { methodInfo } from './ledger.ts';
import { amountOf, ok, refuse } from './request.ts';
import { type CrystalScope, post } from './routes.ts';

export const STATUS: Record<SandboxInvoice['state'], string> = {
  created: 'notpayed',
  paid: 'payed',
  partial: 'wrongamount',
  failed: 'failed',
  // [sandbox guess] CrystalPay documents no "expired" state; `unavailable` is the closest.
  expired: 'unavailable',
  canceled: 'unavailable',
};

/** The `invoice/info/` object (newer doc version). Rates are 1:1 in the sandbox. */
export function invoiceInfo(invoice: SandboxInvoice): Record<string, unknown> {
  const { fields } = invoice;
  const method = invoice.state === 'created' ? null : String(fields.required_method ?? 'BITCOIN');
  return {
    id: invoice.id,
    url: invoice.payUrl,
    state: STATUS[invoice.state],
    type: fields.type,
    subtract_from: fields.subtract_from ?? 'amount',
    method,
    required_method: fields.required_method ?? null,
    currency: invoice.currency,
    amount: invoice.amount,
    // The currency of the `*_amount` fields: the method's once paid, the invoice's before (an
    // established Python client requires the field).
    amount_currency: (method && methodInfo(method)?.currency) ?? invoice.currency,
    rub_amount: invoice.amount,
    initial_amount: invoice.amount,
    remaining_amount:
      invoice.state === 'partial' ? subtractDecimal(invoice.amount, invoice.paidAmount) : '0',
    balance_amount: invoice.paidAmount,
    commission_amount: '0',
    description: fields.description ?? null,
    redirect_url: fields.redirect_url ?? null,
    callback_url: invoice.callbackUrl ?? null,
    extra: fields.extra ?? null,
    created_at: sqlDateTime(invoice.createdAt),
    expired_at: sqlDateTime(invoice.expiresAt),
    final_at: sqlDateTime(invoice.finalAt),
  };
}

export function invoiceRoutes(app: Hono, scope: CrystalScope): void {
  const { context } = scope;

  post(app, scope, 'invoice/create', (c, body) => {
    const { fields } = body;
    const errors: string[] = [];
    const amount = amountOf(body);
    if (fields.amount === undefined) errors.push('`amount` field is required');
    else if (!amount) errors.push('`amount` field is invalid');
    if (fields.type === undefined) errors.push('`type` field is required');
    else if (fields.type !== 'purchase' && fields.type !== 'topup')
      errors.push('`type` field is invalid');
    if (fields.lifetime === undefined) errors.push('`lifetime` field is required');
    else if (!Number.isInteger(fields.lifetime) || (fields.lifetime as number) < 1)
      errors.push('`lifetime` field is invalid');
    if (
      fields.subtract_from !== undefined &&
      fields.subtract_from !== 'amount' &&
      fields.subtract_from !== 'balance'
    ) {
      errors.push('`subtract_from` field is invalid');
    }
    if (errors.length > 0 || !amount) return refuse(c, ...errors);
    const id = crystalId(context);
    const now = context.now();
    const invoice = addNewInvoice(context, 'crystalpay', {
      id,
      amount,
      currency: typeof fields.currency === 'string' ? fields.currency : 'RUB',
      createdAt: now,
      expiresAt: now + (fields.lifetime as number) * 60_000,
      callbackUrl: typeof fields.callback_url === 'string' ? fields.callback_url : undefined,
      fields,
    });
    const info = invoiceInfo(invoice);
    return ok(c, {
      id,
      url: invoice.payUrl,
      rub_amount: info.rub_amount,
      currency: invoice.currency,
      amount,
      type: fields.type,
      subtract_from: info.subtract_from,
    });
  });

  post(app, scope, 'invoice/info', (c, { fields }) => {
    if (typeof fields.id !== 'string') return refuse(c, '`id` field is required');
    const invoice = context.store.get('crystalpay', fields.id);
    return invoice ? ok(c, invoiceInfo(invoice)) : refuse(c, 'Invoice not found');
  });
}
