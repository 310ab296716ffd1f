import {
  PayApiError,
  PayNetworkError,
  parseInput,
  type RequestOptions,
  type Transport,
} from '@pay/core';
import * as v from 'valibot';
import { isRateLimited } from './bitsby-errors.ts';
import { abortableSleep, type RateLimiter, type Sleep } from './bitsby-rate-limit.ts';

/** The provider's name as errors show it. */
export const PROVIDER = 'Bitsby';

/** Default for `retryDelayMs`: the first wait before a read is sent again. */
export const DEFAULT_RETRY_DELAY_MS = 1000;
/** Retry waits double from `retryDelayMs` up to this. */
const MAX_RETRY_DELAY_MS = 30_000;

/** Form fields of one call, in the order they are sent. */
export type Fields = ReadonlyArray<readonly [string, string]>;

/** One Bitsby call: `POST /<path>` with form fields; resolves to the validated `data`. */
export type BitsbyCall = <TSchema extends v.GenericSchema>(
  path: string,
  fields: Fields,
  schema: TSchema,
  options: RequestOptions & { idempotent: boolean },
) => Promise<v.InferOutput<TSchema>>;

/** What {@link createBitsbyCall} needs. */
export interface BitsbyCallSettings {
  transport: Transport;
  limiter: RateLimiter;
  apiKey: string;
  /** Retries of idempotent reads after "too frequent", 429, 5xx or a network failure. */
  maxRetries: number;
  retryDelayMs: number;
  /** Default: {@link abortableSleep}. */
  sleep?: Sleep | undefined;
}

/**
 * Every request goes through here: it waits for its turn in the rate-limit queue, sends the
 * fields as multipart/form-data (as the docs' `curl -F` examples do), unwraps the
 * `{ result, data }` envelope and retries reads. Retries happen here rather than in the
 * transport (which runs with `maxRetries: 0`) so that every attempt queues for its turn too.
 * A call that is not idempotent is sent exactly once, whatever the answer.
 */
export function createBitsbyCall(settings: BitsbyCallSettings): BitsbyCall {
  const sleep = settings.sleep ?? abortableSleep;

  /** Runs a wait that the caller's signal may cut short, as an aborted request would end. */
  async function wait(run: Promise<void>, operation: string, signal: AbortSignal | undefined) {
    try {
      await run;
    } catch (error) {
      if (!signal?.aborted) throw error;
      throw new PayNetworkError({
        provider: PROVIDER,
        operation,
        aborted: true,
        reason: 'aborted while waiting for its turn under the rate limit; nothing was sent',
      });
    }
  }

  return async (path, fields, schema, options) => {
    const request = {
      operation: path,
      path,
      // No fields: an empty POST, as `curl -X POST` without `-F` sends.
      body: fields.length > 0 ? { multipart: fields } : undefined,
      headers: { authorization: `Token ${settings.apiKey}` },
      schema: successEnvelope(schema),
      idempotent: options.idempotent,
      signal: options.signal,
    };
    for (let attempt = 0; ; attempt += 1) {
      await wait(settings.limiter.acquire(options.signal), path, options.signal);
      try {
        return await settings.transport.request(request);
      } catch (error) {
        if (isRateLimited(error)) settings.limiter.holdOff(settings.retryDelayMs);
        if (!options.idempotent || attempt >= settings.maxRetries || !isRetryable(error)) {
          throw error;
        }
      }
      const delay = Math.min(settings.retryDelayMs * 2 ** attempt, MAX_RETRY_DELAY_MS);
      await wait(sleep(delay, options.signal), path, options.signal);
    }
  };
}

function isRetryable(error: unknown): boolean {
  return (PayApiError.isInstance(error) || PayNetworkError.isInstance(error)) && error.retryable;
}

/** `{ "result": "success", "data": … }` → the validated `data`. */
function successEnvelope<TSchema extends v.GenericSchema>(data: TSchema) {
  return v.pipe(
    v.looseObject({ result: v.literal('success'), data }),
    v.transform((body) => body.data as v.InferOutput<TSchema>),
  );
}

/** Validates a caller's params with Bitsby's name and the operation in any error. */
export function parseParams<TSchema extends v.GenericSchema>(
  schema: TSchema,
  params: unknown,
  operation: string,
): v.InferOutput<TSchema> {
  return parseInput(schema, params, { provider: PROVIDER, operation });
}

/**
 * A client method that validates its params, sends them as fields and resolves to the result:
 * every Bitsby call but `invoices/create` (which adds the default project) has this shape.
 * `idempotent` is true for reads only: they are retried; anything else is sent once.
 */
export function defineMethod<TParams extends v.GenericSchema, TResult extends v.GenericSchema>(
  call: BitsbyCall,
  path: string,
  schemas: { params: TParams; result: TResult; idempotent: boolean },
): (params: v.InferInput<TParams>, options?: RequestOptions) => Promise<v.InferOutput<TResult>> {
  // async: bad input must reject the returned promise, never throw synchronously.
  return async (params, options) => {
    const input = parseParams(schemas.params, params, path);
    return call(path, toFields(input as FieldValues), schemas.result, {
      idempotent: schemas.idempotent,
      signal: options?.signal,
    });
  };
}

/** Validated params: every value is already the text to send, or a whole number. */
type FieldValues = Record<string, string | number | undefined>;

/** The fields of validated params, in their order, leaving out those not given. */
export function toFields(params: FieldValues | undefined): Fields {
  return Object.entries(params ?? {}).flatMap(([name, value]) =>
    value === undefined ? [] : [[name, String(value)] as const],
  );
}
