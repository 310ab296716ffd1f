import { PayApiError, type ProviderErrorInfo, type ProviderErrorReader } from '@pay/core';

/** Minimum interval between two withdrawal requests, per CryptoCloud's withdrawal page. */
export const WITHDRAWAL_INTERVAL_SECONDS = 12;

/** Keys of `result` that name an error rather than a request field, with what to do. */
const HINTS: Record<string, string> = {
  authorization: 'check `apiKey`: CryptoCloud did not accept it',
  shop_id: 'check `shopId` (the project id from the CryptoCloud dashboard)',
  rate_limit: `withdrawals allow one request every ${WITHDRAWAL_INTERVAL_SECONDS} s: wait before sending again`,
  network: 'check `to_address`: it does not fit the network of `currency_code`',
  currency_code: 'check `currency_code`: CryptoCloud does not support it for withdrawals',
  uncorrected_amount: 'check `amount`: too small, too large or in the wrong format',
};

/**
 * CryptoCloud's error bodies come in three shapes:
 * - v2: `{ "status": "error", "result": { "<field>": "<message>" } }` (a field name, or an error
 *   key such as `authorization`, `validate_error`, `rate_limit`); messages may also be lists;
 * - v2, a malformed API key: `{ "detail": "Signature verification failed" }` (HTTP 403);
 * - v1: `{ "message": "Unauthenticated." }`.
 * Success is HTTP 2xx **and** `status: "success"`; a 2xx body with another `status` is an error
 * too. The per-field messages are kept verbatim in `details`.
 */
export const readCryptoCloudError: ProviderErrorReader = ({ status, body, operation }) => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const envelope = body as {
    status?: unknown;
    result?: unknown;
    detail?: unknown;
    message?: unknown;
  };
  const ok = status >= 200 && status < 300;
  if (ok && envelope.status === 'success') return undefined;
  // A 2xx body with neither `status` nor `detail` is left to the result schema (a wrong shape).
  if (ok && envelope.status === undefined && envelope.detail === undefined) return undefined;
  if (typeof envelope.detail === 'string') {
    return {
      providerMessage: envelope.detail,
      details: { detail: envelope.detail },
      hint:
        status === 403
          ? 'the API key is malformed: copy it again from the CryptoCloud dashboard'
          : undefined,
    };
  }
  const fields = fieldMessages(envelope.result);
  if (fields) return describeFields(fields, operation);
  if (typeof envelope.result === 'string') return { providerMessage: envelope.result };
  if (typeof envelope.message === 'string') return { providerMessage: envelope.message };
  // A 2xx body with an unknown `status` and nothing readable: still not a success.
  return ok ? { providerMessage: `status "${String(envelope.status)}"` } : undefined;
};

/** `{ field: "message" | ["message", …] | … }` as `{ field: "message; …" }`; undefined otherwise. */
function fieldMessages(result: unknown): Record<string, string> | undefined {
  if (typeof result !== 'object' || result === null || Array.isArray(result)) return undefined;
  const entries = Object.entries(result);
  if (entries.length === 0) return undefined;
  return Object.fromEntries(entries.map(([field, message]) => [field, messageText(message)]));
}

function messageText(message: unknown): string {
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(messageText).join('; ');
  return JSON.stringify(message) ?? String(message);
}

function describeFields(fields: Record<string, string>, operation: string): ProviderErrorInfo {
  const keys = Object.keys(fields);
  const hintKey = keys.find((key) => key in HINTS);
  const isWithdrawal = operation.includes('/out/');
  return {
    // A single key is CryptoCloud's closest thing to an error code (`validate_error`, …).
    providerCode: keys.length === 1 ? keys[0] : undefined,
    providerMessage: keys.map((key) => `${key}: ${fields[key]}`).join('; '),
    details: fields,
    hint:
      hintKey === 'authorization' && isWithdrawal
        ? 'check `withdrawalApiKey` (the key from the «Security» settings, not the project key)'
        : hintKey
          ? HINTS[hintKey]
          : undefined,
    retryable: keys.includes('rate_limit') ? true : undefined,
  };
}

/**
 * What each documented v1 error status means. The v1 docs give these statuses with empty
 * bodies (401 answers `{"message":"Unauthenticated."}` in practice), so the status itself is
 * what the error has to explain, and an empty body never reaches {@link readCryptoCloudError}.
 */
const V1_STATUS_MEANINGS: Record<number, { hint: string; retryable?: boolean }> = {
  401: { hint: 'HTTP 401 means a bad API key: check `apiKey`' },
  400: {
    hint: 'HTTP 400 means the invoice could not be created: check the parameters and `shopId`',
  },
  406: { hint: 'HTTP 406 means the service is unavailable: try again later', retryable: true },
};

/** Re-throws a v1 `PayApiError` with what its status means; other errors pass unchanged. */
export function explainV1Status(error: unknown): never {
  if (!PayApiError.isInstance(error)) throw error;
  const meaning = V1_STATUS_MEANINGS[error.status];
  if (!meaning) throw error;
  throw new PayApiError({
    provider: error.provider,
    operation: error.operation,
    status: error.status,
    providerCode: error.providerCode,
    providerMessage: error.providerMessage,
    details: error.details,
    retryable: meaning.retryable ?? error.retryable,
    hint: meaning.hint,
  });
}
