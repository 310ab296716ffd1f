import type { RequestOptions } from '@pay/core';
import * as v from 'valibot';
import {
  currency,
  type DecimalFields,
  type ExternalIdParams,
  externalIdSchema,
  httpUrl,
  identifier,
  text,
} from './anymoney-fields.ts';
import {
  type AnyMoneyCalculation,
  type AnyMoneyOrder,
  calcSchema,
  orderSchema,
} from './anymoney-results.ts';
import type { Rpc } from './anymoney-rpc.ts';

/** Param schemas of the payout model (docs: payout). */
function payoutSchemas(decimals: DecimalFields) {
  return {
    create: v.strictObject({
      /** Payout amount in `out_curr`. */
      amount: decimals.amount(),
      callback_url: v.optional(httpUrl()),
      externalid: identifier(),
      /** Balance to pay from. Default (AnyMoney): `out_curr`. */
      in_curr: v.optional(currency()),
      /** Current docs only; AnyMoney's default is `true`. */
      is_multipay: v.optional(v.boolean()),
      out_curr: currency(),
      payway: text(),
      /** Recipient wallet, card or crypto address (wallet, card and crypto payways). */
      payee: v.optional(text()),
      /** Cash payways: the recipient's contact (known from integrations, unconfirmed). */
      contact: v.optional(text()),
      /** Cash payways: the region (known from integrations, unconfirmed). */
      region: v.optional(text()),
    }),
    calc: v.strictObject({
      amount: decimals.amount(),
      in_curr: v.optional(currency()),
      out_curr: currency(),
      payway: text(),
    }),
  };
}

type Schemas = ReturnType<typeof payoutSchemas>;
/** Params of `payout.create`. */
export type PayoutCreateParams = v.InferInput<Schemas['create']>;
/** Params of `payout.calc`. */
export type PayoutCalcParams = v.InferInput<Schemas['calc']>;

/** The payout model: money out of the merchant balance. */
export interface PayoutMethods {
  /**
   * `payout.create`: creates a payout and debits the balance at once. Never retried.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError `EParamAmountFormatInvalid`, `EParamAmountTooBig`, `EParamAmountTooSmall`,
   *   `EParamCurrencyInvalid`, `EParamFieldInvalid`, `EParamInvalid`, `EStateInsufficientFunds`
   * @throws PayNetworkError no response: the payout may exist, check with `payout.get`
   * @throws PayResponseError a response that is not the documented JSON-RPC envelope
   */
  create(params: PayoutCreateParams, options?: RequestOptions): Promise<AnyMoneyOrder>;
  /**
   * `payout.calc`: amounts and fees of a payout, nothing debited. Retried on 429/5xx.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError `EParamAmountFormatInvalid`, `EParamAmountTooBig`, `EParamAmountTooSmall`,
   *   `EParamCurrencyInvalid`, `EParamInvalid`
   * @throws PayNetworkError no response after the retries
   * @throws PayResponseError a response that is not the documented JSON-RPC envelope
   */
  calc(params: PayoutCalcParams, options?: RequestOptions): Promise<AnyMoneyCalculation>;
  /**
   * `payout.get`: a payout order by your `externalid`. Retried on 429/5xx.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError `EParamInvalid`, `EParamNotFound`, `EParamType`
   * @throws PayNetworkError no response after the retries
   * @throws PayResponseError a response that is not the documented JSON-RPC envelope
   */
  get(params: ExternalIdParams, options?: RequestOptions): Promise<AnyMoneyOrder>;
  /**
   * `payout.cancel` (current docs only): cancels a payout by `externalid`. The param is
   * unconfirmed (SPEC §3). Never retried.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError AnyMoney refused (e.g. `EParamNotFound`, `EParamInvalid`)
   * @throws PayNetworkError no response: check the order with `payout.get`
   * @throws PayResponseError a response that is not the documented JSON-RPC envelope
   */
  cancel(params: ExternalIdParams, options?: RequestOptions): Promise<AnyMoneyOrder>;
}

/** Builds the payout methods on a client's RPC sender. */
export function createPayoutMethods(rpc: Rpc): PayoutMethods {
  const schemas = payoutSchemas(rpc.decimals);
  return {
    create: rpc.method('payout.create', schemas.create, orderSchema),
    calc: rpc.method('payout.calc', schemas.calc, calcSchema, { idempotent: true }),
    get: rpc.method('payout.get', externalIdSchema, orderSchema, { idempotent: true }),
    cancel: rpc.method('payout.cancel', externalIdSchema, orderSchema),
  };
}
