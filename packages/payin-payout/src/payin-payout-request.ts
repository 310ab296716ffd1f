import { parseInput, type RequestOptions, type Transport } from '@pay/core';
import type * as v from 'valibot';
import { PROVIDER } from './payin-payout-constants.ts';
import type { Operation } from './payin-payout-operations.ts';
import { type HashRule, signFields } from './payin-payout-signing.ts';

/** How the form body is encoded: `urlencoded` (the 2019 curl examples) or `multipart`. */
export type BodyEncoding = 'urlencoded' | 'multipart';

/** What every signed developer-key API call needs. */
export interface SignedCallSettings {
  transport: Transport;
  /** `user_id`, as digits. */
  userId: string;
  /** The developer key (HMAC key). */
  developerKey: string;
  hashRule: HashRule;
  bodyEncoding: BodyEncoding;
  /** Now on Payin-payout's clock, in ms (the user's clock plus `clockOffsetMs`). */
  serverNow: () => number;
}

/** Unix seconds, as PHP's `time()` gives them. */
export function unixSeconds(milliseconds: number): number {
  return Math.floor(milliseconds / 1000);
}

/**
 * Returns the function behind every developer-key API method: validates the params, adds
 * `user_id` and `timestamp`, signs, and posts the form. The values signed are the values sent:
 * the params schemas turn every input into its final text first.
 */
export function createSignedCall(settings: SignedCallSettings) {
  return async function call<TParams extends v.GenericSchema, TResult extends v.GenericSchema>(
    operation: Operation<TParams, TResult>,
    params: unknown,
    options: RequestOptions = {},
  ): Promise<v.InferOutput<TResult>> {
    const input = parseInput(operation.params, params, {
      provider: PROVIDER,
      operation: operation.path,
    }) as Record<string, string | undefined>;
    const values: Record<string, string | undefined> = {
      ...input,
      user_id: settings.userId,
      timestamp: String(unixSeconds(settings.serverNow())),
    };
    // The documented order first; anything the table lacks goes last rather than unsent.
    const names = [
      ...operation.order,
      ...Object.keys(input).filter((name) => !operation.order.includes(name)),
    ];
    const fields = names.flatMap((name) => {
      const value = values[name];
      return value === undefined ? [] : [[name, value] as const];
    });
    const signed = signFields(fields, settings.hashRule, settings.developerKey);
    return settings.transport.request({
      operation: operation.path,
      path: operation.path,
      body: settings.bodyEncoding === 'multipart' ? { multipart: signed } : { form: signed },
      schema: operation.result,
      signal: options.signal,
      idempotent: operation.idempotent,
    });
  };
}
