import { createAnyMoney, LIFETIME_RANGE, type RpcParams, signRequest } from '@pay/anymoney';
import {
  PayValidationError,
  parseJsonText,
  parseTimedelta,
  timingSafeEqualText,
  toDecimalString,
} from '@pay/core';
import type { Context, Hono } from 'hono';
import { addDecimal, compareDecimal } from '../decimal-math.ts';
import type { EmulatorContext, ProviderEmulator } from '../emulator.ts';
import type { SandboxInvoice } from '../invoice-store.ts';

// AnyMoney's merchant API as its SPEC describes it: JSON-RPC 2.0, every method one `POST /`,
// signed with x-merchant / x-utc-now-ms / x-signature (HMAC-SHA512 under the API key of the
// sorted param values followed by the time). Invoices are known by the merchant's `externalid`,
// so that is the sandbox id too. AnyMoney documents no HTTP status for errors: the sandbox answers
// them with 200 [sandbox guess], except the observed 400 "InvalidHeaders" variant.

type Credentials = { merchantId: string; apiKey: string; sciKey: string };
type Params = Record<string, string | boolean>;
type AnyMoneyContext = EmulatorContext<Credentials>;

const STATUS: Record<SandboxInvoice['state'], string> = {
  created: 'new',
  paid: 'done',
  // [sandbox guess] Partial payments exist for is_multipay invoices (the payer may top up); the
  // docs do not say which non-final status such an invoice shows: `wait` is the closest.
  partial: 'wait',
  failed: 'fail',
  expired: 'expired',
  canceled: 'canceled',
};

// Numbers from the docs' error table (SPEC §4). They drifted in practice (EParamInvalid was
// seen as -32002): clients must switch on the name, which is what the sandbox keeps exact.
const CODES: Record<string, number> = {
  'Parse error': -32700,
  'Invalid Request': -32600,
  'Method not found': -32601,
  InvalidInputParams: -32602,
  EAuth: -32002,
  EParamInvalid: -32003,
  InvalidHeaders: -32003, // the observed variant of a missing x-utc-now-ms
  EParamType: -32004,
  EParamSignInvalid: -32010,
  EParamHeadersInvalid: -32012,
  EParamRequestWindow: -32013,
  EParamCurrencyInvalid: -32014,
  EParamFieldInvalid: -32016,
  EParamPeriodInvalid: -32020,
  EParamPeriodTooShort: -32021,
  EParamPeriodTooLong: -32022,
  EParamAmountTooBig: -32073,
  EParamAmountTooSmall: -32074,
  EParamPaywayInvalid: -32081,
  EParamAmountFormatInvalid: -32082,
  EParamNotFound: -32090,
  EParamUnique: -32091,
};

/** An AnyMoney refusal: thrown by the checks, answered as the JSON-RPC error envelope. */
class Refusal extends Error {
  constructor(
    readonly errorName: string,
    readonly data?: Record<string, unknown>,
    readonly httpStatus: 200 | 400 | 404 = 200,
  ) {
    super(errorName);
  }
}

/**
 * The currencies the sandbox knows, with their precision and per-operation limits
 * [sandbox guess: AnyMoney publishes them per merchant through `info.currencies`].
 */
const CURRENCIES: Record<string, { precision: number; min: string; max: string }> = {
  UAH: { precision: 2, min: '1', max: '1000000' },
  USD: { precision: 2, min: '1', max: '100000' },
  EUR: { precision: 2, min: '1', max: '100000' },
  RUB: { precision: 2, min: '10', max: '5000000' },
  BTC: { precision: 8, min: '0.0001', max: '10' },
  ETH: { precision: 8, min: '0.001', max: '100' },
  USDT: { precision: 2, min: '1', max: '100000' },
};

/** Payment systems the sandbox merchant has [sandbox guess]; none needs payway-specific fields. */
const PAYWAYS = new Set(['card', 'anycash', 'btc', 'eth', 'usdt', 'perfect']);

/** [sandbox guess] AnyMoney has a request window (`EParamRequestWindow`) but not its size. */
const DEFAULT_REQUEST_WINDOW_MS = 60_000;

