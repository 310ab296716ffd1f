import { amountOutput, type RequestOptions } from '@pay/core';
import * as v from 'valibot';
import type { DefineAnyMoneyEndpoint } from './anymoney-request.ts';
import { currency, resultFields } from './anymoney-schemas.ts';

// The merchant's balances (https://docs.any.money/en/balance/): two root methods of the client.

const { amount } = resultFields;

const currencyFilterSchema = v.optional(v.strictObject({ curr: v.optional(currency()) }), {});
/** `balance`: `{ "<CURR>": "<amount>" }`. */
const balancesSchema = v.record(v.string(), amountOutput());
/** `total_balance` (current docs only; shape from the docs' field list). */
const totalBalanceSchema = v.looseObject({
  total_balance: amount(),
  total_hold: amount(),
  avail_balance: amount(),
  hold_amount: amount(),
  roll_amount: amount(),
});

/** Params of `balance`: one currency, or all. */
export type BalanceParams = v.InferInput<typeof currencyFilterSchema>;
/** Params of `totalBalance` (`total_balance`): one currency, or all. */
export type TotalBalanceParams = v.InferInput<typeof currencyFilterSchema>;
/** `balance` result: currency → amount. */
export type BalanceResult = v.InferOutput<typeof balancesSchema>;
/** `totalBalance` (`total_balance`) result. */
export type TotalBalanceResult = v.InferOutput<typeof totalBalanceSchema>;

/**
 * `balance` and `totalBalance`, root methods of the client. Both are reads (retried) and reject
 * with a `PayCallError` (see `@pay/core`).
 */
export interface AnyMoneyBalanceApi {
  /** `balance`: the merchant's balances, or one currency's with `curr`. Provider code `EParamCurrencyInvalid`. */
  balance(params?: BalanceParams, options?: RequestOptions): Promise<BalanceResult>;
  /**
   * `total_balance` (current docs only): totals, holds and the available balance. Provider code
   * `EParamCurrencyInvalid`.
   */
  totalBalance(params?: TotalBalanceParams, options?: RequestOptions): Promise<TotalBalanceResult>;
}

/** Builds `balance` and `totalBalance`. */
export function createBalanceApi(define: DefineAnyMoneyEndpoint): AnyMoneyBalanceApi {
  return {
    balance: define({
      operation: 'balance',
      path: '',
      params: currencyFilterSchema,
      result: balancesSchema,
      idempotent: true,
    }),
    totalBalance: define({
      operation: 'total_balance',
      path: '',
      params: currencyFilterSchema,
      result: totalBalanceSchema,
      idempotent: true,
    }),
  };
}
