import {
  createEndpointFactory,
  type DefineEndpoint,
  type ProviderProtocol,
  type Transport,
} from '@pay/core';
import { type HashRule, signFields } from './payin-payout-signing.ts';

/** The provider's name as errors show it (both clients). */
export const PROVIDER = 'Payin-payout';

/** How the form body is encoded: `urlencoded` (the 2019 curl examples) or `multipart`. */
export type BodyEncoding = 'urlencoded' | 'multipart';

/** What a developer-key API endpoint adds to core's definition. */
interface PayinPayoutEndpointExtra {
  /**
   * The parameter order of the doc's table, `user_id` and `timestamp` included. The `'legacy'`
   * hash rule concatenates values in sending order, so the body is sent in this order.
   */
  order: readonly string[];
}

/** Declares one developer-key API method (see {@link createPayinPayoutEndpoint}). */
export type DefinePayinPayoutEndpoint = DefineEndpoint<PayinPayoutEndpointExtra>;

/** What every signed developer-key API call needs from the client's settings. */
export interface PayinPayoutRequestSettings {
  /** The client's transport (from `createClientSetup`). */
  transport: Transport;
  /** `user_id`, as digits. */
  userId: string;
  /** The developer key (HMAC key). */
  developerKey: string;
  /** The client's `hashRule` (default `'sorted'` filled in). */
  hashRule: HashRule;
  /** The client's `bodyEncoding` (default `'urlencoded'` filled in). */
  bodyEncoding: BodyEncoding;
  /** Now on Payin-payout's clock, in ms (the user's clock plus `clockOffsetMs`). */
  serverNow: () => number;
}

/** Unix seconds, as PHP's `time()` gives them. */
export function unixSeconds(milliseconds: number): number {
  return Math.floor(milliseconds / 1000);
}

/**
 * Returns the function the developer-key client's groups declare their methods with.
 *
 * The developer-key API's protocol (family A): every call posts a form to `<baseUrl>/<path>` with
 * `user_id` and `timestamp` added and `hash` last. The values signed are the values sent: the
 * params schemas turn every input into its final text first. No `envelope`: results differ in
 * what they keep of `{ status, result, tracker }`, so each result schema says (see
 * payin-payout-schemas.ts).
 */
export function createPayinPayoutEndpoint(
  settings: PayinPayoutRequestSettings,
): DefinePayinPayoutEndpoint {
  const protocol: ProviderProtocol<PayinPayoutEndpointExtra> = {
    provider: PROVIDER,
    transport: settings.transport,
    buildRequest(endpoint, input) {
      const params = input as Record<string, string | undefined>;
      const values: Record<string, string | undefined> = {
        ...params,
        user_id: settings.userId,
        timestamp: String(unixSeconds(settings.serverNow())),
      };
      // The documented order first; anything the table lacks goes last rather than unsent.
      const names = [
        ...endpoint.order,
        ...Object.keys(params).filter((name) => !endpoint.order.includes(name)),
      ];
      const fields = names.flatMap((name) => {
        const value = values[name];
        return value === undefined ? [] : [[name, value] as const];
      });
      const signed = signFields(fields, settings.hashRule, settings.developerKey);
      const hash = signed.at(-1)?.[1] ?? '';
      return {
        body: settings.bodyEncoding === 'multipart' ? { multipart: signed } : { form: signed },
        secrets: [hash],
      };
    },
  };
  return createEndpointFactory(protocol);
}
