import type { RequestOptions } from '@pay/core';
import * as v from 'valibot';
import {
  currency,
  type DecimalFields,
  type ExternalIdParams,
  externalIdSchema,
  httpUrl,
  identifier,
} from './anymoney-fields.ts';
import {
  type AnyMoneyCalculation,
  type AnyMoneyOrder,
  calcSchema,
  orderSchema,
} from './anymoney-results.ts';
import type { Rpc } from './anymoney-rpc.ts';

// convert.* (between the merchant's own currencies) and transfer.* (to another merchant):
// both move money between AnyMoney balances and share their shape.

const oneAmount = <TInput extends { in_amount?: unknown; out_amount?: unknown }>(input: TInput) =>
  (input.in_amount === undefined) !== (input.out_amount === undefined);
const oneAmountMessage = 'pass exactly one of in_amount and out_amount';

function exchangeSchemas(decimals: DecimalFields) {
  const amounts = {
    in_amount: v.optional(decimals.amount()),
    in_curr: currency(),
    out_amount: v.optional(decimals.amount()),
    out_curr: currency(),
  };
  return {
    convertCreate: v.pipe(
      v.strictObject({ ...amounts, callback_url: v.optional(httpUrl()), externalid: identifier() }),
      v.check(oneAmount, oneAmountMessage),
    ),
    convertCalc: v.pipe(
      /** `validate_balance`: check the balance covers it. Default (AnyMoney) `true`. */
      v.strictObject({ ...amounts, validate_balance: v.optional(v.boolean()) }),
      v.check(oneAmount, oneAmountMessage),
    ),
    transferCreate: v.strictObject({
      /** Amount in `out_curr`. */
      amount: decimals.amount(),
      callback_url: v.optional(httpUrl()),
      externalid: identifier(),
      in_curr: v.optional(currency()),
      out_curr: currency(),
      /** The recipient merchant's `lid`. */
      tgt: identifier(),
    }),
    transferCalc: v.strictObject({
      amount: decimals.amount(),
      in_curr: v.optional(currency()),
      out_curr: currency(),
      /** With a recipient, its individual fees are used. */
      tgt: v.optional(identifier()),
    }),
  };
}

type Schemas = ReturnType<typeof exchangeSchemas>;
/** Params of `convert.create`: exactly one of `in_amount` / `out_amount`. */
export type ConvertCreateParams = v.InferInput<Schemas['convertCreate']>;
/** Params of `convert.calc`: exactly one of `in_amount` / `out_amount`. */
export type ConvertCalcParams = v.InferInput<Schemas['convertCalc']>;
/** Params of `transfer.create`. */
export type TransferCreateParams = v.InferInput<Schemas['transferCreate']>;
/** Params of `transfer.calc`. */
export type TransferCalcParams = v.InferInput<Schemas['transferCalc']>;

/** `create` / `calc` / `get` of a model that moves money between balances. */
export interface BalanceMoveMethods<TCreate, TCalc> {
  /**
   * `<model>.create`: creates the order and debits the balance at once. Never retried.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError `EParamAmountFormatInvalid`, `EParamAmountTooBig`, `EParamAmountTooSmall`,
   *   `EParamCurrencyInvalid`, `EParamFieldInvalid`, `EParamInvalid`, `EParamUnique`,
   *   `EStateExchangeUnavail`, `EStateForbidden` (typed merchants), `EStateInsufficientFunds`
   * @throws PayNetworkError no response: the order may exist, check with `get`
   * @throws PayResponseError a response that is not the documented JSON-RPC envelope
   */
  create(params: TCreate, options?: RequestOptions): Promise<AnyMoneyOrder>;
  /**
   * `<model>.calc`: amounts, fees and rate; nothing moves. Retried on 429/5xx.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError the same names as `create`
   * @throws PayNetworkError no response after the retries
   * @throws PayResponseError a response that is not the documented JSON-RPC envelope
   */
  calc(params: TCalc, options?: RequestOptions): Promise<AnyMoneyCalculation>;
  /**
   * `<model>.get`: the order by your `externalid`. Retried on 429/5xx.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError `EParamInvalid`, `EParamNotFound`, `EStateForbidden`
   * @throws PayNetworkError no response after the retries
   * @throws PayResponseError a response that is not the documented JSON-RPC envelope
   */
  get(params: ExternalIdParams, options?: RequestOptions): Promise<AnyMoneyOrder>;
}

/** `convert.*`: currency exchange between the merchant's balances (refused for typed merchants). */
export type ConvertMethods = BalanceMoveMethods<ConvertCreateParams, ConvertCalcParams>;
/** `transfer.*`: money to another merchant's balance. */
export type TransferMethods = BalanceMoveMethods<TransferCreateParams, TransferCalcParams>;

/** Builds `convert.*` and `transfer.*` on a client's RPC sender. */
export function createExchangeMethods(rpc: Rpc): {
  convert: ConvertMethods;
  transfer: TransferMethods;
} {
  const schemas = exchangeSchemas(rpc.decimals);
  const model = <TCreate extends v.GenericSchema, TCalc extends v.GenericSchema>(
    name: 'convert' | 'transfer',
    create: TCreate,
    calc: TCalc,
  ) => ({
    create: rpc.method(`${name}.create`, create, orderSchema),
    calc: rpc.method(`${name}.calc`, calc, calcSchema, { idempotent: true }),
    get: rpc.method(`${name}.get`, externalIdSchema, orderSchema, { idempotent: true }),
  });
  return {
    convert: model('convert', schemas.convertCreate, schemas.convertCalc),
    transfer: model('transfer', schemas.transferCreate, schemas.transferCalc),
  };
}
