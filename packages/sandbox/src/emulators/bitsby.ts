import { digestHex, timingSafeEqualText, toDecimalString } from '@pay/core';
import type { Context, Hono } from 'hono';
import type { ProviderEmulator } from '../emulator.ts';
import type { SandboxInvoice } from '../invoice-store.ts';

// Bitsby as its SPEC describes it: every call a POST with form fields (multipart/form-data as the
// docs' `curl -F` examples send; urlencoded is read too) and `Authorization: Token <API key>`;
// every answer `{"result": "success" | "error", "data": …}`; at most 1 request per second per key.
// Webhooks go to the project's WH URL, only when an invoice becomes paid, and are not signed.
//
// [sandbox guess] Bitsby documents neither the HTTP status of its errors nor their texts, except
// "Requests too frequent": errors are answered with HTTP 200 (an unknown path with 404), in texts
// of our own choosing.

type Credentials = { apiKey: string; projectId: string };

/** What the sandbox keeps of a Bitsby invoice, besides the neutral fields. */
interface BitsbyFields {
  uid: string;
  projectId: string;
  amountFiat: string;
  currencyFiat: string;
  amountFiatUSD: string;
  commissionFiatUSD: string;
  description: string | null;
  serviceData: string | null;
}

const STATUS: Record<SandboxInvoice['state'], string> = {
  created: 'unpaid',
  paid: 'paid',
  expired: 'expired',
  canceled: 'canceled',
  // Unreachable (not in `actions`): Bitsby knows neither. An underpaid invoice stays unpaid (the
  // merchant may bind the payment to it), and an invoice nobody pays ends expired.
  partial: 'unpaid',
  failed: 'expired',
};

/** The one error text Bitsby documents: more than 1 request per second on a key. */
const RATE_LIMITED = 'Requests too frequent';
const DEFAULT_MIN_INTERVAL_MS = 1000;
const CURRENCIES = ['USD', 'EUR', 'RUB'];
const TIME_TO_PAY_HOURS = ['0.5', '1', '3', '6', '12'];
const LIST_STATUSES = ['unpaid', 'canceled', 'paid', 'expired'];
/** [sandbox guess] The rate of the project's tariff: the webhook example's `commissionRate: "1"`. */
const COMMISSION_PERCENT = 1n;
/** The wallet every sandbox payment goes to: USDT on Tron, at 1 USDT = 1 USD. */
const WALLET = {
  id: '00000000-0000-4000-8000-00000000ba11',
  name: 'usdt-tron',
  blockchain: 'tron',
  cryptocurrency: 'usdt',
  address: 'T-sandbox-wallet-not-a-real-address',
};

/** Form fields as received: text only, and an empty field counts as absent. */
type Form = Record<string, string | undefined>;

const succeed = (c: Context, data: unknown) => c.json({ result: 'success', data });
const refuse = (c: Context, message: string, status: 200 | 404 = 200) =>
  c.json({ result: 'error', data: message }, status);
const required = (name: string) => `Parameter ${name} is required`;

