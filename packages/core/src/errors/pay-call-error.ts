import type { PayApiError } from './pay-api-error.ts';
import type { PayNetworkError } from './pay-network-error.ts';
import type { PayResponseError } from './pay-response-error.ts';
import type { PayValidationError } from './pay-validation-error.ts';

/**
 * What any API method of any `@pay/*` client can reject with, documented once here rather than
 * on every method (a method's own JSDoc adds only what is specific: provider codes, "never
 * retried"):
 *
 * - `PayValidationError`: the parameters broke the method's schema; nothing was sent. Fix the input.
 * - `PayApiError`: the provider answered with an error (a non-2xx status, or an error envelope
 *   with 200). `providerCode`/`providerMessage` say why; `retryable` says whether sending the same
 *   request later can succeed.
 * - `PayNetworkError`: no answer (timeout, reset, DNS, aborted). For a call that creates or moves
 *   money, look the object up before sending it again: it may have been made.
 * - `PayResponseError`: an answer that is not the documented JSON (HTML, a proxy page, a changed
 *   shape). Report it; the provider may have changed its API.
 *
 * Reads (`idempotent`) are retried on 429, 5xx and network failures before any of these reaches
 * you; anything that creates or moves something is sent once.
 */
export type PayCallError = PayValidationError | PayApiError | PayNetworkError | PayResponseError;
