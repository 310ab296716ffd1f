import type { DefineEndpoint, RequestOptions } from '@pay/core';
import * as v from 'valibot';
import type { BitsbyEndpointExtra } from './bitsby-request.ts';
import { noParams, optionalAmount, optionalId, optionalText, paging } from './bitsby-schemas.ts';

const billingHistoryParamsSchema = v.optional(v.strictObject(paging), {});

const billingBalancesResultSchema = v.looseObject({
  internal: optionalAmount(),
  partner: optionalAmount(),
});

/** The EN docs' example is not valid JSON; the RU page shows an array. */
const billingHistoryResultSchema = v.array(
  v.looseObject({
    datetime: optionalText(),
    event: optionalText(),
    target: v.optional(v.unknown()),
    amount: optionalAmount(),
    comment: optionalText(),
  }),
);

/** An array, as for the history. */
const billingTariffsResultSchema = v.array(
  v.looseObject({
    id: optionalId(),
    name: optionalText(),
    /** The payment volume (USD, last 30 days) the tariff applies from. */
    '30dPayments': optionalAmount(),
    /** Who pays the commission: `seller` or `buyer`. */
    payer: optionalText(),
    /** Commission in percent. */
    rate: optionalAmount(),
  }),
);

/** What `billing.balances()` takes: nothing, or `{}`. */
export type BillingBalancesParams = v.InferInput<typeof noParams>;
/** What `billing.history()` takes: `offset` / `limit`, optional. */
export type BillingHistoryParams = v.InferInput<typeof billingHistoryParamsSchema>;
/** What `billing.tariffs()` takes: nothing, or `{}`. */
export type BillingTariffsParams = v.InferInput<typeof noParams>;
/** What `billing.balances()` returns. */
export type BillingBalancesResult = v.InferOutput<typeof billingBalancesResultSchema>;
/** What `billing.history()` returns. */
export type BillingHistoryResult = v.InferOutput<typeof billingHistoryResultSchema>;
/** What `billing.tariffs()` returns. */
export type BillingTariffsResult = v.InferOutput<typeof billingTariffsResultSchema>;

/**
 * `client.billing`: the account's money. Every method rejects with a `PayCallError` (see
 * `@pay/core`); all are reads, retried after "Requests too frequent", 429, 5xx or a network
 * failure.
 */
export interface BitsbyBillingApi {
  /** `POST /billing/balances`: the account's `internal` and `partner` balances (decimal strings). */
  balances(
    params?: BillingBalancesParams,
    options?: RequestOptions,
  ): Promise<BillingBalancesResult>;
  /** `POST /billing/history`: balance changes, paged by `offset` / `limit`. */
  history(params?: BillingHistoryParams, options?: RequestOptions): Promise<BillingHistoryResult>;
  /** `POST /billing/tarrifs` (Bitsby's spelling, kept in the URL): the project tariffs. */
  tariffs(params?: BillingTariffsParams, options?: RequestOptions): Promise<BillingTariffsResult>;
}

/** Builds `client.billing`. */
export function createBitsbyBilling(define: DefineEndpoint<BitsbyEndpointExtra>): BitsbyBillingApi {
  return {
    balances: define({
      operation: 'billing/balances',
      path: 'billing/balances',
      params: noParams,
      result: billingBalancesResultSchema,
      idempotent: true,
    }),
    history: define({
      operation: 'billing/history',
      path: 'billing/history',
      params: billingHistoryParamsSchema,
      result: billingHistoryResultSchema,
      idempotent: true,
    }),
    // Bitsby's path is misspelt `tarrifs`; the method keeps the English word.
    tariffs: define({
      operation: 'billing/tarrifs',
      path: 'billing/tarrifs',
      params: noParams,
      result: billingTariffsResultSchema,
      idempotent: true,
    }),
  };
}
