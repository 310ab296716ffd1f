import type { RequestOptions } from '@pay/core';
import type { DefineAnyMoneyEndpoint } from './anymoney-request.ts';
import {
  type ExternalIdParams,
  externalIdSchema,
  type Order,
  orderSchema,
} from './anymoney-schemas.ts';

/** Params of `status`: your `externalid`. */
export type StatusParams = ExternalIdParams;

/** `status`, a root method of the client. It rejects with a `PayCallError` (see `@pay/core`). */
export interface AnyMoneyStatusApi {
  /**
   * `status`: any order (invoice, payout, convert, transfer, …) by your `externalid`; what
   * `webhooks.verify` confirms callbacks with. A read: retried. Provider codes `EParamInvalid`,
   * `EParamNotFound`.
   */
  status(params: StatusParams, options?: RequestOptions): Promise<Order>;
}

/** Builds `status`. */
export function createStatusApi(define: DefineAnyMoneyEndpoint): AnyMoneyStatusApi {
  return {
    status: define({
      operation: 'status',
      path: '',
      params: externalIdSchema,
      result: orderSchema,
      idempotent: true,
    }),
  };
}
