import { PayValidationError, type RequestOptions } from '@pay/core';
import * as v from 'valibot';
import { PROVIDER, type Rpc } from './anymoney-rpc.ts';
import type { ParamValue } from './anymoney-signing.ts';

/** Params of a raw call: strings and booleans; `null` asks for AnyMoney's default. */
export type CallParams = Readonly<Record<string, ParamValue | undefined>>;

/** Options of a raw call. */
export interface CallOptions<TSchema extends v.GenericSchema = v.GenericSchema>
  extends RequestOptions {
  /** Validates (and types) `result`. Default: none, the result is returned as `unknown`. */
  schema?: TSchema | undefined;
}

/** The escape hatch: any AnyMoney method, signed and sent like the named ones. */
export interface CallMethod {
  /**
   * Signs and sends `method` with `params` as they are (only `undefined` entries are dropped):
   * for methods the SDK does not name yet (`payin.get`, `anydoc.receipt_status`,
   * `address.edit_cb_url`) and payway-specific fields. Never retried.
   * @throws PayValidationError a bad method name, or a param that is not a string, boolean or null
   * @throws PayApiError AnyMoney's error envelope (`providerCode` is the E-name)
   * @throws PayNetworkError no response: if the method moves money, check before calling again
   * @throws PayResponseError not the JSON-RPC envelope, or `result` fails `options.schema`
   */
  <TSchema extends v.GenericSchema>(
    method: string,
    params: CallParams | undefined,
    options: CallOptions<TSchema> & { schema: TSchema },
  ): Promise<v.InferOutput<TSchema>>;
  (method: string, params?: CallParams, options?: CallOptions): Promise<unknown>;
}

const methodName = /^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)?$/;

/** Builds `call`. */
export function createCallMethod(rpc: Rpc): CallMethod {
  return (async (method: string, params: CallParams = {}, options: CallOptions = {}) => {
    const context = { provider: PROVIDER, operation: String(method) };
    const issues = [];
    if (typeof method !== 'string' || !methodName.test(method)) {
      issues.push({ path: 'method', message: 'must be an AnyMoney method like "payin.get"' });
    }
    if (typeof params !== 'object' || params === null || Array.isArray(params)) {
      issues.push({ path: 'params', message: 'must be an object of strings and booleans' });
    } else {
      for (const [key, value] of Object.entries(params)) {
        const allowed =
          value === undefined || value === null || ['string', 'boolean'].includes(typeof value);
        if (!allowed) issues.push({ path: key, message: 'must be a string, a boolean or null' });
      }
    }
    if (issues.length > 0) throw new PayValidationError(issues, context);
    return rpc.send(method, params, options.schema ?? v.unknown(), { signal: options.signal });
  }) as CallMethod;
}
