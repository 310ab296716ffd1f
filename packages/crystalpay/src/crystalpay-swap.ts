import type { RequestOptions } from '@pay/core';
import * as v from 'valibot';
import { type CrystalPayContext, endpoint } from './crystalpay-endpoint.ts';
import {
  keyedItems,
  operationId,
  optionalAmount,
  optionalBoolean,
  optionalEnum,
  optionalObject,
  optionalScalar,
  optionalText,
  result,
  signedAmount,
  text,
  wholeNumber,
} from './crystalpay-schemas.ts';

/** Swap states (from clients: a finished swap is `success`, not `payed`). */
export const SWAP_STATES = ['created', 'processing', 'failed', 'success', 'canceled'] as const;
/** Whether a swap's `amount` is what you give (`source`) or what you get (`target`). */
export const SWAP_AMOUNT_TYPES = ['source', 'target'] as const;

const side = { method: optionalText(), name: optionalText(), currency: optionalText() };
const pairFields = {
  source: optionalObject(side),
  target: optionalObject(side),
  price: optionalAmount(),
};

/** Parameters of `swap/pair/list/`. */
export const swapPairListParamsSchema = v.strictObject({
  /** Page number, from 1. */
  page: wholeNumber(1),
  /** Pairs per page. */
  items: wholeNumber(1),
  /** Only pairs from this method, e.g. `BITCOIN`. */
  source: v.optional(text()),
  /** Only pairs to this method. */
  target: v.optional(text()),
});
/** What `swap.pair.list()` takes. */
export type SwapPairListParams = v.InferInput<typeof swapPairListParamsSchema>;

/** The `swap/pair/list/` response: pairs keyed by `pair_id`. */
export const swapPairListResultSchema = result({
  items: keyedItems(v.looseObject(pairFields)),
  has_next_page: optionalBoolean(),
});
/** What `swap.pair.list()` returns. */
export type SwapPairList = v.InferOutput<typeof swapPairListResultSchema>;

/** Parameters of `swap/pair/get/`. */
export const swapPairGetParamsSchema = v.strictObject({ pair_id: wholeNumber(0) });
/** What `swap.pair.get()` takes. */
export type SwapPairGetParams = v.InferInput<typeof swapPairGetParamsSchema>;

/** The `swap/pair/get/` response. */
export const swapPairGetResultSchema = result(pairFields);
/** What `swap.pair.get()` returns: both sides and the price. */
export type SwapPairGet = v.InferOutput<typeof swapPairGetResultSchema>;

/** Parameters of `swap/create/`. */
export const swapCreateParamsSchema = v.strictObject({
  pair_id: wholeNumber(0),
  /** Signed and sent as this exact decimal string. */
  amount: signedAmount(),
  amount_type: v.picklist(SWAP_AMOUNT_TYPES),
});
/** What `swap.create()` takes. */
export type SwapCreateParams = v.InferInput<typeof swapCreateParamsSchema>;

/** Parameters of `swap/submit/`, `swap/cancel/` and `swap/info/`. */
export const swapIdParamsSchema = v.strictObject({ id: operationId() });
/** What `swap.submit()`, `swap.cancel()` and `swap.info()` take. */
export type SwapIdParams = v.InferInput<typeof swapIdParamsSchema>;

const swapSide = {
  method: optionalText(),
  currency: optionalText(),
  amount: optionalAmount(),
};
const swapEntries = {
  id: v.union([v.string(), v.number()]),
  state: optionalEnum(SWAP_STATES),
  pair_id: optionalScalar(),
  amount_type: optionalEnum(SWAP_AMOUNT_TYPES),
  amount: optionalAmount(),
  price: optionalAmount(),
  source: optionalObject(swapSide),
  target: optionalObject(swapSide),
  created_at: optionalText(),
  expired_at: optionalText(),
  final_at: optionalText(),
};
/** A swap, as `swap/*` and the swap history return it. */
export const swapSchema = v.looseObject(swapEntries);
/** A swap between two of your balances: amounts as decimal strings, `null` for unset values. */
export type SwapInfo = v.InferOutput<typeof swapSchema>;

