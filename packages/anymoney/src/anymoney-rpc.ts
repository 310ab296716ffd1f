import { PayConfigError, parseInput, type RequestOptions, type Transport } from '@pay/core';
import * as v from 'valibot';
import type { DecimalFields } from './anymoney-fields.ts';
import { type ParamValue, type RpcParams, signRequest, sortedParams } from './anymoney-signing.ts';

/** Provider name in errors. */
export const PROVIDER = 'AnyMoney';

/** Per-call flags of a method. */
interface MethodFlags {
  /** A safe read: retried on 429, 5xx and network failures. Never set on money movements. */
  idempotent?: boolean;
}

/** Sends signed JSON-RPC calls; shared by every method group of one client. */
export interface Rpc {
  /** Amount schemas for the client's decimal separator. */
  readonly decimals: DecimalFields;
  /** Signs and posts one call; returns `result` validated by `resultSchema`. */
  send<TSchema extends v.GenericSchema>(
    method: string,
    params: Readonly<Record<string, ParamValue | undefined>>,
    resultSchema: TSchema,
    options?: RequestOptions & MethodFlags,
  ): Promise<v.InferOutput<TSchema>>;
  /** A client method: validates params with `paramsSchema`, then {@link Rpc.send}. */
  method<TParams extends v.GenericSchema, TResult extends v.GenericSchema>(
    name: string,
    paramsSchema: TParams,
    resultSchema: TResult,
    flags?: MethodFlags,
  ): (params: v.InferInput<TParams>, options?: RequestOptions) => Promise<v.InferOutput<TResult>>;
}

/** What {@link createRpc} needs from the client. */
export interface RpcSettings {
  transport: Transport;
  merchantId: string;
  apiKey: string;
  now: () => number;
  decimals: DecimalFields;
}

/** The success envelope `{ "result": …, "id": "…", "jsonrpc": "2.0" }`, unwrapped to `result`. */
function envelope<TSchema extends v.GenericSchema>(resultSchema: TSchema) {
  return v.pipe(
    v.looseObject({ result: resultSchema }),
    v.transform((body) => body.result as v.InferOutput<TSchema>),
  );
}

/** Schema for methods without params: nothing, or an empty object. */
export const noParams = v.optional(v.strictObject({}), {});

/**
 * Creates the JSON-RPC sender. Every call is one `POST {baseUrl}/` with body
 * `{"method","params","jsonrpc":"2.0","id"}` and headers `x-merchant`, `x-utc-now-ms` (from
 * `now()`, in milliseconds) and `x-signature`. Params are sent sorted by key, unset ones left out.
 *
 * The JSON-RPC `id` is `<x-utc-now-ms>-<n>`, `n` counting this client's calls from 1: unique per
 * client even within one millisecond, and deterministic under a fixed clock (the fixtures).
 */
export function createRpc(settings: RpcSettings): Rpc {
  let sequence = 0;

  function timestamp(): string {
    const milliseconds = settings.now();
    // 1e12 ms is September 2001: a smaller clock reading is almost surely in seconds, a mistake a
    // known client made. AnyMoney wants milliseconds.
    if (!Number.isSafeInteger(milliseconds) || milliseconds < 1e12) {
      throw new PayConfigError('now', 'must return whole milliseconds since the epoch', {
        provider: PROVIDER,
      });
    }
    return String(milliseconds);
  }

  const rpc: Rpc = {
    decimals: settings.decimals,
    async send(method, params, resultSchema, options = {}) {
      const sent: RpcParams = sortedParams(params);
      const now = timestamp();
      sequence += 1;
      return settings.transport.request({
        operation: method,
        path: '',
        body: { json: { method, params: sent, jsonrpc: '2.0', id: `${now}-${sequence}` } },
        headers: {
          'x-merchant': settings.merchantId,
          'x-utc-now-ms': now,
          'x-signature': signRequest(settings.apiKey, sent, now),
        },
        schema: envelope(resultSchema),
        idempotent: options.idempotent,
        signal: options.signal,
      });
    },
    method(name, paramsSchema, resultSchema, flags = {}) {
      // async: bad input must reject the returned promise, never throw synchronously.
      return async (params, options) => {
        const input = parseInput(paramsSchema, params, { provider: PROVIDER, operation: name });
        return rpc.send(name, input as Record<string, ParamValue | undefined>, resultSchema, {
          ...flags,
          signal: options?.signal,
        });
      };
    },
  };
  return rpc;
}
