import type { RequestOptions } from '@pay/core';
import * as v from 'valibot';
import { type DefineAnyMoneyEndpoint, defineOrderCalls } from './anymoney-request.ts';
import {
  type Calculation,
  currency,
  type DecimalFields,
  type ExternalIdParams,
  httpUrl,
  identifier,
  type Order,
} from './anymoney-schemas.ts';

// transfer.*: money to another merchant's AnyMoney balance.

function transferSchemas(decimals: DecimalFields) {
  return {
    create: v.strictObject({
      /** Amount in `out_curr`. */
      amount: decimals.amount(),
      callback_url: v.optional(httpUrl()),
      externalid: identifier(),
      in_curr: v.optional(currency()),
      out_curr: currency(),
      /** The recipient merchant's `lid`. */
      tgt: identifier(),
    }),
    calc: v.strictObject({
      amount: decimals.amount(),
      in_curr: v.optional(currency()),
      out_curr: currency(),
      /** With a recipient, its individual fees are used. */
      tgt: v.optional(identifier()),
    }),
  };
}

type Schemas = ReturnType<typeof transferSchemas>;
/** Params of `transfer.create`. */
export type TransferCreateParams = v.InferInput<Schemas['create']>;
/** Params of `transfer.calc`. */
export type TransferCalcParams = v.InferInput<Schemas['calc']>;
/** Params of `transfer.get`: your `externalid`. */
export type TransferGetParams = ExternalIdParams;

/** `transfer.*`. Every method rejects with a `PayCallError` (see `@pay/core`). */
export interface AnyMoneyTransferApi {
  /**
   * `transfer.create`: sends `amount` to the merchant `tgt`; the balance is debited at once.
   * Never retried: after a `PayNetworkError` check with `transfer.get`. Provider codes
   * `EParamAmountFormatInvalid`, `EParamAmountTooBig`, `EParamAmountTooSmall`,
   * `EParamCurrencyInvalid`, `EParamFieldInvalid`, `EParamInvalid`, `EParamUnique`,
   * `EStateInsufficientFunds`.
   */
  create(params: TransferCreateParams, options?: RequestOptions): Promise<Order>;
  /** `transfer.calc`: amounts and fees; nothing moves. A read: retried. Codes as `create`. */
  calc(params: TransferCalcParams, options?: RequestOptions): Promise<Calculation>;
  /**
   * `transfer.get`: the order by your `externalid`. A read: retried. Provider codes
   * `EParamInvalid`, `EParamNotFound`.
   */
  get(params: TransferGetParams, options?: RequestOptions): Promise<Order>;
}

/** Builds `transfer.*`. */
export function createTransferApi(
  define: DefineAnyMoneyEndpoint,
  decimals: DecimalFields,
): AnyMoneyTransferApi {
  return defineOrderCalls(define, 'transfer', transferSchemas(decimals));
}
