import { amountInput, amountOutput, type DefineEndpoint, type RequestOptions } from '@pay/core';
import * as v from 'valibot';
import type { CryptoCloudEndpoint } from './cryptocloud-request.ts';
import { text } from './cryptocloud-schemas.ts';

/** Parameters of `invoice/api/out/create`. */
const withdrawalCreateParamsSchema = v.strictObject({
  /** Cryptocurrency code, e.g. `BTC`, `USDT_TRC20`. */
  currency_code: text(),
  /** Recipient's wallet address. */
  to_address: text(),
  /** Amount in `currency_code`. Sent as exactly this decimal. */
  amount: amountInput(),
});

/** What `withdrawal.create()` takes. */
export type WithdrawalCreateParams = v.InferInput<typeof withdrawalCreateParamsSchema>;

const withdrawalSchema = v.looseObject({
  /** The withdrawal request id, `INV-XXXXXXXX`. */
  invoice_id: v.string(),
  /** Always `created` when the request is accepted. */
  status: v.string(),
  /** The cryptocurrency code, e.g. `BTC`. */
  currency: v.string(),
  /** The amount requested, a decimal string. */
  amount: amountOutput(),
});

/**
 * The `invoice/api/out/create` response. One version of the docs puts the payload in `data`,
 * another in `result`: either is read.
 */
const withdrawalCreateResultSchema = v.pipe(
  v.looseObject({
    status: v.literal('success'),
    result: v.optional(withdrawalSchema),
    data: v.optional(withdrawalSchema),
  }),
  v.check(
    (body) => body.result !== undefined || body.data !== undefined,
    'a withdrawal in `result` or `data`',
  ),
  v.transform((body) => (body.result ?? body.data) as v.InferOutput<typeof withdrawalSchema>),
);

/** What `withdrawal.create()` returns: the request id and its status. */
export type WithdrawalCreateResult = v.InferOutput<typeof withdrawalCreateResultSchema>;

/**
 * `client.withdrawal`: moving funds out of the merchant balance. Its method rejects with a
 * `PayCallError` (see `@pay/core`) when it fails, or with `PayConfigError` without a
 * `withdrawalApiKey`.
 */
export interface CryptoCloudWithdrawalApi {
  /**
   * `POST /v2/invoice/api/out/create`: a withdrawal request, authorised with the separate
   * account-level `withdrawalApiKey` (the «Security» settings), not the project's `apiKey`;
   * without it: `PayConfigError`, nothing sent. CryptoCloud accepts at most one withdrawal
   * request every 12 seconds (`rate_limit`, `retryable`); other codes: `currency_code`,
   * `network`, `uncorrected_amount`, `validate_error`, `required_parameter`. Moves money: never
   * retried; after a `PayNetworkError` check the dashboard before sending it again.
   */
  create(params: WithdrawalCreateParams, options?: RequestOptions): Promise<WithdrawalCreateResult>;
}

/** Builds `client.withdrawal`; `withdrawalApiKey` is checked when a withdrawal is made. */
export function createWithdrawalApi(
  endpoint: DefineEndpoint<CryptoCloudEndpoint>,
): CryptoCloudWithdrawalApi {
  return {
    create: endpoint({
      operation: 'invoice/api/out/create',
      path: 'v2/invoice/api/out/create',
      params: withdrawalCreateParamsSchema,
      result: withdrawalCreateResultSchema,
      idempotent: false,
      key: 'withdrawalApiKey',
      // Documented as a number (one version says Int, the newer one float).
      numbers: ['amount'],
    }),
  };
}
