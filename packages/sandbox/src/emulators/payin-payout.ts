import { isHttpUrl, parseJsonText, timingSafeEqualText, toDecimalString } from '@pay/core';
import { createPayinPayout, type HashRule, payinPayoutHash } from '@pay/payin-payout';
import type { Context, Hono } from 'hono';
import { addDecimal, subtractDecimal } from '../decimal-math.ts';
import type { EmulatorContext, ProviderEmulator } from '../emulator.ts';
import type { SandboxInvoice } from '../invoice-store.ts';
import type { InvoiceAction, InvoiceState } from '../lifecycle.ts';
import { escapeHtml } from '../pay-page.ts';

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

type Credentials = { userId: string; developerKey: string; serviceId: string };
type PayinPayoutContext = EmulatorContext<Credentials>;
/** A form as received: names in their order (the legacy hash depends on it), text values. */
type Form = Map<string, string>;

/** One side of a money movement, as the payment lookups (A7–A10) show it. */
interface Payment {
  /** Numeric id (`payment_in_id` of a top-up, `id` in the last-payments lists). */
  id: number;
  /** `000000-111111`: the owner's id, then a sequence number. */
  account_number: string;
  /** The user whose payment it is (whose balance it moves). */
  owner: string;
}

/** What the sandbox keeps of a Payin-payout invoice, besides the neutral fields. */
interface PayinPayoutFields {
  flow: 'auto-debit' | 'top-up';
  /** The fields as received, without `hash`. */
  form: Record<string, string>;
  /** The money coming in: the shop's side of an auto-debit, the payer's top-up. */
  incoming: Payment;
  /** The payer's side of an auto-debit; none for a top-up. */
  outgoing: Payment | undefined;
  /** Whether a callback follows (a top-up only with `is_sos_topup=1`). */
  notify: boolean;
}

const PROVIDER = 'payin-payout';

/** Incoming payment status codes (`payment-in` lookups, the top-up callback), per state. */
const PAYMENT_IN_STATUS: Record<InvoiceState, number> = {
  created: 0, // new
  paid: 1, // paid and credited
  partial: 14, // partially paid (credited)
  failed: 3, // error
  expired: 6, // expired
  canceled: 2, // cancelled (unreachable: Payin-payout has no cancel call)
};

/**
 * Outgoing payment `client_status` per state: the payer's side of an auto-debit, which is only
 * ever created, paid or failed (no partial debit, no expiry).
 */
const PAYMENT_OUT_STATUS: Record<InvoiceState, number> = {
  created: 0,
  paid: 1,
  failed: 3,
  partial: 0,
  expired: 2,
  canceled: 2,
};

/** `status` of the auto-debit result callback: 1 paid, 3 the payer lacks funds [doc]. */
const AUTO_DEBIT_CALLBACK_STATUS: Partial<Record<InvoiceState, number>> = { paid: 1, failed: 3 };

/**
 * ISO 4217 numeric codes a top-up takes, with their letter codes for the pay page
 * [sandbox guess: the currencies of the balance example, `999` left out].
 */
const CURRENCIES: Record<string, string> = {
  '643': 'RUB',
  '840': 'USD',
  '978': 'EUR',
  '980': 'UAH',
  '398': 'KZT',
  '826': 'GBP',
};

/** The requests' clock window, ±10 s [doc]; `providerOptions['payin-payout'].timestampWindowSeconds`. */
const DEFAULT_WINDOW_SECONDS = 10;
/** Where the sandbox's numeric payment ids start: 14 digits, like the docs' `64522147743974`. */
const FIRST_PAYMENT_ID = 64_400_000_000_000;

const AUTO_DEBIT_ACTIONS: readonly InvoiceAction[] = ['pay', 'fail'];
const TOP_UP_ACTIONS: readonly InvoiceAction[] = ['pay', 'pay-partial', 'fail', 'expire'];

/** A refusal, thrown by the checks and answered as `{status: false, user_msg, tracker}`. */
class Refusal extends Error {
  constructor(
    readonly userMessage: string,
    readonly httpStatus: 200 | 404 = 200,
  ) {
    super(userMessage);
  }
}

