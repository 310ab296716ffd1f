import {
  PayApiError,
  PaySignatureError,
  parseJsonText,
  readWebhookInput,
  type SignatureFailure,
  toDecimalString,
  type WebhookInput,
} from '@pay/core';
import * as v from 'valibot';
import { matchesCallbackSignature, signCallback } from './anymoney-callback-signature.ts';
import { type AnyMoneyOrder, FINAL_ORDER_STATUSES, orderSchema } from './anymoney-results.ts';
import { PROVIDER, type Rpc } from './anymoney-rpc.ts';

/** How the candidate header signature compared. */
export type CallbackSignatureCheck = 'valid' | 'invalid' | 'missing';

/** A callback that passed `webhooks.verify`. */
export interface AnyMoneyCallback {
  /** The order to act on: as AnyMoney's API reports it now when confirmed, else the callback's. */
  order: AnyMoneyOrder;
  /** The callback body as received (parsed leniently; amounts as decimal strings). */
  callback: AnyMoneyOrder;
  /** The candidate header signature (unconfirmed algorithm): a hint, never proof on its own. */
  signature: CallbackSignatureCheck;
  /** `true` when the order was fetched with `status` and agrees with the callback. */
  confirmed: boolean;
}

/** Options of `webhooks.verify`. */
export interface VerifyCallbackOptions {
  /**
   * Fetch the order with `status` by `externalid` and check it against the callback. Default
   * `true`, because the callback signature algorithm is unconfirmed. With `false` only the
   * candidate signature is checked, and a mismatch is refused.
   */
  confirm?: boolean | undefined;
  /** Cancels the confirming request. */
  signal?: AbortSignal | undefined;
}

/** A signed callback, as `webhooks.sign` makes it for tests. */
export interface SignedCallback {
  body: string;
  headers: Record<string, string>;
}

/** AnyMoney callbacks (order status changes posted to your `callback_url`). */
export interface WebhookMethods {
  /**
   * Checks a callback: its candidate `x-signature` (API key or SCI key), its `x-merchant`, and
   * unless `{ confirm: false }` the order itself through `status`. Answer 200 within 5 s.
   * @throws PaySignatureError `not-raw` (a parsed body), `malformed`, `missing` / `mismatch`
   *   (signature, with `confirm: false`, or a foreign `x-merchant`), `unconfirmed` (no
   *   `externalid`, unknown order, or the API disagrees with the callback)
   * @throws PayApiError, PayNetworkError, PayResponseError the confirming `status` call failed:
   *   answer non-200 so that AnyMoney sends the callback again
   */
  verify(input: WebhookInput, options?: VerifyCallbackOptions): Promise<AnyMoneyCallback>;
  /** Signs `payload` with the candidate algorithm, for tests. `timestamp` defaults to `now()`. */
  sign(payload: Record<string, unknown>, options?: { timestamp?: number }): SignedCallback;
}

/** What the webhook methods need from the client. */
export interface WebhookSettings {
  merchantId: string;
  apiKey: string;
  sciKey: string | undefined;
  now: () => number;
  rpc: Rpc;
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
function disagreements(callback: AnyMoneyOrder, order: AnyMoneyOrder): string[] {
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
  if (status && FINAL_ORDER_STATUSES.includes(status) && status !== order.status)
    differing.push('status');
  return differing;
}

/** Builds `webhooks.*`. */
export function createWebhookMethods(settings: WebhookSettings): WebhookMethods {
  const keys = [settings.apiKey, ...(settings.sciKey ? [settings.sciKey] : [])];

  async function confirm(callback: AnyMoneyOrder, signal: AbortSignal | undefined) {
    const externalid = callback.externalid;
    if (!externalid) {
      throw reject(
        'unconfirmed',
        'the callback has no externalid (crypto autopayin callbacks do not): it cannot be ' +
          'confirmed with `status`; pass { confirm: false } to rely on the unconfirmed signature',
      );
    }
    try {
      return await settings.rpc.send('status', { externalid }, orderSchema, {
        idempotent: true,
        signal,
      });
    } catch (error) {
      if (PayApiError.isInstance(error) && error.providerCode === 'EParamNotFound') {
        throw reject('unconfirmed', 'AnyMoney has no order with this externalid for this merchant');
      }
      throw error;
    }
  }

  return {
    async verify(input, options = {}) {
      const raw = await readWebhookInput(input, PROVIDER);
      const parsed = parseJsonText(raw.body);
      const body = parsed.ok ? parsed.value : undefined;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw reject('malformed', 'the body is not a JSON object');
      }
      const shaped = v.safeParse(orderSchema, body);
      if (!shaped.success) throw reject('malformed', 'the body is not an order representation');
      const callback = shaped.output;

      const merchant = raw.headers.get('x-merchant');
      if (merchant !== null && merchant.trim() !== settings.merchantId) {
        throw reject('mismatch', 'x-merchant names another merchant');
      }
      const header = raw.headers.get('x-signature');
      const timestamp = raw.headers.get('x-utc-now-ms');
      const signature: CallbackSignatureCheck =
        header === null || timestamp === null
          ? 'missing'
          : matchesCallbackSignature(
                header,
                keys,
                raw.body,
                body as Record<string, unknown>,
                timestamp.trim(),
              )
            ? 'valid'
            : 'invalid';

      if (options.confirm === false) {
        if (signature === 'missing')
          throw reject('missing', 'x-signature or x-utc-now-ms is absent');
        if (signature === 'invalid')
          throw reject('mismatch', 'x-signature does not match the body');
        return { order: callback, callback, signature, confirmed: false };
      }
      const order = await confirm(callback, options.signal);
      const differing = disagreements(callback, order);
      if (differing.length > 0) {
        throw reject(
          'unconfirmed',
          `the order AnyMoney reports differs from the callback in: ${differing.join(', ')}`,
        );
      }
      return { order, callback, signature, confirmed: true };
    },

    sign(payload, options = {}) {
      const body = JSON.stringify(payload);
      const timestamp = String(options.timestamp ?? settings.now());
      const parsed = JSON.parse(body) as Record<string, unknown>;
      return {
        body,
        headers: {
          'content-type': 'application/json',
          'x-merchant': settings.merchantId,
          'x-utc-now-ms': timestamp,
          'x-signature': signCallback(settings.apiKey, body, parsed, timestamp),
        },
      };
    },
  };
}
