import type { ProviderErrorReader } from '@pay/core';

/**
 * The AnyMoney names (`error.message`) that say "try again later" (rate limits, unavailable; see
 * https://docs.any.money/en/exc/). Only these and transport failures are worth retrying; the SDK
 * never retries them itself for calls that move money.
 */
const RETRYABLE_NAMES = new Set(['EStateReqLimit', 'EStateReqIPLimit', 'EStateUnavailable']);

/** What to do about an error, by its name. */
const HINTS: Record<string, string> = {
  EAuth: 'check `merchantId` and `apiKey`',
  EParamSignInvalid: 'check `apiKey`: AnyMoney could not verify the request signature',
  EParamHeadersInvalid: 'check `merchantId`: the x-merchant / x-utc-now-ms headers were refused',
  EParamRequestWindow: "check the machine's clock (or the `now` setting): the request time is off",
  EParamNotFound: 'AnyMoney has no such order or object for this merchant: check the id',
  EParamUnique:
    'an order with this externalid already exists: fetch it (invoice.get / status) instead',
  EParamInvalid: 'see details.data for the field AnyMoney refused',
  EStateInsufficientFunds: 'the balance is too low for this amount',
};

/**
 * Reads AnyMoney's JSON-RPC error envelope,
 * `{ "error": { "code": -32003, "message": "EParamInvalid", "data": { … } }, "jsonrpc": "2.0" }`,
 * whatever the HTTP status (the docs do not say which statuses errors come with).
 *
 * `providerCode` is the E-name in `error.message`: match on it. The numeric `code` is kept in
 * `details.code` for information only, because codes drifted in practice (`EParamInvalid` has
 * been seen as -32002 and -32003). `details.data` is AnyMoney's `data` verbatim, and its
 * `reason`, when there is one, becomes `providerMessage`.
 */
export const readAnyMoneyError: ProviderErrorReader = ({ body }) => {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message, data } = error as { code?: unknown; message?: unknown; data?: unknown };
  const name = typeof message === 'string' && message !== '' ? message : 'unspecified error';
  const details =
    typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  // `reason` says what went wrong ("Invalid signature"); else name the refused field.
  const providerMessage =
    typeof details.reason === 'string'
      ? details.reason
      : typeof details.field === 'string'
        ? `field \`${details.field}\``
        : undefined;
  return {
    providerCode: name,
    providerMessage,
    details: {
      code: typeof code === 'number' || typeof code === 'string' ? code : null,
      data: data ?? null,
    },
    hint: HINTS[name],
    retryable: RETRYABLE_NAMES.has(name) ? true : undefined,
  };
};
