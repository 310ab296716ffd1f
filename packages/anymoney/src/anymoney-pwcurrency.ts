import type { RequestOptions } from '@pay/core';
import * as v from 'valibot';
import type { DefineAnyMoneyEndpoint } from './anymoney-request.ts';
import { currency, noParams, resultFields, text } from './anymoney-schemas.ts';

// The currencies enabled in each payway (https://docs.any.money/en/payway/).

const { flag, optional, scalar } = resultFields;

const switchSchema = v.strictObject({
  curr: currency(),
  /** `true` activates, `false` deactivates. */
  is_active: v.boolean(),
  /** `true`: outgoing payments; `false` (AnyMoney's default): incoming. */
  is_out: v.optional(v.boolean()),
  payway: text(),
});
/** `pwcurrency.list`: payway name → `in` / `out` currencies with fees and limits. */
const pwcurrencyListSchema = v.record(
  v.string(),
  v.looseObject({
    in: optional(v.unknown()),
    out: optional(v.unknown()),
    order: scalar(),
    type: optional(v.string()),
  }),
);
/** `pwcurrency.pwcma_switch`. */
const switchResultSchema = v.looseObject({
  currency: optional(v.string()),
  is_active: flag(),
  merchant_lid: scalar(),
  payway: optional(v.string()),
});

/** Params of `pwcurrency.pwcmaSwitch` (`pwcurrency.pwcma_switch`). */
export type PwcurrencyPwcmaSwitchParams = v.InferInput<typeof switchSchema>;
/** `pwcurrency.list` result. */
export type PwcurrencyListResult = v.InferOutput<typeof pwcurrencyListSchema>;
/** `pwcurrency.pwcmaSwitch` (`pwcurrency.pwcma_switch`) result. */
export type PwcurrencyPwcmaSwitchResult = v.InferOutput<typeof switchResultSchema>;

/** `pwcurrency.*`. Every method rejects with a `PayCallError` (see `@pay/core`). */
export interface AnyMoneyPwcurrencyApi {
  /**
   * `pwcurrency.list`: currencies per payway, with fees and limits. A read: retried. Provider
   * code `EStateMerchantInactive`.
   */
  list(params?: Record<string, never>, options?: RequestOptions): Promise<PwcurrencyListResult>;
  /**
   * `pwcurrency.pwcma_switch`: enables or disables a currency in a payway. Never retried: after
   * a `PayNetworkError` read the state back with `pwcurrency.list`. Provider codes
   * `EParamCurrencyInvalid`, `EStateForbidden`.
   */
  pwcmaSwitch(
    params: PwcurrencyPwcmaSwitchParams,
    options?: RequestOptions,
  ): Promise<PwcurrencyPwcmaSwitchResult>;
}

/** Builds `pwcurrency.*`. */
export function createPwcurrencyApi(define: DefineAnyMoneyEndpoint): AnyMoneyPwcurrencyApi {
  return {
    list: define({
      operation: 'pwcurrency.list',
      path: '',
      params: noParams,
      result: pwcurrencyListSchema,
      idempotent: true,
    }),
    pwcmaSwitch: define({
      operation: 'pwcurrency.pwcma_switch',
      path: '',
      params: switchSchema,
      result: switchResultSchema,
      idempotent: false,
    }),
  };
}
