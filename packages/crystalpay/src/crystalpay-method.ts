import type { DefineEndpoint, RequestOptions } from '@pay/core';
import * as v from 'valibot';
import type { CrystalPayEndpointExtras } from './crystalpay-request.ts';
import {
  keyedItems,
  optionalAmount,
  optionalBoolean,
  optionalObject,
  optionalScalar,
  optionalText,
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
const methodListParamsSchema = v.optional(
  v.strictObject({
    /** A shorter answer per method (documented by clients only: unconfirmed). */
    compact: v.optional(v.boolean()),
  }),
  {},
);
/** What `method.list()` takes. */
export type MethodListParams = v.InferInput<typeof methodListParamsSchema>;

/** The `method/list/` response: methods keyed by name (`BITCOIN`, …). */
const methodListResultSchema = v.looseObject({
  items: keyedItems(v.looseObject(methodFields)),
});
/** What `method.list()` returns. */
export type MethodListResult = v.InferOutput<typeof methodListResultSchema>;

/** Parameters of `method/get/`. */
const methodGetParamsSchema = v.strictObject({ method: text() });
/** What `method.get()` takes. */
export type MethodGetParams = v.InferInput<typeof methodGetParamsSchema>;

/** The `method/get/` response. */
const methodGetResultSchema = v.looseObject(methodFields);
/** What `method.get()` returns: limits, commissions and your settings, amounts as strings. */
export type MethodGetResult = v.InferOutput<typeof methodGetResultSchema>;

/** Parameters of `method/edit/` (documented by clients only). */
const methodEditParamsSchema = v.strictObject({
  method: text(),
  /** Accept payments with this method. */
  enabled: v.optional(v.boolean()),
  /** Your extra commission in percent, charged to the payer. */
  extra_commission_percent: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0))),
});
/** What `method.edit()` takes. */
export type MethodEditParams = v.InferInput<typeof methodEditParamsSchema>;

/** The `method/edit/` response: nothing besides the envelope. */
const methodEditResultSchema = v.looseObject({});
/** What `method.edit()` returns: `{}` (plus any field CrystalPay adds). */
export type MethodEditResult = v.InferOutput<typeof methodEditResultSchema>;

/**
 * The payment-method methods: `list` and `get` are reads (retried), `edit` changes your settings
 * and is sent once. Each rejects with a `PayCallError` (see `@pay/core`).
 */
export interface CrystalPayMethodApi {
  /** `POST /v3/method/list/`: every payment method, keyed by name. */
  list(params?: MethodListParams, options?: RequestOptions): Promise<MethodListResult>;
  /** `POST /v3/method/get/`: one method's limits, commissions and your settings. */
  get(params: MethodGetParams, options?: RequestOptions): Promise<MethodGetResult>;
  /**
   * `POST /v3/method/edit/`: turns a method on or off, or sets your extra commission. Never
   * retried: after a `PayNetworkError` the change may or may not be applied.
   */
  edit(params: MethodEditParams, options?: RequestOptions): Promise<MethodEditResult>;
}

/** Builds the `method` group of a client. */
export function createMethodApi(
  define: DefineEndpoint<CrystalPayEndpointExtras>,
): CrystalPayMethodApi {
  return {
    list: define({
      operation: 'method/list',
      path: 'v3/method/list/',
      params: methodListParamsSchema,
      result: methodListResultSchema,
      idempotent: true,
    }),
    get: define({
      operation: 'method/get',
      path: 'v3/method/get/',
      params: methodGetParamsSchema,
      result: methodGetResultSchema,
      idempotent: true,
    }),
    edit: define({
      operation: 'method/edit',
      path: 'v3/method/edit/',
      params: methodEditParamsSchema,
      result: methodEditResultSchema,
      idempotent: false,
    }),
  };
}
