import { httpBuildQuery } from '@pay/core';
import type * as v from 'valibot';
import {
  p2pInvoiceParamsSchema,
  providersParamsSchema,
  registrationParamsSchema,
  rpayGetStatusTokenParamsSchema,
  rpayGetTokenParamsSchema,
  rpayPayParamsSchema,
  rpayTokenParamsSchema,
} from './payin-payout-shop-params.ts';
import {
  p2pInvoiceResultSchema,
  providersResultSchema,
  rpayGetTokenResultSchema,
  rpayPayResultSchema,
  rpayStatusTokenResultSchema,
  rpayTokenResultSchema,
  shopInvoiceResultSchema,
} from './payin-payout-shop-results.ts';
import { shopSign } from './payin-payout-shop-signing.ts';

/** One shop API endpoint: a form `POST <baseUrl>/<path>` carrying `agentId` and `sign`. */
export interface ShopOperation<TParams extends v.GenericSchema, TResult extends v.GenericSchema> {
  /** The documented path, also the operation's name in errors. */
  path: string;
  params: TParams;
  result: TResult;
  /** A read that is safe to send again. Never true for anything that creates or pays. */
  idempotent: boolean;
  /** The fields whose values `sign` joins, in order (SPEC §3.2); an absent `token` is left out. */
  signed: readonly string[];
  /** Whether the endpoint takes `agentTime` (filled in with now when not given). */
  agentTime: boolean;
  /** Fixed fields that select a variant, e.g. `format=json`. */
  extra?: Readonly<Record<string, string>>;
}

const define = <TParams extends v.GenericSchema, TResult extends v.GenericSchema>(
  operation: ShopOperation<TParams, TResult>,
) => operation;

const registrationSign = ['agentId', 'orderId', 'agentTime', 'amount', 'phone', 'token'];

/** Every shop API endpoint the client covers. */
export const shopOperations = {
  paymentForm: define({
    path: 'api/shop',
    params: registrationParamsSchema,
    result: registrationParamsSchema, // never requested: the browser posts the form
    idempotent: false,
    signed: registrationSign,
    agentTime: true,
  }),
  terminalInvoice: define({
    path: 'api/shop',
    params: registrationParamsSchema,
    result: shopInvoiceResultSchema,
    idempotent: false,
    signed: registrationSign,
    agentTime: true,
    extra: { format: 'json' },
  }),
  p2pInvoice: define({
    path: 'api/shop',
    params: p2pInvoiceParamsSchema,
    result: p2pInvoiceResultSchema,
    idempotent: false,
    signed: registrationSign,
    agentTime: true,
    extra: { json: '1' },
  }),
  providers: define({
    path: 'shop/get-providers-pay',
    params: providersParamsSchema,
    result: providersResultSchema,
    idempotent: true,
    signed: ['agentId', 'agentTime'],
    agentTime: true,
  }),
  rpayToken: define({
    path: 'api/rpay/token',
    params: rpayTokenParamsSchema,
    result: rpayTokenResultSchema,
    idempotent: false,
    signed: ['agentId', 'orderId', 'agentTime'],
    agentTime: true,
  }),
  rpayPay: define({
    path: 'api/rpay/pay',
    params: rpayPayParamsSchema,
    result: rpayPayResultSchema,
    idempotent: false,
    signed: registrationSign,
    agentTime: true,
  }),
  rpayGetToken: define({
    path: 'api/rpay/get-token',
    params: rpayGetTokenParamsSchema,
    result: rpayGetTokenResultSchema,
    idempotent: false,
    signed: ['agentId', 'preference'],
    agentTime: false,
  }),
  // TokenV2.md: the status form works "like the token form", so it signs the same fields.
  rpayStatusToken: define({
    path: 'api/rpay/get-status-token',
    params: rpayGetStatusTokenParamsSchema,
    result: rpayStatusTokenResultSchema,
    idempotent: true,
    signed: ['agentId', 'preference'],
    agentTime: false,
  }),
};

/** What building a shop API form needs from the client. */
export interface ShopFieldSettings {
  agentId: string;
  secret: string;
  /** `agentTime` for now, `HH:mm:SS dd.MM.yyyy`. */
  agentTimeNow: () => string;
}

/**
 * The form fields of a validated input, `agentId` first and `sign` last. Nested `purchase`
 * lines become `purchase[products][0][name]` fields, as PHP forms post them.
 */
export function shopFields(
  operation: ShopOperation<v.GenericSchema, v.GenericSchema>,
  input: Readonly<Record<string, unknown>>,
  settings: ShopFieldSettings,
): Array<[string, string]> {
  const values: Record<string, unknown> = { agentId: settings.agentId, ...input };
  if (operation.agentTime) values.agentTime ??= settings.agentTimeNow();
  Object.assign(values, operation.extra);
  const fields: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (typeof value === 'object' && value !== null) {
      fields.push(...new URLSearchParams(httpBuildQuery({ [name]: value })));
    } else {
      fields.push([name, String(value)]);
    }
  }
  const signed = operation.signed.flatMap((name) =>
    typeof values[name] === 'string' ? [values[name] as string] : [],
  );
  fields.push(['sign', shopSign(signed, settings.secret)]);
  return fields;
}
