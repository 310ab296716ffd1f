import type { RequestOptions } from '@pay/core';
import * as v from 'valibot';
import { type CrystalPayContext, endpoint } from './crystalpay-endpoint.ts';
import {
  keyedItems,
  optionalAmount,
  optionalScalar,
  optionalText,
  result,
  text,
} from './crystalpay-schemas.ts';

const balanceFields = {
  name: optionalText(),
  amount: optionalAmount(),
  currency: optionalText(),
  /** Decimal places the method's amounts use. */
  amount_accuracy: optionalScalar(),
};

/** Parameters of `balance/list/`. */
export const balanceListParamsSchema = v.optional(
  v.strictObject({
    /** Leave out methods with a zero balance. CrystalPay's default: `false`. */
    hide_empty: v.optional(v.boolean()),
  }),
  {},
);
/** What `balance.list()` takes. */
export type BalanceListParams = v.InferInput<typeof balanceListParamsSchema>;

/** The `balance/list/` response: balances keyed by method (`BITCOIN`, `USDTTRC`, …). */
export const balanceListResultSchema = result({
  items: keyedItems(v.looseObject(balanceFields)),
});
/** What `balance.list()` returns. */
export type BalanceList = v.InferOutput<typeof balanceListResultSchema>;

/** Parameters of `balance/get/`. */
export const balanceGetParamsSchema = v.strictObject({ method: text() });
/** What `balance.get()` takes. */
export type BalanceGetParams = v.InferInput<typeof balanceGetParamsSchema>;

/** The `balance/get/` response: one method's balance. */
export const balanceGetResultSchema = result({ method: optionalText(), ...balanceFields });
/** What `balance.get()` returns. */
export type BalanceGet = v.InferOutput<typeof balanceGetResultSchema>;

/** The balance methods: `balance/list/` and `balance/get/`. */
export interface CrystalPayBalanceApi {
  /**
   * `POST /v3/balance/list/`: every method's balance. An empty list arrives as `{}`. A read:
   * retried on 429, 5xx and network failures.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError CrystalPay said no (`error: true`, HTTP 200), or a non-2xx status
   * @throws PayNetworkError no response after the retries
   * @throws PayResponseError a response that is not the documented JSON
   */
  list(params?: BalanceListParams, options?: RequestOptions): Promise<BalanceList>;
  /**
   * `POST /v3/balance/get/`: one method's balance. A read: retried on 429, 5xx and network
   * failures.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError CrystalPay said no, e.g. an unknown method
   * @throws PayNetworkError no response after the retries
   * @throws PayResponseError a response that is not the documented JSON
   */
  get(params: BalanceGetParams, options?: RequestOptions): Promise<BalanceGet>;
}

/** Builds the `balance` group of a client. */
export function createBalanceApi(context: CrystalPayContext): CrystalPayBalanceApi {
  return {
    list: endpoint(context, {
      path: 'balance/list/',
      params: balanceListParamsSchema,
      result: balanceListResultSchema,
      read: true,
    }),
    get: endpoint(context, {
      path: 'balance/get/',
      params: balanceGetParamsSchema,
      result: balanceGetResultSchema,
      read: true,
    }),
  };
}
