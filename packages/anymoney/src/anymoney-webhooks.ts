import {
  acknowledgement,
  MAX_WEBHOOK_BODY_LENGTH,
  PayApiError,
  PaySignatureError,
  PayValidationError,
  parseJsonText,
  readWebhookInput,
  type SignatureFailure,
  type SignedWebhook,
  toDecimalString,
  type VerifiedWebhookEvent,
  type WebhookInput,
  type WebhooksApi,
  type WebhookVerifyOptions,
} from '@pay/core';
import * as v from 'valibot';
import { PROVIDER } from './anymoney-request.ts';
import { isFinalOrderStatus, type Order, orderSchema } from './anymoney-schemas.ts';
import { matchesCallbackSignature, signCallback } from './anymoney-signing.ts';
import type { AnyMoneyStatusApi } from './anymoney-status.ts';

// AnyMoney posts the order representation to the order's `callback_url`
// (https://docs.any.money/en/callback/) with `x-signature`, `x-utc-now-ms` and `x-merchant`, and
// wants HTTP 200 within 5 s. How `x-signature` is computed is not documented (see
// anymoney-signing.ts), so a matching signature proves nothing: `verify` confirms the order
// through `status` by default and reports what the API says.

/** How the candidate header signature compared. */
export type WebhookSignatureCheck = 'valid' | 'invalid' | 'missing';

/** A callback that passed `webhooks.verify`. */
export interface AnyMoneyWebhookEvent extends VerifiedWebhookEvent {
  /**
   * The order to act on: as AnyMoney's API reports it now (`status`) when `confirmed`; with
   * `{ confirm: false }` the callback's own, unsigned fields.
   */
  order: Order;
  /** The callback body as received (parsed leniently; amounts as decimal strings). */
  callback: Order;
  /** The candidate header signature (unconfirmed algorithm): a hint, never proof on its own. */
  signature: WebhookSignatureCheck;
  /**
   * `true` when the order was fetched with `status` and agrees with the callback; `false` only
   * with `{ confirm: false }`.
   */
  confirmed: boolean;
}

/** Params of `webhooks.sign`: a callback as AnyMoney would post it. */
export interface WebhooksSignParams {
  /** The order representation to post (the callback body), e.g. `{ externalid, status }`. */
  order: Record<string, unknown>;
  /** `x-utc-now-ms` in milliseconds. Default: the client's `now()`. */
  timestamp?: number | undefined;
}

/**
 * AnyMoney callbacks (order status changes posted to your `callback_url`), following the
 * `WebhooksApi` contract of `@pay/core`.
 */
export interface AnyMoneyWebhooksApi extends WebhooksApi<AnyMoneyWebhookEvent, WebhooksSignParams> {
  /**
   * Checks a callback: its `x-merchant`, its candidate `x-signature` (API key or SCI key,
   * reported in `signature`) and, by default, the order itself through `status` by
   * `externalid`: the event then carries the API's order and `confirmed: true`.
   * `{ confirm: false }` makes no call and returns the callback's own fields, which nothing
   * proves (the candidate signature is refused on a mismatch, but the algorithm is unconfirmed),
   * with `confirmed: false`. Answer 200 within 5 s.
   * @throws PayValidationError a parsed body instead of the raw one
   * @throws PaySignatureError `malformed`, `mismatch` (a foreign
   *   `x-merchant`; with `confirm: false` also the signature) or `missing` (with
   *   `confirm: false`), `unconfirmed` (no `externalid`, an unknown order, or the API
   *   contradicts the callback's final status or amounts)
   * @throws PayApiError / PayNetworkError / PayResponseError the confirming `status` call failed:
   *   answer non-200 so that AnyMoney sends the callback again
   */
  verify(
    input: WebhookInput | Request,
    options?: WebhookVerifyOptions,
  ): Promise<AnyMoneyWebhookEvent>;
  /**
   * A callback signed with the candidate algorithm under the API key, as `@pay/sandbox` and
   * tests post it: `{ body, headers }` with `content-type`, `x-merchant`, `x-utc-now-ms` and
   * `x-signature`. It signs only what `verify` accepts back.
   * @throws PayValidationError `order` is not a JSON object that is an order representation
   *   within the callback size and depth limits, or `timestamp` is not whole milliseconds
   */
  sign(params: WebhooksSignParams): Promise<SignedWebhook>;
  /** What AnyMoney expects once the callback is stored: HTTP 200 (no body is specified; none is sent). */
  acknowledge(): Response;
}

/** What the webhook methods need from the client. */
export interface WebhookSettings {
  /** A callback's `x-merchant`, when present, must name this merchant. */
  merchantId: string;
  /** Candidate callback key, and the key `sign` signs with. */
  apiKey: string;
  /** The other candidate callback key. */
  sciKey: string | undefined;
  /** The default `x-utc-now-ms` of `sign`. */
  now: () => number;
  /** The client's `status`, which confirms a callback. */
  status: AnyMoneyStatusApi['status'];
}

// Fields that must agree between a callback and the order the API returns.
const IDENTITY_FIELDS = ['externalid', 'tp', 'in_curr', 'out_curr'] as const;
const AMOUNT_FIELDS = ['in_amount', 'out_amount', 'orig_amount', 'account_amount'] as const;

function reject(reason: SignatureFailure, detail: string): PaySignatureError {
  return new PaySignatureError({ provider: PROVIDER, operation: 'callback', reason, detail });
}

/** An amount in canonical form, for comparing `"11"` with `11` or `"11.00"`. */
function sameAmount(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown) => {
    try {
      return toDecimalString(String(value), { allowZero: true, allowNegative: true });
    } catch {
      return String(value);
    }
  };
  return canonical(a) === canonical(b);
}

