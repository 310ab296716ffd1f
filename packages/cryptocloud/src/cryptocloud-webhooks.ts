import {
  jsonNumber,
  PayConfigError,
  type RequestOptions,
  readWebhookInput,
  type WebhookInput,
} from '@pay/core';
import { PROVIDER, validate } from './cryptocloud-call.ts';
import type { CryptoCloudInvoiceMethods } from './cryptocloud-invoice.ts';
import { readPostbackBody } from './cryptocloud-postback-body.ts';
import {
  type CryptoCloudPostback,
  type PostbackSignParams,
  postbackSignParamsSchema,
} from './cryptocloud-postback-schemas.ts';
import {
  bareInvoiceId,
  POSTBACK_TOKEN_LIFETIME_SECONDS,
  postbackFailure,
  signPostbackToken,
  verifyPostbackToken,
} from './cryptocloud-postback-token.ts';

/** Options of `webhooks.verify()`. */
export interface PostbackVerifyOptions extends RequestOptions {
  /**
   * Also fetch the invoice with `invoice/merchant/info` and return it as `invoice`. The token
   * proves only the invoice id, not the amount or status in the body: confirm (or call
   * `invoice.info()` yourself) before fulfilling an order. Default: `false`.
   */
  confirm?: boolean | undefined;
}

/** Options of `webhooks.sign()`. */
export interface PostbackSignOptions {
  /** Body format, as chosen in the project settings. Default: `json`. */
  format?: 'json' | 'form' | undefined;
  /** Token lifetime in seconds from the client's `now`. Default: `300` (CryptoCloud's). */
  expiresIn?: number | undefined;
}

/** A signed postback, ready for `webhooks.verify()` or an HTTP request. */
export interface SignedPostback {
  body: string;
  headers: { 'content-type': string };
}

/** `client.webhooks`: CryptoCloud postbacks. */
export interface CryptoCloudWebhooks {
  /**
   * Verifies a postback from its raw body (JSON or form, by `Content-Type`) or a Web `Request`:
   * the `token` must be an HS256 JWT signed with `secretKey`, not expired (with
   * `webhookClockTolerance`), issued for the body's `invoice_id`. Returns the postback without
   * its token. With `{ confirm: true }` it also fetches the invoice (see {@link PostbackVerifyOptions}).
   * @throws PayConfigError `secretKey` is not set (verification fails closed)
   * @throws PaySignatureError `not-raw` (a parsed object), `missing` (no token), `mismatch`
   *   (wrong signature or another invoice), `expired`, `malformed` (other algorithm, `alg: none`,
   *   unreadable body), `unconfirmed` (with `confirm`: the API does not know the invoice)
   * @throws PayApiError, PayNetworkError, PayResponseError only with `confirm`, from `invoice.info()`
   */
  verify(input: WebhookInput, options?: PostbackVerifyOptions): Promise<CryptoCloudPostback>;
  /**
   * Makes a valid postback signed with `secretKey`, for tests and the sandbox.
   * @throws PayConfigError `secretKey` is not set
   * @throws PayValidationError bad fields
   */
  sign(payload: PostbackSignParams, options?: PostbackSignOptions): Promise<SignedPostback>;
}

/** Settings the postback code needs. */
export interface PostbackSettings {
  secretKey: string | undefined;
  now: () => number;
  clockToleranceMs: number;
  invoice: CryptoCloudInvoiceMethods;
}

/** Builds `client.webhooks`. */
export function createWebhooks(settings: PostbackSettings): CryptoCloudWebhooks {
  function requireSecretKey(): string {
    // Fail closed: a known client skips verification when the secret is empty.
    if (typeof settings.secretKey === 'string' && settings.secretKey !== '')
      return settings.secretKey;
    throw new PayConfigError('secretKey', 'is required for postbacks: the project SECRET KEY', {
      provider: PROVIDER,
      operation: 'postback',
    });
  }

  return {
    async verify(input, options = {}) {
      const secretKey = requireSecretKey();
      const body = readPostbackBody(await readWebhookInput(input, PROVIDER));
      await verifyPostbackToken(body.token, body.invoice_id, {
        secretKey,
        now: settings.now,
        clockToleranceMs: settings.clockToleranceMs,
      });
      const { token: _token, ...postback } = body;
      if (!options.confirm) return postback;
      const invoices = await settings.invoice.info(
        { uuids: [body.invoice_id] },
        { signal: options.signal },
      );
      const invoice = invoices.find(
        (item) => bareInvoiceId(item.uuid) === bareInvoiceId(body.invoice_id),
      );
      if (!invoice) {
        throw postbackFailure('unconfirmed', 'CryptoCloud does not know the invoice `invoice_id`');
      }
      return { ...postback, invoice };
    },

    async sign(payload, options = {}) {
      const secretKey = requireSecretKey();
      const fields = validate(postbackSignParamsSchema, payload, 'postback');
      const lifetime = options.expiresIn ?? POSTBACK_TOKEN_LIFETIME_SECONDS;
      const exp = Math.floor(settings.now() / 1000) + lifetime;
      const token = await signPostbackToken(fields.invoice_id, secretKey, exp);
      // In the documented field order.
      const { status, invoice_id, amount_crypto, currency, order_id, invoice_info } = fields;
      if (options.format === 'form') {
        const form = new URLSearchParams({ status, invoice_id, amount_crypto, currency });
        if (order_id != null) form.set('order_id', order_id);
        form.set('token', token);
        // The form encoding of `invoice_info` is undocumented: JSON text is a guess.
        if (invoice_info) form.set('invoice_info', JSON.stringify(invoice_info));
        return {
          body: form.toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        };
      }
      const json = {
        status,
        invoice_id,
        // A JSON number in JSON mode, as CryptoCloud sends it, with exactly these digits.
        amount_crypto: jsonNumber(amount_crypto),
        currency,
        order_id: order_id ?? null,
        token,
        ...(invoice_info ? { invoice_info } : {}),
      };
      return { body: JSON.stringify(json), headers: { 'content-type': 'application/json' } };
    },
  };
}
