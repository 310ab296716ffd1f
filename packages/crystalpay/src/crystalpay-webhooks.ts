import {
  PayApiError,
  PaySignatureError,
  PayValidationError,
  parseJsonText,
  type RequestOptions,
  readWebhookInput,
  type SignatureFailure,
  timingSafeEqualText,
  type WebhookInput,
} from '@pay/core';
import * as v from 'valibot';
import { PROVIDER } from './crystalpay-endpoint.ts';
import {
  type CrystalPayInvoiceApi,
  type InvoiceInfo,
  invoiceFields,
  invoiceStateSchema,
} from './crystalpay-invoice.ts';
import { type CrystalPayPayoffApi, type PayoffInfo, payoffSchema } from './crystalpay-payoff.ts';
import { optionalText } from './crystalpay-schemas.ts';
import { crystalPaySignature } from './crystalpay-signature.ts';

/**
 * Addresses CrystalPay sends callbacks from, per its callback page. An optional allow-list:
 * the signature is the real check, and the list may change without notice.
 */
export const CRYSTALPAY_CALLBACK_IPS = [
  '193.141.53.171',
  '193.141.53.176',
  '191.101.112.123',
  '191.101.112.154',
  '185.168.250.38',
  '163.198.213.130',
] as const;

/**
 * An invoice callback's body: the `invoice/info/` object (v3 shape per clients; v2 documented
 * the full invoice). Parsed leniently: only `id` and `state` are required.
 */
const invoiceCallbackSchema = v.looseObject({
  id: v.string(),
  url: optionalText(),
  state: invoiceStateSchema,
  ...invoiceFields,
});

/** An invoice as a callback carries it (`url` may be missing); see {@link InvoiceInfo}. */
export type InvoiceCallback = v.InferOutput<typeof invoiceCallbackSchema>;

/** A verified callback. `confirmed` is true when the data was re-fetched from the API. */
export type CrystalPayCallback =
  | { kind: 'invoice'; confirmed: false; invoice: InvoiceCallback }
  | { kind: 'invoice'; confirmed: true; invoice: InvoiceInfo }
  | { kind: 'payoff'; confirmed: boolean; payoff: PayoffInfo };

/** Options of `webhooks.verify()`. */
export interface CrystalPayVerifyOptions extends RequestOptions {
  /**
   * After the signature checks out, fetch `invoice/info/` (or `payoff/info/`) and return that
   * instead of the body. CrystalPay signs only the id, so this is the way to trust the state
   * and the amounts. Default: `false`.
   */
  confirm?: boolean | undefined;
  /**
   * What the callback is about. Default: detected — a body with `wallet` and no `url` is a
   * payoff, anything else an invoice (CrystalPay sends no type field: unconfirmed).
   */
  kind?: 'invoice' | 'payoff' | undefined;
}

/** A callback as CrystalPay would send it: pass it to `verify`, or post it to your handler. */
export interface CrystalPaySignedCallback {
  body: string;
  headers: Record<string, string>;
}

/** Callback handling: verification with the salt, and a signer for tests. */
export interface CrystalPayWebhooks {
  /**
   * Verifies a callback: `signature` must equal `sha1(id:salt)` (compared in constant time).
   * Returns the invoice (or payoff) it carries, or with `{ confirm: true }` the one fetched
   * from the API. Pass the raw body (string or bytes) with its headers, or the Web `Request`.
   * @throws PaySignatureError not the raw body, no `id`, a missing or wrong signature, or
   *   (with `confirm`) an id CrystalPay does not know: answer 4xx and do not act on it
   * @throws PayApiError | PayNetworkError | PayResponseError with `confirm`, when the
   *   confirming request fails: answer 5xx so CrystalPay retries later
   */
  verify(input: WebhookInput, options?: CrystalPayVerifyOptions): Promise<CrystalPayCallback>;
  /**
   * Signs a callback body (`signature = sha1(id:salt)`) for tests and local emulators.
   * @throws PayValidationError a payload without an `id`
   */
  sign(payload: { id: string; [field: string]: unknown }): CrystalPaySignedCallback;
}