/** Names of the fields where the callback contradicts the confirmed order. */
function disagreements(callback: Order, order: Order): string[] {
  const present = (value: unknown) => value !== undefined && value !== null;
  const differing: string[] = [];
  for (const field of IDENTITY_FIELDS) {
    if (present(callback[field]) && present(order[field]) && callback[field] !== order[field])
      differing.push(field);
  }
  for (const field of AMOUNT_FIELDS) {
    if (
      present(callback[field]) &&
      present(order[field]) &&
      !sameAmount(callback[field], order[field])
    )
      differing.push(field);
  }
  // A status may move on between the callback and the check; a final one may not differ.
  const status = callback.status;
  if (isFinalOrderStatus(status) && status !== order.status) differing.push('status');
  return differing;
}

const encoder = new TextEncoder();

/** A callback body as text, read as `verify` reads it (and `sign` checks it). */
type CallbackBody =
  | { ok: true; body: Record<string, unknown>; callback: Order }
  | { ok: false; problem: string };

/**
 * Parses a callback body within core's limits (`parseJsonText`: bounded length and depth) and
 * checks it is an order representation. Never throws.
 */
function readCallbackBody(text: string): CallbackBody {
  // Bytes, as a Web `Request` body is measured (a string input is measured in characters).
  if (
    text.length > MAX_WEBHOOK_BODY_LENGTH ||
    encoder.encode(text).length > MAX_WEBHOOK_BODY_LENGTH
  ) {
    return { ok: false, problem: `the body is larger than ${MAX_WEBHOOK_BODY_LENGTH} bytes` };
  }
  const parsed = parseJsonText(text);
  const body = parsed.ok ? parsed.value : undefined;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, problem: 'the body is not a JSON object' };
  }
  const shaped = v.safeParse(orderSchema, body);
  if (!shaped.success) return { ok: false, problem: 'the body is not an order representation' };
  return { ok: true, body: body as Record<string, unknown>, callback: shaped.output };
}

function invalidSign(path: string, message: string): PayValidationError {
  return new PayValidationError([{ path, message }], {
    provider: PROVIDER,
    operation: 'webhooks.sign',
  });
}

/** Builds `webhooks.*`. */
export function createWebhooksApi(settings: WebhookSettings): AnyMoneyWebhooksApi {
  const keys = [settings.apiKey, ...(settings.sciKey ? [settings.sciKey] : [])];

  async function confirm(callback: Order, signal: AbortSignal | undefined) {
    const externalid = callback.externalid;
    if (!externalid) {
      throw reject(
        'unconfirmed',
        'the callback has no externalid (crypto autopayin callbacks do not): it cannot be ' +
          'confirmed with `status`; pass { confirm: false } to rely on the unconfirmed signature',
      );
    }
    try {
      return await settings.status({ externalid }, { signal });
    } catch (error) {
      if (PayApiError.isInstance(error) && error.providerCode === 'EParamNotFound') {
        throw reject('unconfirmed', 'AnyMoney has no order with this externalid for this merchant');
      }
      throw error;
    }
  }

  return {
    async verify(input, options) {
      const raw = await readWebhookInput(input, PROVIDER);
      const read = readCallbackBody(raw.body);
      if (!read.ok) throw reject('malformed', read.problem);
      const { body, callback } = read;

      const merchant = raw.headers.get('x-merchant');
      if (merchant !== null && merchant.trim() !== settings.merchantId) {
        throw reject('mismatch', 'x-merchant names another merchant');
      }
      const header = raw.headers.get('x-signature');
      const timestamp = raw.headers.get('x-utc-now-ms');
      const signature: WebhookSignatureCheck =
        header === null || timestamp === null
          ? 'missing'
          : matchesCallbackSignature(header, keys, raw.body, body, timestamp.trim())
            ? 'valid'
            : 'invalid';

      if (options?.confirm === false) {
        if (signature === 'missing')
          throw reject('missing', 'x-signature or x-utc-now-ms is absent');
        if (signature === 'invalid')
          throw reject('mismatch', 'x-signature does not match the body');
        return { order: callback, callback, signature, confirmed: false };
      }
      const order = await confirm(callback, options?.signal);
      const differing = disagreements(callback, order);
      if (differing.length > 0) {
        throw reject(
          'unconfirmed',
          `the order AnyMoney reports differs from the callback in: ${differing.join(', ')}`,
        );
      }
      return { order, callback, signature, confirmed: true };
    },

    async sign(params) {
      // Sign only what verify would read back: a JSON object within the size and depth limits
      // that is an order representation, and a whole-millisecond timestamp.
      const { order, timestamp } = (params ?? {}) as Partial<WebhooksSignParams>;
      if (typeof order !== 'object' || order === null || Array.isArray(order)) {
        throw invalidSign('order', 'must be an object (the order representation)');
      }
      if (timestamp !== undefined && (!Number.isSafeInteger(timestamp) || timestamp < 0)) {
        throw invalidSign('timestamp', 'must be whole milliseconds since the epoch');
      }
      let body: string;
      try {
        body = JSON.stringify(order);
      } catch {
        throw invalidSign('order', 'must be JSON-serialisable');
      }
      const read = readCallbackBody(body);
      if (!read.ok) throw invalidSign('order', `${read.problem}: verify would refuse it`);
      const parsed = read.body;
      const time = String(timestamp ?? settings.now());
      return {
        body,
        headers: {
          'content-type': 'application/json',
          'x-merchant': settings.merchantId,
          'x-utc-now-ms': time,
          'x-signature': signCallback(settings.apiKey, body, parsed, time),
        },
      };
    },

    acknowledge: () => acknowledgement(),
  };
}
