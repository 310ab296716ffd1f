import type { RequestOptions } from '@pay/core';
import {
  type BalanceAllParams,
  type BalanceAllResult,
  balanceAllParamsSchema,
  balanceAllResultSchema,
  type StaticWalletCreateParams,
  type StaticWalletCreateResult,
  type StatisticsParams,
  type StatisticsResult,
  staticWalletCreateParamsSchema,
  staticWalletCreateResultSchema,
  statisticsParamsSchema,
  statisticsResultSchema,
} from './cryptocloud-account-schemas.ts';
import { type CryptoCloudContext, validate } from './cryptocloud-call.ts';

/** The account-wide v2 calls: balances, statistics and static wallets. */
export interface CryptoCloudAccountMethods {
  balance: {
    /**
     * `POST /v2/merchant/wallet/balance/all`: the merchant's balance in every currency
     * (account-wide, no body). A read: retried on 429, 5xx and network failures.
     * @throws PayValidationError params other than nothing or `{}`, before any request
     * @throws PayApiError CryptoCloud said no
     * @throws PayNetworkError no response after the retries
     * @throws PayResponseError a response that is not the documented JSON
     */
    all(params?: BalanceAllParams, options?: RequestOptions): Promise<BalanceAllResult>;
  };
  /**
   * `POST /v2/invoice/merchant/statistics`: invoice counts and USD amounts per status between
   * two days (`dd.mm.yyyy`). A read: retried on 429, 5xx and network failures.
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError CryptoCloud said no
   * @throws PayNetworkError no response after the retries
   * @throws PayResponseError a response that is not the documented JSON
   */
  statistics(params: StatisticsParams, options?: RequestOptions): Promise<StatisticsResult>;
  staticWallet: {
    /**
     * `POST /v2/invoice/static/create`: a permanent deposit address for one of your users
     * (`identify`). `shop_id` defaults to the client's `shopId`. Never retried automatically.
     * @throws PayValidationError bad params, before any request
     * @throws PayApiError CryptoCloud said no
     * @throws PayNetworkError no response (timeout, reset, abort)
     * @throws PayResponseError a response that is not the documented JSON
     */
    create(
      params: StaticWalletCreateParams,
      options?: RequestOptions,
    ): Promise<StaticWalletCreateResult>;
  };
}

/** Builds `client.balance`, `client.statistics` and `client.staticWallet`. */
export function createAccountMethods(context: CryptoCloudContext): CryptoCloudAccountMethods {
  return {
    balance: {
      async all(params, options) {
        const operation = 'merchant/wallet/balance/all';
        validate(balanceAllParamsSchema, params, operation);
        return context.call({
          operation,
          path: 'v2/merchant/wallet/balance/all',
          schema: balanceAllResultSchema,
          idempotent: true,
          options,
        });
      },
    },

    async statistics(params, options) {
      const operation = 'invoice/merchant/statistics';
      // Under `invoice/`: a known client calls `/merchant/statistics`, which does not exist.
      return context.call({
        operation,
        path: 'v2/invoice/merchant/statistics',
        body: validate(statisticsParamsSchema, params, operation),
        schema: statisticsResultSchema,
        idempotent: true,
        options,
      });
    },

    staticWallet: {
      async create(params, options) {
        const operation = 'invoice/static/create';
        const input = validate(staticWalletCreateParamsSchema, params, operation);
        return context.call({
          operation,
          path: 'v2/invoice/static/create',
          body: { shop_id: context.shopId, ...input },
          schema: staticWalletCreateResultSchema,
          options,
        });
      },
    },
  };
}
