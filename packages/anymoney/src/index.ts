export type {
  Address,
  AddressCreateParams,
  AddressGetParams,
  AddressListParams,
  AddressPaywaysParams,
  AddressPaywaysResult,
  AnyMoneyAddressApi,
} from './anymoney-address.ts';
export type {
  AnyMoneyBalanceApi,
  BalanceParams,
  BalanceResult,
  TotalBalanceParams,
  TotalBalanceResult,
} from './anymoney-balance.ts';
export {
  ANYMONEY_BASE_URL,
  type AnyMoneyClient,
  type AnyMoneySettings,
  createAnyMoney,
} from './anymoney-client.ts';
export type {
  AnyMoneyCodeApi,
  CodeCreateParams,
  CodeCreateResult,
  CodeGetParams,
  CodeGetResult,
  CodeRedeemParams,
  CodeVerifyParams,
  CodeVerifyResult,
} from './anymoney-code.ts';
export type {
  AnyMoneyConvertApi,
  ConvertCalcParams,
  ConvertCreateParams,
  ConvertGetParams,
} from './anymoney-convert.ts';
export { readAnyMoneyError } from './anymoney-errors.ts';
export { ANYMONEY_GATEWAY_STATUSES, createAnyMoneyGateway } from './anymoney-gateway.ts';
export type {
  AnyMoneyHistoryApi,
  HistoryAddressParams,
  HistoryCodeParams,
  HistoryConvertParams,
  HistoryInvoiceParams,
  HistoryPayoutParams,
  HistoryStatementParams,
  HistoryTransferParams,
  StatementEntry,
} from './anymoney-history.ts';
export type {
  AnyMoneyInfoApi,
  InfoCurrenciesResult,
  InfoExchangesResult,
} from './anymoney-info.ts';
export type {
  AnyMoneyInvoiceApi,
  InvoiceCalcParams,
  InvoiceCreateParams,
  InvoiceCreateResult,
  InvoiceGetParams,
  InvoiceGetResult,
} from './anymoney-invoice.ts';
export type {
  AnyMoneyPayoutApi,
  PayoutCalcParams,
  PayoutCancelParams,
  PayoutCreateParams,
  PayoutGetParams,
} from './anymoney-payout.ts';
export type {
  AnyMoneyPaywayApi,
  PaywayActivateParams,
  PaywayDeactivateParams,
  PaywayListResult,
  PaywayState,
} from './anymoney-payway.ts';
export type {
  AnyMoneyPwcurrencyApi,
  PwcurrencyListResult,
  PwcurrencyPwcmaSwitchParams,
  PwcurrencyPwcmaSwitchResult,
} from './anymoney-pwcurrency.ts';
export type { AnyMoneyCallApi, CallOptions, CallParams } from './anymoney-raw-call.ts';
export {
  type Calculation,
  type DecimalSeparator,
  FINAL_ORDER_STATUSES,
  LIFETIME_RANGE,
  ORDER_STATUSES,
  ORDER_TYPES,
  type Order,
  type OrderStatus,
  type OrderType,
  type Page,
} from './anymoney-schemas.ts';
export {
  ANYMONEY_SCI_BASE_URL,
  type AnyMoneySciApi,
  type SciInvoiceFormParams,
  type SciInvoiceFormResult,
} from './anymoney-sci.ts';
export {
  callbackSigningText,
  type ParamValue,
  type RpcParams,
  requestSigningText,
  signCallback,
  signRequest,
  signSciFields,
} from './anymoney-signing.ts';
export type { AnyMoneyStatusApi, StatusParams } from './anymoney-status.ts';
export type {
  AnyMoneyTransferApi,
  TransferCalcParams,
  TransferCreateParams,
  TransferGetParams,
} from './anymoney-transfer.ts';
export type {
  AnyMoneyWebhookEvent,
  AnyMoneyWebhooksApi,
  WebhookSignatureCheck,
  WebhooksSignParams,
} from './anymoney-webhooks.ts';
export { VERSION } from './version.ts';
