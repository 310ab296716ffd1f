import type { RequestOptions } from '@pay/core';
import * as v from 'valibot';
import {
  currency,
  type DecimalFields,
  type ExternalIdParams,
  externalIdSchema,
  identifier,
  text,
} from './anymoney-fields.ts';
import { type AnyMoneyOrder, orderSchema, resultFields } from './anymoney-results.ts';
import type { Rpc } from './anymoney-rpc.ts';

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
/** `code.create` result. */
export type CreatedCode = v.InferOutput<typeof createdCodeSchema>;
/** `code.verify` result. */
export type VerifiedCode = v.InferOutput<typeof verifiedCodeSchema>;
/** `code.get` result. */
export type CodeInfo = v.InferOutput<typeof codeInfoSchema>;

/** The code model: payment codes (vouchers) of cheque payways. */
export interface CodeMethods {
  /**
   * `code.create`: creates a payment code; the amount is debited at once. Never retried.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError `EParamAmountFormatInvalid`, `EParamAmountTooBig`, `EParamAmountTooSmall`,
   *   `EParamCurrencyInvalid`, `EParamInvalid`
   * @throws PayNetworkError no response: the code may exist, check with `code.get`
   * @throws PayResponseError a response that is not the documented JSON-RPC envelope
   */
  create(params: CodeCreateParams, options?: RequestOptions): Promise<CreatedCode>;
  /**
   * `code.verify`: what a code is worth and whether it can be redeemed. Retried on 429/5xx.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError `EParamInvalid`, `EParamCodeInvalid`
   * @throws PayNetworkError no response after the retries
   * @throws PayResponseError a response that is not the documented JSON-RPC envelope
   */
  verify(params: CodeVerifyParams, options?: RequestOptions): Promise<VerifiedCode>;
  /**
   * `code.redeem`: cashes a code into a `coderedeem` order. Never retried.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError `EParamAmountTooBig`, `EParamAmountTooSmall`, `EParamCodeInvalid`,
   *   `EParamCurrencyInvalid`, `EParamInvalid`, `EParamPaywayInvalid`, `EParamType`,
   *   `EStatePaywayInactive`
   * @throws PayNetworkError no response: check the order with `status`
   * @throws PayResponseError a response that is not the documented JSON-RPC envelope
   */
  redeem(params: CodeRedeemParams, options?: RequestOptions): Promise<AnyMoneyOrder>;
  /**
   * `code.get`: the code of an order by your `externalid`. Retried on 429/5xx.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError `EParamInvalid`, `EParamNotFound`, `EParamType`, `EStateUnavailable`
   * @throws PayNetworkError no response after the retries
   * @throws PayResponseError a response that is not the documented JSON-RPC envelope
   */
  get(params: ExternalIdParams, options?: RequestOptions): Promise<CodeInfo>;
}

/** Builds `code.*` on a client's RPC sender. */
export function createCodeMethods(rpc: Rpc): CodeMethods {
  const schemas = codeSchemas(rpc.decimals);
  return {
    create: rpc.method('code.create', schemas.create, createdCodeSchema),
    verify: rpc.method('code.verify', schemas.verify, verifiedCodeSchema, { idempotent: true }),
    redeem: rpc.method('code.redeem', schemas.redeem, orderSchema),
    get: rpc.method('code.get', externalIdSchema, codeInfoSchema, { idempotent: true }),
  };
}
