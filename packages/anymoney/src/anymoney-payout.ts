import type { RequestOptions } from '@pay/core';
import * as v from 'valibot';
import { type DefineAnyMoneyEndpoint, defineOrderCalls } from './anymoney-request.ts';
import {
  type Calculation,
  currency,
  type DecimalFields,
  type ExternalIdParams,
  externalIdSchema,
  httpUrl,
  identifier,
  type Order,
  orderSchema,
  text,
} from './anymoney-schemas.ts';

/** Param schemas of the payout model (https://docs.any.money/en/payout/). */
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
/** Params of `payout.get`: your `externalid`. */
export type PayoutGetParams = ExternalIdParams;
/** Params of `payout.cancel`: your `externalid` (the docs do not name the param). */
export type PayoutCancelParams = ExternalIdParams;

/**
 * The payout model: money out of the merchant balance. Every method rejects with a
 * `PayCallError` (see `@pay/core`).
 */
export interface AnyMoneyPayoutApi {
  /**
   * `payout.create`: creates a payout and debits the balance at once. Never retried: after a
   * `PayNetworkError` the payout may exist, check with `payout.get`. Provider codes
   * `EParamAmountFormatInvalid`, `EParamAmountTooBig`, `EParamAmountTooSmall`,
   * `EParamCurrencyInvalid`, `EParamFieldInvalid`, `EParamInvalid`, `EStateInsufficientFunds`.
   */
  create(params: PayoutCreateParams, options?: RequestOptions): Promise<Order>;
  /**
   * `payout.calc`: amounts and fees of a payout, nothing debited. A read: retried. Provider codes
   * `EParamAmountFormatInvalid`, `EParamAmountTooBig`, `EParamAmountTooSmall`,
   * `EParamCurrencyInvalid`, `EParamInvalid`.
   */
  calc(params: PayoutCalcParams, options?: RequestOptions): Promise<Calculation>;
  /**
   * `payout.get`: a payout order by your `externalid`. A read: retried. Provider codes
   * `EParamInvalid`, `EParamNotFound`, `EParamType`.
   */
  get(params: PayoutGetParams, options?: RequestOptions): Promise<Order>;
  /**
   * `payout.cancel` (current docs only): cancels a payout by `externalid`, the param the SDK
   * assumes (the docs do not name it). Never retried: after a `PayNetworkError` check with
   * `payout.get`. Provider codes e.g. `EParamNotFound`, `EParamInvalid`, `EStateForbidden`.
   */
  cancel(params: PayoutCancelParams, options?: RequestOptions): Promise<Order>;
}

/** Builds `payout.*`. */
export function createPayoutApi(
  define: DefineAnyMoneyEndpoint,
  decimals: DecimalFields,
): AnyMoneyPayoutApi {
  const schemas = payoutSchemas(decimals);
  return {
    ...defineOrderCalls(define, 'payout', schemas),
    cancel: define({
      operation: 'payout.cancel',
      path: '',
      params: externalIdSchema,
      result: orderSchema,
      idempotent: false,
    }),
  };
}