/** The sandbox's settings for Payin-payout, checked: which hash rule it checks, and the window. */
function settingsOf(options: Record<string, unknown>): {
  hashRule: HashRule;
  windowSeconds: number;
} {
  const hashRule = options.hashRule ?? 'sorted';
  if (hashRule !== 'sorted' && hashRule !== 'legacy') {
    throw new RangeError("providerOptions['payin-payout'].hashRule must be 'sorted' or 'legacy'");
  }
  const windowSeconds = options.timestampWindowSeconds ?? DEFAULT_WINDOW_SECONDS;
  if (typeof windowSeconds !== 'number' || !(windowSeconds >= 0)) {
    throw new RangeError(
      "providerOptions['payin-payout'].timestampWindowSeconds must be a number of seconds, 0 or more",
    );
  }
  return { hashRule, windowSeconds };
}

/** A support reference as Payin-payout writes it: PHP `uniqid('gid_', true)`, after a space. */
function tracker(now: number): string {
  const seconds = Math.floor(now / 1000)
    .toString(16)
    .padStart(8, '0');
  const micros = ((now % 1000) * 1000).toString(16).padStart(5, '0');
  const entropy = String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
  return ` gid_${seconds}${micros}.${entropy}`;
}

/** A time as Payin-payout's lookups show it (PostgreSQL `timestamptz`), in UTC. */
function pgTime(ms: number | undefined): string | null {
  if (ms === undefined) return null;
  return `${new Date(ms).toISOString().slice(0, 23).replace('T', ' ')}000+00`;
}

/**
 * The form fields of a urlencoded or multipart body, in the order received (a repeated name
 * keeps its first place and its last value, as PHP's `$_POST` does). [sandbox guess] Any other
 * body (JSON, none) carries no fields, as PHP reads none from it.
 */
async function formOf(c: Context): Promise<Form> {
  try {
    const form: Form = new Map();
    for (const [name, value] of await c.req.formData()) {
      if (typeof value === 'string') form.set(name, value);
    }
    return form;
  } catch {
    return new Map();
  }
}

/**
 * The form of a signed request, after the checks every call gets: `user_id` is the sandbox's,
 * `timestamp` within the window, `hash` the HMAC-MD5 of the other fields by the sandbox's rule.
 */
async function signedForm(c: Context, context: PayinPayoutContext): Promise<Form> {
  const { hashRule, windowSeconds } = settingsOf(context.options);
  const form = await formOf(c);
  // [sandbox guess] The texts for a wrong user and a wrong hash are not documented.
  if (form.get('user_id') !== context.credentials.userId) throw new Refusal('incorrect user_id');
  const timestamp = form.get('timestamp') ?? '';
  const skew = Math.abs(Math.floor(context.now() / 1000) - Number(timestamp));
  if (!/^\d+$/.test(timestamp) || skew > windowSeconds) {
    throw new Refusal('incorrect timestamp'); // [doc]
  }
  const hash = form.get('hash') ?? '';
  const signed = [...form].filter(([name]) => name !== 'hash');
  const expected = payinPayoutHash(signed, hashRule, context.credentials.developerKey);
  if (!timingSafeEqualText(hash.toLowerCase(), expected)) throw new Refusal('incorrect hash');
  return form;
}

// Field checks, in the order of each doc table; the first problem is answered.
// [sandbox guess] Every text below: Payin-payout documents no validation messages.

function required(form: Form, name: string): string {
  const value = form.get(name);
  if (value === undefined || value === '') throw new Refusal(`${name} cannot be blank`);
  return value;
}

function optional(form: Form, name: string): string | undefined {
  const value = form.get(name);
  return value === '' ? undefined : value;
}

