import type { Hono } from 'hono';
import { positiveDecimal } from '../shared/amount.ts';
import { readBody, refuse, success } from './http.ts';
import { createInvoice, findInvoice } from './invoices.ts';
import { invoiceObject } from './payloads.ts';
import type { CryptoCloudContext } from './types.ts';
import { FIAT, invoicesBetween, REQUIRED } from './validation.ts';

/** The v2 invoice calls: create, info, list, cancel. */
export function invoiceRoutes(app: Hono, context: CryptoCloudContext): void {
  const { credentials, store } = context;

  app.post('/v2/invoice/create', async (c) => {
    const body = await readBody(c);
    if (!body) return refuse(c, 400, { validate_error: 'Invalid JSON body' }); // [sandbox guess]
    const errors: Record<string, string> = {};
    if (body.shop_id === undefined) errors.shop_id = REQUIRED;
    else if (body.shop_id !== credentials.shopId) errors.shop_id = 'Shop not found.'; // [sandbox guess]
    const amount = positiveDecimal(body.amount);
    if (body.amount === undefined) errors.amount = REQUIRED;
    else if (!amount) errors.amount = 'A valid positive number is required.'; // [sandbox guess]
    const currency = body.currency ?? 'USD';
    if (typeof currency !== 'string' || !FIAT.has(currency))
      errors.currency = `"${String(currency)}" is not a valid choice.`; // [sandbox guess]
    if (Object.keys(errors).length > 0 || !amount) return refuse(c, 400, errors);
    // The coin: the pre-selected one, else the first one offered, else the default.
    const addFields = (body.add_fields ?? {}) as Record<string, unknown>;
    const offered = addFields.available_currencies;
    const cryptocurrency = [addFields.cryptocurrency, Array.isArray(offered) && offered[0]].find(
      (coin): coin is string => typeof coin === 'string' && coin !== '',
    );
    const invoice = createInvoice(context, amount, currency as string, { ...body, cryptocurrency });
    return success(c, invoiceObject(invoice, false));
  });

  app.post('/v2/invoice/merchant/info', async (c) => {
    const uuids = (await readBody(c))?.uuids;
    if (!Array.isArray(uuids) || uuids.length === 0)
      return refuse(c, 400, { validate_error: 'uuid is required' });
    if (uuids.length > 100) return refuse(c, 400, { validate_error: 'Max 100 uuids' });
    // [sandbox guess] unknown ids are left out of the result rather than refused.
    const found = uuids.flatMap((uuid) =>
      typeof uuid === 'string' ? (findInvoice(store, uuid) ?? []) : [],
    );
    return success(
      c,
      found.map((invoice) => invoiceObject(invoice, true)),
    );
  });

  app.post('/v2/invoice/merchant/list', async (c) => {
    const body = (await readBody(c)) ?? {};
    const { offset = 0, limit = 10 } = body;
    const errors: Record<string, string> = {};
    if (!Number.isInteger(offset) || (offset as number) < 0)
      errors.offset = 'A valid non-negative integer is required.'; // [sandbox guess]
    if (!Number.isInteger(limit) || (limit as number) < 1 || (limit as number) > 100)
      errors.limit = 'Ensure this value is from 1 to 100.'; // [sandbox guess]
    const invoices = invoicesBetween(c, body, store.list('cryptocloud'), errors);
    if (invoices instanceof Response) return invoices;
    // [sandbox guess] newest first, as dashboards list them.
    const page = invoices
      .reverse()
      .slice(offset as number, (offset as number) + (limit as number))
      .map((invoice) => invoiceObject(invoice, true));
    return success(c, page, { all_count: invoices.length });
  });

  app.post('/v2/invoice/merchant/canceled', async (c) => {
    const uuid = (await readBody(c))?.uuid;
    if (typeof uuid !== 'string' || uuid === '')
      return refuse(c, 400, { validate_error: 'uuid is required' });
    const invoice = findInvoice(store, uuid);
    // [sandbox guess] the text for an unknown invoice.
    if (!invoice) return refuse(c, 400, { validate_error: 'Invoice not found' });
    if (invoice.state !== 'created')
      return refuse(c, 400, { validate_error: 'Invoice is not created' });
    invoice.state = 'canceled';
    invoice.finalAt = context.now();
    return success(c, ['ok']);
  });
}
