export type { CryptoCloudAccountMethods } from './cryptocloud-account.ts';
export type {
  BalanceAllParams,
  BalanceAllResult,
  StaticWalletCreateParams,
  StaticWalletCreateResult,
  StatisticsParams,
  StatisticsResult,
  WithdrawalCreateParams,
  WithdrawalCreateResult,
} from './cryptocloud-account-schemas.ts';
export {
  CRYPTOCLOUD_BASE_URL,
  type CryptoCloudClient,
  type CryptoCloudSettings,
  createCryptoCloud,
  DEFAULT_WEBHOOK_CLOCK_TOLERANCE_MS,
} from './cryptocloud-client.ts';
export { readCryptoCloudError, WITHDRAWAL_INTERVAL_SECONDS } from './cryptocloud-errors.ts';
export type { CryptoCloudInvoiceMethods } from './cryptocloud-invoice.ts';
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
export type {
  CryptoCloudPostback,
  PostbackInvoice,
  PostbackSignParams,
} from './cryptocloud-postback-schemas.ts';
export type { Currency, Invoice, InvoiceStatus } from './cryptocloud-schemas.ts';
export type { CryptoCloudV1Methods } from './cryptocloud-v1.ts';
export type { V1InvoiceCreateParams, V1InvoiceCreateResult } from './cryptocloud-v1-schemas.ts';
export type {
  CryptoCloudWebhooks,
  PostbackSignOptions,
  PostbackVerifyOptions,
  SignedPostback,
} from './cryptocloud-webhooks.ts';
export type { CryptoCloudWithdrawalMethods } from './cryptocloud-withdrawal.ts';
export { VERSION } from './version.ts';
