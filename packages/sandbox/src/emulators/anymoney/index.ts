import { createAnyMoney } from '@pay/anymoney';
import type { Hono } from 'hono';
import type { ProviderEmulator } from '../../emulator.ts';
import { orderOf, STATUS, typeOf } from './payloads.ts';
import { handle } from './routes.ts';
import type { Credentials } from './types.ts';

// AnyMoney's merchant API as its docs describe it (https://docs.any.money/en/auth/): JSON-RPC 2.0,
// every method one `POST /`, signed with x-merchant / x-utc-now-ms / x-signature (HMAC-SHA512 under
// the API key of the sorted param values followed by the time). Invoices are known by the
// merchant's `externalid`, so that is the sandbox id too. AnyMoney documents no HTTP status for
// errors: the sandbox answers them with 200 [sandbox guess], except the observed 400
// "InvalidHeaders" variant.

export const anymoneyEmulator: ProviderEmulator<Credentials> = {
  id: 'anymoney',
  name: 'AnyMoney',
  defaultCredentials: {
    merchantId: '100500',
    apiKey: 'sandbox_api_key',
    sciKey: 'sandbox_sci_key',
  },
  actions: ['pay', 'pay-partial', 'fail', 'expire', 'cancel'],
  // Invoices are paid (in part, for is_multipay), fail or expire; AnyMoney has no invoice cancel.
  // Payouts, converts and code redemptions are finished by the sandbox: `pay` is done, `fail`
  // fails (the debit comes back); a payout is also canceled (payout.cancel, or the pay page).
  // Transfers are done at once.
  actionsOf(order) {
    const tp = typeOf(order);
    if (tp === 'invoice') return ['pay', 'pay-partial', 'fail', 'expire'];
    if (tp === 'payout') return ['pay', 'fail', 'cancel'];
    if (tp === 'transfer') return [];
    return ['pay', 'fail'];
  },

  routes(app: Hono, context) {
    app.all('*', (c) => handle(c, context));
  },

  statusOf: (invoice) => STATUS[invoice.state],

  async callback(invoice, context) {
    if (!invoice.callbackUrl) return undefined;
    // The order representation (of any order type with a callback_url), signed by the SDK's own signer with the (undocumented, candidate)
    // algorithm; in the docs' example x-utc-now-ms equals the order's ftime.
    const { body, headers } = await createAnyMoney({ ...context.credentials }).webhooks.sign({
      order: orderOf(invoice),
      timestamp: invoice.finalAt ?? context.now(),
    });
    return {
      url: invoice.callbackUrl,
      headers,
      body,
      // AnyMoney wants HTTP 200 within 5 s (the delivery timeout); anything else is resent.
      isAcknowledged: ({ status }) => status === 200,
    };
  },
};