/** UTC `YYYY-MM-DD HH:MM:SS`, as Bitsby writes datetimes. */
function datetime(ms: number | undefined): string | null {
  return ms === undefined ? null : new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** `amount` with at least `decimals` decimals (`'10'` → `'10.00'`), never rounded. */
function padDecimals(amount: string, decimals: number): string {
  const [whole = '0', fraction = ''] = amount.split('.');
  return `${whole}.${fraction.padEnd(decimals, '0')}`;
}

/** {@link COMMISSION_PERCENT} of a USD amount, rounded down to the cent, in integer arithmetic. */
function commissionOf(usd: string): string {
  const [whole = '0', fraction = ''] = usd.split('.');
  const cents = (BigInt(whole + fraction.padEnd(2, '0').slice(0, 2)) * COMMISSION_PERCENT) / 100n;
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
}

/** A canonical decimal, or undefined for anything else (zero and negatives included). */
function decimalOf(value: string | undefined): string | undefined {
  try {
    return value === undefined ? undefined : toDecimalString(value);
  } catch {
    return undefined;
  }
}

/**
 * The text fields of a form body. [sandbox guess] Other bodies (JSON, none, unreadable) carry no
 * fields: Bitsby documents only form fields.
 */
async function formOf(c: Context): Promise<Form> {
  try {
    const body = await c.req.parseBody();
    return Object.fromEntries(
      Object.entries(body).filter(([, value]) => typeof value === 'string' && value !== ''),
    ) as Form;
  } catch {
    return {};
  }
}

/** The first problem with an `invoices/create` form, in the order of the docs' table, if any. */
function createProblem(form: Form, projectId: string): string | undefined {
  for (const name of ['projectId', 'amountFiat', 'currencyFiat', 'timeToPay']) {
    if (form[name] === undefined) return required(name);
  }
  // Any other project, UUID or not, is not one of this key's.
  if (form.projectId!.toLowerCase() !== projectId.toLowerCase()) return 'Project not found';
  if (!decimalOf(form.amountFiat)) return 'Parameter amountFiat must be a positive number';
  if (!CURRENCIES.includes(form.currencyFiat!)) {
    return 'Parameter currencyFiat must be one of USD, EUR, RUB';
  }
  if (!TIME_TO_PAY_HOURS.includes(decimalOf(form.timeToPay) ?? '')) {
    return 'Parameter timeToPay must be one of 0.5, 1, 3, 6, 12';
  }
  return undefined;
}

/** The first problem with the optional filters of the list calls, if any. */
function filterProblem(form: Form): string | undefined {
  for (const name of ['startDate', 'endDate']) {
    const value = form[name];
    if (value !== undefined && !isDate(value)) return `Parameter ${name} must be a date as Y-m-d`;
  }
  for (const name of ['offset', 'limit']) {
    const value = form[name];
    if (value !== undefined && !/^\d+$/.test(value)) return `Parameter ${name} must be a number`;
  }
  return undefined;
}

/** A real calendar date as `Y-m-d` (not `2024-02-30`, which `Date` would roll over). */
function isDate(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(time) &&
    new Date(time).toISOString().startsWith(value)
  );
}

/** Items on the requested page, with Bitsby's defaults (offset 0, limit 10). */
function page<T>(items: T[], form: Form): T[] {
  const offset = Number(form.offset ?? 0);
  return items.slice(offset, offset + Number(form.limit ?? 10));
}

/** Whether a `YYYY-MM-DD …` datetime falls within the `startDate`/`endDate` filter. */
function inPeriod(at: string | null, form: Form): boolean {
  const day = at?.slice(0, 10) ?? '';
  return (!form.startDate || day >= form.startDate) && (!form.endDate || day <= form.endDate);
}

/** An invoice as `invoices/list` shows it. */
function invoiceItem(invoice: SandboxInvoice): Record<string, unknown> {
  const fields = invoice.fields as unknown as BitsbyFields;
  return {
    id: invoice.id,
    uid: fields.uid,
    projectId: fields.projectId,
    createDatetime: datetime(invoice.createdAt),
    timeToPayDatetime: datetime(invoice.expiresAt),
    commissionFiatUSD: fields.commissionFiatUSD,
    amountFiatUSD: fields.amountFiatUSD,
    amountFiat: fields.amountFiat,
    currencyFiat: fields.currencyFiat,
    description: fields.description,
    serviceData: fields.serviceData,
    // Always 0: the sandbox's pay page does not report its views, so cancelling is never refused
    // for a viewed page.
    views: 0,
    status: STATUS[invoice.state],
  };
}

/** The payment of a paid invoice, derived from it so that list calls and the webhook agree. */
function paymentOf(invoice: SandboxInvoice) {
  const hash = digestHex('sha256', `bitsby-sandbox-payment:${invoice.id}`);
  return {
    // [sandbox guess] Bitsby's payment ids are undocumented; UUIDs like its other ids.
    id: hash.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*$/, '$1-$2-$3-$4-$5'),
    // Paid in USDT at 1 USD, as many decimals as Bitsby shows crypto amounts.
    amount: padDecimals((invoice.fields as unknown as BitsbyFields).amountFiatUSD, 8),
    hash,
    transactionDatetime: datetime(invoice.finalAt),
  };
}

