import { PayApiError, type ProviderErrorReader } from '@pay/core';

/** The one error message Bitsby documents: its answer to more than 1 request per second. */
export const RATE_LIMIT_MESSAGE = 'Requests too frequent';

/**
 * Bitsby answers errors with `{ "result": "error", "data": "<message>" }`: no codes, only an
 * English sentence, and HTTP statuses for errors are undocumented, so the body is read whatever
 * the status. The message is kept verbatim as `providerMessage`.
 */
export const readBitsbyError: ProviderErrorReader = ({ body, operation }) => {
  if (typeof body !== 'object' || body === null) return undefined;
  const envelope = body as { result?: unknown; data?: unknown };
  if (envelope.result !== 'error') return undefined;
  const message =
    typeof envelope.data === 'string' && envelope.data.trim() !== ''
      ? envelope.data
      : 'unspecified error';
  if (isRateLimitMessage(message)) {
    return {
      providerMessage: message,
      // Bitsby refused before doing anything: sending the same request later is safe.
      retryable: true,
      hint:
        'Bitsby allows 1 request per second and did nothing; send again after a second ' +
        '(raise `minIntervalMs` if this repeats, e.g. when several processes share one API key)',
    };
  }
  return {
    providerMessage: message,
    // A non-string `data` is not documented; keep it for diagnosis rather than lose it.
    details: typeof envelope.data === 'string' ? undefined : { data: envelope.data },
    hint: hintFor(operation),
  };
};

function hintFor(operation: string): string | undefined {
  if (operation === 'invoices/cancel') {
    return 'Bitsby cancels only unpaid invoices whose payment page was never opened (views = 0)';
  }
  if (operation === 'invoices/bindPayment') {
    return 'check both ids with invoices.list and payments.list';
  }
  return undefined;
}

function isRateLimitMessage(message: string): boolean {
  return message.trim().toLowerCase() === RATE_LIMIT_MESSAGE.toLowerCase();
}

/** True for Bitsby's "Requests too frequent" answer, or an HTTP 429 from anything in between. */
export function isRateLimited(error: unknown): boolean {
  return (
    PayApiError.isInstance(error) &&
    (error.status === 429 ||
      (error.providerMessage !== undefined && isRateLimitMessage(error.providerMessage)))
  );
}
