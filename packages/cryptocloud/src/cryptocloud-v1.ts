import { jsonNumber, PayApiError, type RequestOptions } from '@pay/core';
import { type CryptoCloudContext, validate } from './cryptocloud-call.ts';
import {
  type V1InvoiceCreateParams,
  type V1InvoiceCreateResult,
  v1InvoiceCreateParamsSchema,
  v1InvoiceCreateResultSchema,
} from './cryptocloud-v1-schemas.ts';

/** `client.v1`: the legacy v1 API ("OLD" in CryptoCloud's docs), kept for the seed doc. */
export interface CryptoCloudV1Methods {
  invoice: {
    /**
     * Legacy: `POST /v1/invoice/create`. Prefer `invoice.create()` (v2). `shop_id` comes from
     * the client's `shopId`. Never retried automatically.
     * @throws PayValidationError bad params, before any request
     * @throws PayApiError CryptoCloud said no: HTTP 401 a bad API key, 400 the invoice could
     *   not be created, 406 the service is unavailable (`retryable`)
     * @throws PayNetworkError no response (timeout, reset, abort): check before creating again
     * @throws PayResponseError a response that is not the documented JSON
     */
    create(params: V1InvoiceCreateParams, options?: RequestOptions): Promise<V1InvoiceCreateResult>;
  };
}

/**
 * What each documented v1 error status means. The v1 docs give these statuses with empty
 * bodies (401 answers `{"message":"Unauthenticated."}` in practice), so the status itself is
 * what the error has to explain.
 */
const V1_STATUS_MEANINGS: Record<number, { hint: string; retryable?: boolean }> = {
  401: { hint: 'HTTP 401 means a bad API key: check `apiKey`' },
  400: {
    hint: 'HTTP 400 means the invoice could not be created: check the parameters and `shopId`',
  },
  406: { hint: 'HTTP 406 means the service is unavailable: try again later', retryable: true },
};

/** Re-throws a v1 `PayApiError` with what its status means; other errors pass unchanged. */
function explainV1Error(error: unknown): never {
  if (!PayApiError.isInstance(error)) throw error;
  const meaning = V1_STATUS_MEANINGS[error.status];
  if (!meaning) throw error;
  throw new PayApiError({
    provider: error.provider,
    operation: error.operation,
    status: error.status,
    providerCode: error.providerCode,
    providerMessage: error.providerMessage,
    details: error.details,
    retryable: meaning.retryable ?? error.retryable,
    hint: meaning.hint,
  });
}

/** Builds `client.v1`. */
export function createV1Methods(context: CryptoCloudContext): CryptoCloudV1Methods {
  return {
    invoice: {
      async create(params, options) {
        const operation = 'v1/invoice/create';
        const input = validate(v1InvoiceCreateParamsSchema, params, operation);
        return context
          .call({
            operation,
            path: 'v1/invoice/create',
            // `amount` is a decimal in the docs: a JSON number with exactly the digits given.
            body: { shop_id: context.shopId, ...input, amount: jsonNumber(input.amount) },
            schema: v1InvoiceCreateResultSchema,
            options,
          })
          .catch(explainV1Error);
      },
    },
  };
}
