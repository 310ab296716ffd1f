import { digestHex, timingSafeEqualText } from '@pay/core';
import { createCrystalPay, type WebhooksSignParams } from '@pay/crystalpay';
import type { Context, Hono } from 'hono';
import { subtractDecimal } from '../../decimal-math.ts';
import type { EmulatorContext, ProviderEmulator } from '../../emulator.ts';
import type { SandboxInvoice } from '../../invoice-store.ts';
import { positiveDecimal } from '../shared/amount.ts';
import { addNewInvoice } from '../shared/new-invoice.ts';
import { sqlDateTime } from '../shared/time.ts';

// CrystalPay v3 as its SPEC describes it: every call a POST with a JSON body carrying
// auth_login/auth_secret, every answer HTTP 200 with `error`/`errors` (errors included).

type Credentials = { login: string; secret: string; salt: string };

const STATUS: Record<SandboxInvoice['state'], string> = {
  created: 'notpayed',
  paid: 'payed',
  partial: 'wrongamount',
  failed: 'failed',
  // [sandbox guess] CrystalPay documents no "expired" state; `unavailable` is the closest.
  expired: 'unavailable',
  canceled: 'unavailable',
};

const ok = (c: Context, payload: Record<string, unknown>) =>
  c.json({ error: false, errors: [], ...payload });
const refuse = (c: Context, ...errors: string[]) => c.json({ error: true, errors });

/** Reads the JSON body and checks the credentials; answers the error envelope when either fails. */
async function authenticated(
  c: Context,
  credentials: Credentials,
): Promise<Record<string, unknown> | Response> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    return refuse(c, 'Invalid JSON body');
  }
  if (typeof body !== 'object' || body === null) return refuse(c, 'Invalid JSON body');
  const { auth_login: login, auth_secret: secret } = body as Record<string, unknown>;
  if (typeof login !== 'string' || typeof secret !== 'string') {
    return refuse(c, '`auth_login` field is required', '`auth_secret` field is required');
  }
  if (login !== credentials.login || !timingSafeEqualText(secret, credentials.secret)) {
    return refuse(c, 'Invalid auth credentials');
  }
  return body as Record<string, unknown>;
}

/** A CrystalPay id, invoice or payoff: `123456789_abcdefghij`. */
function crystalId(context: EmulatorContext<Credentials>): string {
  return `${Math.floor(100_000_000 + Math.random() * 899_999_999)}_${context.randomId(10)}`;
}

/** The `invoice/info/` object (newer doc version). Rates are 1:1 in the sandbox. */
function invoiceInfo(invoice: SandboxInvoice): Record<string, unknown> {
  const { fields } = invoice;
  return {
    id: invoice.id,
    url: invoice.payUrl,
    state: STATUS[invoice.state],
    type: fields.type,
    subtract_from: fields.subtract_from ?? 'amount',
    method: invoice.state === 'created' ? null : (fields.required_method ?? 'BITCOIN'),
    required_method: fields.required_method ?? null,
    currency: invoice.currency,
    amount: invoice.amount,
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

export const crystalpayEmulator: ProviderEmulator<Credentials> = {
  id: 'crystalpay',
  name: 'CrystalPay',
  defaultCredentials: { login: 'sandbox_login', secret: 'sandbox_secret', salt: 'sandbox_salt' },
  actions: ['pay', 'pay-partial', 'fail', 'expire'],

  routes(app: Hono, context) {
    app.post('/v3/invoice/create/', async (c) => {
      const body = await authenticated(c, context.credentials);
      if (body instanceof Response) return body;
      const errors: string[] = [];
      const amount = positiveDecimal(body.amount);
      if (body.amount === undefined) errors.push('`amount` field is required');
      else if (!amount || amount.startsWith('-') || amount === '0')
        errors.push('`amount` field is invalid');
      if (body.type === undefined) errors.push('`type` field is required');
      else if (body.type !== 'purchase' && body.type !== 'topup')
        errors.push('`type` field is invalid');
      if (body.lifetime === undefined) errors.push('`lifetime` field is required');
      else if (!Number.isInteger(body.lifetime) || (body.lifetime as number) < 1)
        errors.push('`lifetime` field is invalid');
      if (
        body.subtract_from !== undefined &&
        body.subtract_from !== 'amount' &&
        body.subtract_from !== 'balance'
      ) {
        errors.push('`subtract_from` field is invalid');
      }
      if (errors.length > 0 || !amount) return refuse(c, ...errors);
      const id = crystalId(context);
      const now = context.now();
      const invoice = addNewInvoice(context, 'crystalpay', {
        id,
        amount,
        currency: typeof body.currency === 'string' ? body.currency : 'RUB',
        createdAt: now,
        expiresAt: now + (body.lifetime as number) * 60_000,
        callbackUrl: typeof body.callback_url === 'string' ? body.callback_url : undefined,
        fields: body,
      });
      const info = invoiceInfo(invoice);
      return ok(c, {
        id,
        url: invoice.payUrl,
        rub_amount: info.rub_amount,
        currency: invoice.currency,
        amount,
        type: body.type,
        subtract_from: info.subtract_from,
      });
    });

    app.post('/v3/invoice/info/', async (c) => {
      const body = await authenticated(c, context.credentials);
      if (body instanceof Response) return body;
      if (typeof body.id !== 'string') return refuse(c, '`id` field is required');
      const invoice = context.store.get('crystalpay', body.id);
      return invoice ? ok(c, invoiceInfo(invoice)) : refuse(c, 'Invoice not found');
    });

    app.post('/v3/me/info/', async (c) => {
      const body = await authenticated(c, context.credentials);
      if (body instanceof Response) return body;
      return ok(c, {
        id: 1,
        name: context.credentials.login,
        status_level: 1,
        created_at: sqlDateTime(0),
      });
    });

    app.post('/v3/payoff/create/', async (c) => {
      const body = await authenticated(c, context.credentials);
      if (body instanceof Response) return body;
      const missing = ['amount', 'method', 'wallet', 'subtract_from', 'signature'].filter(
        (name) => body[name] === undefined,
      );
      if (missing.length > 0)
        return refuse(c, ...missing.map((name) => `\`${name}\` field is required`));
      // signature = sha1(amount:method:wallet:salt) over the strings as sent.
      const signed = [body.amount, body.method, body.wallet, context.credentials.salt]
        .map(String)
        .join(':');
      if (!timingSafeEqualText(String(body.signature), digestHex('sha1', signed)))
        return refuse(c, 'Invalid signature');
      const amount = positiveDecimal(body.amount) ?? String(body.amount);
      return ok(c, {
        id: crystalId(context),
        state: 'created',
        method: body.method,
        amount,
        receive_amount: amount,
        commission_amount: '0',
        wallet: body.wallet,
      });
    });

    app.all('*', (c) => refuse(c, 'Method not found'));
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
