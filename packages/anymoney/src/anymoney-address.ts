import type { RequestOptions } from '@pay/core';
import * as v from 'valibot';
import { currency, digits, httpUrl, identifier, pageSize, text } from './anymoney-fields.ts';
import {
  type AnyMoneyAddress,
  type AnyMoneyPage,
  addressSchema,
  pageSchema,
} from './anymoney-results.ts';
import type { Rpc } from './anymoney-rpc.ts';

const createSchema = v.strictObject({
  callback_url: v.optional(httpUrl()),
  /** Under 50 characters. */
  comment: v.optional(v.pipe(v.string(), v.maxLength(49, 'must be under 50 characters'))),
  in_curr: currency(),
  /** Auto-conversion target currency (not for typed merchants). */
  out_curr: v.optional(currency()),
  payway: v.optional(text()),
});

// The docs: pass exactly one of `id` and `name`.
const getSchema = v.pipe(
  v.strictObject({ id: v.optional(identifier()), name: v.optional(text()) }),
  v.check(
    (input) => (input.id === undefined) !== (input.name === undefined),
    'pass exactly one of id and name',
  ),
);

const listSchema = v.optional(
  v.strictObject({
    /** Timestamp filters; AnyMoney swaps them if `begin` > `end`. */
    begin: v.optional(digits()),
    count: v.optional(pageSize()),
    end: v.optional(digits()),
    first: v.optional(digits()),
    in_curr: v.optional(currency()),
    is_autoconvert: v.optional(v.boolean()),
    /** Matches part of the address. */
    name: v.optional(text()),
    ord_by: v.optional(v.picklist(['ctime', 'last_used'])),
    ord_dir: v.optional(v.boolean()),
    out_curr: v.optional(currency()),
    rotate: v.optional(v.boolean()),
  }),
  {},
);

const paywaysSchema = v.optional(v.strictObject({ in_curr: v.optional(currency()) }), {});
/** `address.payways`: the crypto payways the merchant can create addresses in. */
const paywayNamesSchema = v.union([v.array(v.string()), v.record(v.string(), v.unknown())]);

/** Params of `address.create`. */
export type AddressCreateParams = v.InferInput<typeof createSchema>;
/** Params of `address.get`: exactly one of `id` and `name`. */
export type AddressGetParams = v.InferInput<typeof getSchema>;
/** Params of `address.list` (all filters optional). */
export type AddressListParams = v.InferInput<typeof listSchema>;
/** Params of `address.payways`. */
export type AddressPaywaysParams = v.InferInput<typeof paywaysSchema>;
/** `address.payways` result. */
export type AddressPayways = v.InferOutput<typeof paywayNamesSchema>;

/** The address model: static crypto addresses; payments to them arrive as `autopayin` orders. */
export interface AddressMethods {
  /**
   * `address.create`: creates a crypto address. Its `name` (the address itself) may appear only
   * later: poll `address.get`. Never retried.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError `EParamCurrencyInvalid`
   * @throws PayNetworkError no response: look for the address with `address.list`
   * @throws PayResponseError a response that is not the documented JSON-RPC envelope
   */
  create(params: AddressCreateParams, options?: RequestOptions): Promise<AnyMoneyAddress>;
  /**
   * `address.get`: an address by `id` or `name`. Retried on 429/5xx.
   * @throws PayValidationError bad params (both or neither of id and name), before any request
   * @throws PayApiError `EParamInvalid`, `EParamNotFound`, `EParamType`
   * @throws PayNetworkError no response after the retries
   * @throws PayResponseError a response that is not the documented JSON-RPC envelope
   */
  get(params: AddressGetParams, options?: RequestOptions): Promise<AnyMoneyAddress>;
  /**
   * `address.list`: a page of the merchant's addresses. Retried on 429/5xx.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError `EParamCurrencyInvalid`, `EParamInvalid`
   * @throws PayNetworkError no response after the retries
   * @throws PayResponseError a response that is not the documented JSON-RPC envelope
   */
  list(
    params?: AddressListParams,
    options?: RequestOptions,
  ): Promise<AnyMoneyPage<AnyMoneyAddress>>;
  /**
   * `address.payways`: crypto payways available for addresses. Retried on 429/5xx.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError `EParamNotFound`, `EParamPaywayInvalid`, `EParamCurrencyInvalid`,
   *   `EStateCurrencyUnavail`
   * @throws PayNetworkError no response after the retries
   * @throws PayResponseError a response that is not the documented JSON-RPC envelope
   */
  payways(params?: AddressPaywaysParams, options?: RequestOptions): Promise<AddressPayways>;
}

/** Builds `address.*` on a client's RPC sender. */
export function createAddressMethods(rpc: Rpc): AddressMethods {
  const read = { idempotent: true };
  return {
    create: rpc.method('address.create', createSchema, addressSchema),
    get: rpc.method('address.get', getSchema, addressSchema, read),
    list: rpc.method('address.list', listSchema, pageSchema(addressSchema), read),
    payways: rpc.method('address.payways', paywaysSchema, paywayNamesSchema, read),
  };
}
