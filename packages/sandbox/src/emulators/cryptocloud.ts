import { jsonNumber, timingSafeEqualText, toDecimalString } from '@pay/core';
import { createCryptoCloud } from '@pay/cryptocloud';
import type { Context, Hono } from 'hono';
import { addDecimal, subtractDecimal } from '../decimal-math.ts';
import type { ProviderEmulator } from '../emulator.ts';
import type { SandboxInvoice } from '../invoice-store.ts';
import type { InvoiceState } from '../lifecycle.ts';

// CryptoCloud v2 as its SPEC describes it: every call a POST with a JSON body and
// `Authorization: Token <API KEY>`; success is `{status: "success", result}`, errors are
// `{status: "error", result: {<field or key>: <message>}}` with a 4xx status, except a key that
// cannot be decoded (`{detail}`, 403). The legacy v1 create is emulated too (the seed doc).
// Message texts the docs do not give are marked [sandbox guess]; the README lists them.

type Credentials = { apiKey: string; shopId: string; secretKey: string };

/** Neutral state → CryptoCloud status (documented: created, paid, partial, overpaid, canceled). */
const STATUS: Record<InvoiceState, string> = {
  created: 'created',
  paid: 'paid',
  partial: 'partial',
  // [sandbox guess] CryptoCloud documents no `expired` (nor `failed`): an unpaid invoice past
  // its `expiry_date` is shown as `canceled`, the only documented final state that fits.
  expired: 'canceled',
  failed: 'canceled',
  canceled: 'canceled',
};

/** Fiat currencies `invoice/create` takes (SPEC §3.1); v1 documents fewer. */
const FIAT = new Set(
  'USD UZS KGS KZT AMD AZN BYN AUD TRY AED CAD CNY HKD IDR INR JPY PHP SGD THB VND MYR RUB UAH EUR GBP'.split(
    ' ',
  ),
);
const V1_FIAT = new Set(['USD', 'RUB', 'EUR', 'GBP', 'UAH']);

/** The coin an invoice is paid in unless `add_fields.cryptocurrency` picks one (as in the docs' example). */
const DEFAULT_COIN = 'USDT_TRC20';
/** Invoice lifetime without `add_fields.time_to_pay`: the docs' example expires a day later. */
const DEFAULT_LIFETIME_MS = 24 * 60 * 60_000;
// [sandbox guess] texts of the per-field messages; the docs show the keys only.
const REQUIRED = 'This field is required.';

type ErrorStatus = 400 | 401 | 403 | 404;
const success = (c: Context, result: unknown, extra: Record<string, unknown> = {}) =>
  c.json({ status: 'success', result, ...extra });
const refuse = (c: Context, status: ErrorStatus, result: Record<string, string>) =>
  c.json({ status: 'error', result }, status);

/** `<API KEY>` from `Authorization: Token <API KEY>`, or undefined without that header. */
function tokenOf(c: Context): string | undefined {
  return /^Token (\S+)$/.exec(c.req.header('authorization') ?? '')?.[1];
}

/**
 * Checks v2 auth; answers as CryptoCloud does when it fails. The real API key is a JWT: a key
 * that is not one fails to decode (`Invalid header padding`), one that is fails its signature.
 * [sandbox guess] which failure gives 401 and which 403; the SPEC shows the bodies only.
 */
function refuseV2Auth(c: Context, credentials: Credentials): Response | undefined {
  const key = tokenOf(c);
  if (key === undefined) return refuse(c, 401, { authorization: 'Unauthorized request.' });
  if (timingSafeEqualText(key, credentials.apiKey)) return undefined;
  const detail = isJwtShaped(key) ? 'Signature verification failed' : 'Invalid header padding';
  return c.json({ detail }, 403);
}

function isJwtShaped(key: string): boolean {
  const parts = key.split('.');
  if (parts.length !== 3 || parts.some((part) => !/^[\w-]+$/.test(part))) return false;
  try {
    const header: unknown = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8'));
    return typeof header === 'object' && header !== null;
  } catch {
    return false;
  }
}

