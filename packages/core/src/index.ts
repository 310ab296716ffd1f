export { amountInput, amountOutput } from './amounts/amount-schema.ts';
export {
  type DecimalOptions,
  MAX_AMOUNT_LENGTH,
  MAX_NUMBER_SIGNIFICANT_DIGITS,
  toDecimalString,
} from './amounts/decimal.ts';
export { jsonNumber } from './amounts/json-number.ts';
export {
  type ClientSetup,
  type ClientSetupOptions,
  createClientSetup,
  type ResolvedCommonSettings,
} from './client/client-setup.ts';
export {
  createEndpointFactory,
  type DefineEndpoint,
  type EndpointDefinition,
  type EndpointMethod,
  type ProviderProtocol,
  type ProviderRequest,
} from './client/endpoint.ts';
export { PayApiError, type PayApiErrorOptions } from './errors/pay-api-error.ts';
export type { PayCallError } from './errors/pay-call-error.ts';
export { PayConfigError } from './errors/pay-config-error.ts';
export {
  defineErrorMarker,
  describeCall,
  PayError,
  type PayErrorOptions,
  redactSecrets,
  redactSecretsDeep,
} from './errors/pay-error.ts';
export { PayNetworkError, type PayNetworkErrorOptions } from './errors/pay-network-error.ts';
export { PayResponseError, type PayResponseErrorOptions } from './errors/pay-response-error.ts';
export {
  PaySignatureError,
  type PaySignatureErrorOptions,
  type SignatureFailure,
} from './errors/pay-signature-error.ts';
export { PayValidationError, type ValidationIssue } from './errors/pay-validation-error.ts';
export {
  type GatewayCapabilities,
  type GatewayEvent,
  type GatewayInvoice,
  type GatewayInvoiceParams,
  type GatewayOptionalField,
  mapStatus,
  PAY_INVOICE_STATUSES,
  type PayGateway,
  type PayInvoiceStatus,
  parseGatewayInvoiceParams,
  type ValidGatewayInvoiceParams,
} from './gateway/gateway.ts';
export { createWebhookHandler } from './gateway/webhook-handler.ts';
export { compareCodePoints } from './hashing/compare-code-points.ts';
export {
  digestHex,
  type HashAlgorithm,
  hmacHex,
  timingSafeEqualText,
} from './hashing/digest.ts';
export { httpBuildQuery, type QueryParams } from './hashing/http-build-query.ts';
export { phpFloatString } from './hashing/php-float-string.ts';
export { type PhpScalar, phpNumberString, phpScalarString } from './hashing/php-scalar-string.ts';
export {
  compareKeysCaseInsensitive,
  sortKeysCaseInsensitive,
} from './hashing/sort-keys-case-insensitive.ts';
export { sortedValuesString } from './hashing/sorted-values.ts';
export {
  type CommonSettings,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  requireCredential,
  resolveCommonSettings,
} from './http/common-settings.ts';
export { joinUrl } from './http/join-url.ts';
export { encodeMultipart, type MultipartBody } from './http/multipart.ts';
export {
  type JsonParseResult,
  MAX_JSON_DEPTH,
  MAX_JSON_LENGTH,
  parseJsonText,
} from './http/parse-json.ts';
export { abortableSleep } from './http/sleep.ts';
export {
  createTransport,
  type ProviderErrorInfo,
  type ProviderErrorReader,
  type RequestBody,
  type RequestOptions,
  type RequestThrottle,
  type Sleep,
  type Transport,
  type TransportRequest,
  type TransportSettings,
} from './http/transport.ts';
export { checkTimedeltaRange, formatTimedelta, parseTimedelta } from './time/timedelta.ts';
export {
  httpUrlInput,
  isHttpUrl,
  type OpenEnum,
  openEnum,
  parseInput,
  toValidationIssues,
  type Undocumented,
} from './validation.ts';
export { VERSION } from './version.ts';
export {
  acknowledgement,
  type SignedWebhook,
  type VerifiedWebhookEvent,
  type WebhooksApi,
  type WebhookVerifyOptions,
} from './webhooks/webhook-contract.ts';
export {
  MAX_WEBHOOK_BODY_LENGTH,
  type RawWebhook,
  readWebhookInput,
  type WebhookInput,
} from './webhooks/webhook-input.ts';
