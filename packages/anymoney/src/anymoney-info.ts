import type { RequestOptions } from '@pay/core';
import * as v from 'valibot';
import type { DefineAnyMoneyEndpoint } from './anymoney-request.ts';
import { noParams, resultFields } from './anymoney-schemas.ts';

// Reference data (https://docs.any.money/en/info/).

const { amount, flag, optional, scalar } = resultFields;

/** `info.currencies`: currency → limits and precision. */
const currenciesSchema = v.record(
  v.string(),
  v.looseObject({
    admin_max: amount(),
    admin_min: amount(),
    is_crypto: flag(),
    /** The smallest step, e.g. `"0.01"`. */
    precision: scalar(),
  }),
);

/** One exchange direction of `info.exchanges`. */
const exchangeSchema = v.looseObject({
  fee: amount(),
  i_rate: optional(v.array(v.union([v.string(), v.number()]))),
  in_curr: optional(v.string()),
  in_max: amount(),
  in_min: amount(),
  out_curr: optional(v.string()),
  out_max: amount(),
  out_min: amount(),
  rate: optional(v.array(v.union([v.string(), v.number()]))),
  ratesource: optional(v.string()),
});

// The docs describe the directions' fields but not their container: a list or a keyed object
// are both accepted.
const exchangesSchema = v.union([v.array(exchangeSchema), v.record(v.string(), exchangeSchema)]);

/** `info.currencies` result. */
export type InfoCurrenciesResult = v.InferOutput<typeof currenciesSchema>;
/** `info.exchanges` result: a list of directions, or directions by key. */
export type InfoExchangesResult = v.InferOutput<typeof exchangesSchema>;

/**
 * The info model: reference data. Both methods take no params and are reads (retried); they
 * reject with a `PayCallError` (see `@pay/core`).
 */
export interface AnyMoneyInfoApi {
  /** `info.currencies`: every active currency with its limits and precision. Provider code `EParamNotFound`. */
  currencies(
    params?: Record<string, never>,
    options?: RequestOptions,
  ): Promise<InfoCurrenciesResult>;
  /** `info.exchanges`: the available conversion directions, rates and limits. Provider code `EParamNotFound`. */
  exchanges(params?: Record<string, never>, options?: RequestOptions): Promise<InfoExchangesResult>;
}

/** Builds `info.*`. */
export function createInfoApi(define: DefineAnyMoneyEndpoint): AnyMoneyInfoApi {
  return {
    currencies: define({
      operation: 'info.currencies',
      path: '',
      params: noParams,
      result: currenciesSchema,
      idempotent: true,
    }),
    exchanges: define({
      operation: 'info.exchanges',
      path: '',
      params: noParams,
      result: exchangesSchema,
      idempotent: true,
    }),
  };
}
