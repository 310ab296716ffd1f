import { createCrystalPay, type WebhooksSignParams } from '@pay/crystalpay';
import type { Hono } from 'hono';
import type { ProviderEmulator } from '../../emulator.ts';
import { invoiceInfo, invoiceRoutes, STATUS } from './invoice.ts';
import { Ledger } from './ledger.ts';
import { moneyRoutes } from './money.ts';
import { referenceRoutes } from './reference.ts';
import { reportRoutes } from './reports.ts';
import { type Credentials, refuse } from './request.ts';

// CrystalPay v3: every method of `@pay/crystalpay`'s client, on one cash register per sandbox
// (its balances, method settings, payoffs, swaps and transfers live as long as the sandbox).

export const crystalpayEmulator: ProviderEmulator<Credentials> = {
  id: 'crystalpay',
  name: 'CrystalPay',
  defaultCredentials: { login: 'sandbox_login', secret: 'sandbox_secret', salt: 'sandbox_salt' },
  actions: ['pay', 'pay-partial', 'fail', 'expire'],

  routes(app: Hono, context) {
    const scope = { context, ledger: new Ledger(context.store, context.options.balances) };
    invoiceRoutes(app, scope);
    referenceRoutes(app, scope);
    moneyRoutes(app, scope);
    reportRoutes(app, scope);
    // Every CrystalPay call is a POST: the path alone names it; another verb is named too.
    app.all('*', (c) => {
      const path = c.req.path.replace(/^\/crystalpay/, '');
      const what = c.req.method === 'POST' ? path : `${c.req.method} ${path}`;
      return refuse(c, `not emulated by @pay/sandbox: ${what}`);
    });
  },

  statusOf: (invoice) => STATUS[invoice.state],

  async callback(invoice, context) {
    if (!invoice.callbackUrl) return undefined;
    // Signed by the SDK's own signer (signature = sha1(id:salt)), as CrystalPay signs it.
    const { body, headers } = await createCrystalPay({ ...context.credentials }).webhooks.sign(
      invoiceInfo(invoice) as WebhooksSignParams,
    );
    return {
      url: invoice.callbackUrl,
      headers,
      body,
      // CrystalPay counts 200 and 429 (a request to retry later) as delivered.
      isAcknowledged: ({ status }) => status === 200 || status === 429,
    };
  },
};