/** The swap methods (exchange between your balances): pairs, then create → submit or cancel. */
export interface CrystalPaySwapApi {
  pair: {
    /**
     * `POST /v3/swap/pair/list/`: the exchange pairs, a page at a time. A read: retried on 429,
     * 5xx and network failures.
     * @throws PayValidationError bad params, before any request
     * @throws PayApiError CrystalPay said no (`error: true`, HTTP 200), or a non-2xx status
     * @throws PayNetworkError no response after the retries
     * @throws PayResponseError a response that is not the documented JSON
     */
    list(params: SwapPairListParams, options?: RequestOptions): Promise<SwapPairList>;
    /**
     * `POST /v3/swap/pair/get/`: one pair and its price. A read.
     * @throws PayValidationError bad params, before any request
     * @throws PayApiError CrystalPay said no, e.g. an unknown pair
     * @throws PayNetworkError no response after the retries
     * @throws PayResponseError a response that is not the documented JSON
     */
    get(params: SwapPairGetParams, options?: RequestOptions): Promise<SwapPairGet>;
  };
  /**
   * `POST /v3/swap/create/`: prepares a swap, signed `sha1(amount:pair_id:salt)` (unconfirmed).
   * Never retried automatically.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError CrystalPay said no, e.g. a wrong signature or amount
   * @throws PayNetworkError no response: the swap may exist, check the swap history
   * @throws PayResponseError a response that is not the documented JSON
   */
  create(params: SwapCreateParams, options?: RequestOptions): Promise<SwapInfo>;
  /**
   * `POST /v3/swap/submit/`: carries out a created swap, signed `sha1(id:salt)` (unconfirmed).
   * Moves money: never retried automatically.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError CrystalPay said no, e.g. an expired swap
   * @throws PayNetworkError no response: check `swap.info` before submitting again
   * @throws PayResponseError a response that is not the documented JSON
   */
  submit(params: SwapIdParams, options?: RequestOptions): Promise<SwapInfo>;
  /**
   * `POST /v3/swap/cancel/`: drops a created swap, signed `sha1(id:salt)` (unconfirmed).
   * Never retried automatically.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError CrystalPay said no, e.g. a swap already done
   * @throws PayNetworkError no response: check `swap.info`
   * @throws PayResponseError a response that is not the documented JSON
   */
  cancel(params: SwapIdParams, options?: RequestOptions): Promise<SwapInfo>;
  /**
   * `POST /v3/swap/info/`: a swap's state and amounts. A read: retried on 429, 5xx and network
   * failures.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError CrystalPay said no, e.g. an unknown swap
   * @throws PayNetworkError no response after the retries
   * @throws PayResponseError a response that is not the documented JSON
   */
  info(params: SwapIdParams, options?: RequestOptions): Promise<SwapInfo>;
}

/** Builds the `swap` group of a client. */
export function createSwapApi(context: CrystalPayContext): CrystalPaySwapApi {
  const swapResult = result(swapEntries);
  const money = { result: swapResult, read: false, signed: true } as const;
  return {
    pair: {
      list: endpoint(context, {
        path: 'swap/pair/list/',
        params: swapPairListParamsSchema,
        result: swapPairListResultSchema,
        read: true,
      }),
      get: endpoint(context, {
        path: 'swap/pair/get/',
        params: swapPairGetParamsSchema,
        result: swapPairGetResultSchema,
        read: true,
      }),
    },
    create: endpoint(context, { path: 'swap/create/', params: swapCreateParamsSchema, ...money }),
    submit: endpoint(context, { path: 'swap/submit/', params: swapIdParamsSchema, ...money }),
    cancel: endpoint(context, { path: 'swap/cancel/', params: swapIdParamsSchema, ...money }),
    info: endpoint(context, {
      path: 'swap/info/',
      params: swapIdParamsSchema,
      result: swapResult,
      read: true,
    }),
  };
}
