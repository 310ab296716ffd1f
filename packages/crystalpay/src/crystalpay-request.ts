import {
  createEndpointFactory,
  type DefineEndpoint,
  type ProviderProtocol,
  type Transport,
} from '@pay/core';
import * as v from 'valibot';
import type { BodySigner } from './crystalpay-signing.ts';

/** The provider's name in errors. */
export const PROVIDER = 'CrystalPay';

/** What a CrystalPay endpoint declares besides core's `EndpointDefinition`. */
export interface CrystalPayEndpointExtras {
  /**
   * Add `signature` over the call's field list (see `crystalpay-signing.ts`); the operation must
   * be one of `CRYSTALPAY_SIGNED_FIELDS`. Default: `false` (sent unsigned).
   */
  signed?: boolean | undefined;
  /**
   * Turns the validated parameters into body fields, when they are not sent as they are (an
   * amount documented as a JSON number). Default: the parameters as validated.
   */
  toBody?: ((input: Record<string, unknown>) => Record<string, unknown>) | undefined;
}

/** What the request builder needs from the client. */
export interface CrystalPayRequestContext {
  transport: Transport;
  /** `auth_login`, sent in every body. */
  login: string;
  /** `auth_secret`, sent in every body. */
  secret: string;
  /** Signs the fields of a `signed` call. */
  sign: BodySigner;
}

/**
 * CrystalPay answers a success with its fields at the top level next to `error: false` and
 * `errors: []` (errors themselves are read by `readCrystalPayError`): those two are dropped.
 */
function withoutEnvelope(body: Record<string, unknown>): Record<string, unknown> {
  const { error: _error, errors: _errors, ...payload } = body;
  return payload;
}

/**
 * Every CrystalPay call: `POST <baseUrl>/v3/<path>/` with a JSON body holding the credentials,
 * the fields and, for money-moving calls, `signature`.
 */
export function createCrystalPayEndpoint(
  context: CrystalPayRequestContext,
): DefineEndpoint<CrystalPayEndpointExtras> {
  const protocol: ProviderProtocol<CrystalPayEndpointExtras> = {
    provider: PROVIDER,
    transport: context.transport,
    buildRequest(endpoint, input) {
      const params = input as Record<string, unknown>;
      const fields = endpoint.toBody ? endpoint.toBody(params) : params;
      const signature = endpoint.signed ? context.sign(endpoint.operation, fields) : undefined;
      const credentials = { auth_login: context.login, auth_secret: context.secret };
      return {
        body: { json: { ...credentials, ...fields, ...(signature ? { signature } : {}) } },
        secrets: signature ? [signature] : [],
      };
    },
    envelope: (result) =>
      v.pipe(
        v.looseObject({}),
        v.transform(withoutEnvelope),
        // Every result schema is an object schema: it reads what the envelope leaves.
        result as v.GenericSchema<Record<string, unknown>>,
      ),
  };
  return createEndpointFactory(protocol);
}

/**
 * The four calls of a money movement CrystalPay makes in two steps (payoffs, swaps, transfers):
 * `<group>/create/` prepares it, `submit` carries it out, `cancel` drops it — each signed and sent
 * once — and `info` reads it (retried).
 */
export function defineTwoStepGroup<
  TCreate extends v.GenericSchema,
  TId extends v.GenericSchema,
  TResult extends v.GenericSchema,
>(
  define: DefineEndpoint<CrystalPayEndpointExtras>,
  group: 'payoff' | 'swap' | 'transfer',
  schemas: { create: TCreate; id: TId; result: TResult },
) {
  const at = (method: string) => ({
    operation: `${group}/${method}`,
    path: `v3/${group}/${method}/`,
    result: schemas.result,
  });
  const change = { idempotent: false, signed: true } as const;
  return {
    create: define({ ...at('create'), params: schemas.create, ...change }),
    submit: define({ ...at('submit'), params: schemas.id, ...change }),
    cancel: define({ ...at('cancel'), params: schemas.id, ...change }),
    info: define({ ...at('info'), params: schemas.id, idempotent: true }),
  };
}
