import type { RequestOptions } from '@pay/core';
import * as v from 'valibot';
import type { DefinePayinPayoutEndpoint } from './payin-payout-request.ts';
import { envelope, idOutput, text } from './payin-payout-schemas.ts';

// The developer-key API's `shop` group (family A). The merchant shop API is another client,
// `createPayinPayoutShop` (payin-payout-shop-*.ts).

/** `shop/api-create` (A3). */
const createParams = v.strictObject({
  title: text(),
  /** Legal address. */
  address: text(),
});

/** A3: `result` is the new shop's id; the envelope is kept for its `tracker`. */
const createResult = envelope(idOutput());

/** What `shop.create()` takes. */
export type ShopCreateParams = v.InferInput<typeof createParams>;
/** What `shop.create()` resolves to: `{ status: true, result: '<shop id>', tracker }`. */
export type ShopCreateResult = v.InferOutput<typeof createResult>;

/**
 * `payinPayout.shop`: shops of the developer-key API. Its method rejects with a `PayCallError`
 * (see `@pay/core`); its JSDoc adds only what is specific.
 */
export interface PayinPayoutShopApi {
  /**
   * `shop/api-create`: creates a shop; `result` is its id. Ask Payin-payout management to
   * attach it to the auto-debit service. Never retried automatically.
   */
  create(params: ShopCreateParams, options?: RequestOptions): Promise<ShopCreateResult>;
}

/** Builds `shop`. */
export function createShopApi(define: DefinePayinPayoutEndpoint): PayinPayoutShopApi {
  return {
    create: define({
      operation: 'shop/api-create',
      path: 'shop/api-create',
      params: createParams,
      result: createResult,
      idempotent: false,
      order: ['title', 'address', 'user_id', 'timestamp'],
    }),
  };
}
