import type { RequestOptions } from '@pay/core';
import * as v from 'valibot';
import { type CrystalPayContext, endpoint } from './crystalpay-endpoint.ts';
import {
  keyedItems,
  noParams,
  optionalAmount,
  optionalText,
  result,
  text,
} from './crystalpay-schemas.ts';

/** The `ticker/list/` response: the tickers CrystalPay quotes (`BTC`, `USDT`, …). */
export const tickerListResultSchema = result({
  tickers: v.optional(v.array(v.string()), (): string[] => []),
});
/** What `ticker.list()` returns. */
export type TickerList = v.InferOutput<typeof tickerListResultSchema>;

/** Parameters of `ticker/get/`. */
export const tickerGetParamsSchema = v.strictObject({
  /** Tickers to quote, e.g. `['BTC', 'USDT']`. */
  tickers: v.pipe(v.array(text()), v.minLength(1, 'must list at least one ticker')),
  /** Currency of the prices. CrystalPay's default: `RUB`. */
  base_currency: v.optional(text()),
});
/** What `ticker.get()` takes. */
export type TickerGetParams = v.InferInput<typeof tickerGetParamsSchema>;

/** The `ticker/get/` response: a price per ticker in `base_currency`. */
export const tickerGetResultSchema = result({
  base_currency: optionalText(),
  currencies: keyedItems(v.looseObject({ price: optionalAmount() })),
});
/** What `ticker.get()` returns. */
export type TickerGet = v.InferOutput<typeof tickerGetResultSchema>;

/** The exchange-rate methods: `ticker/list/` and `ticker/get/`. */
export interface CrystalPayTickerApi {
  /**
   * `POST /v3/ticker/list/`: the tickers CrystalPay quotes. A read: retried on 429, 5xx and
   * network failures.
   * @throws PayValidationError params other than nothing or `{}`, before any request
   * @throws PayApiError CrystalPay said no (`error: true`, HTTP 200), or a non-2xx status
   * @throws PayNetworkError no response after the retries
   * @throws PayResponseError a response that is not the documented JSON
   */
  list(params?: Record<string, never>, options?: RequestOptions): Promise<TickerList>;
  /**
   * `POST /v3/ticker/get/`: prices of some tickers in `base_currency`. A read.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError CrystalPay said no, e.g. an unknown ticker
   * @throws PayNetworkError no response after the retries
   * @throws PayResponseError a response that is not the documented JSON
   */
  get(params: TickerGetParams, options?: RequestOptions): Promise<TickerGet>;
}

/** Builds the `ticker` group of a client. */
export function createTickerApi(context: CrystalPayContext): CrystalPayTickerApi {
  return {
    list: endpoint(context, {
      path: 'ticker/list/',
      params: noParams(),
      result: tickerListResultSchema,
      read: true,
    }),
    get: endpoint(context, {
      path: 'ticker/get/',
      params: tickerGetParamsSchema,
      result: tickerGetResultSchema,
      read: true,
    }),
  };
}