/** A whole number from `min` to `max`, returned as given. */
function integer(form: Form, name: string, { min = 1, max = Number.MAX_SAFE_INTEGER } = {}) {
  const value = required(form, name);
  if (!/^\d+$/.test(value)) throw new Refusal(`${name} must be an integer`);
  if (Number(value) < min) throw new Refusal(`${name} must be no less than ${min}`);
  if (Number(value) > max) throw new Refusal(`${name} must be no greater than ${max}`);
  return value;
}

/** A positive plain decimal (`1000`, `10.1`), returned canonical. */
function amount(form: Form, name: string): string {
  try {
    return toDecimalString(required(form, name), { field: name });
  } catch (error) {
    if (error instanceof Refusal) throw error;
    throw new Refusal(`${name} must be a positive number`);
  }
}

/** Whether every contact criterion given (`email`, `phone`) names `owner`. */
function isOwnerContact(form: Form, owner: string): boolean {
  const email = optional(form, 'email');
  const phone = optional(form, 'phone');
  return (
    (email === undefined || email === contactsOf(owner).email) &&
    (phone === undefined || phone === contactsOf(owner).phone)
  );
}

/**
 * [sandbox guess] Every user id is a sandbox user, with a made-up e-mail and phone, so that the
 * lookups by contact (A7–A9) have something to find: user 6034 is `user6034@payin-payout.sandbox`
 * and `79000006034`.
 */
export function contactsOf(userId: string): { email: string; phone: string } {
  return { email: `user${userId}@payin-payout.sandbox`, phone: `7900${userId.padStart(7, '0')}` };
}

const fieldsOf = (invoice: SandboxInvoice) => invoice.fields as unknown as PayinPayoutFields;

