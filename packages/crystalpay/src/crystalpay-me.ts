import type { RequestOptions } from '@pay/core';
import type * as v from 'valibot';
import { type CrystalPayContext, endpoint } from './crystalpay-endpoint.ts';
import { noParams, optionalScalar, optionalText, result } from './crystalpay-schemas.ts';

/** The `me/info/` response: the cash register itself. */
export const meInfoResultSchema = result({
  id: optionalScalar(),
  name: optionalText(),
  status_level: optionalScalar(),
  created_at: optionalText(),
});

/** What `me.info()` returns. */
export type MeInfo = v.InferOutput<typeof meInfoResultSchema>;

/** The cash-register method: `me/info/`. */
export interface CrystalPayMeApi {
  /**
   * `POST /v3/me/info/`: the cash register's id, name, status level and creation time. A read:
   * retried on 429, 5xx and network failures.
   * @throws PayValidationError params other than nothing or `{}`, before any request
   * @throws PayApiError CrystalPay said no (e.g. wrong credentials), or a non-2xx status
   * @throws PayNetworkError no response after the retries
   * @throws PayResponseError a response that is not the documented JSON
   */
  info(params?: Record<string, never>, options?: RequestOptions): Promise<MeInfo>;
}

/** Builds the `me` group of a client. */
export function createMeApi(context: CrystalPayContext): CrystalPayMeApi {
  return {
    info: endpoint(context, {
      path: 'me/info/',
      params: noParams(),
      result: meInfoResultSchema,
      read: true,
    }),
  };
}
