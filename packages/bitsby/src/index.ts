export type {
  BitsbyBilling,
  BitsbyPayments,
  BitsbyStatistics,
} from './bitsby-account.ts';
export { DEFAULT_RETRY_DELAY_MS } from './bitsby-call.ts';
export {
  BITSBY_BASE_URL,
  type BitsbyClient,
  type BitsbySettings,
  createBitsby,
} from './bitsby-client.ts';
export { RATE_LIMIT_MESSAGE, readBitsbyError } from './bitsby-errors.ts';
export type { BitsbyInvoices } from './bitsby-invoices.ts';
export { DEFAULT_MIN_INTERVAL_MS } from './bitsby-rate-limit.ts';
export type {
  BillingBalancesResult,
  BillingHistoryResult,
  BillingTariffsResult,
  Invoice,
  InvoiceCreateResult,
  Payment,
  StatisticsInvoicesResult,
} from './bitsby-result-schemas.ts';
export type {
  BillingHistoryParams,
  InvoiceBindPaymentParams,
  InvoiceCancelParams,
  InvoiceCreateParams,
  InvoiceGetParams,
  InvoiceListParams,
  NoParams,
  PaymentListParams,
  StatisticsInvoicesParams,
} from './bitsby-schemas.ts';
export type {
  BitsbyConfirmedWebhookEvent,
  BitsbyWebhookEvent,
  BitsbyWebhooks,
} from './bitsby-webhooks.ts';
export { VERSION } from './version.ts';
