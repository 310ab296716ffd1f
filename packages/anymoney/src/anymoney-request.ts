import {
  createEndpointFactory,
  type DefineEndpoint,
  PayConfigError,
  type ProviderProtocol,
  type Transport,
} from '@pay/core';
import * as v from 'valibot';
import { calcSchema, externalIdSchema, orderSchema } from './anymoney-schemas.ts';
import { type ParamValue, signRequest, sortedParams } from './anymoney-signing.ts';

/** Provider name in errors. */
export const PROVIDER = 'AnyMoney';

/** Declares one AnyMoney method: `operation` is the JSON-RPC method name, `path` is `''`. */
export type DefineAnyMoneyEndpoint = DefineEndpoint<Record<never, never>>;

/** What {@link createAnyMoneyEndpoint} needs from the client. */
export interface AnyMoneyRequestSettings {
  /** The client's transport (from `createClientSetup`). */
  transport: Transport;
  /** Sent as `x-merchant`. */
  merchantId: string;
  /** Signs every request (`x-signature`). */
  apiKey: string;
  /** The clock for `x-utc-now-ms`, in milliseconds. */
  now: () => number;
}

/**
 * The request time for `x-utc-now-ms`. 1e12 ms is September 2001: a smaller clock reading is
 * almost surely in seconds, a mistake a known client made, and AnyMoney wants milliseconds.
 */
function timestamp(now: () => number): string {
  const milliseconds = now();
  if (!Number.isSafeInteger(milliseconds) || milliseconds < 1e12) {
    throw new PayConfigError('now', 'must return whole milliseconds since the epoch', {
      provider: PROVIDER,
    });
  }
  return String(milliseconds);
}

/**
 * AnyMoney's JSON-RPC 2.0 protocol (https://docs.any.money/en/auth/): every method is one
 * `POST {baseUrl}/` with body `{"method","params","jsonrpc":"2.0","id"}` and headers `x-merchant`,
 * `x-utc-now-ms` (from `now()`, in milliseconds) and `x-signature`. Params are sent sorted by key,
 * unset ones left out, exactly as they are signed.
 *
 * The JSON-RPC `id` is `<x-utc-now-ms>-<n>`, `n` counting this client's calls from 1: unique per
 * client even within one millisecond, and deterministic under a fixed clock (the fixtures).
 */
export function createAnyMoneyEndpoint(settings: AnyMoneyRequestSettings): DefineAnyMoneyEndpoint {
  let sequence = 0;
  const protocol: ProviderProtocol<Record<never, never>> = {
    provider: PROVIDER,
    transport: settings.transport,
    buildRequest(endpoint, input) {
      const params = sortedParams((input ?? {}) as Record<string, ParamValue | undefined>);
      const now = timestamp(settings.now);
      const signature = signRequest(settings.apiKey, params, now);
      sequence += 1;
      return {
        body: {
          json: { method: endpoint.operation, params, jsonrpc: '2.0', id: `${now}-${sequence}` },
        },
        headers: {
          'x-merchant': settings.merchantId,
          'x-utc-now-ms': now,
          'x-signature': signature,
        },
        secrets: [signature],
      };
    },
    // The success envelope `{ "result": …, "id": "…", "jsonrpc": "2.0" }`, unwrapped to `result`.
    envelope: (result) =>
      v.pipe(
        v.looseObject({ result }),
        v.transform((body) => body.result),
      ),
  };
  return createEndpointFactory(protocol);
}

/**
 * The three calls every AnyMoney money movement shares, declared once for payouts, conversions
 * and transfers: `<group>.create` (sent once: it moves money), `<group>.calc` (a read) and
 * `<group>.get` by your `externalid` (a read).
 */
export function defineOrderCalls<TCreate extends v.GenericSchema, TCalc extends v.GenericSchema>(
  define: DefineAnyMoneyEndpoint,
  group: 'payout' | 'convert' | 'transfer',
  params: { create: TCreate; calc: TCalc },
) {
  return {
    create: define({
      operation: `${group}.create`,
      path: '',
      params: params.create,
      result: orderSchema,
      idempotent: false,
    }),
    calc: define({
      operation: `${group}.calc`,
      path: '',
      params: params.calc,
      result: calcSchema,
      idempotent: true,
    }),
    get: define({
      operation: `${group}.get`,
      path: '',
      params: externalIdSchema,
      result: orderSchema,
      idempotent: true,
    }),
  };
}
