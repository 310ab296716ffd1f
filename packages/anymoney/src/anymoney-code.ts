import type { RequestOptions } from '@pay/core';
import * as v from 'valibot';
import type { DefineAnyMoneyEndpoint } from './anymoney-request.ts';
import {
  currency,
  type DecimalFields,
  type ExternalIdParams,
  externalIdSchema,
  identifier,
  type Order,
  orderSchema,
  resultFields,
  text,
} from './anymoney-schemas.ts';

// Payment codes (vouchers) of cheque payways.

const { amount, optional } = resultFields;

function codeSchemas(decimals: DecimalFields) {
  return {
    create: v.strictObject({
      amount: decimals.amount(),
      curr: currency(),
      externalid: identifier(),
      /** The cheque payway the code is for, e.g. `anycash`. */
      payway: text(),
    }),
    verify: v.strictObject({ code: text() }),
    redeem: v.strictObject({ code: text(), externalid: identifier() }),
  };
}

/** `code.create` result: the generated code. */
const createdCodeSchema = v.looseObject({ code: optional(v.string()) });
/** `code.verify` result. `can_be_accepted` is `yes`, `no` or `unknown`. */
const verifiedCodeSchema = v.looseObject({
  amount: amount(),
  can_be_accepted: optional(v.string()),
  currency: optional(v.string()),
  fee: optional(v.unknown()),
  fee_value: optional(v.union([v.string(), v.number()])),
  payway: optional(v.string()),
});
/** `code.get` result. */
const codeInfoSchema = v.looseObject({
  amount: amount(),
  code: optional(v.string()),
  currency: optional(v.string()),
});

type Schemas = ReturnType<typeof codeSchemas>;
/** Params of `code.create`. */
export type CodeCreateParams = v.InferInput<Schemas['create']>;
/** Params of `code.verify`. */
export type CodeVerifyParams = v.InferInput<Schemas['verify']>;
/** Params of `code.redeem`. */
export type CodeRedeemParams = v.InferInput<Schemas['redeem']>;
/** Params of `code.get`: the `externalid` of the order that created the code. */
export type CodeGetParams = ExternalIdParams;
/** `code.create` result. */
export type CodeCreateResult = v.InferOutput<typeof createdCodeSchema>;
/** `code.verify` result. */
export type CodeVerifyResult = v.InferOutput<typeof verifiedCodeSchema>;
/** `code.get` result. */
export type CodeGetResult = v.InferOutput<typeof codeInfoSchema>;

/**
 * The code model: payment codes (vouchers) of cheque payways. Every method rejects with a
 * `PayCallError` (see `@pay/core`).
 */
export interface AnyMoneyCodeApi {
  /**
   * `code.create`: creates a payment code; the amount is debited at once. Never retried: after a
   * `PayNetworkError` the code may exist, check with `code.get`. Provider codes
   * `EParamAmountFormatInvalid`, `EParamAmountTooBig`, `EParamAmountTooSmall`,
   * `EParamCurrencyInvalid`, `EParamInvalid`.
   */
  create(params: CodeCreateParams, options?: RequestOptions): Promise<CodeCreateResult>;
  /**
   * `code.verify`: what a code is worth and whether it can be redeemed. A read: retried.
   * Provider codes `EParamInvalid`, `EParamCodeInvalid`.
   */
  verify(params: CodeVerifyParams, options?: RequestOptions): Promise<CodeVerifyResult>;
  /**
   * `code.redeem`: cashes a code into a `coderedeem` order. Never retried: after a
   * `PayNetworkError` check the order with `status`. Provider codes `EParamAmountTooBig`,
   * `EParamAmountTooSmall`, `EParamCodeInvalid`, `EParamCurrencyInvalid`, `EParamInvalid`,
   * `EParamPaywayInvalid`, `EParamType`, `EStatePaywayInactive`.
   */
  redeem(params: CodeRedeemParams, options?: RequestOptions): Promise<Order>;
  /**
   * `code.get`: the code of an order by your `externalid`. A read: retried. Provider codes
   * `EParamInvalid`, `EParamNotFound`, `EParamType`, `EStateUnavailable`.
   */
  get(params: CodeGetParams, options?: RequestOptions): Promise<CodeGetResult>;
}

/** Builds `code.*`. */
export function createCodeApi(
  define: DefineAnyMoneyEndpoint,
  decimals: DecimalFields,
): AnyMoneyCodeApi {
  const schemas = codeSchemas(decimals);
  return {
    create: define({
      operation: 'code.create',
      path: '',
      params: schemas.create,
      result: createdCodeSchema,
      idempotent: false,
    }),
    verify: define({
      operation: 'code.verify',
      path: '',
      params: schemas.verify,
      result: verifiedCodeSchema,
      idempotent: true,
    }),
    redeem: define({
      operation: 'code.redeem',
      path: '',
      params: schemas.redeem,
      result: orderSchema,
      idempotent: false,
    }),
    get: define({
      operation: 'code.get',
      path: '',
      params: externalIdSchema,
      result: codeInfoSchema,
      idempotent: true,
    }),
  };
}
