import { NetworkError, TimeoutError } from 'ky';
import { redactSecrets } from '../errors/pay-error.ts';
import { PayNetworkError } from '../errors/pay-network-error.ts';

const networkCodes: Record<string, string> = {
  ECONNRESET: 'connection reset',
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found (DNS)',
  EAI_AGAIN: 'DNS lookup failed',
  ETIMEDOUT: 'connection timed out',
  EPIPE: 'connection closed while sending',
  UND_ERR_SOCKET: 'connection closed by the server',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  CERT_HAS_EXPIRED: 'TLS certificate expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS certificate not trusted',
};

/** Maps whatever fetch or ky threw, with no response, to a `PayNetworkError`. */
export function toNetworkError(
  error: unknown,
  signal: AbortSignal | undefined,
  context: { provider: string; operation: string },
  secrets: readonly string[],
): PayNetworkError {
  if (signal?.aborted) {
    return new PayNetworkError({ ...context, aborted: true, reason: 'the request was aborted' });
  }
  if (error instanceof TimeoutError) {
    return new PayNetworkError({
      ...context,
      timeout: true,
      reason: 'timed out (raise `timeout` in the settings if the provider is slow)',
    });
  }
  // Keep the low-level cause (it names the socket error), never ky's error: it holds the request.
  const cause = error instanceof NetworkError ? error.cause : error;
  const code = findErrorCode(cause);
  const described = code ? (networkCodes[code] ?? code) : undefined;
  const message = redactSecrets(innermostMessage(cause), secrets);
  // A copy, not the original: a custom fetch may put anything in its error, credentials included.
  const safeCause = Object.assign(new Error(message), { name: errorName(cause), code });
  return new PayNetworkError({ ...context, reason: described ?? message, cause: safeCause });
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'Error';
}

/** The deepest message in a cause chain: fetch's own is only `fetch failed` (e.g. `bad port`). */
function innermostMessage(error: unknown): string {
  let message = error instanceof Error ? error.message : String(error);
  let current: unknown = error;
  for (let depth = 0; depth < 4; depth += 1) {
    current = (current as { cause?: unknown } | undefined)?.cause;
    if (!(current instanceof Error)) break;
    message = current.message;
  }
  return message;
}

/** Node's fetch nests the socket error: `TypeError('fetch failed', { cause: { code } })`. */
function findErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