/** Every payment of one side (incoming or outgoing), with its invoice, newest first. */
function payments(context: PayinPayoutContext, side: 'incoming' | 'outgoing') {
  return context.store
    .list(PROVIDER)
    .flatMap((invoice) => {
      const payment = fieldsOf(invoice)[side];
      return payment ? [{ payment, invoice }] : [];
    })
    .reverse();
}

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
    let sequence = 0;
    /**
     * A new payment of user `owner` (digits), with the next numeric id and account number
     * (`006034-000007`). Never an id the store holds: a top-up is known by its numeric id, an
     * auto-debit invoice by an external_id that could be any text.
     */
    const newPayment = (owner: string): Payment => {
      do sequence += 1;
      while (context.store.get(PROVIDER, String(FIRST_PAYMENT_ID + sequence)));
      const owned = String(Number(owner));
      const account_number = `${owned.padStart(6, '0')}-${String(sequence).padStart(6, '0')}`;
      return { id: FIRST_PAYMENT_ID + sequence, account_number, owner: owned };
    };
    const userId = context.credentials.userId;

    /** Every endpoint: its checks and its `result`. */
    const endpoints: Record<string, (form: Form) => unknown> = {
      // A1, the seed: an invoice debited from the payer's balance; the outcome comes by callback.
      'service-of-services/create-invoice': (form) => {
        const serviceId = integer(form, 'service_id');
        const payerId = integer(form, 'payer_id');
        const sum = amount(form, 'amount');
        const externalId = required(form, 'external_id');
        required(form, 'description');
        if (Number(serviceId) !== Number(context.credentials.serviceId)) {
          throw new Refusal('incorrect service_id'); // [sandbox guess]
        }
        // The sandbox knows an auto-debit invoice by its external_id, the merchant's only handle.
        if (context.store.get(PROVIDER, externalId)) {
          throw new Refusal(`invoice with external_id ${externalId} already exists`); // [doc]
        }
        addInvoice(context, externalId, sum, 'RUB', form, {
          flow: 'auto-debit',
          incoming: newPayment(userId),
          outgoing: newPayment(payerId),
          notify: true,
        });
        return true;
      },

      // A2: a top-up invoice with a pay link; a callback only with is_sos_topup=1.
      'payment-in/create-invoice': (form) => {
        const payerId = integer(form, 'payer_id');
        const sum = amount(form, 'summ');
        const currency = CURRENCIES[integer(form, 'currency_id', { max: 999 })];
        if (!currency) throw new Refusal('currency_id is invalid');
        required(form, 'descr');
        for (const name of ['success_url', 'fail_url']) {
          const url = optional(form, name);
          if (url !== undefined && !isHttpUrl(url)) throw new Refusal(`${name} is invalid`);
        }
        const topUp = optional(form, 'is_sos_topup');
        if (topUp !== undefined && topUp !== '0' && topUp !== '1') {
          throw new Refusal('is_sos_topup is invalid');
        }
        // The payer's own balance is topped up: the incoming payment is theirs.
        const incoming = newPayment(payerId);
        const invoice = addInvoice(context, String(incoming.id), sum, currency, form, {
          flow: 'top-up',
          incoming,
          outgoing: undefined,
          notify: topUp === '1',
        });
        return {
          pay_link: invoice.payUrl,
          payment_in_id: incoming.id,
          payment_in_inner_id: incoming.account_number,
          payment_in_inner_id_user: incoming.id - FIRST_PAYMENT_ID,
          pretty_id: incoming.account_number,
        };
      },

      // A9: one incoming payment by account number, e-mail or phone.
      'payment-in/find-payment': (form) => {
        const accountNumber = optional(form, 'account_number');
        const found = payments(context, 'incoming').filter(
          ({ payment }) =>
            (accountNumber === undefined || payment.account_number === accountNumber) &&
            isOwnerContact(form, payment.owner),
        );
        const noCriterion = ['email', 'phone', 'account_number'].every(
          (name) => optional(form, name) === undefined,
        );
        if (noCriterion || found.length === 0) {
          throw new Refusal('Payment with such parameters not found'); // [doc]
        }
        // The docs' table says "up to 10", but their example answers one object and they
        // document this refusal: the sandbox follows the example and the refusal.
        if (found.length > 1) throw new Refusal('Found more than one payment'); // [doc]
        const { payment, invoice } = found[0]!;
        return {
          account_number: payment.account_number,
          status: PAYMENT_IN_STATUS[invoice.state],
          done_time: pgTime(invoice.finalAt),
        };
      },

      // A10: the payer's side of an auto-debit, by account number.
      'payment-out/find-payment': (form) => {
        const accountNumber = required(form, 'account_number');
        const found = payments(context, 'outgoing').find(
          ({ payment }) => payment.account_number === accountNumber,
        );
        if (!found) throw new Refusal(`Payment with account number ${accountNumber} not found`);
        const status = PAYMENT_OUT_STATUS[found.invoice.state];
        return {
          account_number: accountNumber,
          client_status: status,
          // [sandbox guess] Undocumented: the same code as client_status.
          system_status: status,
          last_update_time: pgTime(found.invoice.finalAt),
        };
      },

      // A7, A8: the newest payments of the user with this e-mail or phone.
      'payment-in/get-last-payments-for-user': (form) => lastPayments(form, 'incoming'),
      'payment-out/get-last-payments-for-user': (form) => lastPayments(form, 'outgoing'),

      // A4: what paid invoices moved, by ISO numeric currency code, with 8 decimals.
      'user/api-get-balance': (form) => {
        const owner = String(Number(integer(form, 'balance_user_id')));
        const balances: Record<string, string> = { '643': '0' };
        for (const invoice of context.store.list(PROVIDER)) {
          const { incoming, outgoing, form: fields } = fieldsOf(invoice);
          const code = fields.currency_id ?? '643';
          if (incoming.owner === owner) {
            balances[code] = addDecimal(balances[code] ?? '0', invoice.paidAmount);
          }
          if (outgoing?.owner === owner) {
            balances[code] = subtractDecimal(balances[code] ?? '0', invoice.paidAmount);
          }
        }
        return Object.fromEntries(
          Object.entries(balances).map(([code, sum]) => [
            code,
            toDecimalString(sum, { scale: 8, allowZero: true, allowNegative: true }),
          ]),
        );
      },
    };

    function lastPayments(form: Form, side: 'incoming' | 'outgoing') {
      if (optional(form, 'email') === undefined && optional(form, 'phone') === undefined) {
        throw new Refusal('email or phone cannot be blank');
      }
      const limit = Number(integer(form, 'limit', { max: 1000 }));
      const table = side === 'incoming' ? PAYMENT_IN_STATUS : PAYMENT_OUT_STATUS;
      return payments(context, side)
        .filter(({ payment }) => isOwnerContact(form, payment.owner))
        .slice(0, limit)
        .map(({ payment, invoice }) => ({
          id: payment.id,
          status: table[invoice.state],
          created: pgTime(invoice.createdAt),
          last_update: pgTime(invoice.finalAt ?? invoice.createdAt),
        }));
    }

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

  callback(invoice, context) {
    const url = context.webhookUrl();
    const fields = fieldsOf(invoice);
    if (!url || !fields.notify) return undefined;
    const timestamp = Math.floor(context.now() / 1000);
    let payload: Record<string, string | number>;
    if (fields.flow === 'auto-debit') {
      const status = AUTO_DEBIT_CALLBACK_STATUS[invoice.state];
      if (status === undefined) return undefined;
      // The fields in the order of callback-handling.md's example.
      payload = {
        external_id: invoice.id,
        service_id: Number(fields.form.service_id),
        status,
        tracker: tracker(context.now()),
        payment_in_id: fields.incoming.account_number,
        payment_out_id: fields.outgoing!.account_number,
        timestamp,
      };
    } else {
      // [sandbox guess] A top-up callback when money is credited: paid (1) or partly paid (14);
      // the docs say its status is "normally 1" and show no other.
      if (invoice.state !== 'paid' && invoice.state !== 'partial') return undefined;
      payload = {
        payment_in_id: fields.incoming.id,
        payment_in_status: PAYMENT_IN_STATUS[invoice.state],
        timestamp,
        tracker: tracker(context.now()),
      };
    }
    // Signed by the SDK's own signer, with the developer key and the sandbox's hash rule
    // (the docs: callbacks are signed "the same way" as requests).
    const { webhooks } = createPayinPayout({
      userId: context.credentials.userId,
      developerKey: context.credentials.developerKey,
      hashRule: settingsOf(context.options).hashRule,
      now: context.now,
    });
    return {
      url,
      headers: { 'content-type': 'application/json' },
      body: webhooks.sign(payload),
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

/** Stores a new invoice; Payin-payout's invoices have no lifetime, so none expires by itself. */
function addInvoice(
  context: PayinPayoutContext,
  id: string,
  amount: string,
  currency: string,
  form: Form,
  fields: Omit<PayinPayoutFields, 'form'>,
): SandboxInvoice {
  const received = Object.fromEntries([...form].filter(([name]) => name !== 'hash'));
  const payinPayoutFields: PayinPayoutFields = { ...fields, form: received };
  return context.store.add({
    provider: PROVIDER,
    id,
    state: 'created',
    amount,
    paidAmount: '0',
    currency,
    createdAt: context.now(),
    expiresAt: undefined,
    finalAt: undefined,
    // Payin-payout takes no URL per invoice: callbacks go to the project's, set by its management.
    callbackUrl: undefined,
    payUrl: context.payUrl(PROVIDER, id),
    fields: { ...payinPayoutFields },
    callbacks: [],
  });
}

/**
 * The error envelope. The docs warn that without `Accept: application/json` errors "may come
 * back as non-JSON": [sandbox guess] they then come as an HTML page, with the same status.
 */
function refuse(c: Context, context: PayinPayoutContext, refusal: Refusal): Response {
  const accept = c.req.header('accept') ?? '';
  if (!/\bapplication\/json\b/i.test(accept)) {
    return c.html(
      `<!doctype html><html><body><h1>Error</h1><p>${escapeHtml(refusal.userMessage)}</p></body></html>`,
      refusal.httpStatus,
    );
  }
  return c.json(
    { status: false, user_msg: refusal.userMessage, tracker: tracker(context.now()) },
    refusal.httpStatus,
  );
}
