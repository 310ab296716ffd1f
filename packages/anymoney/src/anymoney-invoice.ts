import type { RequestOptions } from '@pay/core';
import * as v from 'valibot';
import {
  currency,
  type DecimalFields,
  type ExternalIdParams,
  email,
  externalIdSchema,
  httpUrl,
  identifier,
  lifetime,
  text,
} from './anymoney-fields.ts';
import {
  type AnyMoneyCalculation,
  type AnyMoneyOrder,
  calcSchema,
  orderSchema,
} from './anymoney-results.ts';
import type { Rpc } from './anymoney-rpc.ts';

/** Param schemas of the invoice model (seed doc `invoice.md`) and `status`. */
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

/** The invoice model: bills for payers, paid on AnyMoney's page (`paylink`). */
export interface InvoiceMethods {
  /**
   * `invoice.create`: creates an invoice order; send the payer to its `paylink`.
   * Never retried automatically.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError AnyMoney said no: `EParamAmountFormatInvalid`, `EParamAmountTooBig`,
   *   `EParamAmountTooSmall`, `EParamCurrencyInvalid`, `EParamFieldInvalid` (bad `callback_url`),
   *   `EParamInvalid`, `EParamUnique` (externalid taken: fetch it with `invoice.get`)
   * @throws PayNetworkError no response: the invoice may exist, check with `invoice.get`
   * @throws PayResponseError a response that is not the documented JSON-RPC envelope
   */
  create(params: InvoiceCreateParams, options?: RequestOptions): Promise<AnyMoneyOrder>;
  /**
   * `invoice.calc`: what an invoice of `amount` would credit after fees. Retried on 429/5xx.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError `EParamAmountFormatInvalid`, `EParamAmountTooBig`, `EParamAmountTooSmall`,
   *   `EParamCurrencyInvalid`, `EParamInvalid`
   * @throws PayNetworkError no response after the retries
   * @throws PayResponseError a response that is not the documented JSON-RPC envelope
   */
  calc(params: InvoiceCalcParams, options?: RequestOptions): Promise<AnyMoneyCalculation>;
  /**
   * `invoice.get`: an invoice order by your `externalid`. Retried on 429/5xx.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError `EParamInvalid`, `EParamNotFound`
   * @throws PayNetworkError no response after the retries
   * @throws PayResponseError a response that is not the documented JSON-RPC envelope
   */
  get(params: ExternalIdParams, options?: RequestOptions): Promise<AnyMoneyOrder>;
}

/** Builds the invoice methods and `status` on a client's RPC sender. */
export function createInvoiceMethods(rpc: Rpc): {
  invoice: InvoiceMethods;
  status: (params: ExternalIdParams, options?: RequestOptions) => Promise<AnyMoneyOrder>;
} {
  const schemas = invoiceSchemas(rpc.decimals);
  return {
    invoice: {
      create: rpc.method('invoice.create', schemas.create, orderSchema),
      calc: rpc.method('invoice.calc', schemas.calc, calcSchema, { idempotent: true }),
      get: rpc.method('invoice.get', externalIdSchema, orderSchema, { idempotent: true }),
    },
    status: rpc.method('status', externalIdSchema, orderSchema, { idempotent: true }),
  };
}
