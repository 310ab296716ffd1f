import { parseInput, type RequestOptions, type Transport } from '@pay/core';
import type * as v from 'valibot';

/** Provider name as shown in errors. */
export const PROVIDER = 'CryptoCloud';

/** One CryptoCloud request, before credentials are added. */
export interface CryptoCloudCall<TSchema extends v.GenericSchema> {
  /** The path in CryptoCloud's words, used in errors: `invoice/create`, `v1/invoice/create`. */
  operation: string;
  /** Appended to `baseUrl`: `v2/invoice/create`. */
  path: string;
  /** The JSON body; none is sent when absent. */
  body?: Record<string, unknown> | undefined;
  searchParams?: Record<string, string> | undefined;
  schema: TSchema;
  /** Safe reads only: they are retried on 429, 5xx and network failures. */
  idempotent?: boolean | undefined;
  /** The key for `Authorization: Token <key>`. Default: the client's `apiKey`. */
  apiKey?: string | undefined;
  options?: RequestOptions | undefined;
}

/** What every method group gets from the factory. */
export interface CryptoCloudContext {
  /** The client's `shopId`, added as `shop_id` where a call needs one. */
  shopId: string;
  /** Sends a call with `Authorization: Token <apiKey>`; resolves with the schema's output. */
  call<TSchema extends v.GenericSchema>(
    request: CryptoCloudCall<TSchema>,
  ): Promise<v.InferOutput<TSchema>>;
}

/** Creates {@link CryptoCloudContext.call} on a transport. */
export function createCall(transport: Transport, apiKey: string): CryptoCloudContext['call'] {
  return (request) =>
    transport.request({
      operation: request.operation,
      path: request.path,
      body: request.body === undefined ? undefined : { json: request.body },
      searchParams: request.searchParams,
      // The only auth: no request signing. The key never reaches an error (the transport
      // copies no headers into errors, and the key is in the redaction list).
      headers: { authorization: `Token ${request.apiKey ?? apiKey}` },
      schema: request.schema,
      idempotent: request.idempotent,
      signal: request.options?.signal,
    });
}

/** Validates a caller's params against a strict schema; `PayValidationError` before any request. */
export function validate<TSchema extends v.GenericSchema>(
  schema: TSchema,
  params: unknown,
  operation: string,
): v.InferOutput<TSchema> {
  return parseInput(schema, params, { provider: PROVIDER, operation });
}