/**
 * The JSON body as an object (`{}` when empty), or undefined when it is not one. An `amount`
 * sent as a JSON number keeps its exact digits: the sandbox never reads money through a float.
 */
async function readBody(c: Context): Promise<Record<string, unknown> | undefined> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  try {
    const body: unknown = JSON.parse(text, (key, value, context?: { source?: string }) =>
      key === 'amount' && typeof value === 'number' && /^-?\d+(\.\d+)?$/.test(context?.source ?? '')
        ? context?.source
        : value,
    );
    return typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A positive decimal string, or undefined for anything else. */
function positiveAmount(value: unknown): string | undefined {
  if (typeof value !== 'number' && typeof value !== 'string') return undefined;
  try {
    return toDecimalString(value);
  } catch {
    return undefined;
  }
}

/** The invoice id without its `INV-` prefix: the API takes both, postbacks send it bare. */
const bareId = (id: string) => id.replace(/^INV-/i, '');

/** `YYYY-MM-DD HH:MM:SS.ffffff` (UTC, no zone), as CryptoCloud renders times. */
function cloudTime(ms: number | undefined): string | null {
  if (ms === undefined) return null;
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}000`;
}

/** Midnight UTC of a `dd.mm.yyyy` day, or undefined when it is not a calendar day. */
function dayStart(value: unknown): number | undefined {
  const match = typeof value === 'string' ? /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value) : null;
  if (!match) return undefined;
  const [day, month, year] = match.slice(1).map(Number) as [number, number, number];
  const ms = Date.UTC(year, month - 1, day);
  return new Date(ms).getUTCDate() === day && new Date(ms).getUTCMonth() === month - 1
    ? ms
    : undefined;
}

/**
 * Invoices created from the day `start` through the day `end`, or the 400 answer naming every
 * bad field (`errors` may already hold the caller's own).
 */
function invoicesBetween(
  c: Context,
  body: Record<string, unknown>,
  invoices: SandboxInvoice[],
  errors: Record<string, string> = {},
): SandboxInvoice[] | Response {
  const from = dayStart(body.start);
  const to = dayStart(body.end);
  for (const [name, day] of [
    ['start', from],
    ['end', to],
  ] as const) {
    if (body[name] === undefined) errors[name] = REQUIRED;
    else if (day === undefined) errors[name] = 'Date has wrong format. Use dd.mm.yyyy.'; // [sandbox guess]
  }
  if (from === undefined || to === undefined || Object.keys(errors).length > 0)
    return refuse(c, 400, errors);
  return invoices.filter(
    (invoice) => invoice.createdAt >= from && invoice.createdAt < to + 86_400_000,
  );
}

/** CryptoCloud's currency object for a coin code such as `USDT_TRC20` or `BTC`. */
function currencyObject(fullcode: string): Record<string, unknown> {
  const [code = fullcode, network = code] = fullcode.split('_');
  return {
    code,
    fullcode,
    name: code,
    network: { code: network, fullname: network },
    is_email_required: false,
    stablecoin: /^(USDT|USDC|DAI|USDD|PYUSD|TUSD)$/.test(code),
  };
}

/** The coin the invoice is paid in, settled at creation (see `createInvoice`). */
const coinOf = (invoice: SandboxInvoice) =>
  (invoice.fields.cryptocurrency as string | undefined) ?? DEFAULT_COIN;

/**
 * The invoice object: `invoice/create` answers the base fields; info, list and postbacks add
 * what was received (`withPayment`). Rates are 1:1 and fees 0 in the sandbox; amounts are JSON
 * numbers, as CryptoCloud sends them, with exactly the invoice's digits.
 */
function invoiceObject(invoice: SandboxInvoice, withPayment: boolean): Record<string, unknown> {
  const amount = jsonNumber(invoice.amount);
  const zero = jsonNumber('0');
  const addFields = invoice.fields.add_fields as { cryptocurrency?: unknown } | undefined;
  const chosen = invoice.state !== 'created' || addFields?.cryptocurrency !== undefined;
  const base = {
    uuid: invoice.id,
    created: cloudTime(invoice.createdAt),
    // A fake deposit address once a coin is chosen (at creation or by paying).
    address: chosen ? `sandbox-${coinOf(invoice).toLowerCase()}-address-${bareId(invoice.id)}` : '',
    expiry_date: cloudTime(invoice.expiresAt),
    side_commission: 'client',
    side_commission_cc: 'client',
    amount,
    amount_usd: amount,
    amount_in_fiat: amount,
    fee: zero,
    fee_usd: zero,
    service_fee: zero,
    service_fee_usd: zero,
    type_payments: 'crypto',
    fiat_currency: invoice.currency,
    status: STATUS[invoice.state],
    is_email_required: false,
    link: invoice.payUrl,
    invoice_id: null,
    currency: currencyObject(coinOf(invoice)),
    project: { id: 1, name: 'Sandbox project', fail: null, success: null, logo: null },
    test_mode: true,
  };
  if (!withPayment) return base;
  const received = jsonNumber(invoice.paidAmount);
  const due = jsonNumber(subtractDecimal(invoice.amount, invoice.paidAmount));
  return {
    ...base,
    received,
    received_usd: received,
    to_surcharge: due,
    to_surcharge_usd: due,
    order_id: invoice.fields.order_id ?? null,
  };
}

export const cryptocloudEmulator: ProviderEmulator<Credentials> = {
  id: 'cryptocloud',
  name: 'CryptoCloud',
  defaultCredentials: {
    apiKey: 'sandbox_cryptocloud_api_key',
    shopId: 'sandbox_shop_id',
    secretKey: 'sandbox_cryptocloud_secret_key',
  },
  // No `fail`: CryptoCloud has no failed state. Merchants cancel through the API, not the payer.
  actions: ['pay', 'pay-partial', 'expire'],

  routes(app: Hono, context) {
    const { credentials, store } = context;
    const find = (uuid: string) => store.get('cryptocloud', `INV-${bareId(uuid)}`);

    /** Stores a new invoice; `fields` are the request's, plus the coin (`cryptocurrency`). */
    function createInvoice(amount: string, currency: string, fields: Record<string, unknown>) {
      const id = `INV-${context.randomId(8).toUpperCase()}`;
      const now = context.now();
      const { hours, minutes } = (fields.add_fields as { time_to_pay?: Record<string, unknown> })
        ?.time_to_pay ?? { hours: undefined, minutes: undefined };
      const lifetime = (Number(hours) || 0) * 3_600_000 + (Number(minutes) || 0) * 60_000;
      return store.add({
        provider: 'cryptocloud',
        id,
        state: 'created',
        amount,
        paidAmount: '0',
        currency,
        createdAt: now,
        expiresAt: now + (lifetime > 0 ? lifetime : DEFAULT_LIFETIME_MS),
        finalAt: undefined,
        // Postbacks go to the project's URL (context.webhookUrl()), never to one per invoice.
        callbackUrl: undefined,
        payUrl: context.payUrl('cryptocloud', id),
        fields,
        callbacks: [],
      });
    }

    app.use('/v2/*', async (c, next) => refuseV2Auth(c, credentials) ?? next());

    app.post('/v2/invoice/create', async (c) => {
      const body = await readBody(c);
      if (!body) return refuse(c, 400, { validate_error: 'Invalid JSON body' }); // [sandbox guess]
      const errors: Record<string, string> = {};
      if (body.shop_id === undefined) errors.shop_id = REQUIRED;
      else if (body.shop_id !== credentials.shopId) errors.shop_id = 'Shop not found.'; // [sandbox guess]
      const amount = positiveAmount(body.amount);
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
      const invoice = createInvoice(amount, currency as string, { ...body, cryptocurrency });
      return success(c, invoiceObject(invoice, false));
    });

    app.post('/v2/invoice/merchant/info', async (c) => {
      const uuids = (await readBody(c))?.uuids;
      if (!Array.isArray(uuids) || uuids.length === 0)
        return refuse(c, 400, { validate_error: 'uuid is required' });
      if (uuids.length > 100) return refuse(c, 400, { validate_error: 'Max 100 uuids' });
      // [sandbox guess] unknown ids are left out of the result rather than refused.
      const found = uuids.flatMap((uuid) => (typeof uuid === 'string' ? (find(uuid) ?? []) : []));
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
      const invoice = find(uuid);
      // [sandbox guess] the text for an unknown invoice.
      if (!invoice) return refuse(c, 400, { validate_error: 'Invoice not found' });
      if (invoice.state !== 'created')
        return refuse(c, 400, { validate_error: 'Invoice is not created' });
      invoice.state = 'canceled';
      invoice.finalAt = context.now();
      return success(c, ['ok']);
    });

    app.post('/v2/invoice/merchant/statistics', async (c) => {
      const invoices = invoicesBetween(c, (await readBody(c)) ?? {}, store.list('cryptocloud'));
      if (invoices instanceof Response) return invoices;
      const keys = ['all', 'created', 'paid', 'overpaid', 'partial', 'canceled'];
      const count: Record<string, number> = Object.fromEntries(keys.map((key) => [key, 0]));
      const usd: Record<string, string> = Object.fromEntries(keys.map((key) => [key, '0']));
      for (const invoice of invoices) {
        for (const key of ['all', STATUS[invoice.state]] as const) {
          count[key] = (count[key] ?? 0) + 1;
          usd[key] = addDecimal(usd[key] ?? '0', invoice.amount);
        }
      }
      const amount = Object.fromEntries(keys.map((key) => [key, jsonNumber(usd[key] ?? '0')]));
      return success(c, { count, amount });
    });

    app.post('/v2/merchant/wallet/balance/all', (c) => {
      // What the sandbox's invoices received, per coin (rates 1:1, nothing withdrawn).
      const balances = new Map<string, string>([[DEFAULT_COIN, '0']]);
      for (const invoice of store.list('cryptocloud')) {
        const coin = coinOf(invoice);
        balances.set(coin, addDecimal(balances.get(coin) ?? '0', invoice.paidAmount));
      }
      return success(
        c,
        [...balances].map(([coin, balance]) => ({
          currency: currencyObject(coin),
          balance_crypto: jsonNumber(balance),
          balance_usd: jsonNumber(balance),
          available_balance: jsonNumber(balance),
          available_balance_usd: jsonNumber(balance),
        })),
      );
    });

    // Legacy v1 (the seed doc): no envelope; 401 `{"message":"Unauthenticated."}`, and 400 with
    // an empty body for an invoice it cannot create (the docs show no body).
    app.post('/v1/invoice/create', async (c) => {
      const key = tokenOf(c);
      if (key === undefined || !timingSafeEqualText(key, credentials.apiKey))
        return c.json({ message: 'Unauthenticated.' }, 401);
      const body = await readBody(c);
      const amount = positiveAmount(body?.amount);
      const currency = body?.currency ?? 'USD';
      if (!body || body.shop_id !== credentials.shopId || !amount || !V1_FIAT.has(String(currency)))
        return c.body(null, 400);
      // The docs' example answers `currency: "BTC"`: v1 invoices are paid in BTC here.
      const invoice = createInvoice(amount, String(currency), { ...body, cryptocurrency: 'BTC' });
      return c.json({
        status: 'success',
        pay_url: invoice.payUrl,
        currency: 'BTC',
        invoice_id: bareId(invoice.id),
      });
    });

    // [sandbox guess] CryptoCloud's answer to an unknown path (a Python API's default).
    app.all('*', (c) => c.json({ detail: 'Not Found' }, 404));
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
    const { body, headers } = await signer.webhooks.sign(
      {
        invoice_id: bareId(invoice.id),
        amount_crypto: invoice.paidAmount,
        currency: coinOf(invoice),
        order_id: (invoice.fields.order_id as string | undefined) ?? null,
        invoice_info: invoiceObject(invoice, true),
      },
      { format: context.options.postbackFormat === 'form' ? 'form' : 'json' },
    );
    return {
      url,
      headers,
      body,
      // [sandbox guess] any HTTP 200 acknowledges: the docs name no body; clients answer 200.
      isAcknowledged: ({ status }) => status === 200,
    };
  },
};
