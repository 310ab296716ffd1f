import { parseJsonText } from '@pay/core';
import { createPayinPayout } from '@pay/payin-payout';
import type { Hono } from 'hono';
import type { ProviderEmulator } from '../../emulator.ts';
import type { InvoiceAction } from '../../lifecycle.ts';
import { callbackPayload } from './callbacks.ts';
import { Refusal, refuse, tracker } from './envelope.ts';
import { invoiceEndpoints } from './invoice-endpoints.ts';
import { fieldsOf, PROVIDER, paymentMaker } from './invoices.ts';
import { lookupEndpoints } from './lookup-endpoints.ts';
import { settingsOf } from './settings.ts';
import { signedForm } from './signature.ts';
import { PAYMENT_IN_STATUS } from './statuses.ts';
import type { Credentials, Endpoint } from './types.ts';

// Payin-payout's developer-key API (family A) as its SPEC describes it: every call a POST of a
// form (urlencoded or multipart) carrying `user_id`, `timestamp` (Unix seconds, ±10 s) and
// `hash` (HMAC-MD5 under the developer key, by the 2020 "sorted" rule or the 2019 "legacy" one);
// every answer `{status, result | user_msg, tracker}`. Two invoice flows:
//
// - the seed's auto-debit invoice (`service-of-services/create-invoice`) has no pay link: its
//   outcome is the payer's balance being debited, or not. Its sandbox pay page stands for the
//   payer confirming the debit (Pay) or lacking the funds (Fail); find it with the control API.
// - the top-up invoice (`payment-in/create-invoice`) returns a `pay_link`: the pay page.
//
// [sandbox guess] Payin-payout documents no HTTP status for its errors: HTTP 200, as in every
// example (an unknown path 404); and no error texts but those marked [doc] below.

const AUTO_DEBIT_ACTIONS: readonly InvoiceAction[] = ['pay', 'fail'];
const TOP_UP_ACTIONS: readonly InvoiceAction[] = ['pay', 'pay-partial', 'fail', 'expire'];

/** Payin-payout's developer-key API, emulated: auto-debit and top-up invoices and their lookups. */
export const payinPayoutEmulator: ProviderEmulator<Credentials> = {
  id: PROVIDER,
  name: 'Payin-payout',
  // The seed doc's example ids, and a key nobody could mistake for a real one.
  defaultCredentials: {
    userId: '1111',
    developerKey: 'sandbox_payin_payout_developer_key',
    serviceId: '40',
  },
  actions: TOP_UP_ACTIONS,
  actionsOf: (invoice) =>
    fieldsOf(invoice).flow === 'auto-debit' ? AUTO_DEBIT_ACTIONS : TOP_UP_ACTIONS,

  routes(app: Hono, context) {
    settingsOf(context.options); // a bad option fails startSandbox, not the first request
    const newPayment = paymentMaker(context);
    /** Every endpoint: its checks and its `result`. */
    const endpoints: Record<string, Endpoint> = {
      ...invoiceEndpoints(context, newPayment),
      ...lookupEndpoints(context),
    };
    for (const [path, endpoint] of Object.entries(endpoints)) {
      app.post(`/${path}`, async (c) => {
        try {
          const result = endpoint(await signedForm(c, context));
          return c.json({ status: true, result, tracker: tracker(context.now()) });
        } catch (error) {
          if (error instanceof Refusal) return refuse(c, context, error);
          throw error;
        }
      });
    }
    // [sandbox guess] An unknown path (or a method other than POST).
    app.all('*', (c) => refuse(c, context, new Refusal('Page not found', 404)));
  },

  statusOf: (invoice) => String(PAYMENT_IN_STATUS[invoice.state]),

  async callback(invoice, context) {
    const url = context.webhookUrl();
    const fields = fieldsOf(invoice);
    if (!url || !fields.notify) return undefined;
    const payload = callbackPayload(invoice, context);
    if (payload === undefined) return undefined;
    // Signed by the SDK's own signer, with the developer key and the sandbox's hash rule
    // (the docs: callbacks are signed "the same way" as requests).
    const { webhooks } = createPayinPayout({
      userId: context.credentials.userId,
      developerKey: context.credentials.developerKey,
      hashRule: settingsOf(context.options).hashRule,
      now: context.now,
    });
    const signed = await webhooks.sign(payload);
    return {
      url,
      ...signed,
      // Acknowledged only by HTTP 200 with a JSON body holding `"result": true` [doc].
      isAcknowledged: ({ status, text }) => {
        const reply = parseJsonText(text);
        return (
          status === 200 &&
          reply.ok &&
          (reply.value as { result?: unknown } | null)?.result === true
        );
      },
    };
  },
};
