import type { RequestOptions } from '@pay/core';
import * as v from 'valibot';
import type { DefineAnyMoneyEndpoint } from './anymoney-request.ts';
import { noParams, resultFields, text } from './anymoney-schemas.ts';

// The payways enabled for the merchant (https://docs.any.money/en/payway/).

const { flag, optional, scalar } = resultFields;

const paywaySchema = v.strictObject({ payway: text() });
/** `payway.list`: payway name → its flags, type and per-currency fees and limits. */
const paywayListSchema = v.record(
  v.string(),
  v.looseObject({
    active_in_system: flag(),
    active_for_merchant: flag(),
    is_public: flag(),
    payin_allowed: flag(),
    /** `sci`, `crypto`, `cheque` or `cash`. */
    tp: optional(v.string()),
  }),
);
/** `payway.activate` / `payway.deactivate`. */
const paywayStateSchema = v.looseObject({
  is_active: flag(),
  m_lid: scalar(),
  payway: optional(v.string()),
});

/** Params of `payway.activate`. */
export type PaywayActivateParams = v.InferInput<typeof paywaySchema>;
/** Params of `payway.deactivate`. */
export type PaywayDeactivateParams = v.InferInput<typeof paywaySchema>;
/** `payway.list` result. */
export type PaywayListResult = v.InferOutput<typeof paywayListSchema>;
/** A payway's state for the merchant: what `payway.activate` and `payway.deactivate` return. */
export type PaywayState = v.InferOutput<typeof paywayStateSchema>;

/** `payway.*`. Every method rejects with a `PayCallError` (see `@pay/core`). */
export interface AnyMoneyPaywayApi {
  /**
   * `payway.list`: the payways available to the merchant, with fees and limits. A read: retried.
   * Provider code `EParamNotFound`.
   */
  list(params?: Record<string, never>, options?: RequestOptions): Promise<PaywayListResult>;
  /**
   * `payway.activate`: enables a public payway for the merchant. Never retried: after a
   * `PayNetworkError` read the state back with `payway.list`. Provider codes
   * `EParamMerchantInvalid`, `EParamNotFound`, `EParamPaywayInvalid`, `EStateForbidden`,
   * `EStatePaywayUnavail`.
   */
  activate(params: PaywayActivateParams, options?: RequestOptions): Promise<PaywayState>;
  /** `payway.deactivate`: disables a payway for the merchant. Never retried; codes as `activate`. */
  deactivate(params: PaywayDeactivateParams, options?: RequestOptions): Promise<PaywayState>;
}

/** Builds `payway.*`. */
export function createPaywayApi(define: DefineAnyMoneyEndpoint): AnyMoneyPaywayApi {
  return {
    list: define({
      operation: 'payway.list',
      path: '',
      params: noParams,
      result: paywayListSchema,
      idempotent: true,
    }),
    activate: define({
      operation: 'payway.activate',
      path: '',
      params: paywaySchema,
      result: paywayStateSchema,
      idempotent: false,
    }),
    deactivate: define({
      operation: 'payway.deactivate',
      path: '',
      params: paywaySchema,
      result: paywayStateSchema,
      idempotent: false,
    }),
  };
}
