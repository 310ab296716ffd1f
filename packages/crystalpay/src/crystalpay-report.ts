import type { RequestOptions } from '@pay/core';
import * as v from 'valibot';
import { type CrystalPayContext, endpoint } from './crystalpay-endpoint.ts';
import { invoiceSchema } from './crystalpay-invoice.ts';
import { payoffSchema } from './crystalpay-payoff.ts';
import {
  listItems,
  optionalAmount,
  optionalBoolean,
  optionalScalar,
  result,
  wholeNumber,
} from './crystalpay-schemas.ts';
import { swapSchema } from './crystalpay-swap.ts';
import { transferSchema } from './crystalpay-transfer.ts';

/** How far back a report looks, in days from today (clients say days: unconfirmed). */
const period = () => wholeNumber(1);

/** Parameters of every `report/<kind>/history/`. */
export const reportHistoryParamsSchema = v.strictObject({
  /** Page number, from 1. */
  page: wholeNumber(1),
  /** Records per page. */
  items: wholeNumber(1),
  period: period(),
});
/** What the `report.<kind>.history()` methods take. */
export type ReportHistoryParams = v.InferInput<typeof reportHistoryParamsSchema>;

/** Parameters of `report/invoice/summary/` and `report/payoff/summary/`. */
export const reportSummaryParamsSchema = v.strictObject({ period: period() });
/** What the `report.<kind>.summary()` methods take. */
export type ReportSummaryParams = v.InferInput<typeof reportSummaryParamsSchema>;

/** A page of a history: the records and whether another page follows. */
const historyResult = <TItem extends v.GenericSchema>(item: TItem) =>
  result({ items: listItems(item), has_next_page: optionalBoolean() });

/** The `report/<kind>/summary/` response: totals over the period. */
export const reportSummaryResultSchema = result({
  payed_rub_amount: optionalAmount(),
  payed_count: optionalScalar(),
  total_count: optionalScalar(),
  conversion_percent: optionalScalar(),
});
/** What the `report.<kind>.summary()` methods return. */
export type ReportSummary = v.InferOutput<typeof reportSummaryResultSchema>;

const invoiceHistory = historyResult(invoiceSchema);
const payoffHistory = historyResult(payoffSchema);
const swapHistory = historyResult(swapSchema);
const transferHistory = historyResult(transferSchema);
/** A page of `report/invoice/history/`. */
export type InvoiceHistory = v.InferOutput<typeof invoiceHistory>;
/** A page of `report/payoff/history/`. */
export type PayoffHistory = v.InferOutput<typeof payoffHistory>;
/** A page of `report/swap/history/`. */
export type SwapHistory = v.InferOutput<typeof swapHistory>;
/** A page of `report/transfer/history/`. */
export type TransferHistory = v.InferOutput<typeof transferHistory>;

// Every report is a read: retried on 429, 5xx and network failures, and each one throws
// PayValidationError (bad params, before any request), PayApiError (CrystalPay said no, or a
// non-2xx status), PayNetworkError (no response after the retries) or PayResponseError (a
// response that is not the documented JSON).

/** The report methods: histories (a page at a time) and summaries. */
export interface CrystalPayReportApi {
  invoice: {
    /**
     * `POST /v3/report/invoice/history/`: your invoices over the last `period` days.
     * @throws PayValidationError | PayApiError | PayNetworkError | PayResponseError
     */
    history(params: ReportHistoryParams, options?: RequestOptions): Promise<InvoiceHistory>;
    /**
     * `POST /v3/report/invoice/summary/`: paid and total invoice counts and the paid sum in RUB.
     * @throws PayValidationError | PayApiError | PayNetworkError | PayResponseError
     */
    summary(params: ReportSummaryParams, options?: RequestOptions): Promise<ReportSummary>;
  };
  payoff: {
    /**
     * `POST /v3/report/payoff/history/`: your payoffs over the last `period` days.
     * @throws PayValidationError | PayApiError | PayNetworkError | PayResponseError
     */
    history(params: ReportHistoryParams, options?: RequestOptions): Promise<PayoffHistory>;
    /**
     * `POST /v3/report/payoff/summary/`: paid and total payoff counts and the paid sum in RUB.
     * @throws PayValidationError | PayApiError | PayNetworkError | PayResponseError
     */
    summary(params: ReportSummaryParams, options?: RequestOptions): Promise<ReportSummary>;
  };
  swap: {
    /**
     * `POST /v3/report/swap/history/`: your swaps over the last `period` days.
     * @throws PayValidationError | PayApiError | PayNetworkError | PayResponseError
     */
    history(params: ReportHistoryParams, options?: RequestOptions): Promise<SwapHistory>;
  };
  transfer: {
    /**
     * `POST /v3/report/transfer/history/`: your transfers over the last `period` days.
     * @throws PayValidationError | PayApiError | PayNetworkError | PayResponseError
     */
    history(params: ReportHistoryParams, options?: RequestOptions): Promise<TransferHistory>;
  };
}

/** Builds the `report` group of a client. */
export function createReportApi(context: CrystalPayContext): CrystalPayReportApi {
  const read = <TParams extends v.GenericSchema, TResult extends v.GenericSchema>(
    path: string,
    params: TParams,
    resultSchema: TResult,
  ) => endpoint(context, { path: `report/${path}/`, params, result: resultSchema, read: true });
  return {
    invoice: {
      history: read('invoice/history', reportHistoryParamsSchema, invoiceHistory),
      summary: read('invoice/summary', reportSummaryParamsSchema, reportSummaryResultSchema),
    },
    payoff: {
      history: read('payoff/history', reportHistoryParamsSchema, payoffHistory),
      summary: read('payoff/summary', reportSummaryParamsSchema, reportSummaryResultSchema),
    },
    swap: { history: read('swap/history', reportHistoryParamsSchema, swapHistory) },
    transfer: { history: read('transfer/history', reportHistoryParamsSchema, transferHistory) },
  };
}
