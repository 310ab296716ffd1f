import type { RequestOptions } from '@pay/core';
import type * as v from 'valibot';
import { type BitsbyCall, defineMethod } from './bitsby-call.ts';
import {
  type BillingBalancesResult,
  type BillingHistoryResult,
  type BillingTariffsResult,
  billingBalancesResultSchema,
  billingHistoryResultSchema,
  billingTariffsResultSchema,
  type Payment,
  paymentListResultSchema,
  type StatisticsInvoicesResult,
  statisticsInvoicesResultSchema,
} from './bitsby-result-schemas.ts';
import {
  type BillingHistoryParams,
  billingHistoryParamsSchema,
  type NoParams,
  noParamsSchema,
  type PaymentListParams,
  paymentListParamsSchema,
  type StatisticsInvoicesParams,
  statisticsInvoicesParamsSchema,
} from './bitsby-schemas.ts';

// Account-wide reads. All are safe to send again, so all are retried after "Requests too
// frequent", 429, 5xx or a network failure (up to `maxRetries`), each attempt queued.
//
// Every method here throws:
//   PayValidationError bad params, before any request
//   PayApiError        Bitsby said no (`result: "error"`), after the retries
//   PayNetworkError    no response after the retries, or aborted
//   PayResponseError   a response that is not the documented JSON

/** `client.payments`. */
export interface BitsbyPayments {
  /**
   * `POST /payments/list`: incoming payments, optionally by wallet, invoice or period.
   * Bitsby detects payments only while the project has active unpaid invoices.
   * @throws PayValidationError | PayApiError | PayNetworkError | PayResponseError (see above)
   */
  list(params?: PaymentListParams, options?: RequestOptions): Promise<Payment[]>;
}

/** `client.billing`. */
export interface BitsbyBilling {
  /**
   * `POST /billing/balances`: the account's `internal` and `partner` balances (decimal strings).
   * @throws PayValidationError | PayApiError | PayNetworkError | PayResponseError (see above)
   */
  balances(params?: NoParams, options?: RequestOptions): Promise<BillingBalancesResult>;
  /**
   * `POST /billing/history`: balance changes, paged by `offset` / `limit`.
   * @throws PayValidationError | PayApiError | PayNetworkError | PayResponseError (see above)
   */
  history(params?: BillingHistoryParams, options?: RequestOptions): Promise<BillingHistoryResult>;
  /**
   * `POST /billing/tarrifs` (Bitsby's spelling, kept in the URL): the project tariffs.
   * @throws PayValidationError | PayApiError | PayNetworkError | PayResponseError (see above)
   */
  tariffs(params?: NoParams, options?: RequestOptions): Promise<BillingTariffsResult>;
}

/** `client.statistics`. */
export interface BitsbyStatistics {
  /**
   * `POST /statistics/invoices`: invoice counts and sums, optionally for a period.
   * @throws PayValidationError | PayApiError | PayNetworkError | PayResponseError (see above)
   */
  invoices(
    params?: StatisticsInvoicesParams,
    options?: RequestOptions,
  ): Promise<StatisticsInvoicesResult>;
}

/** Builds the read-only groups `payments`, `billing` and `statistics`. */
export function createBitsbyAccount(call: BitsbyCall): {
  payments: BitsbyPayments;
  billing: BitsbyBilling;
  statistics: BitsbyStatistics;
} {
  const read = <TParams extends v.GenericSchema, TResult extends v.GenericSchema>(
    path: string,
    params: TParams,
    result: TResult,
  ) => defineMethod(call, path, { params, result, idempotent: true });

  return {
    payments: {
      list: read('payments/list', paymentListParamsSchema, paymentListResultSchema),
    },
    billing: {
      balances: read('billing/balances', noParamsSchema, billingBalancesResultSchema),
      history: read('billing/history', billingHistoryParamsSchema, billingHistoryResultSchema),
      // Bitsby's path is misspelt `tarrifs`; the method keeps the English word.
      tariffs: read('billing/tarrifs', noParamsSchema, billingTariffsResultSchema),
    },
    statistics: {
      invoices: read(
        'statistics/invoices',
        statisticsInvoicesParamsSchema,
        statisticsInvoicesResultSchema,
      ),
    },
  };
}
