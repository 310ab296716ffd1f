export type {
  AddressCreateParams,
  AddressGetParams,
  AddressListParams,
  AddressMethods,
  AddressPayways,
  AddressPaywaysParams,
} from './anymoney-address.ts';
export type { CallMethod, CallOptions, CallParams } from './anymoney-call.ts';
export {
  callbackSigningText,
  signCallback,
} from './anymoney-callback-signature.ts';
export {
  ANYMONEY_BASE_URL,
  type AnyMoneyClient,
  type AnyMoneySettings,
  createAnyMoney,
} from './anymoney-client.ts';
export type {
  CodeCreateParams,
  CodeInfo,
  CodeMethods,
  CodeRedeemParams,
  CodeVerifyParams,
  CreatedCode,
  VerifiedCode,
} from './anymoney-code.ts';
export { readAnyMoneyError } from './anymoney-errors.ts';
export type {
  BalanceMoveMethods,
  ConvertCalcParams,
  ConvertCreateParams,
  ConvertMethods,
  TransferCalcParams,
  TransferCreateParams,
  TransferMethods,
} from './anymoney-exchange.ts';
export { type DecimalSeparator, type ExternalIdParams, LIFETIME_RANGE } from './anymoney-fields.ts';
export type {
  HistoryAddressParams,
  HistoryMethod,
  HistoryMethods,
  HistoryOrdersByPaywayParams,
  HistoryOrdersParams,
  HistoryStatementParams,
} from './anymoney-history.ts';
export type { InfoCurrencies, InfoExchanges, InfoMethods } from './anymoney-info.ts';
export type { InvoiceCalcParams, InvoiceCreateParams, InvoiceMethods } from './anymoney-invoice.ts';
export type {
  Balances,
  CurrencyFilterParams,
  MerchantMethods,
  PaywayList,
  PaywayParams,
  PaywayState,
  PwcmaSwitchParams,
  PwcmaSwitchResult,
  PwcurrencyList,
  ReadMethod,
  SettingMethod,
  TotalBalance,
} from './anymoney-merchant.ts';
export type { PayoutCalcParams, PayoutCreateParams, PayoutMethods } from './anymoney-payout.ts';
export {
  type AnyMoneyAddress,
  type AnyMoneyCalculation,
  type AnyMoneyOrder,
  type AnyMoneyPage,
  type AnyMoneyStatementEntry,
  FINAL_ORDER_STATUSES,
  ORDER_STATUSES,
  ORDER_TYPES,
  type OrderStatus,
  type OrderType,
} from './anymoney-results.ts';
export {
  ANYMONEY_SCI_BASE_URL,
  type SciForm,
  type SciInvoiceParams,
  type SciMethods,
} from './anymoney-sci.ts';
export {
  type ParamValue,
  type RpcParams,
  requestSigningText,
  signRequest,
  signSciFields,
} from './anymoney-signing.ts';
export type {
  AnyMoneyCallback,
  CallbackSignatureCheck,
  SignedCallback,
  VerifyCallbackOptions,
  WebhookMethods,
} from './anymoney-webhooks.ts';
export { VERSION } from './version.ts';