/** Whether decimal `a` is below `b`. */
const isBelow = (a: string, b: string) => compareDecimal(a, b) < 0;

function currencyParam(params: Params, field: string) {
  const code = params[field] as string;
  const currency = CURRENCIES[code];
  if (!currency) throw new Refusal('EParamCurrencyInvalid', { field, value: code });
  return currency;
}

/**
 * An amount as AnyMoney takes it: a decimal string within the currency's precision and limits,
 * returned canonical. The seed doc writes `"1000,25"`, so a comma is accepted too
 * [sandbox guess: every known integration sends a dot].
 */
function amountParam(params: Params, field: string, currencyField: string): string {
  const value = params[field] as string;
  const currency = currencyParam(params, currencyField);
  const format = new Refusal('EParamAmountFormatInvalid', { field, value });
  if (!/^\d+(?:[.,]\d+)?$/.test(value)) throw format;
  const amount = toDecimalString(value.replace(',', '.'), { allowZero: true });
  if ((amount.split('.')[1]?.length ?? 0) > currency.precision) throw format;
  if (isBelow(amount, currency.min)) throw new Refusal('EParamAmountTooSmall', { field, value });
  if (isBelow(currency.max, amount)) throw new Refusal('EParamAmountTooBig', { field, value });
  return amount;
}

/** An absolute http(s) URL. Unlike AnyMoney, loopback hosts are fine: test listeners live there. */
function checkUrl(params: Params, field: string): void {
  const value = params[field];
  if (value === undefined) return;
  const valid =
    URL.canParse(value as string) && /^https?:$/.test(new URL(value as string).protocol);
  if (!valid) throw new Refusal('EParamFieldInvalid', { field, value });
}

function checkPayway(params: Params): void {
  const payway = params.payway;
  if (payway !== undefined && !PAYWAYS.has(payway as string))
    throw new Refusal('EParamPaywayInvalid', { field: 'payway', value: payway });
}

/** `lifetime` in ms: a timedelta (`1d12h`, bare seconds) from 1 h to 7 d; default 7 d. */
function lifetimeParam(params: Params): number {
  const value = params.lifetime as string | undefined;
  if (value === undefined) return LIFETIME_RANGE.max;
  let lifetime: number;
  try {
    lifetime = parseTimedelta(value, 'lifetime');
  } catch (error) {
    if (!PayValidationError.isInstance(error)) throw error;
    throw new Refusal('EParamPeriodInvalid', { field: 'lifetime', value });
  }
  if (lifetime < LIFETIME_RANGE.min)
    throw new Refusal('EParamPeriodTooShort', { field: 'lifetime', value });
  if (lifetime > LIFETIME_RANGE.max)
    throw new Refusal('EParamPeriodTooLong', { field: 'lifetime', value });
  return lifetime;
}

/** A whole-number param of a list method within `[min, max]`, or its default. */
function wholeParam(params: Params, field: string, fallback: number, min: number, max: number) {
  const value = params[field] as string | undefined;
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    const reason = `Should be a whole number from ${min} to ${max}`;
    throw new Refusal('EParamInvalid', { field, value, reason });
  }
  return Number(value);
}

/** `externalid`: the merchant's order id, not empty (seed doc, `invoice.get` errors). */
function externalIdParam(params: Params): string {
  const externalid = params.externalid as string;
  if (externalid === '')
    throw new Refusal('EParamInvalid', { field: 'externalid', reason: 'Should not be empty' });
  return externalid;
}

