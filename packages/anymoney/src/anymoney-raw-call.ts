import type { RequestOptions } from '@pay/core';
import * as v from 'valibot';
import type { DefineAnyMoneyEndpoint } from './anymoney-request.ts';
import type { ParamValue } from './anymoney-signing.ts';

/** Params of a raw call: strings and booleans; `null` asks for AnyMoney's default. */
export type CallParams = Readonly<Record<string, ParamValue | undefined>>;

/** Options of a raw call. */
export interface CallOptions<TSchema extends v.GenericSchema = v.GenericSchema>
  extends RequestOptions {
  /** Validates (and types) `result`. Default: none, the result is returned as `unknown`. */
  schema?: TSchema | undefined;
}

/** The escape hatch, a root method of the client. It rejects with a `PayCallError` (see `@pay/core`). */
export interface AnyMoneyCallApi {
  /**
   * Signs and sends `method` with `params` as they are (only `undefined` entries are dropped),
   * exactly like the named methods: for methods the SDK does not name yet (`payin.get`,
   * `anydoc.receipt_status`, `address.edit_cb_url`) and payway-specific fields. Never retried:
   * if the method moves money, check before calling again after a `PayNetworkError`. Refused
   * before sending (`PayValidationError`): a bad method name, or a param that is not a string, a
   * boolean or null. `PayResponseError` also when `result` fails `options.schema`.
   */
  call<TSchema extends v.GenericSchema>(
    method: string,
    params: CallParams | undefined,
    options: CallOptions<TSchema> & { schema: TSchema },
  ): Promise<v.InferOutput<TSchema>>;
  call(method: string, params?: CallParams, options?: CallOptions): Promise<unknown>;
}

const METHOD_NAME = /^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)?$/;

/** A path item naming `key`, so that core reports the issue at `key`. */
function at(key: string, input: Record<string, unknown>, value: unknown) {
  return { type: 'object', origin: 'value', input, key, value } as const;
}

/**
 * The raw call's params schema: the method name (known only at call time) and each param's type,
 * every issue reported at once, as the named methods' strict schemas do.
 */
function rawCallSchema(method: unknown) {
  return v.pipe(
    v.unknown(),
    v.rawCheck(({ dataset, addIssue }) => {
      const params = dataset.value;
      const root = { method, params };
      if (typeof method !== 'string' || !METHOD_NAME.test(method)) {
        addIssue({
          message: 'must be an AnyMoney method like "payin.get"',
          path: [at('method', root, method)],
        });
      }
      if (typeof params !== 'object' || params === null || Array.isArray(params)) {
        addIssue({
          message: 'must be an object of strings and booleans',
          path: [at('params', root, params)],
        });
        return;
      }
      for (const [key, value] of Object.entries(params)) {
        const allowed =
          value === undefined || value === null || ['string', 'boolean'].includes(typeof value);
        if (!allowed) {
          addIssue({
            message: 'must be a string, a boolean or null',
            path: [at(key, params as Record<string, unknown>, value)],
          });
        }
      }
    }),
  );
}

/**
 * Builds `call`: each call declares its one-off endpoint with the same factory as the named
 * methods, so it is validated, signed and sent by the same protocol (no second request path).
 */
export function createCallApi(define: DefineAnyMoneyEndpoint): AnyMoneyCallApi {
  return {
    call: (method: string, params: CallParams = {}, options: CallOptions = {}) =>
      define({
        operation: String(method),
        path: '',
        params: rawCallSchema(method),
        result: options.schema ?? v.unknown(),
        idempotent: false,
      })(params, options),
  } as AnyMoneyCallApi;
}
