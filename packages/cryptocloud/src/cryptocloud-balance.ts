import { amountOutput, type DefineEndpoint, type RequestOptions } from '@pay/core';
import * as v from 'valibot';
import type { CryptoCloudEndpoint } from './cryptocloud-request.ts';
import { currencySchema, successResult } from './cryptocloud-schemas.ts';

/** Parameters of `merchant/wallet/balance/all`: none (the balance is account-wide). */
const balanceAllParamsSchema = v.optional(v.strictObject({}));

/** What `balance.all()` takes: nothing, or `{}`. */
export type BalanceAllParams = Record<string, never> | undefined;

/** One wallet of the merchant balance. */
const balanceSchema = v.looseObject({
  // Every documented wallet carries all five fields.
  currency: currencySchema,
  balance_crypto: amountOutput(),
  balance_usd: amountOutput(),
  available_balance: amountOutput(),
  available_balance_usd: amountOutput(),
});

/** The `merchant/wallet/balance/all` response, read down to its wallets. */
const balanceAllResultSchema = successResult(v.array(balanceSchema));

/** What `balance.all()` returns: one entry per currency, amounts as decimal strings. */
export type BalanceAllResult = v.InferOutput<typeof balanceAllResultSchema>;

/**
 * `client.balance`: the merchant's balances. Its method rejects with a `PayCallError` (see
 * `@pay/core`) when it fails.
 */
export interface CryptoCloudBalanceApi {
  /**
   * `POST /v2/merchant/wallet/balance/all`: the balance in every currency (account-wide; no body
   * is sent). A read: retried.
   */
  all(params?: BalanceAllParams, options?: RequestOptions): Promise<BalanceAllResult>;
}

/** Builds `client.balance`. */
export function createBalanceApi(
  endpoint: DefineEndpoint<CryptoCloudEndpoint>,
): CryptoCloudBalanceApi {
  return {
    all: endpoint({
      operation: 'merchant/wallet/balance/all',
      path: 'v2/merchant/wallet/balance/all',
      params: balanceAllParamsSchema,
      result: balanceAllResultSchema,
      idempotent: true,
      body: false,
    }),
  };
}