/** The order representation of an invoice. Fees are zero and rates 1:1 in the sandbox. */
function orderOf(invoice: SandboxInvoice): Record<string, unknown> {
  const fields = invoice.fields as Params & { token: string };
  const outCurrency = (fields.out_curr as string | undefined) ?? invoice.currency;
  return {
    tp: 'invoice',
    externalid: invoice.id,
    status: STATUS[invoice.state],
    in_curr: invoice.currency,
    out_curr: outCurrency,
    orig_amount: invoice.amount,
    in_amount: invoice.amount,
    out_amount: invoice.amount,
    account_amount: invoice.amount,
    in_fee_amount: '0',
    out_fee_amount: '0',
    amount_paid: invoice.paidAmount,
    rate: outCurrency === invoice.currency ? undefined : ['1', '1'],
    is_multipay: fields.is_multipay ?? false,
    merchant_payfee: fields.merchant_payfee,
    payway_name: fields.payway,
    email: fields.client_email,
    redirect_url: fields.redirect_url,
    ctime: invoice.createdAt,
    ftime: invoice.finalAt,
    token: fields.token,
    paylink: invoice.payUrl,
  };
}

function invoiceByExternalId(params: Params, context: AnyMoneyContext): SandboxInvoice {
  const externalid = externalIdParam(params);
  const invoice = context.store.get('anymoney', externalid);
  if (!invoice) throw new Refusal('EParamNotFound', { field: 'externalid', value: externalid });
  return invoice;
}

/** One JSON-RPC method: its params (any other is refused) and what it does. */
interface Method {
  /** Every param it takes; `boolean` ones must be JSON booleans, the others strings. */
  params: Record<string, { required?: true; boolean?: true }>;
  run(params: Params, context: AnyMoneyContext): unknown;
}

const required = { required: true } as const;
const optional = {} as const;
const listParams = { count: optional, first: optional, in_curr: optional, out_curr: optional };

const METHODS: Record<string, Method> = {
  'invoice.create': {
    params: {
      amount: required,
      externalid: required,
      in_curr: required,
      callback_url: optional,
      client_email: optional,
      is_multipay: { boolean: true },
      lifetime: optional,
      merchant_payfee: optional,
      out_curr: optional,
      payway: optional,
      redirect_url: optional,
    },
    run(params, context) {
      const externalid = externalIdParam(params);
      const amount = amountParam(params, 'amount', 'in_curr');
      if (params.out_curr !== undefined) currencyParam(params, 'out_curr');
      checkUrl(params, 'callback_url');
      checkUrl(params, 'redirect_url');
      const email = params.client_email;
      if (email !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email as string))
        throw new Refusal('EParamFieldInvalid', { field: 'client_email', value: email });
      const payfee = params.merchant_payfee;
      if (
        payfee !== undefined &&
        !/^(?:0(?:[.,]\d{1,2})?|1(?:[.,]0{1,2})?)$/.test(payfee as string)
      )
        throw new Refusal('EParamFieldInvalid', { field: 'merchant_payfee', value: payfee });
      checkPayway(params);
      const lifetime = lifetimeParam(params);
      // externalid is unique per merchant across every order type; the sandbox has invoices only.
      if (context.store.get('anymoney', externalid))
        throw new Refusal('EParamUnique', { field: 'externalid', value: externalid });
      const now = context.now();
      const invoice = context.store.add({
        provider: 'anymoney',
        id: externalid,
        state: 'created',
        amount,
        paidAmount: '0',
        currency: params.in_curr as string,
        createdAt: now,
        expiresAt: now + lifetime,
        finalAt: undefined,
        callbackUrl: params.callback_url as string | undefined,
        payUrl: context.payUrl('anymoney', externalid),
        // AnyMoney ignores an out_curr equal to in_curr.
        fields: {
          ...params,
          out_curr: params.out_curr === params.in_curr ? undefined : params.out_curr,
          token: context.randomId(64),
        },
        callbacks: [],
      });
      return orderOf(invoice);
    },
  },

  'invoice.calc': {
    params: { amount: required, in_curr: required, payway: required },
    run(params) {
      checkPayway(params);
      const amount = amountParam(params, 'amount', 'in_curr');
      return {
        account_amount: amount,
        in_amount: amount,
        orig_amount: amount,
        out_amount: amount,
        rate: null,
      };
    },
  },

  'invoice.get': {
    params: { externalid: required },
    run: (params, context) => orderOf(invoiceByExternalId(params, context)),
  },

  // Any order type by externalid; the sandbox's orders are all invoices. `webhooks.verify` of
  // the SDK confirms every callback through this method.
  status: {
    params: { externalid: required },
    run: (params, context) => orderOf(invoiceByExternalId(params, context)),
  },

  'history.invoice': {
    params: { ...listParams, payway: optional },
    run(params, context) {
      const count = wholeParam(params, 'count', 20, 1, 200);
      const first = wholeParam(params, 'first', 0, 0, Number.MAX_SAFE_INTEGER);
      for (const field of ['in_curr', 'out_curr'])
        if (params[field] !== undefined) currencyParam(params, field);
      checkPayway(params);
      const orders = context.store
        .list('anymoney')
        .reverse() // newest first
        .map(orderOf)
        .filter((order) =>
          ['in_curr', 'out_curr'].every(
            (field) => params[field] === undefined || order[field] === params[field],
          ),
        )
        .filter((order) => params.payway === undefined || order.payway_name === params.payway);
      return {
        count: String(count),
        data: orders.slice(first, first + count),
        first: String(first),
        page: Math.floor(first / count) + 1,
        page_total: Math.max(1, Math.ceil(orders.length / count)),
        total: orders.length,
      };
    },
  },

  // What paid invoices credited, per currency (fees are zero in the sandbox).
  balance: {
    params: { curr: optional },
    run(params, context) {
      if (params.curr !== undefined) currencyParam(params, 'curr');
      const codes = params.curr === undefined ? Object.keys(CURRENCIES) : [params.curr as string];
      const balances = Object.fromEntries(codes.map((code) => [code, '0']));
      for (const invoice of context.store.list('anymoney')) {
        const credited = (invoice.fields.out_curr as string | undefined) ?? invoice.currency;
        if (invoice.state === 'paid' && balances[credited] !== undefined)
          balances[credited] = addDecimal(balances[credited], invoice.amount);
      }
      return balances;
    },
  },
};

