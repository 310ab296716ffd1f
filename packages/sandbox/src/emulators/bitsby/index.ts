import { createBitsby } from '@pay/bitsby';
import type { Hono } from 'hono';
import { compareDecimal } from '../../decimal-math.ts';
import type { ProviderEmulator } from '../../emulator.ts';
import { authenticated } from './auth.ts';
import { fieldsOf, STATUS, webhookOf } from './payloads.ts';
import { bitsbyRoutes } from './routes.ts';
import type { Credentials } from './types.ts';

// Bitsby as its SPEC describes it: every call a POST with form fields (multipart/form-data as the
// docs' `curl -F` examples send; urlencoded is read too) and `Authorization: Token <API key>`;
// every answer `{"result": "success" | "error", "data": …}`; at most 1 request per second per key.
// Webhooks go to the project's WH URL, only when an invoice becomes paid, and are not signed.
//
// [sandbox guess] Bitsby documents neither the HTTP status of its errors nor their texts, except
// "Requests too frequent": errors are answered with HTTP 200 (an unknown path with 404), in texts
// of our own choosing.

/** Bitsby, emulated: invoices, payments, billing and statistics, with its rate limit. */
export const bitsbyEmulator: ProviderEmulator<Credentials> = {
  id: 'bitsby',
  name: 'Bitsby',
  defaultCredentials: {
    apiKey: 'sandbox-bitsby-api-key',
    projectId: '00000000-0000-4000-8000-000000000001',
  },
  // A buyer pays, pays another amount (Pay partially: half, a payment that matches no invoice
  // until the merchant binds it with `invoices/bindPayment`) or lets the invoice expire. There is
  // no failed payment, and cancelling is the merchant's API call (`invoices/cancel`).
  actions: ['pay', 'pay-partial', 'expire'],
  // Once an off-amount payment came, the invoice waits for its binding or its expiry.
  actionsOf: (invoice) =>
    invoice.state === 'partial' ? ['expire'] : ['pay', 'pay-partial', 'expire'],

  routes(app: Hono, context) {
    app.use('*', authenticated(context));
    bitsbyRoutes(app, context);
  },

  statusOf: (invoice) => STATUS[invoice.state],

  async callback(invoice, context) {
    // The one hook on every action: the time a payment arrives is kept for the payment lists.
    const fields = fieldsOf(invoice);
    if (compareDecimal(invoice.paidAmount, '0') > 0) fields.paidAt ??= context.now();
    const url = context.webhookUrl();
    // Bitsby sends a webhook only when an invoice becomes paid, to the project's WH URL.
    if (invoice.state !== 'paid' || !url) return undefined;
    // Bitsby signs nothing: the SDK's `webhooks.sign` only writes the documented plain JSON.
    // [sandbox guess] Its Content-Type is not documented; the SDK says `application/json`.
    const signer = createBitsby({ apiKey: context.credentials.apiKey });
    const { body, headers } = await signer.webhooks.sign(webhookOf(invoice, context.store));
    return {
      url,
      headers,
      body,
      // Bitsby retries until it gets HTTP 200 exactly.
      isAcknowledged: ({ status }) => status === 200,
    };
  },
};
