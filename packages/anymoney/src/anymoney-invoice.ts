import { openEnum, type RequestOptions } from '@pay/core';
import * as v from 'valibot';
import type { DefineAnyMoneyEndpoint } from './anymoney-request.ts';
import {
  type Calculation,
  calcSchema,
  currency,
  type DecimalFields,
  type ExternalIdParams,
  email,
  externalIdSchema,
  httpUrl,
  identifier,
  lifetime,
  ORDER_STATUSES,
  orderSchema,
  text,
} from './anymoney-schemas.ts';

/** Param schemas of the invoice model (https://docs.any.money/ru/invoice/, the seed doc). */
function invoiceSchemas(decimals: DecimalFields) {
  return {
    create: v.strictObject({
      /** Invoice amount. The docs show `"1000,25"`; see the `decimalSeparator` setting. */
      amount: decimals.amount(),
      /** Where AnyMoney posts status changes (the order representation). */
      callback_url: v.optional(httpUrl()),
      /** The payer's e-mail for AnyMoney's notifications. */
      client_email: v.optional(email()),
      /** Your unique order id. */
      externalid: identifier(),
      /** Currency the payer pays in. */
      in_curr: currency(),
      /** `true`: top-ups and refunds possible, credited once the full sum arrived. Default `false`. */
      is_multipay: v.optional(v.boolean()),
      /** Lifetime: `"1d12h"`, `"3600"` (seconds) or milliseconds; 1 h..7 d. Default (AnyMoney) `7d`. */
      lifetime: v.optional(lifetime()),
      /** Share of the incoming fee the merchant pays, 0..1, two decimals at most. */
      merchant_payfee: v.optional(decimals.payfee()),
      /** Currency to credit; converted after payment if it differs from `in_curr`. */
      out_curr: v.optional(currency()),
      /** Payment system (`card`, `btc`, …); its own required fields go through `call()`. */
      payway: v.optional(text()),
      /** Where the payer goes after paying or pressing "back". */
      redirect_url: v.optional(httpUrl()),
    }),
    calc: v.strictObject({
      amount: decimals.amount(),
      in_curr: currency(),
      payway: text(),
    }),
  };
}

type Schemas = ReturnType<typeof invoiceSchemas>;
/** Params of `invoice.create`. */
export type InvoiceCreateParams = v.InferInput<Schemas['create']>;
/** Params of `invoice.calc`. */
export type InvoiceCalcParams = v.InferInput<Schemas['calc']>;
/** Params of `invoice.get`: your `externalid`. */
export type InvoiceGetParams = ExternalIdParams;

/**
 * An invoice order as `invoice.get` returns it: the order representation, with the fields every
 * answer carries required (`externalid`, `status`).
 */
const invoiceGetSchema = v.looseObject({
  ...orderSchema.entries,
  externalid: v.string(),
  status: openEnum(ORDER_STATUSES),
});

/**
 * What `invoice.create` returns: an invoice order whose `paylink` (the payment page) is always
 * there, as are `externalid` and `status` (`new`).
 */
const invoiceCreateSchema = v.looseObject({
  ...invoiceGetSchema.entries,
  paylink: v.string(),
});

/** Result of `invoice.create`: `paylink`, `externalid` and `status` are always present. */
export type InvoiceCreateResult = v.InferOutput<typeof invoiceCreateSchema>;
/** Result of `invoice.get`: `externalid` and `status` are always present. */
export type InvoiceGetResult = v.InferOutput<typeof invoiceGetSchema>;

/**
 * The invoice model: bills for payers, paid on AnyMoney's page (`paylink`). Every method rejects
 * with a `PayCallError` (see `@pay/core`).
 */
export interface AnyMoneyInvoiceApi {
  /**
   * `invoice.create`: creates an invoice order; send the payer to its `paylink`. Never retried:
   * after a `PayNetworkError` the invoice may exist, check with `invoice.get`. Provider codes
   * `EParamAmountFormatInvalid`, `EParamAmountTooBig`, `EParamAmountTooSmall`,
   * `EParamCurrencyInvalid`, `EParamFieldInvalid` (bad `callback_url`), `EParamInvalid`,
   * `EParamUnique` (externalid taken: fetch it with `invoice.get`).
   */
  create(params: InvoiceCreateParams, options?: RequestOptions): Promise<InvoiceCreateResult>;
  /**
   * `invoice.calc`: what an invoice of `amount` would credit after fees. A read: retried.
   * Provider codes `EParamAmountFormatInvalid`, `EParamAmountTooBig`, `EParamAmountTooSmall`,
   * `EParamCurrencyInvalid`, `EParamInvalid`.
   */
  calc(params: InvoiceCalcParams, options?: RequestOptions): Promise<Calculation>;
  /**
   * `invoice.get`: an invoice order by your `externalid`. A read: retried. Provider codes
   * `EParamInvalid`, `EParamNotFound`.
   */
  get(params: InvoiceGetParams, options?: RequestOptions): Promise<InvoiceGetResult>;
}

/** Builds `invoice.*`. */
export function createInvoiceApi(
  define: DefineAnyMoneyEndpoint,
  decimals: DecimalFields,
): AnyMoneyInvoiceApi {
  const schemas = invoiceSchemas(decimals);
  return {
    create: define({
      operation: 'invoice.create',
      path: '',
      params: schemas.create,
      result: invoiceCreateSchema,
      idempotent: false,
    }),
    calc: define({
      operation: 'invoice.calc',
      path: '',
      params: schemas.calc,
      result: calcSchema,
      idempotent: true,
    }),
    get: define({
      operation: 'invoice.get',
      path: '',
      params: externalIdSchema,
      result: invoiceGetSchema,
      idempotent: true,
    }),
  };
}
