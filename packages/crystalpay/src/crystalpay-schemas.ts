import { amountInput, amountOutput } from '@pay/core';
import * as v from 'valibot';

// Inputs are strict (an unknown or misspelt field is an error before anything is sent);
// results are lenient (unknown fields pass through, optional fields may be missing or null).

/** A text field that must not be empty when given. */
const text = () => v.pipe(v.string(), v.nonEmpty('must not be empty'));
/** An absolute http(s) URL. */
const httpUrl = () =>
  v.pipe(
    v.string(),
    v.check(
      (value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol),
      'must be an absolute http(s) URL',
    ),
  );
/** A string the provider may send as `null` (unset) or leave out. */
const optionalText = () => v.optional(v.nullable(v.string()), null);
/** An amount the provider may send as `null` (unset) or leave out. */
const optionalAmount = () => v.optional(v.nullable(amountOutput()), null);

/** Invoice type: `purchase` (a payment for goods) or `topup` (a balance top-up). */
export const invoiceTypeSchema = v.picklist(['purchase', 'topup']);
/** Where the commission is taken from: the invoice `amount` (default) or the merchant `balance`. */
export const subtractFromSchema = v.picklist(['amount', 'balance']);

/** Parameters of `invoice/create/` (the seed doc). */
export const invoiceCreateParamsSchema = v.strictObject({
  /** Invoice amount in `currency`. Sent as the exact decimal you pass. */
  amount: amountInput(),
  type: invoiceTypeSchema,
  /** Lifetime in minutes (v2 allowed at most 4320; v3's limit is not documented). */
  lifetime: v.pipe(v.number(), v.integer('must be a whole number of minutes'), v.minValue(1)),
  /** Invoice currency. Default on CrystalPay's side: `RUB`. (v2 called it `amount_currency`.) */
  currency: v.optional(text()),
  subtract_from: v.optional(subtractFromSchema),
  /** Pre-selected method (e.g. `BITCOIN`); the payer cannot pick another. */
  required_method: v.optional(text()),
  /**
   * Payer information such as an e-mail. The docs type it as an array; every known client sends
   * a plain string. Sent exactly as given (unconfirmed; see the README).
   */
  payer_details: v.optional(
    v.union([v.string(), v.array(v.string()), v.record(v.string(), v.string())]),
  ),
  description: v.optional(v.string()),
  /** Any data of yours, e.g. your order id; echoed in `invoice/info/` and callbacks. */
  extra: v.optional(v.string()),
  redirect_url: v.optional(httpUrl()),
  callback_url: v.optional(httpUrl()),
});

/** What `invoice.create()` takes. */
export type InvoiceCreateParams = v.InferInput<typeof invoiceCreateParamsSchema>;

/**
 * Drops CrystalPay's `error` / `errors` envelope fields from a successful body. The declared
 * type stays the input's: `Omit` over a loose object's index signature would turn every known
 * field into `unknown`.
 */
function withoutEnvelope<T extends Record<string, unknown>>(body: T): T {
  const { error: _error, errors: _errors, ...payload } = body;
  return payload as T;
}

/** The `invoice/create/` response. */
export const invoiceCreateResultSchema = v.pipe(
  v.looseObject({
    id: v.string(),
    url: v.string(),
    rub_amount: optionalAmount(),
    currency: optionalText(),
    amount: optionalAmount(),
    type: optionalText(),
    subtract_from: optionalText(),
  }),
  v.transform(withoutEnvelope),
);

/** What `invoice.create()` returns: the id and the pay URL, amounts as decimal strings. */
export type InvoiceCreateResult = v.InferOutput<typeof invoiceCreateResultSchema>;
