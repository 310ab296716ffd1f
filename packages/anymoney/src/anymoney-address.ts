import type { RequestOptions } from '@pay/core';
import * as v from 'valibot';
import type { DefineAnyMoneyEndpoint } from './anymoney-request.ts';
import {
  currency,
  digits,
  httpUrl,
  identifier,
  optionalParams,
  type Page,
  pageSchema,
  pageSize,
  resultFields,
  text,
} from './anymoney-schemas.ts';

// Static crypto addresses (https://docs.any.money/en/address/); payments to them arrive as
// `autopayin` orders.

const { flag, optional, scalar } = resultFields;

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

const listSchema = optionalParams({
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
});

const paywaysSchema = optionalParams({ in_curr: v.optional(currency()) });
/** `address.payways`: the crypto payways the merchant can create addresses in. */
const paywayNamesSchema = v.union([v.array(v.string()), v.record(v.string(), v.unknown())]);

/** A crypto address (docs: "cryptoaddress parameters"). Statuses: `new`, `wait`, `done`, `reject`. */
const addressSchema = v.looseObject({
  callback_url: optional(v.string()),
  comment: optional(v.string()),
  confirm: scalar(),
  confirms: scalar(),
  ctime: scalar(),
  id: scalar(),
  in_curr: optional(v.string()),
  last_used: scalar(),
  link: optional(v.string()),
  name: optional(v.string()),
  out_curr: optional(v.string()),
  payway: optional(v.string()),
  rotate: flag(),
  status: optional(v.string()),
});

/** Params of `address.create`. */
export type AddressCreateParams = v.InferInput<typeof createSchema>;
/** Params of `address.get`: exactly one of `id` and `name`. */
export type AddressGetParams = v.InferInput<typeof getSchema>;
/** Params of `address.list` (all filters optional). */
export type AddressListParams = v.InferInput<typeof listSchema>;
/** Params of `address.payways`. */
export type AddressPaywaysParams = v.InferInput<typeof paywaysSchema>;
/** `address.payways` result: payway names (a list, or an object keyed by name). */
export type AddressPaywaysResult = v.InferOutput<typeof paywayNamesSchema>;
/** A crypto address, as `address.create`, `address.get` and `address.list` return it. */
export type Address = v.InferOutput<typeof addressSchema>;

/**
 * The address model: static crypto addresses. Every method rejects with a `PayCallError` (see
 * `@pay/core`).
 */
export interface AnyMoneyAddressApi {
  /**
   * `address.create`: creates a crypto address. Its `name` (the address itself) may appear only
   * later: poll `address.get`. Never retried: after a `PayNetworkError` look for the address with
   * `address.list`. Provider code `EParamCurrencyInvalid`.
   */
  create(params: AddressCreateParams, options?: RequestOptions): Promise<Address>;
  /**
   * `address.get`: an address by `id` or `name` (exactly one). A read: retried. Provider codes
   * `EParamInvalid`, `EParamNotFound`, `EParamType`.
   */
  get(params: AddressGetParams, options?: RequestOptions): Promise<Address>;
  /**
   * `address.list`: a page of the merchant's addresses. A read: retried. Provider codes
   * `EParamCurrencyInvalid`, `EParamInvalid`.
   */
  list(params?: AddressListParams, options?: RequestOptions): Promise<Page<Address>>;
  /**
   * `address.payways`: crypto payways available for addresses. A read: retried. Provider codes
   * `EParamNotFound`, `EParamPaywayInvalid`, `EParamCurrencyInvalid`, `EStateCurrencyUnavail`.
   */
  payways(params?: AddressPaywaysParams, options?: RequestOptions): Promise<AddressPaywaysResult>;
}

/** Builds `address.*`. */
export function createAddressApi(define: DefineAnyMoneyEndpoint): AnyMoneyAddressApi {
  return {
    create: define({
      operation: 'address.create',
      path: '',
      params: createSchema,
      result: addressSchema,
      idempotent: false,
    }),
    get: define({
      operation: 'address.get',
      path: '',
      params: getSchema,
      result: addressSchema,
      idempotent: true,
    }),
    list: define({
      operation: 'address.list',
      path: '',
      params: listSchema,
      result: pageSchema(addressSchema),
      idempotent: true,
    }),
    payways: define({
      operation: 'address.payways',
      path: '',
      params: paywaysSchema,
      result: paywayNamesSchema,
      idempotent: true,
    }),
  };
}
