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

// convert.*: currency exchange between the merchant's own balances.

const oneAmount = <TInput extends { in_amount?: unknown; out_amount?: unknown }>(input: TInput) =>
  (input.in_amount === undefined) !== (input.out_amount === undefined);
const oneAmountMessage = 'pass exactly one of in_amount and out_amount';

function convertSchemas(decimals: DecimalFields) {
  const amounts = {
    in_amount: v.optional(decimals.amount()),
    in_curr: currency(),
    out_amount: v.optional(decimals.amount()),
    out_curr: currency(),
  };
  return {
    create: v.pipe(
      v.strictObject({ ...amounts, callback_url: v.optional(httpUrl()), externalid: identifier() }),
      v.check(oneAmount, oneAmountMessage),
    ),
    calc: v.pipe(
      /** `validate_balance`: check the balance covers it. Default (AnyMoney) `true`. */
      v.strictObject({ ...amounts, validate_balance: v.optional(v.boolean()) }),
      v.check(oneAmount, oneAmountMessage),
    ),
  };
}

type Schemas = ReturnType<typeof convertSchemas>;
/** Params of `convert.create`: exactly one of `in_amount` / `out_amount`. */
export type ConvertCreateParams = v.InferInput<Schemas['create']>;
/** Params of `convert.calc`: exactly one of `in_amount` / `out_amount`. */
export type ConvertCalcParams = v.InferInput<Schemas['calc']>;
/** Params of `convert.get`: your `externalid`. */
export type ConvertGetParams = ExternalIdParams;

/**
 * `convert.*`: currency exchange between the merchant's balances, refused for typed merchants
 * (`EStateForbidden`). Every method rejects with a `PayCallError` (see `@pay/core`).
 */
export interface AnyMoneyConvertApi {
  /**
   * `convert.create`: creates the conversion and debits the balance at once. Never retried:
   * after a `PayNetworkError` check with `convert.get`. Provider codes
   * `EParamAmountFormatInvalid`, `EParamAmountTooBig`, `EParamAmountTooSmall`,
   * `EParamCurrencyInvalid`, `EParamFieldInvalid`, `EParamInvalid`, `EParamUnique`,
   * `EStateExchangeUnavail`, `EStateForbidden`, `EStateInsufficientFunds`.
   */
  create(params: ConvertCreateParams, options?: RequestOptions): Promise<Order>;
  /** `convert.calc`: amounts, fees and rate; nothing moves. A read: retried. Codes as `create`. */
  calc(params: ConvertCalcParams, options?: RequestOptions): Promise<Calculation>;
  /**
   * `convert.get`: the order by your `externalid`. A read: retried. Provider codes
   * `EParamInvalid`, `EParamNotFound`, `EStateForbidden`.
   */
  get(params: ConvertGetParams, options?: RequestOptions): Promise<Order>;
}

/** Builds `convert.*`. */
export function createConvertApi(
  define: DefineAnyMoneyEndpoint,
  decimals: DecimalFields,
): AnyMoneyConvertApi {
  return defineOrderCalls(define, 'convert', convertSchemas(decimals));
}
