import { timingSafeEqualText } from '@pay/core';
import type { Hono } from 'hono';
import { positiveDecimal } from '../shared/amount.ts';
import { tokenOf } from './auth.ts';
import { readBody } from './http.ts';
import { createInvoice } from './invoices.ts';
import { bareId } from './payloads.ts';
import type { CryptoCloudContext } from './types.ts';
import { V1_FIAT } from './validation.ts';

/**
 * Legacy v1 (the seed doc): no envelope; 401 `{"message":"Unauthenticated."}`, and 400 with
 * an empty body for an invoice it cannot create (the docs show no body).
 */
export function v1Routes(app: Hono, context: CryptoCloudContext): void {
  const { credentials } = context;

  app.post('/v1/invoice/create', async (c) => {
    const key = tokenOf(c);
    if (key === undefined || !timingSafeEqualText(key, credentials.apiKey))
      return c.json({ message: 'Unauthenticated.' }, 401);
    const body = await readBody(c);
    const amount = positiveDecimal(body?.amount);
    const currency = body?.currency ?? 'USD';
    if (!body || body.shop_id !== credentials.shopId || !amount || !V1_FIAT.has(String(currency)))
      return c.body(null, 400);
    // The docs' example answers `currency: "BTC"`: v1 invoices are paid in BTC here.
    const invoice = createInvoice(context, amount, String(currency), {
      ...body,
      cryptocurrency: 'BTC',
    });
    return c.json({
      status: 'success',
      pay_url: invoice.payUrl,
      currency: 'BTC',
      invoice_id: bareId(invoice.id),
    });
  });
}
