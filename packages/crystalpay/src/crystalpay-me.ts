import type { DefineEndpoint, RequestOptions } from '@pay/core';
import * as v from 'valibot';
import type { CrystalPayEndpointExtras } from './crystalpay-request.ts';
import { noParams, optionalScalar, optionalText } from './crystalpay-schemas.ts';

/** The `me/info/` response: the cash register itself. */
const meInfoResultSchema = v.looseObject({
  id: optionalScalar(),
  name: optionalText(),
  status_level: optionalScalar(),
  created_at: optionalText(),
});

/** What `me.info()` returns. */
export type MeInfoResult = v.InferOutput<typeof meInfoResultSchema>;

/** The cash-register method: a read, retried; it rejects with a `PayCallError` (see `@pay/core`). */
export interface CrystalPayMeApi {
  /**
   * `POST /v3/me/info/`: the cash register's id, name, status level and creation time. Takes no
   * parameters (nothing or `{}`). Wrong credentials are a `PayApiError`.
   */
  info(params?: Record<string, never>, options?: RequestOptions): Promise<MeInfoResult>;
}

/** Builds the `me` group of a client. */
export function createMeApi(define: DefineEndpoint<CrystalPayEndpointExtras>): CrystalPayMeApi {
  return {
    info: define({
      operation: 'me/info',
      path: 'v3/me/info/',
      params: noParams(),
      result: meInfoResultSchema,
      idempotent: true,
    }),
  };
}
