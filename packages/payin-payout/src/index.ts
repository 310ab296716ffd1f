export {
  createPayinPayout,
  PAYIN_PAYOUT_BASE_URL,
  PAYIN_PAYOUT_SANDBOX_URL,
  type PayinPayoutClient,
  type PayinPayoutSettings,
} from './payin-payout-client.ts';
export { readPayinPayoutError } from './payin-payout-errors.ts';
export {
  createPayinPayoutGateway,
  PAYIN_PAYOUT_GATEWAY_STATUSES,
  type PayinPayoutGateway,
  type PayinPayoutGatewayInvoiceParams,
  type PayinPayoutGatewayOptions,
  type PaymentInStatusCode,
} from './payin-payout-gateway.ts';
export {
  PAYMENT_IN_STATUSES,
  type PayinPayoutPaymentInApi,
  type PaymentInCreateInvoiceParams,
  type PaymentInCreateInvoiceResult,
  type PaymentInFindPaymentParams,
  type PaymentInFindPaymentResult,
  type PaymentInGetLastPaymentsForUserParams,
  type PaymentInGetLastPaymentsForUserResult,
} from './payin-payout-payment-in.ts';
export {
  PAYMENT_OUT_STATUSES,
  type PayinPayoutPaymentOutApi,
  type PaymentOutFindPaymentParams,
  type PaymentOutFindPaymentResult,
  type PaymentOutGetLastPaymentsForUserParams,
  type PaymentOutGetLastPaymentsForUserResult,
} from './payin-payout-payment-out.ts';
export type { BodyEncoding } from './payin-payout-request.ts';
export type {
  PayinPayoutServiceOfServicesApi,
  ServiceOfServicesCreateInvoiceParams,
  ServiceOfServicesCreateInvoiceResult,
  ServiceOfServicesCreateRewardInvoiceParams,
  ServiceOfServicesCreateRewardInvoiceResult,
} from './payin-payout-service-of-services.ts';
export type {
  PayinPayoutShopApi,
  ShopCreateParams,
  ShopCreateResult,
} from './payin-payout-shop.ts';
export {
  createPayinPayoutShop,
  PAYIN_PAYOUT_SHOP_BASE_URL,
  type PayinPayoutShopClient,
  type PayinPayoutShopSettings,
} from './payin-payout-shop-client.ts';
export { readPayinPayoutShopError } from './payin-payout-shop-errors.ts';
export {
  createPayinPayoutShopGateway,
  PAYIN_PAYOUT_SHOP_GATEWAY_STATUSES,
  type PayinPayoutShopGateway,
  type PayinPayoutShopGatewayInvoiceParams,
  type PayinPayoutShopGatewayOptions,
  type ShopPaymentStatusCode,
} from './payin-payout-shop-gateway.ts';
export type {
  PayinPayoutShopRpayApi,
  RpayGetStatusTokenParams,
  RpayGetStatusTokenResult,
  RpayGetTokenParams,
  RpayGetTokenResult,
  RpayPayParams,
  RpayPayResult,
  RpayTokenParams,
  RpayTokenResult,
} from './payin-payout-shop-rpay.ts';
export type { AddInfoFields } from './payin-payout-shop-schemas.ts';
export type {
  PayinPayoutShopShopApi,
  ShopCreateInvoiceParams,
  ShopCreateInvoiceResult,
  ShopCreateP2pInvoiceParams,
  ShopCreateP2pInvoiceResult,
  ShopGetProvidersPayParams,
  ShopGetProvidersPayResult,
  ShopPaymentFormParams,
  ShopPaymentFormResult,
} from './payin-payout-shop-shop.ts';
export { formatAgentTime, shopSign } from './payin-payout-shop-signing.ts';
export {
  type PayinPayoutShopWebhookEvent,
  type PayinPayoutShopWebhooksApi,
  SHOP_PAYMENT_STATUSES,
  type ShopPaymentStatus,
  type ShopWebhooksSignParams,
} from './payin-payout-shop-webhooks.ts';
export { canonicalString, type HashRule, payinPayoutHash } from './payin-payout-signing.ts';
export type {
  PayinPayoutUserApi,
  UserCreateParams,
  UserCreateResult,
  UserGetBalanceParams,
  UserGetBalanceResult,
  UserGetInfoParams,
  UserGetInfoResult,
} from './payin-payout-user.ts';
export type { PayinPayoutWebhooksApi, WebhooksSignParams } from './payin-payout-webhooks.ts';
export {
  INVOICE_CALLBACK_STATUSES,
  type InvoiceCallback,
  type PayinPayoutWebhookEvent,
  type TopUpCallback,
  type UnknownCallback,
} from './payin-payout-webhooks-schemas.ts';
export { VERSION } from './version.ts';
