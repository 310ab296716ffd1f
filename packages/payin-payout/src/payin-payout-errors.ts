import type { ProviderErrorInfo, ProviderErrorReader } from '@pay/core';

/**
 * A known error text, matched against the provider's message, with a stable `providerCode` and
 * what to do. Payin-payout sends no codes, only texts; the text itself stays verbatim in
 * `providerMessage`.
 */
export interface KnownError {
  pattern: RegExp;
  code: string;
  hint: string;
}

/** The developer-key API's known error texts (`user_msg`). */
const knownErrors: readonly KnownError[] = [
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
];

/**
 * Returns a reader of Payin-payout's error envelopes, usually sent with HTTP 200:
 * `{ "status": false, "user_msg": "…", "tracker": " gid_…" }`, or in the shop API also
 * `{ "status": false, "result": "…" }` and `{ "status": false, "result": { "error": "…" } }`.
 * A `status: true` answer whose `result` is `false` means the request was read but the
 * operation refused, and is an error too (`not_accepted`).
 */
export function createErrorReader(known: readonly KnownError[]): ProviderErrorReader {
  return ({ body }) => {
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
    return { ...describe(messageOf(envelope), known), details };
  };
}

/**
 * The developer-key API's error reader (family A): `{ "status": false, "user_msg": "…" }` and
 * `result: false`, with `providerCode` `incorrect_timestamp`, `duplicate_external_id`,
 * `EXIST_IN_SYSTEM`, `more_than_one_payment`, `not_found` or `not_accepted` where known.
 */
export const readPayinPayoutError: ProviderErrorReader = createErrorReader(knownErrors);

function messageOf(envelope: { result?: unknown; user_msg?: unknown }): string | undefined {
  if (typeof envelope.user_msg === 'string') return envelope.user_msg;
  if (typeof envelope.result === 'string') return envelope.result;
  const nested = (envelope.result as { error?: unknown } | null | undefined)?.error;
  return typeof nested === 'string' ? nested : undefined;
}

function describe(message: string | undefined, known: readonly KnownError[]): ProviderErrorInfo {
  if (message === undefined) return { providerMessage: 'status: false, no message' };
  const match = known.find((entry) => entry.pattern.test(message));
  return { providerMessage: message, providerCode: match?.code, hint: match?.hint };
}
