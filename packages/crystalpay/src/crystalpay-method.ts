import type { RequestOptions } from '@pay/core';
import * as v from 'valibot';
import { type CrystalPayContext, endpoint } from './crystalpay-endpoint.ts';
import {
  keyedItems,
  optionalAmount,
  optionalBoolean,
  optionalObject,
  optionalScalar,
  optionalText,
  result,
  text,
} from './crystalpay-schemas.ts';

/** Your settings for one direction (`in`: payments, `out`: payoffs). */
const directionSettings = {
  enabled: optionalBoolean(),
  extra_commissions: optionalObject({ amount: optionalAmount(), percent: optionalAmount() }),
};

/** CrystalPay's terms for one direction; the docs say its numbers arrive as strings. */
const directionTerms = {
  enabled: optionalBoolean(),
  limits: optionalObject({ min: optionalAmount(), max: optionalAmount() }),
  commissions: optionalObject({ amount: optionalAmount(), percent: optionalAmount() }),
  fee: optionalAmount(),
};

const methodFields = {
  method: optionalText(),
  name: optionalText(),
  currency: optionalText(),
  amount_accuracy: optionalScalar(),
  minimal_status_level: optionalScalar(),
  settings: optionalObject({
    in: optionalObject(directionSettings),
    out: optionalObject(directionSettings),
  }),
  in: optionalObject(directionTerms),
  out: optionalObject(directionTerms),
};

/** Parameters of `method/list/`. */
export const methodListParamsSchema = v.optional(
  v.strictObject({
    /** A shorter answer per method (documented by clients only: unconfirmed). */
    compact: v.optional(v.boolean()),
  }),
  {},
);
/** What `method.list()` takes. */
export type MethodListParams = v.InferInput<typeof methodListParamsSchema>;

/** The `method/list/` response: methods keyed by name (`BITCOIN`, …). */
export const methodListResultSchema = result({ items: keyedItems(v.looseObject(methodFields)) });
/** What `method.list()` returns. */
export type MethodList = v.InferOutput<typeof methodListResultSchema>;

/** Parameters of `method/get/`. */
export const methodGetParamsSchema = v.strictObject({ method: text() });
/** What `method.get()` takes. */
export type MethodGetParams = v.InferInput<typeof methodGetParamsSchema>;

/** The `method/get/` response. */
export const methodGetResultSchema = result(methodFields);
/** What `method.get()` returns: limits, commissions and your settings, amounts as strings. */
export type MethodGet = v.InferOutput<typeof methodGetResultSchema>;

/** Parameters of `method/edit/` (documented by clients only). */
export const methodEditParamsSchema = v.strictObject({
  method: text(),
  /** Accept payments with this method. */
  enabled: v.optional(v.boolean()),
  /** Your extra commission in percent, charged to the payer. */
  extra_commission_percent: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0))),
});
/** What `method.edit()` takes. */
export type MethodEditParams = v.InferInput<typeof methodEditParamsSchema>;

/** The `method/edit/` response: nothing besides the envelope. */
export const methodEditResultSchema = result({});
/** What `method.edit()` returns: `{}` (plus any field CrystalPay adds). */
export type MethodEdit = v.InferOutput<typeof methodEditResultSchema>;

/** The payment-method methods: `method/list/`, `method/get/`, `method/edit/`. */
export interface CrystalPayMethodApi {
  /**
   * `POST /v3/method/list/`: every payment method. A read: retried on 429, 5xx and network
   * failures.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError CrystalPay said no (`error: true`, HTTP 200), or a non-2xx status
   * @throws PayNetworkError no response after the retries
   * @throws PayResponseError a response that is not the documented JSON
   */
  list(params?: MethodListParams, options?: RequestOptions): Promise<MethodList>;
  /**
   * `POST /v3/method/get/`: one method's limits, commissions and your settings. A read.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError CrystalPay said no, e.g. an unknown method
   * @throws PayNetworkError no response after the retries
   * @throws PayResponseError a response that is not the documented JSON
   */
  get(params: MethodGetParams, options?: RequestOptions): Promise<MethodGet>;
  /**
   * `POST /v3/method/edit/`: turns a method on or off, or sets your extra commission. A change:
   * sent once, never retried.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError CrystalPay said no, e.g. an unknown method
   * @throws PayNetworkError no response: the change may or may not be applied
   * @throws PayResponseError a response that is not the documented JSON
   */
  edit(params: MethodEditParams, options?: RequestOptions): Promise<MethodEdit>;
}

/** Builds the `method` group of a client. */
export function createMethodApi(context: CrystalPayContext): CrystalPayMethodApi {
  return {
    list: endpoint(context, {
      path: 'method/list/',
      params: methodListParamsSchema,
      result: methodListResultSchema,
      read: true,
    }),
    get: endpoint(context, {
      path: 'method/get/',
      params: methodGetParamsSchema,
      result: methodGetResultSchema,
      read: true,
    }),
    edit: endpoint(context, {
      path: 'method/edit/',
      params: methodEditParamsSchema,
      result: methodEditResultSchema,
      read: false,
    }),
  };
}
