import { jsonNumber, PayConfigError, type RequestOptions } from '@pay/core';
import {
  type WithdrawalCreateParams,
  type WithdrawalCreateResult,
  withdrawalCreateParamsSchema,
  withdrawalCreateResultSchema,
} from './cryptocloud-account-schemas.ts';
import { type CryptoCloudContext, PROVIDER, validate } from './cryptocloud-call.ts';

/** `client.withdrawal`: moving funds out of the merchant balance. */
export interface CryptoCloudWithdrawalMethods {
  /**
   * `POST /v2/invoice/api/out/create`: a withdrawal request, authorised with the separate
   * account-level `withdrawalApiKey` (the «Security» settings), not the project's `apiKey`.
   * CryptoCloud accepts at most one withdrawal request every 12 seconds (`rate_limit` error).
   * Moves money: never retried automatically.
   * @throws PayConfigError `withdrawalApiKey` is not set, before any request
   * @throws PayValidationError bad params, before any request
   * @throws PayApiError CryptoCloud said no (`currency_code`, `network`, `uncorrected_amount`,
   *   `rate_limit`, `validate_error`, `required_parameter`; `retryable` is true for `rate_limit`)
   * @throws PayNetworkError no response (timeout, reset, abort): the request may exist; check
   *   the dashboard before sending it again
   * @throws PayResponseError a response that is not the documented JSON
   */
  create(params: WithdrawalCreateParams, options?: RequestOptions): Promise<WithdrawalCreateResult>;
}

/** Builds `client.withdrawal`; `withdrawalApiKey` is checked when a withdrawal is made. */
export function createWithdrawalMethods(
  context: CryptoCloudContext,
  withdrawalApiKey: string | undefined,
): CryptoCloudWithdrawalMethods {
  return {
    async create(params, options) {
      const operation = 'invoice/api/out/create';
      if (typeof withdrawalApiKey !== 'string' || withdrawalApiKey.trim() === '') {
        throw new PayConfigError(
          'withdrawalApiKey',
          'is required for withdrawals: the account-level key from the «Security» settings',
          { provider: PROVIDER, operation },
        );
      }
      const input = validate(withdrawalCreateParamsSchema, params, operation);
      return context.call({
        operation,
        path: 'v2/invoice/api/out/create',
        // Documented as a number (one version says Int, the newer one float): a JSON number
        // with exactly the digits given.
        body: { ...input, amount: jsonNumber(input.amount) },
        schema: withdrawalCreateResultSchema,
        apiKey: withdrawalApiKey,
        options,
      });
    },
  };
}
