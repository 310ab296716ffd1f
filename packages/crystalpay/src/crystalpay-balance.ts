import type { DefineEndpoint, RequestOptions } from '@pay/core';
import * as v from 'valibot';
import type { CrystalPayEndpointExtras } from './crystalpay-request.ts';
import {
  keyedItems,
  optionalAmount,
  optionalScalar,
  optionalText,
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
const balanceListParamsSchema = v.optional(
  v.strictObject({
    /** Leave out methods with a zero balance. CrystalPay's default: `false`. */
    hide_empty: v.optional(v.boolean()),
  }),
  {},
);
/** What `balance.list()` takes. */
export type BalanceListParams = v.InferInput<typeof balanceListParamsSchema>;

/** The `balance/list/` response: balances keyed by method (`BITCOIN`, `USDTTRC`, …). */
const balanceListResultSchema = v.looseObject({
  items: keyedItems(v.looseObject(balanceFields)),
});
/** What `balance.list()` returns. */
export type BalanceListResult = v.InferOutput<typeof balanceListResultSchema>;

/** Parameters of `balance/get/`. */
const balanceGetParamsSchema = v.strictObject({ method: text() });
/** What `balance.get()` takes. */
export type BalanceGetParams = v.InferInput<typeof balanceGetParamsSchema>;

/** The `balance/get/` response: one method's balance. */
const balanceGetResultSchema = v.looseObject({ method: optionalText(), ...balanceFields });
/** What `balance.get()` returns. */
export type BalanceGetResult = v.InferOutput<typeof balanceGetResultSchema>;

/** The balance methods: reads, retried; each rejects with a `PayCallError` (see `@pay/core`). */
export interface CrystalPayBalanceApi {
  /** `POST /v3/balance/list/`: every method's balance. An empty list arrives as `{}`. */
  list(params?: BalanceListParams, options?: RequestOptions): Promise<BalanceListResult>;
  /** `POST /v3/balance/get/`: one method's balance. An unknown method is a `PayApiError`. */
  get(params: BalanceGetParams, options?: RequestOptions): Promise<BalanceGetResult>;
}

/** Builds the `balance` group of a client. */
export function createBalanceApi(
  define: DefineEndpoint<CrystalPayEndpointExtras>,
): CrystalPayBalanceApi {
  return {
    list: define({
      operation: 'balance/list',
      path: 'v3/balance/list/',
      params: balanceListParamsSchema,
      result: balanceListResultSchema,
      idempotent: true,
    }),
    get: define({
      operation: 'balance/get',
      path: 'v3/balance/get/',
      params: balanceGetParamsSchema,
      result: balanceGetResultSchema,
      idempotent: true,
    }),
  };
}
