import {
  acknowledgement,
  PaySignatureError,
  PayValidationError,
  parseJsonText,
  readWebhookInput,
  type SignatureFailure,
  type SignedWebhook,
  timingSafeEqualText,
  type WebhookInput,
  type WebhooksApi,
  type WebhookVerifyOptions,
} from '@pay/core';
import { PROVIDER, unixSeconds } from './payin-payout-request.ts';
import { type HashRule, payinPayoutHash } from './payin-payout-signing.ts';
import { type PayinPayoutWebhookEvent, toCallbackEvent } from './payin-payout-webhooks-schemas.ts';

/**
 * What `webhooks.sign()` takes: the callback's fields as JSON carries them. `timestamp` is added
 * when missing; `tracker` is sent but not signed; a `hash` given is replaced.
 */
export type WebhooksSignParams = Readonly<Record<string, string | number | boolean | null>>;

/** `payinPayout.webhooks`: the auto-debit result, reward result and top-up callbacks. */
export interface PayinPayoutWebhooksApi
  extends WebhooksApi<PayinPayoutWebhookEvent, WebhooksSignParams> {
  /**
   * Checks a callback and resolves to a typed event. Pass the raw body (`{ body: await
   * request.text(), headers }`) or the Web `Request`. The hash is recomputed over the values
   * exactly as received, without `hash` and `tracker`, with the client's `hashRule` and
   * `callbackKey`, and compared in constant time; then `timestamp` must be within
   * `webhookToleranceSeconds` of now. The hash covers every field, state and amounts included,
   * so nothing is fetched: the event is `confirmed: true`, and `options.confirm` is accepted
   * and ignored. Payin-payout may send a callback more than once: act on it idempotently (by
   * `external_id` + `status`, or `payment_in_id`).
   * @throws PaySignatureError `reason` `missing` (no hash), `mismatch` (altered, or another key),
   *   `expired` (timestamp outside the window), `malformed` (not a JSON object, or a field that
   *   cannot be verified or read)
   * @throws PayValidationError a parsed object instead of the raw body
   */
  verify(
    input: WebhookInput | Request,
    options?: WebhookVerifyOptions,
  ): Promise<PayinPayoutWebhookEvent>;
  /**
   * Signs callback fields as Payin-payout would (for tests and `@pay/sandbox`) and resolves to
   * the JSON body with its content type. `timestamp` (now) is added when missing; `tracker` is
   * sent but not signed. Signs exactly what `verify` accepts.
   * @throws PayValidationError (rejected) fields `verify` would refuse: a `timestamp` that is not
   *   Unix seconds, an integer beyond 2^53, a non-finite number, a documented field of the wrong
   *   type, or (legacy rule) a nested value or an integer-like key
   */
  sign(params: WebhooksSignParams): Promise<SignedWebhook>;
  /** The reply Payin-payout requires: HTTP 200, `application/json`, `{"result":true}`; anything else is retried. */
  acknowledge(): Response;
}

/** What callback verification needs from the client's settings. */
export interface CallbackSettings {
  /** `callbackKey`, default `developerKey`. */
  key: string;
  /** The client's `hashRule`. */
  hashRule: HashRule;
  /** `webhookToleranceSeconds`, default `300`. */
  toleranceSeconds: number;
  /** Now on Payin-payout's clock, in ms. */
  serverNow: () => number;
}

/** Fields that are sent with a callback but never signed. */
const UNSIGNED = new Set(['hash', 'tracker']);

/** The body Payin-payout requires in reply to a callback. */
const ACKNOWLEDGEMENT = '{"result":true}';