/** Builds the `webhooks` group; `confirm` uses the invoice and payoff `info` methods. */
export function createWebhooks(
  salt: string,
  apis: { invoice: CrystalPayInvoiceApi; payoff: CrystalPayPayoffApi },
): CrystalPayWebhooks {
  const reject = (reason: SignatureFailure, detail: string) =>
    new PaySignatureError({ provider: PROVIDER, operation: 'callback', reason, detail });

  async function confirm(kind: 'invoice' | 'payoff', id: string, signal?: AbortSignal) {
    try {
      return kind === 'payoff'
        ? ({ kind, confirmed: true, payoff: await apis.payoff.info({ id }, { signal }) } as const)
        : ({
            kind,
            confirmed: true,
            invoice: await apis.invoice.info({ id }, { signal }),
          } as const);
    } catch (error) {
      // A signed id CrystalPay does not know is not a callback to act on; any other failure
      // (network, 5xx) is ours to retry, so it propagates.
      if (PayApiError.isInstance(error) && /not found/i.test(error.providerMessage ?? '')) {
        throw reject(
          'unconfirmed',
          `CrystalPay does not know this ${kind} (${error.providerMessage})`,
        );
      }
      throw error;
    }
  }

  /** Parses the body and checks `signature == sha1(id:salt)`; returns the id and the rest. */
  function readSignedBody(body: string) {
    const parsed = parseJsonText(body);
    if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) {
      throw reject('malformed', 'the body is not a JSON object');
    }
    const { signature, ...fields } = parsed.value as Record<string, unknown>;
    const id = idText(fields.id);
    if (id === undefined) throw reject('malformed', 'the body has no `id`');
    if (signature === undefined || signature === null || signature === '') {
      throw reject('missing', 'the body has no `signature`');
    }
    // Hex case carries nothing; the comparison itself is constant-time.
    const expected = crystalPaySignature([id], salt);
    if (typeof signature !== 'string' || !timingSafeEqualText(signature.toLowerCase(), expected)) {
      throw reject('mismatch', 'the signature is not sha1(id:salt): check the `salt` setting');
    }
    return { id, fields };
  }

  return {
    async verify(input, options = {}) {
      const raw = await readWebhookInput(input, PROVIDER);
      const { id, fields } = readSignedBody(raw.body);
      const kind =
        options.kind ?? ('wallet' in fields && !('url' in fields) ? 'payoff' : 'invoice');
      if (options.confirm) return confirm(kind, id, options.signal);
      const schema = kind === 'payoff' ? payoffSchema : invoiceCallbackSchema;
      const data = v.safeParse(schema, fields);
      if (!data.success) {
        const paths = data.issues.map((issue) => v.getDotPath(issue) ?? '(root)').join(', ');
        throw reject('malformed', `not a CrystalPay ${kind} callback (check: ${paths})`);
      }
      return kind === 'payoff'
        ? { kind, confirmed: false, payoff: data.output as PayoffInfo }
        : { kind, confirmed: false, invoice: data.output as InvoiceCallback };
    },

    sign(payload) {
      const id = idText(payload?.id);
      if (id === undefined) {
        throw new PayValidationError([{ path: 'id', message: 'is required: it is signed' }], {
          provider: PROVIDER,
          operation: 'callback',
        });
      }
      const signature = crystalPaySignature([id], salt);
      return {
        body: JSON.stringify({ ...payload, signature }),
        headers: { 'content-type': 'application/json' },
      };
    },
  };
}

/** The id as signed: a non-empty string, or a whole number's digits. */
function idText(id: unknown): string | undefined {
  if (typeof id === 'string' && id !== '') return id;
  if (typeof id === 'number' && Number.isSafeInteger(id)) return String(id);
  return undefined;
}
