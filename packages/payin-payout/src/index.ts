export type {
  InvoiceCallback,
  PayinPayoutCallback,
  TopUpCallback,
  UnknownCallback,
} from './payin-payout-callbacks.ts';
export {
  createPayinPayout,
  type PayinPayoutClient,
  type PayinPayoutSettings,
} from './payin-payout-client.ts';
export { PAYIN_PAYOUT_BASE_URL, PAYIN_PAYOUT_SANDBOX_URL } from './payin-payout-constants.ts';
export { readPayinPayoutError } from './payin-payout-errors.ts';
export type {
  CreateInvoiceParams,
  CreateRewardInvoiceParams,
  CreateShopParams,
  CreateUserParams,
  FindPaymentInParams,
  FindPaymentOutParams,
  GetBalanceParams,
  GetUserInfoParams,
  LastPaymentsParams,
  TopUpInvoiceParams,
} from './payin-payout-params.ts';
export type { BodyEncoding } from './payin-payout-request.ts';
export type {
  BalanceResult,
  CreateShopResult,
  CreateUserResult,
  FindPaymentInResult,
  FindPaymentOutResult,
  InvoiceAccepted,
  LastPaymentsResult,
  TopUpInvoiceResult,
  UserInfoResult,
} from './payin-payout-results.ts';
export {
  createPayinPayoutShop,
  type PayinPayoutShopClient,
  type PayinPayoutShopSettings,
  type ShopPaymentForm,
} from './payin-payout-shop-client.ts';
export type {
  AddInfoFields,
  RpayGetStatusTokenParams,
  RpayGetTokenParams,
  RpayPayParams,
  RpayTokenParams,
  ShopP2pInvoiceParams,
  ShopPaymentParams,
  ShopProvidersParams,
} from './payin-payout-shop-params.ts';
export type {
  P2pInvoiceResult,
  ProvidersResult,
  RpayGetTokenResult,
  RpayPayResult,
  RpayStatusTokenResult,
  RpayTokenResult,
  ShopInvoiceResult,
} from './payin-payout-shop-results.ts';
export { formatAgentTime, shopSign } from './payin-payout-shop-signing.ts';
export type {
  PayinPayoutShopWebhooks,
  ShopPaymentNotification,
} from './payin-payout-shop-webhooks.ts';
export { canonicalString, type HashRule, payinPayoutHash } from './payin-payout-signing.ts';
export {
  INVOICE_CALLBACK_STATUSES,
  PAYMENT_IN_STATUSES,
  PAYMENT_OUT_STATUSES,
  SHOP_PAYMENT_STATUSES,
} from './payin-payout-statuses.ts';
export type { CallbackValue, PayinPayoutWebhooks, WebhookReply } from './payin-payout-webhooks.ts';
export { VERSION } from './version.ts';
