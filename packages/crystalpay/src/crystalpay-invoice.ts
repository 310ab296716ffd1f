import {
  amountInput,
  amountOutput,
  type DefineEndpoint,
  jsonNumber,
  openEnum,
  type RequestOptions,
} from '@pay/core';
import * as v from 'valibot';
import type { CrystalPayEndpointExtras } from './crystalpay-request.ts';
import {
  httpUrl,
  INVOICE_TYPES,
  invoiceTypeSchema,
  optionalAmount,
  optionalEnum,
  optionalText,
  SUBTRACT_FROM,
  subtractFromSchema,
  text,
} from './crystalpay-schemas.ts';

/** Invoice states; only `payed` (CrystalPay's spelling) means paid. `unavailable` is undocumented. */
export const INVOICE_STATES = [
  'notpayed',
  'processing',
  'wrongamount',
  'failed',
  'payed',
  'unavailable',
] as const;

/** Parameters of `invoice/create/` (the seed doc). */
const invoiceCreateParamsSchema = v.strictObject({
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

/** The `invoice/create/` response. */
const invoiceCreateResultSchema = v.looseObject({
  // Every answer carries these (the docs' example, the fixtures): required.
  id: v.string(),
  url: v.string(),
  rub_amount: amountOutput(),
  type: openEnum(INVOICE_TYPES),
  // An older version of the docs lacks these three (SPEC §7.7): `null` when left out.
  currency: optionalText(),
  amount: optionalAmount(),
  subtract_from: optionalEnum(SUBTRACT_FROM),
});

/**
 * What `invoice.create()` returns: the id and the pay URL, amounts as decimal strings. `id`,
 * `url`, `rub_amount` and `type` are always there; `currency`, `amount` and `subtract_from` are
 * `null` where CrystalPay leaves them out.
 */
export type InvoiceCreateResult = v.InferOutput<typeof invoiceCreateResultSchema>;

/**
 * The invoice object's fields besides `id`, `url` and `state`. Two published versions of the
 * `invoice/info/` page differ (the older lacks `currency`, `amount`, `subtract_from`), so every
 * one of them may be missing; timestamps are `YYYY-MM-DD HH:MM:SS` with no zone, kept as text.
 */
export const invoiceFields = {
  type: optionalEnum(INVOICE_TYPES),
  subtract_from: optionalEnum(SUBTRACT_FROM),
  method: optionalText(),
  required_method: optionalText(),
  rub_amount: optionalAmount(),
  currency: optionalText(),
  amount: optionalAmount(),
  amount_currency: optionalText(),
  initial_amount: optionalAmount(),
  remaining_amount: optionalAmount(),
  balance_amount: optionalAmount(),
  commission_amount: optionalAmount(),
  description: optionalText(),
  redirect_url: optionalText(),
  callback_url: optionalText(),
  extra: optionalText(),
  created_at: optionalText(),
  expired_at: optionalText(),
  final_at: optionalText(),
};

/** Invoice state schema (an open union: an undocumented state passes through). */
export const invoiceStateSchema = openEnum(INVOICE_STATES);

/** An invoice as `invoice/info/`, the invoice history and a confirmed callback return it. */
export const invoiceSchema = v.looseObject({
  id: v.string(),
  url: v.string(),
  state: invoiceStateSchema,
  ...invoiceFields,
  // In both published versions of `invoice/info/` (and every fixture): required, never `null`.
  type: openEnum(INVOICE_TYPES),
  rub_amount: amountOutput(),
  created_at: v.string(),
});

/**
 * An invoice, as `invoice.info()`, `report.invoice.history()` and a confirmed callback return it:
 * amounts as decimal strings, `null` for unset values, unknown fields kept.
 */
export type Invoice = v.InferOutput<typeof invoiceSchema>;
/** `state` of an invoice: one of {@link INVOICE_STATES}, or a state CrystalPay adds later. */
export type InvoiceState = Invoice['state'];

/** Parameters of `invoice/info/`. */
const invoiceInfoParamsSchema = v.strictObject({ id: text() });
/** What `invoice.info()` takes. */
export type InvoiceInfoParams = v.InferInput<typeof invoiceInfoParamsSchema>;

/**
 * The invoice methods: `invoice/create/` and `invoice/info/`. Each rejects with a
 * `PayCallError` (see `@pay/core`); an answer with `error: true` and HTTP 200 is a `PayApiError`
 * whose `details.errors` holds CrystalPay's `errors[]` verbatim.
 */
export interface CrystalPayInvoiceApi {
  /**
   * `POST /v3/invoice/create/`: creates an invoice and returns its id and pay URL. Never retried:
   * after a `PayNetworkError` the invoice may exist.
   */
  create(params: InvoiceCreateParams, options?: RequestOptions): Promise<InvoiceCreateResult>;
  /**
   * `POST /v3/invoice/info/`: an invoice's state and amounts. A read: retried. An unknown id is a
   * `PayApiError` whose `providerMessage` is `Invoice not found`.
   */
  info(params: InvoiceInfoParams, options?: RequestOptions): Promise<Invoice>;
}

/** Builds the `invoice` group of a client. */
export function createInvoiceApi(
  define: DefineEndpoint<CrystalPayEndpointExtras>,
): CrystalPayInvoiceApi {
  return {
    create: define({
      operation: 'invoice/create',
      path: 'v3/invoice/create/',
      params: invoiceCreateParamsSchema,
      result: invoiceCreateResultSchema,
      idempotent: false,
      // The docs type `amount` as a number: sent as a JSON number with the exact digits given.
      toBody: (input) => ({ ...input, amount: jsonNumber(input.amount as string) }),
    }),
    info: define({
      operation: 'invoice/info',
      path: 'v3/invoice/info/',
      params: invoiceInfoParamsSchema,
      result: invoiceSchema,
      idempotent: true,
    }),
  };
}
