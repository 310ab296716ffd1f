import {
  acknowledgement,
  jsonNumber,
  PayConfigError,
  parseInput,
  parseJsonText,
  type RawWebhook,
  readWebhookInput,
  type SignedWebhook,
  type WebhooksApi,
} from '@pay/core';
import * as v from 'valibot';
import type { CryptoCloudInvoiceApi } from './cryptocloud-invoice.ts';
import { PROVIDER } from './cryptocloud-request.ts';
import {
  bareInvoiceId,
  POSTBACK_TOKEN_LIFETIME_SECONDS,
  postbackFailure,
  signPostbackToken,
  verifyPostbackToken,
} from './cryptocloud-signing.ts';
import {
  type CryptoCloudWebhookEvent,
  type PostbackBody,
  postbackBodySchema,
  type WebhooksSignParams,
  webhooksSignParamsSchema,
} from './cryptocloud-webhooks-schemas.ts';

/**
 * `client.webhooks`: CryptoCloud postbacks.
 *
 * - `verify(input, { confirm?, signal? })` reads the raw body (JSON or form, by `Content-Type`)
 *   or a Web `Request`; the `token` must be an HS256 JWT signed with `secretKey`, not expired
 *   (with `webhookClockTolerance`), issued for the body's `invoice_id`. The token covers nothing
 *   else, so by default `verify` then fetches the invoice with `invoice.info()` and reports the
 *   API's status and amounts (`confirmed: true`); `{ confirm: false }` skips that call and
 *   returns the postback's own unsigned fields (`confirmed: false`). Rejects with
 *   `PayConfigError` without `secretKey` (it fails closed), `PayValidationError` (a parsed
 *   object instead of the raw body), `PaySignatureError` (`missing` token, `mismatch`: wrong signature or another invoice, `expired`, `malformed`:
 *   another algorithm or an unreadable body, `unconfirmed`: the API does not know the invoice),
 *   or a `PayCallError` of the confirming call (answer 5xx so CryptoCloud sends it again).
 * - `sign(params)` makes a valid postback signed with `secretKey`, for tests and the sandbox
 *   (`PayConfigError` without `secretKey`, `PayValidationError` for bad fields).
 * - `acknowledge()` is the answer to send once the postback is stored: HTTP 200 with
 *   `{"message":"Postback received"}`, what clients send (the docs name no body).
 */
export type CryptoCloudWebhooksApi = WebhooksApi<CryptoCloudWebhookEvent, WebhooksSignParams>;

/** What the postback code needs from the client. */
export interface WebhooksSettings {
  secretKey: string | undefined;
  now: () => number;
  clockToleranceMs: number;
  invoice: Pick<CryptoCloudInvoiceApi, 'info'>;
}

const OPERATION = 'postback';

/** Builds `client.webhooks`. */
export function createWebhooksApi(settings: WebhooksSettings): CryptoCloudWebhooksApi {
  function requireSecretKey(): string {
    // Fail closed: a known client skips verification when the secret is empty.
    if (typeof settings.secretKey === 'string' && settings.secretKey !== '')
      return settings.secretKey;
    throw new PayConfigError('secretKey', 'is required for postbacks: the project SECRET KEY', {
      provider: PROVIDER,
      operation: OPERATION,
    });
  }

  return {
    async verify(input, options) {
      const secretKey = requireSecretKey();
      const body = readPostbackBody(await readWebhookInput(input, PROVIDER));
      await verifyPostbackToken(body.token, body.invoice_id, {
        secretKey,
        now: settings.now,
        clockToleranceMs: settings.clockToleranceMs,
      });
      if (options?.confirm === false) return unconfirmedEvent(body);
      const invoices = await settings.invoice.info(
        { uuids: [body.invoice_id] },
        { signal: options?.signal },
      );
      const invoice = invoices.find(
        (item) => bareInvoiceId(item.uuid) === bareInvoiceId(body.invoice_id),
      );
      if (!invoice) {
        throw postbackFailure('unconfirmed', 'CryptoCloud does not know the invoice `invoice_id`');
      }
      return {
        confirmed: true,
        invoice_id: body.invoice_id,
        status: invoice.status ?? null,
        amount_crypto: invoice.received ?? null,
        currency: invoice.currency?.fullcode ?? invoice.currency?.code ?? null,
        order_id: invoice.order_id ?? null,
        invoice_info: invoice,
      };
    },

    async sign(params) {
      const secretKey = requireSecretKey();
      const fields = parseInput(webhooksSignParamsSchema, params, {
        provider: PROVIDER,
        operation: OPERATION,
      });
      const lifetime = fields.expiresIn ?? POSTBACK_TOKEN_LIFETIME_SECONDS;
      const exp = Math.floor(settings.now() / 1000) + lifetime;
      const token = await signPostbackToken(fields.invoice_id, secretKey, exp);
      return encodePostback(fields, token);
    },

    acknowledge() {
      return acknowledgement(JSON.stringify({ message: 'Postback received' }), 'application/json');
    },
  };
}

/** The postback's own fields, none of them signed but `invoice_id`: what `confirm: false` returns. */
function unconfirmedEvent(body: PostbackBody): CryptoCloudWebhookEvent {
  const info = body.invoice_info;
  return {
    confirmed: false,
    invoice_id: body.invoice_id,
    status: typeof info === 'object' && info !== null ? (info.status ?? null) : null,
    amount_crypto: body.amount_crypto,
    currency: body.currency,
    order_id: body.order_id,
    invoice_info: info,
  };
}

/** Writes a postback as CryptoCloud does, in the documented field order. */
function encodePostback(
  fields: v.InferOutput<typeof webhooksSignParamsSchema>,
  token: string,
): SignedWebhook {
  const { status, invoice_id, amount_crypto, currency, order_id, invoice_info } = fields;
  if (fields.format === 'form') {
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
}

/**
 * Decodes a postback by its `Content-Type`: the format is a project setting, JSON or
 * `application/x-www-form-urlencoded` (the older default). Without a usable content type, a
 * body starting with `{` is read as JSON, anything else as a form.
 */
function decode(raw: RawWebhook): unknown {
  const contentType = raw.headers.get('content-type')?.toLowerCase() ?? '';
  const isJson =
    contentType.includes('json') ||
    (!contentType.includes('form') && raw.body.trimStart().startsWith('{'));
  if (!isJson) return Object.fromEntries(new URLSearchParams(raw.body));
  const parsed = parseJsonText(raw.body);
  if (!parsed.ok) throw postbackFailure('malformed', 'the body is not valid JSON');
  return parsed.value;
}

/** Decodes and checks a postback body; `PaySignatureError` when it cannot be verified. */
function readPostbackBody(raw: RawWebhook): PostbackBody {
  const decoded = decode(raw);
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) {
    throw postbackFailure('malformed', 'the body is not a JSON object or a form');
  }
  const token = (decoded as { token?: unknown }).token;
  if (token === undefined || token === null || token === '') {
    throw postbackFailure(
      'missing',
      'the postback has no `token`: nothing proves it came from CryptoCloud',
    );
  }
  const result = v.safeParse(postbackBodySchema, decoded);
  if (!result.success) {
    const fields = [...new Set(result.issues.map((issue) => v.getDotPath(issue) ?? '(body)'))];
    throw postbackFailure('malformed', `unreadable fields: ${fields.join(', ')}`);
  }
  return result.output;
}