/** The JSON-RPC envelope (SPEC §2): no batches, no notifications, params an object of scalars. */
async function readCall(c: Context): Promise<{ id: unknown; method: string; params: RpcParams }> {
  const parsed = parseJsonText(await c.req.text());
  if (!parsed.ok) throw new Refusal('Parse error');
  const call = parsed.value as Record<string, unknown>;
  if (typeof call !== 'object' || call === null || Array.isArray(call))
    throw new Refusal('Invalid Request', { reason: 'Batches are not supported' });
  if (call.jsonrpc !== '2.0' || typeof call.method !== 'string')
    throw new Refusal('Invalid Request', {
      reason: 'Should be {"method","params","jsonrpc":"2.0","id"}',
    });
  if (call.id === undefined || call.id === null)
    throw new Refusal('Invalid Request', { reason: 'Notifications are not processed' });
  const params = call.params ?? {};
  if (typeof params !== 'object' || params === null || Array.isArray(params))
    throw new Refusal('InvalidInputParams', { reason: 'params should be an object' });
  for (const [field, value] of Object.entries(params)) {
    if (value !== null && typeof value !== 'string' && typeof value !== 'boolean')
      throw new Refusal('InvalidInputParams', { field, reason: 'Should be a string or a boolean' });
  }
  return { id: call.id, method: call.method, params: params as RpcParams };
}

/** x-merchant, the request time within the window, and x-signature over exactly what was sent. */
function authenticate(c: Context, params: RpcParams, context: AnyMoneyContext): void {
  const { merchantId, apiKey } = context.credentials;
  const merchant = c.req.header('x-merchant');
  if (merchant === undefined)
    throw new Refusal('EParamHeadersInvalid', { field: 'x-merchant', reason: 'Not present' });
  // [sandbox guess] The docs name no error for an unknown merchant; EAuth is the generic one.
  if (merchant !== merchantId)
    throw new Refusal('EAuth', { field: 'x-merchant', reason: 'Unknown merchant' });
  const time = c.req.header('x-utc-now-ms');
  if (time === undefined)
    throw new Refusal('InvalidHeaders', { reason: 'Add x-utc-now-ms to headers' }, 400);
  if (!/^\d+$/.test(time))
    throw new Refusal('EParamHeadersInvalid', {
      field: 'x-utc-now-ms',
      reason: 'Should be Unix time in ms',
    });
  const window = Number(context.options.requestWindowMs ?? DEFAULT_REQUEST_WINDOW_MS);
  // A time in seconds (a known client's mistake) is decades off, so it fails here too.
  if (Math.abs(context.now() - Number(time)) > window)
    throw new Refusal('EParamRequestWindow', { field: 'x-utc-now-ms', value: time });
  const signature = c.req.header('x-signature');
  if (signature === undefined)
    throw new Refusal('EParamHeadersInvalid', { field: 'x-signature', reason: 'Not present' });
  if (!timingSafeEqualText(signature.toLowerCase(), signRequest(apiKey, params, time)))
    throw new Refusal('EParamSignInvalid', { reason: 'Invalid signature' });
}

