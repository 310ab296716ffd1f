import type { DefineEndpoint, RequestOptions } from '@pay/core';
import * as v from 'valibot';
import type { CrystalPayEndpointExtras } from './crystalpay-request.ts';
import { keyedItems, noParams, optionalAmount, optionalText, text } from './crystalpay-schemas.ts';

/** The `ticker/list/` response: the tickers CrystalPay quotes (`BTC`, `USDT`, …). */
const tickerListResultSchema = v.looseObject({
  tickers: v.optional(v.array(v.string()), (): string[] => []),
});
/** What `ticker.list()` returns. */
export type TickerListResult = v.InferOutput<typeof tickerListResultSchema>;

/** Parameters of `ticker/get/`. */
const tickerGetParamsSchema = v.strictObject({
  /** Tickers to quote, e.g. `['BTC', 'USDT']`. */
  tickers: v.pipe(v.array(text()), v.minLength(1, 'must list at least one ticker')),
  /** Currency of the prices. CrystalPay's default: `RUB`. */
  base_currency: v.optional(text()),
});
/** What `ticker.get()` takes. */
export type TickerGetParams = v.InferInput<typeof tickerGetParamsSchema>;

/** The `ticker/get/` response: a price per ticker in `base_currency`. */
const tickerGetResultSchema = v.looseObject({
  base_currency: optionalText(),
  currencies: keyedItems(v.looseObject({ price: optionalAmount() })),
});
/** What `ticker.get()` returns. */
export type TickerGetResult = v.InferOutput<typeof tickerGetResultSchema>;

/** The exchange-rate methods: reads, retried; each rejects with a `PayCallError` (see `@pay/core`). */
export interface CrystalPayTickerApi {
  /** `POST /v3/ticker/list/`: the tickers CrystalPay quotes. Takes no parameters (nothing or `{}`). */
  list(params?: Record<string, never>, options?: RequestOptions): Promise<TickerListResult>;
  /** `POST /v3/ticker/get/`: prices of some tickers in `base_currency`. */
  get(params: TickerGetParams, options?: RequestOptions): Promise<TickerGetResult>;
}

/** Builds the `ticker` group of a client. */
export function createTickerApi(
  define: DefineEndpoint<CrystalPayEndpointExtras>,
): CrystalPayTickerApi {
  return {
    list: define({
      operation: 'ticker/list',
      path: 'v3/ticker/list/',
      params: noParams(),
      result: tickerListResultSchema,
      idempotent: true,
    }),
    get: define({
      operation: 'ticker/get',
      path: 'v3/ticker/get/',
      params: tickerGetParamsSchema,
      result: tickerGetResultSchema,
      idempotent: true,
    }),
  };
}
