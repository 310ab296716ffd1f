import type { ProviderErrorReader } from '@pay/core';
import { createErrorReader } from './payin-payout-errors.ts';

/**
 * The merchant shop API's error reader (family B): `{ "status": false, "user_msg" | "result":
 * "…" }` (or `result.error`), and `result: false`, with `providerCode` `duplicate_order_id`,
 * `bad_signature`, `not_found` or `not_accepted` where known.
 */
export const readPayinPayoutShopError: ProviderErrorReader = createErrorReader([
  {
    pattern: /OrderId already exists/i,
    code: 'duplicate_order_id',
    hint: 'this orderId was used before: use a new one',
  },
  {
    pattern: /^Неверная сигнатура/,
    code: 'bad_signature',
    hint: 'Payin-payout refused the signature: check agentId and the shop credentials',
  },
  { pattern: /not found/i, code: 'not_found', hint: 'nothing matches these parameters' },
]);