/** Params as the method takes them: nothing undeclared, the right types, the required present. */
function checkParams(method: Method, params: RpcParams): Params {
  const checked: Params = {};
  for (const [field, value] of Object.entries(params)) {
    const declared = method.params[field];
    if (!declared) throw new Refusal('EParamInvalid', { field, reason: 'Should not be provided' });
    if (value === null) continue; // null asks for the default
    if (typeof value !== (declared.boolean ? 'boolean' : 'string'))
      throw new Refusal('EParamType', { field, value });
    checked[field] = value;
  }
  // [sandbox guess] The reason text; "Should not be provided" is the observed opposite.
  for (const [field, { required }] of Object.entries(method.params)) {
    if (required && checked[field] === undefined)
      throw new Refusal('EParamInvalid', { field, reason: 'Should be provided' });
  }
  return checked;
}

async function handle(c: Context, context: AnyMoneyContext): Promise<Response> {
  let id: unknown = null;
  let payload: Record<string, unknown>;
  let status: Refusal['httpStatus'] = 200;
  try {
    // The API is `POST https://api.any.money/`; under the sandbox prefix the bare mount
    // (`…/anymoney`) is the same request as `…/anymoney/`, as the bare host is for AnyMoney.
    if (c.req.method !== 'POST' || !/\/anymoney\/?$/.test(c.req.path)) {
      // [sandbox guess] AnyMoney serves nothing else at api.any.money.
      throw new Refusal('Invalid Request', { reason: 'POST a JSON-RPC call to /' }, 404);
    }
    const call = await readCall(c);
    id = call.id;
    authenticate(c, call.params, context);
    const method = METHODS[call.method];
    if (!method) throw new Refusal('Method not found');
    payload = { result: method.run(checkParams(method, call.params), context) };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const { errorName, data, httpStatus } = error;
    payload = { error: { code: CODES[errorName], message: errorName, data } };
    status = httpStatus;
  }
  c.header('x-utc-now-ms', String(context.now()));
  return c.json({ ...payload, id, jsonrpc: '2.0' }, status);
}

export const anymoneyEmulator: ProviderEmulator<Credentials> = {
  id: 'anymoney',
  name: 'AnyMoney',
  defaultCredentials: {
    merchantId: '100500',
    apiKey: 'sandbox_api_key',
    sciKey: 'sandbox_sci_key',
  },
  actions: ['pay', 'pay-partial', 'fail', 'expire'],

  routes(app: Hono, context) {
    app.all('*', (c) => handle(c, context));
  },

  statusOf: (invoice) => STATUS[invoice.state],

  callback(invoice, context) {
    if (!invoice.callbackUrl) return undefined;
    // The order representation, signed by the SDK's own signer with the (undocumented, candidate)
    // algorithm; in the docs' example x-utc-now-ms equals the order's ftime.
    const { body, headers } = createAnyMoney({ ...context.credentials }).webhooks.sign(
      orderOf(invoice),
      { timestamp: invoice.finalAt ?? context.now() },
    );
    return {
      url: invoice.callbackUrl,
      headers,
      body,
      // AnyMoney wants HTTP 200 within 5 s (the delivery timeout); anything else is resent.
      isAcknowledged: ({ status }) => status === 200,
    };
  },
};