/** Creates `client.webhooks` for the developer-key API. */
export function createWebhooks(settings: CallbackSettings): PayinPayoutWebhooksApi {
  return {
    // `options.confirm` is ignored: the hash covers every field (see PayinPayoutWebhooksApi).
    async verify(input) {
      const raw = await readWebhookInput(input, PROVIDER);
      const parsed = parseJsonText(raw.body);
      if (!parsed.ok || !isPlainObject(parsed.value)) {
        throw refuse('malformed', 'the body is not a JSON object (Payin-payout posts JSON)');
      }
      const body = parsed.value;
      const { hash } = body;
      if (typeof hash !== 'string' || hash === '') throw refuse('missing', 'no `hash` field');
      const signed = Object.entries(body).filter(([name]) => !UNSIGNED.has(name));
      const unverifiable = findUnverifiable(signed, settings.hashRule);
      if (unverifiable) throw refuse('malformed', unverifiable);
      const expected = payinPayoutHash(signed, settings.hashRule, settings.key);
      if (!timingSafeEqualText(expected, hash.toLowerCase())) {
        throw refuse(
          'mismatch',
          `the hash does not match (hash rule '${settings.hashRule}'): the body was altered, ` +
            'or it was signed with another key (see `callbackKey` and `hashRule`)',
        );
      }
      checkTimestamp(body.timestamp, settings);
      const { hash: _hash, ...fields } = body;
      const read = toCallbackEvent(fields);
      if (!read.ok) throw refuse('malformed', `signed, but unreadable: ${read.problem}`);
      return read.event;
    },
    async sign(params) {
      const fields: Record<string, string | number | boolean | null> = { ...params };
      delete fields.hash;
      fields.timestamp ??= unixSeconds(settings.serverNow());
      const signed = Object.entries(fields).filter(([name]) => !UNSIGNED.has(name));
      // Sign only what verify accepts: the same checks, as a PayValidationError.
      const problem =
        findUnverifiable(signed, settings.hashRule) ??
        signed
          .filter(([, value]) => typeof value === 'number' && !Number.isFinite(value))
          .map(([name]) => `\`${name}\` is not a finite number (JSON cannot carry it)`)[0] ??
        (/^\d+$/.test(String(fields.timestamp)) ? undefined : '`timestamp` must be Unix seconds');
      const read = problem === undefined ? toCallbackEvent(fields) : undefined;
      const reason = problem ?? (read && !read.ok ? read.problem : undefined);
      if (reason !== undefined) {
        throw new PayValidationError(
          [{ path: '', message: `verify would refuse this: ${reason}` }],
          {
            provider: PROVIDER,
            operation: 'webhooks.sign',
          },
        );
      }
      const hash = payinPayoutHash(signed, settings.hashRule, settings.key);
      return {
        body: JSON.stringify({ ...fields, hash }),
        headers: { 'content-type': 'application/json' },
      };
    },
    acknowledge: () => acknowledgement(ACKNOWLEDGEMENT, 'application/json'),
  };
}

function checkTimestamp(value: unknown, settings: CallbackSettings): void {
  const text = typeof value === 'number' || typeof value === 'string' ? String(value) : '';
  if (!/^\d+$/.test(text)) throw refuse('malformed', '`timestamp` is missing or not Unix seconds');
  const skew = Math.abs(unixSeconds(settings.serverNow()) - Number(text));
  if (skew > settings.toleranceSeconds) {
    throw refuse(
      'expired',
      `\`timestamp\` is ${skew} s away from now (allowed: ${settings.toleranceSeconds} s): ` +
        'a replayed callback, or a clock to fix (`clockOffsetMs`)',
    );
  }
}

/**
 * Why these fields cannot be checked exactly, or `undefined`. JSON integers beyond 2^53 lose
 * digits in JavaScript (PHP keeps them); the legacy rule concatenates scalars only, in the
 * received order, which JavaScript objects do not keep for integer-like keys.
 */
function findUnverifiable(
  fields: ReadonlyArray<readonly [string, unknown]>,
  rule: HashRule,
): string | undefined {
  const inexact = fields.find(([, value]) => hasUnsafeInteger(value));
  if (inexact) return `\`${inexact[0]}\` holds an integer too large to verify exactly`;
  if (rule !== 'legacy') return undefined;
  const nested = fields.find(([, value]) => typeof value === 'object' && value !== null);
  if (nested) return `\`${nested[0]}\` is not a scalar, which the legacy hash rule cannot sign`;
  const indexLike = fields.find(([name]) => /^\d+$/.test(name));
  if (indexLike) return `the key \`${indexLike[0]}\` loses its received order in JavaScript`;
  return undefined;
}

function hasUnsafeInteger(value: unknown): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && !Number.isSafeInteger(value);
  if (typeof value === 'object' && value !== null) {
    return Object.values(value).some(hasUnsafeInteger);
  }
  return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A `PaySignatureError` for a refused callback or notification; `detail` never holds a hash. */
export function refuse(reason: SignatureFailure, detail: string): PaySignatureError {
  return new PaySignatureError({ provider: PROVIDER, operation: 'webhook', reason, detail });
}
