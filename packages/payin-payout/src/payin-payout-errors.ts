import type { ProviderErrorInfo, ProviderErrorReader } from '@pay/core';

/**
 * Known error texts, matched by prefix, with a stable `providerCode` and what to do. Payin-payout
 * sends no codes, only `user_msg` (or, in the shop API, `result`) texts; the text itself stays
 * verbatim in `providerMessage`.
 */
const knownErrors: ReadonlyArray<{ pattern: RegExp; code: string; hint: string }> = [
  {
    pattern: /^incorrect timestamp/i,
    code: 'incorrect_timestamp',
    hint: "the clock is more than 10 s off Payin-payout's: sync it, or set `clockOffsetMs`",
  },
  {
    pattern: /^invoice with external_id .* already exists/i,
    code: 'duplicate_external_id',
    hint: 'an invoice with this external_id exists already: do not create it again',
  },
  {
    pattern: /^EXIST_IN_SYSTEM/,
    code: 'EXIST_IN_SYSTEM',
    hint: 'the user is registered already: look it up with user.getInfo()',
  },
  {
    pattern: /^Found more than one payment/i,
    code: 'more_than_one_payment',
    hint: 'several payments match: search by account_number',
  },
  { pattern: /not found/i, code: 'not_found', hint: 'nothing matches these parameters' },
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
];

/**
 * Payin-payout answers errors inside the JSON body, usually with HTTP 200:
 * `{ "status": false, "user_msg": "…", "tracker": " gid_…" }` (developer-key API, p2p invoices)
 * or `{ "status": false, "result": "…" }` (shop API tokens). A `status: true` answer whose
 * `result` is `false` means the request was read but the operation refused, and is an error too.
 */
export const readPayinPayoutError: ProviderErrorReader = ({ body }) => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const envelope = body as { status?: unknown; result?: unknown; user_msg?: unknown };
  const tracker = (body as { tracker?: unknown }).tracker;
  const details = typeof tracker === 'string' ? { tracker } : undefined;
  if (envelope.status === true && envelope.result === false) {
    return {
      providerCode: 'not_accepted',
      providerMessage: 'result: false',
      details,
      hint: 'Payin-payout read the request but did not accept the operation',
    };
  }
  if (envelope.status !== false) return undefined;
  return { ...describe(messageOf(envelope)), details };
};

function messageOf(envelope: { result?: unknown; user_msg?: unknown }): string | undefined {
  if (typeof envelope.user_msg === 'string') return envelope.user_msg;
  if (typeof envelope.result === 'string') return envelope.result;
  const nested = (envelope.result as { error?: unknown } | null | undefined)?.error;
  return typeof nested === 'string' ? nested : undefined;
}

function describe(message: string | undefined): ProviderErrorInfo {
  if (message === undefined) return { providerMessage: 'status: false, no message' };
  const known = knownErrors.find((entry) => entry.pattern.test(message));
  return { providerMessage: message, providerCode: known?.code, hint: known?.hint };
}
