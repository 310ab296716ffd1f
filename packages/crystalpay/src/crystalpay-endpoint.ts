import { parseInput, type RequestOptions, type Transport } from '@pay/core';
import type * as v from 'valibot';
import type { BodySigner } from './crystalpay-signature.ts';

/** The provider's name in errors. */
export const PROVIDER = 'CrystalPay';

/** What every group of methods needs from the client. */
export interface CrystalPayContext {
  transport: Transport;
  login: string;
  secret: string;
  sign: BodySigner;
}

/** One documented API method. */
export interface EndpointSpec<TParams extends v.GenericSchema, TResult extends v.GenericSchema> {
  /** The documented path below `/v3/`, with its trailing slash: `invoice/create/`. */
  path: string;
  /** Strict schema of the caller's parameters. */
  params: TParams;
  /** Lenient schema of a successful body. */
  result: TResult;
  /**
   * A safe read, retried on 429, 5xx and network failures. `false` for anything that creates,
   * changes or moves something: those are sent once.
   */
  read: boolean;
  /** Sign the body (`signature`) with the call's field list; see `crystalpay-signature.ts`. */
  signed?: boolean;
  /** Turns the validated parameters into body fields, when they are not sent as they are. */
  toBody?: (input: v.InferOutput<TParams>) => Record<string, unknown>;
}

/** A client method: parameters may be left out when the schema accepts `undefined`. */
export type EndpointMethod<TParams extends v.GenericSchema, TResult extends v.GenericSchema> =
  undefined extends v.InferInput<TParams>
    ? (params?: v.InferInput<TParams>, options?: RequestOptions) => Promise<v.InferOutput<TResult>>
    : (params: v.InferInput<TParams>, options?: RequestOptions) => Promise<v.InferOutput<TResult>>;

/**
 * Builds a client method from its spec. The one place a CrystalPay request is made: validate
 * (nothing is sent on bad input), add the credentials to the JSON body, sign, send
 * `POST /v3/<path>`, and check the envelope (through the transport's error reader).
 */
export function endpoint<TParams extends v.GenericSchema, TResult extends v.GenericSchema>(
  context: CrystalPayContext,
  spec: EndpointSpec<TParams, TResult>,
): EndpointMethod<TParams, TResult> {
  const operation = spec.path.replace(/\/$/, '');
  // async: bad input must reject the returned promise, never throw synchronously.
  const method = async (params: unknown, options?: RequestOptions) => {
    const input = parseInput(spec.params, params, { provider: PROVIDER, operation });
    const fields = spec.toBody ? spec.toBody(input) : (input as Record<string, unknown>);
    const signature = spec.signed ? { signature: context.sign(operation, fields) } : {};
    return context.transport.request({
      operation,
      path: `v3/${spec.path}`,
      body: {
        json: { auth_login: context.login, auth_secret: context.secret, ...fields, ...signature },
      },
      schema: spec.result,
      signal: options?.signal,
      idempotent: spec.read,
    });
  };
  return method as EndpointMethod<TParams, TResult>;
}
