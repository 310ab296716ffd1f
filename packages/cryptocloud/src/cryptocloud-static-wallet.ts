import type { DefineEndpoint, RequestOptions } from '@pay/core';
import * as v from 'valibot';
import type { CryptoCloudEndpoint } from './cryptocloud-request.ts';
import { currencySchema, optionalText, successResult, text } from './cryptocloud-schemas.ts';

/** Parameters of `invoice/static/create`. */
const staticWalletCreateParamsSchema = v.strictObject({
  /** Project id. Default: the client's `shopId`. */
  shop_id: v.optional(text()),
  /** Cryptocurrency code of the wallet, e.g. `USDT_TRC20`. */
  currency: text(),
  /** Your id of the end user the wallet belongs to. */
  identify: text(),
});

/** What `staticWallet.create()` takes. */
export type StaticWalletCreateParams = v.InferInput<typeof staticWalletCreateParamsSchema>;

/** The `invoice/static/create` response, read down to the wallet. */
const staticWalletCreateResultSchema = successResult(
  v.looseObject({
    currency: v.optional(v.nullable(currencySchema)),
    address: v.string(),
    uuid: optionalText(),
  }),
);

/** What `staticWallet.create()` returns: the wallet `address` and its `uuid`. */
export type StaticWalletCreateResult = v.InferOutput<typeof staticWalletCreateResultSchema>;

/**
 * `client.staticWallet`: permanent deposit addresses. Its method rejects with a `PayCallError`
 * (see `@pay/core`) when it fails.
 */
export interface CryptoCloudStaticWalletApi {
  /**
   * `POST /v2/invoice/static/create`: a permanent deposit address for one of your users
   * (`identify`). `shop_id` defaults to the client's `shopId`. Never retried.
   */
  create(
    params: StaticWalletCreateParams,
    options?: RequestOptions,
  ): Promise<StaticWalletCreateResult>;
}

/** Builds `client.staticWallet`. */
export function createStaticWalletApi(
  endpoint: DefineEndpoint<CryptoCloudEndpoint>,
): CryptoCloudStaticWalletApi {
  return {
    create: endpoint({
      operation: 'invoice/static/create',
      path: 'v2/invoice/static/create',
      params: staticWalletCreateParamsSchema,
      result: staticWalletCreateResultSchema,
      idempotent: false,
      shopId: true,
    }),
  };
}
