export type {
  BalanceAllParams,
  BalanceAllResult,
  CryptoCloudBalanceApi,
} from './cryptocloud-balance.ts';
export {
  CRYPTOCLOUD_BASE_URL,
  type CryptoCloudClient,
  type CryptoCloudSettings,
  createCryptoCloud,
  DEFAULT_WEBHOOK_CLOCK_TOLERANCE_MS,
} from './cryptocloud-client.ts';
export { readCryptoCloudError, WITHDRAWAL_INTERVAL_SECONDS } from './cryptocloud-errors.ts';
export { CRYPTOCLOUD_GATEWAY_STATUSES, createCryptoCloudGateway } from './cryptocloud-gateway.ts';
export type { CryptoCloudInvoiceApi } from './cryptocloud-invoice.ts';
export type {
  InvoiceCancelParams,
  InvoiceCancelResult,
  InvoiceCreateParams,
  InvoiceCreateResult,
  InvoiceInfoParams,
  InvoiceInfoResult,
  InvoiceListParams,
  InvoiceListResult,
} from './cryptocloud-invoice-schemas.ts';
export {
  type Currency,
  type DocumentedInvoiceStatus,
  INVOICE_STATUSES,
  type Invoice,
  type InvoiceStatus,
} from './cryptocloud-schemas.ts';
export type {
  CryptoCloudStaticWalletApi,
  StaticWalletCreateParams,
  StaticWalletCreateResult,
} from './cryptocloud-static-wallet.ts';
export type {
  CryptoCloudStatisticsApi,
  StatisticsParams,
  StatisticsResult,
} from './cryptocloud-statistics.ts';
export type {
  CryptoCloudV1Api,
  CryptoCloudV1InvoiceApi,
  V1InvoiceCreateParams,
  V1InvoiceCreateResult,
} from './cryptocloud-v1.ts';
export type { CryptoCloudWebhooksApi } from './cryptocloud-webhooks.ts';
export type {
  CryptoCloudWebhookEvent,
  PostbackInvoice,
  WebhooksSignParams,
} from './cryptocloud-webhooks-schemas.ts';
export type {
  CryptoCloudWithdrawalApi,
  WithdrawalCreateParams,
  WithdrawalCreateResult,
} from './cryptocloud-withdrawal.ts';
export { VERSION } from './version.ts';
