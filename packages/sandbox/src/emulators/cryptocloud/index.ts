import { createCryptoCloud } from '@pay/cryptocloud';
import type { Hono } from 'hono';
import type { ProviderEmulator } from '../../emulator.ts';
import { refuseV2Auth } from './auth.ts';
import { refuse } from './http.ts';
import { invoiceRoutes } from './invoice-routes.ts';
import { Ledger } from './ledger.ts';
import { bareId, coinOf, invoiceObject, STATUS } from './payloads.ts';
import { reportRoutes } from './report-routes.ts';
import type { Credentials } from './types.ts';
import { v1Routes } from './v1-routes.ts';
import { walletRoutes } from './wallet-routes.ts';

// CryptoCloud v2 as its SPEC describes it: every call a POST with a JSON body and
// `Authorization: Token <API KEY>`; success is `{status: "success", result}`, errors are
// `{status: "error", result: {<field or key>: <message>}}` with a 4xx status, except a key that
// cannot be decoded (`{detail}`, 403). The legacy v1 create is emulated too (the seed doc).
// Message texts the docs do not give are marked [sandbox guess]; the README lists them.

export const cryptocloudEmulator: ProviderEmulator<Credentials> = {
  id: 'cryptocloud',
  name: 'CryptoCloud',
  defaultCredentials: {
    apiKey: 'sandbox_cryptocloud_api_key',
    shopId: 'sandbox_shop_id',
    secretKey: 'sandbox_cryptocloud_secret_key',
    withdrawalApiKey: 'sandbox_cryptocloud_withdrawal_key',
  },
  // No `fail`: CryptoCloud has no failed state. Merchants cancel through the API, not the payer.
  actions: ['pay', 'pay-partial', 'expire'],

  routes(app: Hono, context) {
    const { credentials } = context;
    // Withdrawals take the account-level withdrawal key; every other v2 call the project's key.
    app.use('/v2/*', async (c, next) => {
      const withdrawal = c.req.path.endsWith('/v2/invoice/api/out/create');
      const key = withdrawal ? credentials.withdrawalApiKey : credentials.apiKey;
      return refuseV2Auth(c, key) ?? next();
    });
    const ledger = new Ledger(context.store);
    invoiceRoutes(app, context);
    reportRoutes(app, context, ledger);
    walletRoutes(app, context, ledger);
    v1Routes(app, context);
    // Said plainly in CryptoCloud's error envelope, so nobody mistakes it for CryptoCloud's answer.
    app.all('*', (c) => {
      const path = c.req.path.replace(/^\/cryptocloud(?=\/|$)/, '') || '/';
      return refuse(c, 404, { sandbox: `not emulated by @pay/sandbox: ${c.req.method} ${path}` });
    });
  },

  statusOf: (invoice) => STATUS[invoice.state],

  async callback(invoice, context) {
    const url = context.webhookUrl();
    // CryptoCloud posts once money arrives: when paid and ([sandbox guess], undocumented) when
    // partly paid. Expired and cancelled invoices get no postback.
    if (!url || (invoice.state !== 'paid' && invoice.state !== 'partial')) return undefined;
    // Signed by the SDK's own signer: a fresh HS256 token (`{id, exp: now + 300}`) with the
    // project's secret key. The body format is a project setting: JSON (default) or form.
    const signer = createCryptoCloud({ ...context.credentials, now: context.now });
    const { body, headers } = await signer.webhooks.sign({
      invoice_id: bareId(invoice.id),
      amount_crypto: invoice.paidAmount,
      currency: coinOf(invoice),
      order_id: (invoice.fields.order_id as string | undefined) ?? null,
      invoice_info: invoiceObject(invoice, true),
      format: context.options.postbackFormat === 'form' ? 'form' : 'json',
    });
    return {
      url,
      headers,
      body,
      // [sandbox guess] any HTTP 200 acknowledges: the docs name no body; clients answer 200
      // (`webhooks.acknowledge()` adds `{"message":"Postback received"}`).
      isAcknowledged: ({ status }) => status === 200,
    };
  },
};
