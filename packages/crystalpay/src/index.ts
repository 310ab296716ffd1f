export type { OpenEnum, Undocumented } from '@pay/core';
export type {
  BalanceGetParams,
  BalanceGetResult,
  BalanceListParams,
  BalanceListResult,
  CrystalPayBalanceApi,
} from './crystalpay-balance.ts';
export {
  CRYSTALPAY_BASE_URL,
  type CrystalPayClient,
  type CrystalPaySettings,
  createCrystalPay,
} from './crystalpay-client.ts';
export { readCrystalPayError } from './crystalpay-errors.ts';
export { CRYSTALPAY_GATEWAY_STATUSES, createCrystalPayGateway } from './crystalpay-gateway.ts';
export {
  type CrystalPayInvoiceApi,
  INVOICE_STATES,
  type Invoice,
  type InvoiceCreateParams,
  type InvoiceCreateResult,
  type InvoiceInfoParams,
  type InvoiceState,
} from './crystalpay-invoice.ts';
export type { CrystalPayMeApi, MeInfoResult } from './crystalpay-me.ts';
export type {
  CrystalPayMethodApi,
  MethodEditParams,
  MethodEditResult,
  MethodGetParams,
  MethodGetResult,
  MethodListParams,
  MethodListResult,
} from './crystalpay-method.ts';
export {
  type CrystalPayPayoffApi,
  PAYOFF_STATES,
  type Payoff,
  type PayoffCancelParams,
  type PayoffCreateParams,
  type PayoffInfoParams,
  type PayoffState,
  type PayoffSubmitParams,
} from './crystalpay-payoff.ts';
export type {
  CrystalPayReportApi,
  CrystalPayReportInvoiceApi,
  CrystalPayReportPayoffApi,
  CrystalPayReportSwapApi,
  CrystalPayReportTransferApi,
  ReportInvoiceHistoryParams,
  ReportInvoiceHistoryResult,
  ReportInvoiceSummaryParams,
  ReportInvoiceSummaryResult,
  ReportPayoffHistoryParams,
  ReportPayoffHistoryResult,
  ReportPayoffSummaryParams,
  ReportPayoffSummaryResult,
  ReportSwapHistoryParams,
  ReportSwapHistoryResult,
  ReportTransferHistoryParams,
  ReportTransferHistoryResult,
} from './crystalpay-report.ts';
export {
  INVOICE_TYPES,
  type InvoiceType,
  SUBTRACT_FROM,
  type SubtractFrom,
} from './crystalpay-schemas.ts';
export {
  CRYSTALPAY_SIGNED_FIELDS,
  type CrystalPaySignedFields,
  type CrystalPaySignedOperation,
} from './crystalpay-signing.ts';
export {
  type CrystalPaySwapApi,
  type CrystalPaySwapPairApi,
  SWAP_AMOUNT_TYPES,
  SWAP_STATES,
  type Swap,
  type SwapCancelParams,
  type SwapCreateParams,
  type SwapInfoParams,
  type SwapPairGetParams,
  type SwapPairGetResult,
  type SwapPairListParams,
  type SwapPairListResult,
  type SwapState,
  type SwapSubmitParams,
} from './crystalpay-swap.ts';
export type {
  CrystalPayTickerApi,
  TickerGetParams,
  TickerGetResult,
  TickerListResult,
} from './crystalpay-ticker.ts';
export {
  type CrystalPayTransferApi,
  TRANSFER_STATES,
  TRANSFER_TYPES,
  type Transfer,
  type TransferCancelParams,
  type TransferCreateParams,
  type TransferInfoParams,
  type TransferState,
  type TransferSubmitParams,
} from './crystalpay-transfer.ts';
export {
  CRYSTALPAY_CALLBACK_IPS,
  type CrystalPayWebhookEvent,
  type CrystalPayWebhooksApi,
  type InvoiceCallback,
  type WebhooksSignParams,
} from './crystalpay-webhooks.ts';
export { VERSION } from './version.ts';
