export type {
  BillingBalancesParams,
  BillingBalancesResult,
  BillingHistoryParams,
  BillingHistoryResult,
  BillingTariffsParams,
  BillingTariffsResult,
  BitsbyBillingApi,
} from './bitsby-billing.ts';
export {
  BITSBY_BASE_URL,
  type BitsbyClient,
  type BitsbySettings,
  createBitsby,
} from './bitsby-client.ts';
export { RATE_LIMIT_MESSAGE, readBitsbyError } from './bitsby-errors.ts';
export { BITSBY_GATEWAY_STATUSES, createBitsbyGateway } from './bitsby-gateway.ts';
export type {
  BitsbyInvoicesApi,
  InvoicesBindPaymentParams,
  InvoicesCancelParams,
  InvoicesCreateParams,
  InvoicesCreateResult,
  InvoicesGetParams,
  InvoicesListParams,
} from './bitsby-invoices.ts';
export type { BitsbyPaymentsApi, Payment, PaymentsListParams } from './bitsby-payments.ts';
export { DEFAULT_MIN_INTERVAL_MS, DEFAULT_RETRY_DELAY_MS } from './bitsby-request.ts';
export { INVOICE_STATUSES, type Invoice, type InvoiceStatus } from './bitsby-schemas.ts';
export type {
  BitsbyStatisticsApi,
  StatisticsInvoicesParams,
  StatisticsInvoicesResult,
} from './bitsby-statistics.ts';
export type {
  BitsbyWebhookEvent,
  BitsbyWebhooksApi,
  WebhooksSignParams,
} from './bitsby-webhooks.ts';
export { VERSION } from './version.ts';
