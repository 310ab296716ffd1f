import type { WebhookInput } from './webhook-input.ts';

/** Options of every client's `webhooks.verify()`. */
export interface WebhookVerifyOptions {
  /**
   * Where the provider's signature does not cover the state and the amounts (CrystalPay,
   * CryptoCloud, Bitsby, AnyMoney), `verify` fetches the invoice through the provider's API and
   * reports what the API says: the only safe reading. `false` skips that call and returns the
   * callback's own, unsigned state and amounts — trust them only if you confirm them yourself.
   * Ignored where the signature covers every field (Payin-payout). Default: `true`.
   */
  confirm?: boolean | undefined;
  /** Cancels the confirmation call. */
  signal?: AbortSignal | undefined;
}

/** What every verified callback carries. */
export interface VerifiedWebhookEvent {
  /**
   * `true` when the state and amounts were fetched from the provider's API or are covered by the
   * provider's signature; `false` only with `{ confirm: false }` where they are not.
   */
  confirmed: boolean;
}

/** A callback as a provider would send it: what `webhooks.sign()` resolves to. */
export interface SignedWebhook {
  /** The raw body, exactly as it goes on the wire. */
  body: string;
  /** The headers to send with it (content type, signature headers). */
  headers: Record<string, string>;
}

/**
 * The webhook contract every `@pay/*` client that receives callbacks follows:
 * `verify` → typed event (or `PaySignatureError`), `sign` for tests and the sandbox, and
 * `acknowledge` for the exact answer the provider expects.
 */
export interface WebhooksApi<TEvent extends VerifiedWebhookEvent, TSignParams> {
  /**
   * Verifies a callback from its raw body and headers (or a Web `Request`) and resolves to a
   * typed event. Confirms through the API by default where the signature is partial.
   * @throws PaySignatureError the callback is not authentic, malformed, or not confirmed
   * @throws PayValidationError misuse: a parsed object instead of the raw body
   * @throws PayApiError / PayNetworkError / PayResponseError the confirming call failed: answer 5xx
   */
  verify(input: WebhookInput | Request, options?: WebhookVerifyOptions): Promise<TEvent>;
  /** Builds a correctly signed callback (for tests and `@pay/sandbox`). */
  sign(params: TSignParams): Promise<SignedWebhook>;
  /** The answer the provider expects once the callback is stored: status, type and body. */
  acknowledge(): Response;
}

/** A Web `Response` for an acknowledgement: `200` with the given body and content type. */
export function acknowledgement(body = '', contentType = 'text/plain; charset=utf-8'): Response {
  return new Response(body, { status: 200, headers: { 'content-type': contentType } });
}
