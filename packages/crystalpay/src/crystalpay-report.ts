import type { DefineEndpoint, RequestOptions } from '@pay/core';
import * as v from 'valibot';
import { invoiceSchema } from './crystalpay-invoice.ts';
import { payoffSchema } from './crystalpay-payoff.ts';
import type { CrystalPayEndpointExtras } from './crystalpay-request.ts';
import {
  listItems,
  optionalAmount,
  optionalBoolean,
  optionalScalar,
  wholeNumber,
} from './crystalpay-schemas.ts';
import { swapSchema } from './crystalpay-swap.ts';
import { transferSchema } from './crystalpay-transfer.ts';

/** How far back a report looks, in days from today (clients say days: unconfirmed). */
const period = () => wholeNumber(1);

/** Parameters of every `report/<kind>/history/`. */
const historyParamsSchema = v.strictObject({
  /** Page number, from 1. */
  page: wholeNumber(1),
  /** Records per page. */
  items: wholeNumber(1),
  period: period(),
});
/** Parameters of `report/invoice/summary/` and `report/payoff/summary/`. */
const summaryParamsSchema = v.strictObject({ period: period() });

/** What `report.invoice.history()` takes: `page` (from 1), `items` per page, `period` in days. */
export type ReportInvoiceHistoryParams = v.InferInput<typeof historyParamsSchema>;
/** What `report.payoff.history()` takes: `page` (from 1), `items` per page, `period` in days. */
export type ReportPayoffHistoryParams = v.InferInput<typeof historyParamsSchema>;
/** What `report.swap.history()` takes: `page` (from 1), `items` per page, `period` in days. */
export type ReportSwapHistoryParams = v.InferInput<typeof historyParamsSchema>;
/** What `report.transfer.history()` takes: `page` (from 1), `items` per page, `period` in days. */
export type ReportTransferHistoryParams = v.InferInput<typeof historyParamsSchema>;
/** What `report.invoice.summary()` takes: the `period` in days. */
export type ReportInvoiceSummaryParams = v.InferInput<typeof summaryParamsSchema>;
/** What `report.payoff.summary()` takes: the `period` in days. */
export type ReportPayoffSummaryParams = v.InferInput<typeof summaryParamsSchema>;

/** A page of a history: the records and whether another page follows. */
const historyResult = <TItem extends v.GenericSchema>(item: TItem) =>
  v.looseObject({ items: listItems(item), has_next_page: optionalBoolean() });

/** The `report/<kind>/summary/` response: totals over the period. */
const summaryResultSchema = v.looseObject({
  payed_rub_amount: optionalAmount(),
  payed_count: optionalScalar(),
  total_count: optionalScalar(),
  conversion_percent: optionalScalar(),
});

const invoiceHistory = historyResult(invoiceSchema);
const payoffHistory = historyResult(payoffSchema);
const swapHistory = historyResult(swapSchema);
const transferHistory = historyResult(transferSchema);
/** What `report.invoice.history()` returns: a page of invoices. */
export type ReportInvoiceHistoryResult = v.InferOutput<typeof invoiceHistory>;
/** What `report.payoff.history()` returns: a page of payoffs. */
export type ReportPayoffHistoryResult = v.InferOutput<typeof payoffHistory>;
/** What `report.swap.history()` returns: a page of swaps. */
export type ReportSwapHistoryResult = v.InferOutput<typeof swapHistory>;
/** What `report.transfer.history()` returns: a page of transfers. */
export type ReportTransferHistoryResult = v.InferOutput<typeof transferHistory>;
/** What `report.invoice.summary()` returns: paid and total counts, the paid sum in RUB. */
export type ReportInvoiceSummaryResult = v.InferOutput<typeof summaryResultSchema>;
/** What `report.payoff.summary()` returns: paid and total counts, the paid sum in RUB. */
export type ReportPayoffSummaryResult = v.InferOutput<typeof summaryResultSchema>;

/** Invoice reports: reads, retried; each rejects with a `PayCallError`. */
export interface CrystalPayReportInvoiceApi {
  /** `POST /v3/report/invoice/history/`: your invoices over the last `period` days. */
  history(
    params: ReportInvoiceHistoryParams,
    options?: RequestOptions,
  ): Promise<ReportInvoiceHistoryResult>;
  /** `POST /v3/report/invoice/summary/`: paid and total invoice counts, the paid sum in RUB. */
  summary(
    params: ReportInvoiceSummaryParams,
    options?: RequestOptions,
  ): Promise<ReportInvoiceSummaryResult>;
}

/** Payoff reports: reads, retried; each rejects with a `PayCallError`. */
export interface CrystalPayReportPayoffApi {
  /** `POST /v3/report/payoff/history/`: your payoffs over the last `period` days. */
  history(
    params: ReportPayoffHistoryParams,
    options?: RequestOptions,
  ): Promise<ReportPayoffHistoryResult>;
  /** `POST /v3/report/payoff/summary/`: paid and total payoff counts, the paid sum in RUB. */
  summary(
    params: ReportPayoffSummaryParams,
    options?: RequestOptions,
  ): Promise<ReportPayoffSummaryResult>;
}

/** Swap reports: a read, retried; it rejects with a `PayCallError`. */
export interface CrystalPayReportSwapApi {
  /** `POST /v3/report/swap/history/`: your swaps over the last `period` days. */
  history(
    params: ReportSwapHistoryParams,
    options?: RequestOptions,
  ): Promise<ReportSwapHistoryResult>;
}

/** Transfer reports: a read, retried; it rejects with a `PayCallError`. */
export interface CrystalPayReportTransferApi {
  /** `POST /v3/report/transfer/history/`: your transfers over the last `period` days. */
  history(
    params: ReportTransferHistoryParams,
    options?: RequestOptions,
  ): Promise<ReportTransferHistoryResult>;
}

/**
 * The report methods: histories (a page at a time) and summaries. Every report is a read
 * (retried) and rejects with a `PayCallError` (see `@pay/core`).
 */
export interface CrystalPayReportApi {
  /** `report/invoice/history/`, `report/invoice/summary/`. */
  invoice: CrystalPayReportInvoiceApi;
  /** `report/payoff/history/`, `report/payoff/summary/`. */
  payoff: CrystalPayReportPayoffApi;
  /** `report/swap/history/`. */
  swap: CrystalPayReportSwapApi;
  /** `report/transfer/history/`. */
  transfer: CrystalPayReportTransferApi;
}

/** Builds the `report` group of a client. */
export function createReportApi(
  define: DefineEndpoint<CrystalPayEndpointExtras>,
): CrystalPayReportApi {
  const read = <TParams extends v.GenericSchema, TResult extends v.GenericSchema>(
    operation: `report/${string}`,
    params: TParams,
    result: TResult,
  ) => define({ operation, path: `v3/${operation}/`, params, result, idempotent: true });
  return {
    invoice: {
      history: read('report/invoice/history', historyParamsSchema, invoiceHistory),
      summary: read('report/invoice/summary', summaryParamsSchema, summaryResultSchema),
    },
    payoff: {
      history: read('report/payoff/history', historyParamsSchema, payoffHistory),
      summary: read('report/payoff/summary', summaryParamsSchema, summaryResultSchema),
    },
    swap: { history: read('report/swap/history', historyParamsSchema, swapHistory) },
    transfer: { history: read('report/transfer/history', historyParamsSchema, transferHistory) },
  };
}
