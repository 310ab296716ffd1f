export type {
  BalanceGet,
  BalanceGetParams,
  BalanceList,
  BalanceListParams,
  CrystalPayBalanceApi,
} from './crystalpay-balance.ts';
export {
  CRYSTALPAY_BASE_URL,
  type CrystalPayClient,
  type CrystalPaySettings,
  createCrystalPay,
} from './crystalpay-client.ts';
export { readCrystalPayError } from './crystalpay-errors.ts';
export {
  type CrystalPayInvoiceApi,
  INVOICE_STATES,
  type InvoiceCreateParams,
  type InvoiceCreateResult,
  type InvoiceInfo,
  type InvoiceInfoParams,
  type InvoiceState,
} from './crystalpay-invoice.ts';
export type { CrystalPayMeApi, MeInfo } from './crystalpay-me.ts';
export type {
  CrystalPayMethodApi,
  MethodEdit,
  MethodEditParams,
  MethodGet,
  MethodGetParams,
  MethodList,
  MethodListParams,
} from './crystalpay-method.ts';
export {
  type CrystalPayPayoffApi,
  PAYOFF_STATES,
  type PayoffCreateParams,
  type PayoffIdParams,
  type PayoffInfo,
  type PayoffState,
} from './crystalpay-payoff.ts';
export type {
  CrystalPayReportApi,
  InvoiceHistory,
  PayoffHistory,
  ReportHistoryParams,
  ReportSummary,
  ReportSummaryParams,
  SwapHistory,
  TransferHistory,
} from './crystalpay-report.ts';
export {
  INVOICE_TYPES,
  type InvoiceType,
  type OpenEnum,
  SUBTRACT_FROM,
  type SubtractFrom,
} from './crystalpay-schemas.ts';
export {
  CRYSTALPAY_SIGNED_FIELDS,
  type CrystalPaySignedFields,
  type CrystalPaySignedOperation,
} from './crystalpay-signature.ts';
export {
  type CrystalPaySwapApi,
  SWAP_AMOUNT_TYPES,
  SWAP_STATES,
  type SwapCreateParams,
  type SwapIdParams,
  type SwapInfo,
  type SwapPairGet,
  type SwapPairGetParams,
  type SwapPairList,
  type SwapPairListParams,
} from './crystalpay-swap.ts';
export type {
  CrystalPayTickerApi,
  TickerGet,
  TickerGetParams,
  TickerList,
} from './crystalpay-ticker.ts';
export {
  type CrystalPayTransferApi,
  TRANSFER_STATES,
  TRANSFER_TYPES,
  type TransferCreateParams,
  type TransferIdParams,
  type TransferInfo,
} from './crystalpay-transfer.ts';
export {
  CRYSTALPAY_CALLBACK_IPS,
  type CrystalPayCallback,
  type CrystalPaySignedCallback,
  type CrystalPayVerifyOptions,
  type CrystalPayWebhooks,
  type InvoiceCallback,
} from './crystalpay-webhooks.ts';
export { VERSION } from './version.ts';
