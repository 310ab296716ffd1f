import { parseJsonText } from '@pay/core';
import { createPayinPayout } from '@pay/payin-payout';
import type { Hono } from 'hono';
import type { ProviderEmulator } from '../../emulator.ts';
import type { InvoiceAction } from '../../lifecycle.ts';
import { accountEndpoints } from './account-endpoints.ts';
import { callbackPayload } from './callbacks.ts';
import type { Users } from './contacts.ts';
import { Refusal, refuse, tracker } from './envelope.ts';
import { invoiceEndpoints } from './invoice-endpoints.ts';
import { fieldsOf, PROVIDER, paymentMaker } from './invoices.ts';
import { lookupEndpoints } from './lookup-endpoints.ts';
import { settingsOf } from './settings.ts';
import { shopRoutes } from './shop-api.ts';
import { shopNotification } from './shop-notifications.ts';
import { signedForm } from './signature.ts';
import { PAYMENT_IN_STATUS } from './statuses.ts';
import type { Credentials, Endpoint } from './types.ts';

// Payin-payout's developer-key API (family A) as its SPEC describes it: every call a POST of a
// form (urlencoded or multipart) carrying `user_id`, `timestamp` (Unix seconds, ±10 s) and
// `hash` (HMAC-MD5 under the developer key, by the 2020 "sorted" rule or the 2019 "legacy" one);
// every answer `{status, result | user_msg, tracker}`. Its invoice flows:
//
// - the seed's auto-debit invoice (`service-of-services/create-invoice`) and the reward
//   (`create-reward-invoice`) have no pay link: their outcome is the payer's balance being
//   debited, or not. Their sandbox pay page stands for that (Pay, or Fail for lacking funds).
// - the top-up invoice (`payment-in/create-invoice`) returns a `pay_link`: the pay page.
//
// And the merchant shop API (family B, shop-api.ts) on the same host: its payments' pay page
// stands for Payin-payout's payment page, and its notifications are signed with the shop's secret.
//
// [sandbox guess] Payin-payout documents no HTTP status for its errors: HTTP 200, as in every
// example (an unknown path 404); and no error texts but those marked [doc] below.

const DEBIT_ACTIONS: readonly InvoiceAction[] = ['pay', 'fail'];
const PAYMENT_ACTIONS: readonly InvoiceAction[] = ['pay', 'pay-partial', 'fail', 'expire'];

/** Payin-payout emulated: the developer-key API (family A) and the merchant shop API (family B). */
export const payinPayoutEmulator: ProviderEmulator<Credentials> = {
  id: PROVIDER,
  name: 'Payin-payout',
  // The docs' example ids, and keys nobody could mistake for real ones.
  defaultCredentials: {
    userId: '1111',
    developerKey: 'sandbox_payin_payout_developer_key',
    serviceId: '40',
    agentId: '8686',
    secret: 'sandbox_payin_payout_shop_secret',
  },
  actions: PAYMENT_ACTIONS,
  actionsOf: (invoice) => {
    const { flow, shop } = fieldsOf(invoice);
    // A debit, a card confirmation and a charge by token either go through or not.
    if (flow === 'auto-debit' || flow === 'reward' || flow === 'card-token') return DEBIT_ACTIONS;
    if (shop?.kind === 'recurring') return DEBIT_ACTIONS;
    return PAYMENT_ACTIONS;
  },

  routes(app: Hono, context) {
    settingsOf(context.options); // a bad option fails startSandbox, not the first request
    const newPayment = paymentMaker(context);
    const users: Users = new Map();
    /** Every developer-key endpoint: its checks and its `result`. */
    const endpoints: Record<string, Endpoint> = {
      ...invoiceEndpoints(context, newPayment),
      ...lookupEndpoints(context, users),
      ...accountEndpoints(users),
    };
    for (const [path, endpoint] of Object.entries(endpoints)) {
      app.post(`/${path}`, async (c) => {
        try {
          const { form, rule } = await signedForm(c, context);
          const base = `${new URL(c.req.url).origin}/${PROVIDER}`;
          const result = endpoint(form, { base, rule });
          return c.json({ status: true, result, tracker: tracker(context.now()) });
        } catch (error) {
          if (error instanceof Refusal) return refuse(c, context, error);
          throw error;
        }
      });
    }
    shopRoutes(app, context, newPayment);
    // Any other path or method: said plainly, in the developer-key API's envelope.
    app.all('*', (c) => {
      const path = c.req.path.replace(new RegExp(`^/${PROVIDER}/?`), '');
      return refuse(c, context, new Refusal(`not emulated by @pay/sandbox: ${path}`, 404));
    });
  },

  statusOf: (invoice) => {
    if (fieldsOf(invoice).flow === 'card-token') {
      return invoice.state === 'paid' ? 'SUCCEEDED' : 'not confirmed';
    }
    return String(PAYMENT_IN_STATUS[invoice.state]);
  },

  async callback(invoice, context) {
    const fields = fieldsOf(invoice);
    if (fields.flow === 'shop') return shopNotification(invoice, context);
    const url = context.webhookUrl();
    if (!url || !fields.notify) return undefined;
    const payload = callbackPayload(invoice, context);
    if (payload === undefined) return undefined;
    // Signed by the SDK's own signer, with the developer key and the rule the invoice was
    // created with (the docs: callbacks are signed "the same way" as requests).
    const accepted = settingsOf(context.options).hashRule;
    const { webhooks } = createPayinPayout({
      userId: context.credentials.userId,
      developerKey: context.credentials.developerKey,
      hashRule: fields.hashRule ?? (accepted === 'either' ? 'sorted' : accepted),
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
