import { amountOutput, type DefineEndpoint, type RequestOptions } from '@pay/core';
import * as v from 'valibot';
import type { BitsbyEndpointExtra } from './bitsby-request.ts';
import { date, optionalAmount } from './bitsby-schemas.ts';

const statisticsInvoicesParamsSchema = v.optional(
  v.strictObject({ startDate: v.optional(date()), endDate: v.optional(date()) }),
  {},
);

/**
 * A JSON object keyed by project, currency, month or date. Bitsby's examples look like PHP's
 * `json_encode`, which writes an empty map as `[]`: that is read as `{}`.
 */
function phpMap<TItem extends v.GenericSchema>(item: TItem) {
  return v.optional(
    v.nullable(
      v.union([
        v.pipe(
          v.tuple([]),
          v.transform(() => ({}) as Record<string, v.InferOutput<TItem>>),
        ),
        v.record(v.string(), item),
      ]),
    ),
  );
}

const count = () => v.optional(v.nullable(v.union([v.number(), v.string()])));

const statisticsInvoicesResultSchema = v.looseObject({
  invoicesTotalNum: count(),
  invoicesPaidNum: count(),
  invoicesTotalUSD: optionalAmount(),
  /** USD by project id. */
  invoicesByProjects: phpMap(amountOutput()),
  /** Sum by fiat currency. */
  invoicesByCurrencies: phpMap(amountOutput()),
  /** USD by month, e.g. `March-2024`. */
  invoicesByMonths: phpMap(amountOutput()),
  /** By `YYYY-MM-DD`: `date` in epoch milliseconds and the `value`. */
  invoicesByDate: phpMap(
    v.looseObject({ date: v.optional(v.nullable(v.number())), value: optionalAmount() }),
  ),
});

/** What `statistics.invoices()` takes: a period, optional. */
export type StatisticsInvoicesParams = v.InferInput<typeof statisticsInvoicesParamsSchema>;
/** What `statistics.invoices()` returns. */
export type StatisticsInvoicesResult = v.InferOutput<typeof statisticsInvoicesResultSchema>;

/**
 * `client.statistics`. Its method rejects with a `PayCallError` (see `@pay/core`); a read,
 * retried after "Requests too frequent", 429, 5xx or a network failure.
 */
export interface BitsbyStatisticsApi {
  /** `POST /statistics/invoices`: invoice counts and sums, optionally for a period. */
  invoices(
    params?: StatisticsInvoicesParams,
    options?: RequestOptions,
  ): Promise<StatisticsInvoicesResult>;
}

/** Builds `client.statistics`. */
export function createBitsbyStatistics(
  define: DefineEndpoint<BitsbyEndpointExtra>,
): BitsbyStatisticsApi {
  return {
    invoices: define({
      operation: 'statistics/invoices',
      path: 'statistics/invoices',
      params: statisticsInvoicesParamsSchema,
      result: statisticsInvoicesResultSchema,
      idempotent: true,
    }),
  };
}
