import type { DefineEndpoint, RequestOptions } from '@pay/core';
import * as v from 'valibot';
import { type CrystalPayEndpointExtras, defineTwoStepGroup } from './crystalpay-request.ts';
import {
  keyedItems,
  operationId,
  optionalAmount,
  optionalBoolean,
  optionalEnum,
  optionalObject,
  optionalScalar,
  optionalText,
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
const swapPairListParamsSchema = v.strictObject({
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
const swapPairListResultSchema = v.looseObject({
  items: keyedItems(v.looseObject(pairFields)),
  has_next_page: optionalBoolean(),
});
/** What `swap.pair.list()` returns: pairs keyed by `pair_id`, and whether a next page exists. */
export type SwapPairListResult = v.InferOutput<typeof swapPairListResultSchema>;

/** Parameters of `swap/pair/get/`. */
const swapPairGetParamsSchema = v.strictObject({ pair_id: wholeNumber(0) });
/** What `swap.pair.get()` takes. */
export type SwapPairGetParams = v.InferInput<typeof swapPairGetParamsSchema>;

/** The `swap/pair/get/` response. */
const swapPairGetResultSchema = v.looseObject(pairFields);
/** What `swap.pair.get()` returns: both sides and the price. */
export type SwapPairGetResult = v.InferOutput<typeof swapPairGetResultSchema>;

/** Parameters of `swap/create/`. */
const swapCreateParamsSchema = v.strictObject({
  pair_id: wholeNumber(0),
  /** Signed and sent as this exact decimal string. */
  amount: signedAmount(),
  amount_type: v.picklist(SWAP_AMOUNT_TYPES),
});
/** What `swap.create()` takes. */
export type SwapCreateParams = v.InferInput<typeof swapCreateParamsSchema>;

/** Parameters of `swap/submit/`, `swap/cancel/` and `swap/info/`: the swap's id. */
const swapIdParamsSchema = v.strictObject({ id: operationId() });
/** What `swap.submit()` takes: the id `swap.create()` returned. */
export type SwapSubmitParams = v.InferInput<typeof swapIdParamsSchema>;
/** What `swap.cancel()` takes: the id of a swap not yet submitted. */
export type SwapCancelParams = v.InferInput<typeof swapIdParamsSchema>;
/** What `swap.info()` takes. */
export type SwapInfoParams = v.InferInput<typeof swapIdParamsSchema>;

const swapSide = {
  method: optionalText(),
  currency: optionalText(),
  amount: optionalAmount(),
};
/** A swap, as `swap/*` and the swap history return it. */
export const swapSchema = v.looseObject({
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
});
/**
 * A swap between two of your balances, as every `swap.*()` call on a swap and
 * `report.swap.history()` return it: amounts as decimal strings, `null` for unset values.
 */
export type Swap = v.InferOutput<typeof swapSchema>;
/** `state` of a swap: one of {@link SWAP_STATES}, or a state CrystalPay adds later. */
export type SwapState = NonNullable<Swap['state']>;

/** The exchange pairs a swap can use. Each method is a read (retried) and rejects with a `PayCallError`. */
export interface CrystalPaySwapPairApi {
  /** `POST /v3/swap/pair/list/`: the exchange pairs, a page at a time. */
  list(params: SwapPairListParams, options?: RequestOptions): Promise<SwapPairListResult>;
  /** `POST /v3/swap/pair/get/`: one pair and its price. */
  get(params: SwapPairGetParams, options?: RequestOptions): Promise<SwapPairGetResult>;
}

/**
 * The swap methods (exchange between your own balances): pairs, then create → submit or cancel.
 * The money-moving calls are signed (formulas unconfirmed, see `signedFields`) and never
 * retried: after a `PayNetworkError`, look the swap up before sending again. Each method rejects
 * with a `PayCallError` (see `@pay/core`).
 */
export interface CrystalPaySwapApi {
  /** The exchange pairs: `swap/pair/list/`, `swap/pair/get/`. */
  pair: CrystalPaySwapPairApi;
  /** `POST /v3/swap/create/`: prepares a swap, signed `sha1(amount:pair_id:salt)` (a guess). */
  create(params: SwapCreateParams, options?: RequestOptions): Promise<Swap>;
  /** `POST /v3/swap/submit/`: carries out a created swap, signed `sha1(id:salt)` (a guess). */
  submit(params: SwapSubmitParams, options?: RequestOptions): Promise<Swap>;
  /** `POST /v3/swap/cancel/`: drops a created swap, signed `sha1(id:salt)` (a guess). */
  cancel(params: SwapCancelParams, options?: RequestOptions): Promise<Swap>;
  /** `POST /v3/swap/info/`: a swap's state and amounts. A read: retried. */
  info(params: SwapInfoParams, options?: RequestOptions): Promise<Swap>;
}

/** Builds the `swap` group of a client. */
export function createSwapApi(define: DefineEndpoint<CrystalPayEndpointExtras>): CrystalPaySwapApi {
  return {
    pair: {
      list: define({
        operation: 'swap/pair/list',
        path: 'v3/swap/pair/list/',
        params: swapPairListParamsSchema,
        result: swapPairListResultSchema,
        idempotent: true,
      }),
      get: define({
        operation: 'swap/pair/get',
        path: 'v3/swap/pair/get/',
        params: swapPairGetParamsSchema,
        result: swapPairGetResultSchema,
        idempotent: true,
      }),
    },
    ...defineTwoStepGroup(define, 'swap', {
      create: swapCreateParamsSchema,
      id: swapIdParamsSchema,
      result: swapSchema,
    }),
  };
}
