import {
  createEndpointFactory,
  type DefineEndpoint,
  httpBuildQuery,
  type ProviderProtocol,
  type Transport,
} from '@pay/core';
import { PROVIDER } from './payin-payout-request.ts';
import { shopSign } from './payin-payout-shop-signing.ts';

/** What a merchant shop API endpoint adds to core's definition. */
export interface PayinPayoutShopEndpointExtra {
  /** The fields whose values `sign` joins, in order; an absent optional one (`token`) is left out. */
  signed: readonly string[];
  /** Whether the endpoint takes `agentTime` (filled in with now when not given). */
  agentTime: boolean;
  /** Fixed fields that select a variant of `/api/shop`, e.g. `format=json`. Default: none. */
  extra?: Readonly<Record<string, string>> | undefined;
}

/** What a payment registration signs (`/api/shop`, `rpay/pay`): `token` only when given. */
export const REGISTRATION_SIGNED = ['agentId', 'orderId', 'agentTime', 'amount', 'phone', 'token'];

/** Declares one merchant shop API method (see {@link createPayinPayoutShopEndpoint}). */
export type DefinePayinPayoutShopEndpoint = DefineEndpoint<PayinPayoutShopEndpointExtra>;

/** What building a shop API form needs from the client's settings. */
export interface PayinPayoutShopRequestSettings {
  /** The shop's `agentId`, as digits. */
  agentId: string;
  /** The shop's secret phrase (the key of `sign`). */
  secret: string;
  /** `agentTime` for now, `HH:mm:SS dd.MM.yyyy`. */
  agentTimeNow: () => string;
}

/**
 * The form fields of a validated input, `agentId` first and `sign` last. Nested `purchase`
 * lines become `purchase[products][0][name]` fields, as PHP forms post them. Shared by the
 * requesting methods and the local payment form.
 */
export function shopFields(
  endpoint: PayinPayoutShopEndpointExtra,
  input: unknown,
  settings: PayinPayoutShopRequestSettings,
): Array<[string, string]> {
  const values: Record<string, unknown> = {
    agentId: settings.agentId,
    ...(input as Record<string, unknown>),
  };
  if (endpoint.agentTime) values.agentTime ??= settings.agentTimeNow();
  Object.assign(values, endpoint.extra);
  const fields: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (typeof value === 'object' && value !== null) {
      fields.push(...new URLSearchParams(httpBuildQuery({ [name]: value })));
    } else {
      fields.push([name, String(value)]);
    }
  }
  const signed = endpoint.signed.flatMap((name) =>
    typeof values[name] === 'string' ? [values[name] as string] : [],
  );
  fields.push(['sign', shopSign(signed, settings.secret)]);
  return fields;
}

/**
 * Returns the function the shop client's groups declare their methods with.
 *
 * The merchant shop API's protocol (family B): every call posts a form to `<baseUrl>/<path>`
 * with `agentId` added and `sign = MD5(v1#v2#…#MD5(secret))` last. No `envelope`: some answers
 * are bare, some keep `{ status, result }`, so each result schema says (see
 * payin-payout-schemas.ts).
 */
export function createPayinPayoutShopEndpoint(
  settings: PayinPayoutShopRequestSettings & { transport: Transport },
): DefinePayinPayoutShopEndpoint {
  const protocol: ProviderProtocol<PayinPayoutShopEndpointExtra> = {
    provider: PROVIDER,
    transport: settings.transport,
    buildRequest(endpoint, input) {
      const fields = shopFields(endpoint, input, settings);
      return { body: { form: fields }, secrets: [fields.at(-1)?.[1] ?? ''] };
    },
  };
  return createEndpointFactory(protocol);
}