/** Bitsby's limit, per API key, on the time between requests as they arrive. */
function rateLimit(minIntervalMs: number): (key: string) => boolean {
  const lastServed = new Map<string, number>();
  return (key) => {
    const now = performance.now();
    const last = lastServed.get(key);
    // [sandbox guess] A refused request does not count: the next may come 1 s after the last
    // one served.
    if (last !== undefined && now - last < minIntervalMs) return false;
    lastServed.set(key, now);
    return true;
  };
}

/** `providerOptions.bitsby.minIntervalMs`, checked, or Bitsby's documented 1 s. */
function minIntervalOf(options: Record<string, unknown>): number {
  const value = options.minIntervalMs ?? DEFAULT_MIN_INTERVAL_MS;
  if (typeof value !== 'number' || !(value >= 0 && value <= 60_000)) {
    throw new RangeError('providerOptions.bitsby.minIntervalMs must be a number from 0 to 60000');
  }
  return value;
}

/** Bitsby, emulated: invoices, payments and balances, with its rate limit. */
export const bitsbyEmulator: ProviderEmulator<Credentials> = {
  id: 'bitsby',
  name: 'Bitsby',
  defaultCredentials: {
    apiKey: 'sandbox-bitsby-api-key',
    projectId: '00000000-0000-4000-8000-000000000001',
  },
  // A buyer pays or lets the invoice expire; there is no partial or failed payment, and
  // cancelling is the merchant's API call (`invoices/cancel`), not a pay-page button.
  actions: ['pay', 'expire'],

  routes(app: Hono, context) {
    const admit = rateLimit(minIntervalOf(context.options));

    app.use('*', async (c, next) => {
      const token = /^Token (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
      if (token === undefined || !timingSafeEqualText(token, context.credentials.apiKey)) {
        return refuse(c, 'Invalid token');
      }
      if (!admit(token)) return refuse(c, RATE_LIMITED);
      await next();
    });

    app.post('/invoices/create', async (c) => {
      const form = await formOf(c);
      const problem = createProblem(form, context.credentials.projectId);
      if (problem) return refuse(c, problem);

      const amount = decimalOf(form.amountFiat)!;
      const amountFiat = padDecimals(amount, 2);
      // [sandbox guess] Every currency at 1 USD: the sandbox has no exchange rates.
      const amountFiatUSD = amountFiat;
      const fields: BitsbyFields = {
        uid: context.randomId(12),
        projectId: context.credentials.projectId,
        amountFiat,
        currencyFiat: form.currencyFiat!,
        amountFiatUSD,
        commissionFiatUSD: commissionOf(amountFiatUSD),
        description: form.description ?? null,
        serviceData: form.serviceData ?? null,
      };
      const id = crypto.randomUUID();
      const now = context.now();
      const invoice = context.store.add({
        provider: 'bitsby',
        id,
        state: 'created',
        amount,
        paidAmount: '0',
        currency: fields.currencyFiat,
        createdAt: now,
        expiresAt: now + Number(decimalOf(form.timeToPay)) * 3_600_000,
        finalAt: undefined,
        // Bitsby takes no URL per invoice: webhooks go to the project's WH URL.
        callbackUrl: undefined,
        payUrl: context.payUrl('bitsby', id),
        fields: { ...fields },
        callbacks: [],
      });
      const item = invoiceItem(invoice);
      return succeed(c, {
        id,
        uid: fields.uid,
        createDatetime: item.createDatetime,
        timeToPayDatetime: item.timeToPayDatetime,
        commissionFiatUSD: fields.commissionFiatUSD,
        amountFiatUSD,
        url: invoice.payUrl,
      });
    });

    app.post('/invoices/list', async (c) => {
      const form = await formOf(c);
      if (form.status !== undefined && !LIST_STATUSES.includes(form.status)) {
        return refuse(c, 'Parameter status must be one of unpaid, canceled, paid, expired');
      }
      const problem = filterProblem(form);
      if (problem) return refuse(c, problem);
      const items = context.store
        .list('bitsby')
        .map(invoiceItem)
        .filter(
          (item) =>
            (!form.invoiceId || item.id === form.invoiceId) &&
            (!form.invoiceUid || item.uid === form.invoiceUid) &&
            (!form.projectId || item.projectId === form.projectId) &&
            (!form.status || item.status === form.status) &&
            inPeriod(item.createDatetime as string | null, form),
        )
        // [sandbox guess] Newest first.
        .reverse();
      return succeed(c, page(items, form));
    });

    app.post('/invoices/cancel', async (c) => {
      const form = await formOf(c);
      if (form.invoiceId === undefined) return refuse(c, required('invoiceId'));
      const invoice = context.store.get('bitsby', form.invoiceId);
      if (!invoice) return refuse(c, 'Invoice not found');
      // Only an unpaid invoice whose page nobody opened (which the sandbox cannot tell) cancels.
      if (invoice.state !== 'created') return refuse(c, 'Invoice cannot be canceled');
      invoice.state = 'canceled';
      invoice.finalAt = context.now();
      return succeed(c, 'Invoice canceled');
    });

    app.post('/payments/list', async (c) => {
      const form = await formOf(c);
      const problem = filterProblem(form);
      if (problem) return refuse(c, problem);
      const payments = context.store
        .list('bitsby')
        .filter((invoice) => invoice.state === 'paid')
        .map((invoice) => ({
          ...paymentOf(invoice),
          invoice: invoiceItem(invoice),
          wallet: WALLET,
        }))
        .filter(
          (payment) =>
            (!form.invoiceId || payment.invoice.id === form.invoiceId) &&
            (!form.walletId || WALLET.id === form.walletId) &&
            inPeriod(payment.transactionDatetime, form),
        )
        .reverse();
      return succeed(c, page(payments, form));
    });

    // The docs' example balances; nothing in the sandbox moves them.
    app.post('/billing/balances', (c) => succeed(c, { internal: '100.00', partner: '0.00' }));

    // [sandbox guess] Text and status of an unknown path (or a method other than POST).
    app.all('*', (c) => refuse(c, 'Method not found', 404));
  },

  statusOf: (invoice) => STATUS[invoice.state],

  callback(invoice, context) {
    const url = context.webhookUrl();
    // Bitsby sends a webhook only when an invoice becomes paid, to the project's WH URL.
    if (invoice.state !== 'paid' || !url) return undefined;
    const item = invoiceItem(invoice);
    const fields = invoice.fields as unknown as BitsbyFields;
    const payload = {
      wallet: WALLET,
      project: {
        id: fields.projectId,
        name: 'Sandbox project',
        commissionPayer: 'seller',
        commissionRate: String(COMMISSION_PERCENT),
      },
      invoice: {
        id: invoice.id,
        uid: fields.uid,
        createDatetime: item.createDatetime,
        timeToPayDatetime: item.timeToPayDatetime,
        commissionFiatUSD: fields.commissionFiatUSD,
        amountFiatUSD: fields.amountFiatUSD,
        amountFiat: fields.amountFiat,
        // The fiat value at the rate when paid: the sandbox's rates never move.
        calcAmountFiat: fields.amountFiat,
        currencyFiat: fields.currencyFiat,
        description: fields.description,
        serviceData: fields.serviceData,
        status: 'paid',
      },
      payment: paymentOf(invoice),
    };
    return {
      url,
      // Bitsby signs nothing, so there is no signer to call: the documented plain JSON.
      // [sandbox guess] Its Content-Type is not documented.
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      // Bitsby retries until it gets HTTP 200 exactly.
      isAcknowledged: ({ status }) => status === 200,
    };
  },
};
