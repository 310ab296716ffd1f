import {
  acknowledgement,
  PayApiError,
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
import * as v from 'valibot';
import {
  type CrystalPayInvoiceApi,
  type Invoice,
  invoiceFields,
  invoiceStateSchema,
} from './crystalpay-invoice.ts';
import { type CrystalPayPayoffApi, type Payoff, payoffSchema } from './crystalpay-payoff.ts';
import { PROVIDER } from './crystalpay-request.ts';
import { optionalText } from './crystalpay-schemas.ts';
import { crystalPaySignature } from './crystalpay-signing.ts';

/**
 * Addresses CrystalPay sends callbacks from, per its callback page
 * (https://docs.crystalpay.io/callback/obshaya-informaciya). An optional allow-list: the
 * signature is the real check, and the list may change without notice.
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

/**
 * An invoice as an unconfirmed callback carries it (`url` may be missing): every field but `id`
 * is unsigned. See {@link Invoice} for the confirmed one.
 */
export type InvoiceCallback = v.InferOutput<typeof invoiceCallbackSchema>;

/**
 * A verified callback. By default (`confirmed: true`) the invoice or payoff is the one fetched
 * from `invoice/info/` or `payoff/info/` after the signature checked out; with `{ confirm: false }`
 * (`confirmed: false`) it is the callback's own body, whose state and amounts nobody signed.
 */
export type CrystalPayWebhookEvent =
  | { kind: 'invoice'; confirmed: true; invoice: Invoice }
  | { kind: 'invoice'; confirmed: false; invoice: InvoiceCallback }
  | { kind: 'payoff'; confirmed: boolean; payoff: Payoff };

/**
 * What `webhooks.sign()` takes: the invoice or payoff to send, with its `id` (which is signed).
 * The id is a non-empty string, as CrystalPay's invoice and payoff ids are and as `verify`
 * requires.
 */
export interface WebhooksSignParams {
  id: string;
  [field: string]: unknown;
}

/** Options of `webhooks.verify()`: core's `confirm` and `signal`, and CrystalPay's `kind`. */
interface CrystalPayWebhookVerifyOptions extends WebhookVerifyOptions {
  /**
   * What the callback is about, which decides the confirming call. Default: detected — a body
   * with `wallet` and no `url` is a payoff, anything else an invoice (CrystalPay sends no type
   * field: unconfirmed).
   */
  kind?: 'invoice' | 'payoff' | undefined;
}

/**
 * Callback handling: verification with the salt, a signer for tests, and the acknowledgement.
 * CrystalPay signs only `sha1(id:salt)`, so `verify` confirms through the API by default.
 */
export interface CrystalPayWebhooksApi
  extends WebhooksApi<CrystalPayWebhookEvent, WebhooksSignParams> {
  /**
   * Verifies a callback: `signature` must equal `sha1(id:salt)` (compared in constant time). Then,
   * by default, fetches `invoice/info/` (or `payoff/info/`) and returns **that** state and those
   * amounts (`confirmed: true`). `{ confirm: false }` skips the call and returns the body's own
   * state and amounts (`confirmed: false`): nobody signed them, so trust them only if you check
   * them yourself. Pass the raw body (string or bytes) with its headers, or the Web `Request`.
   * @throws PaySignatureError not the raw body, no `id`, a missing or wrong signature, or an id
   *   CrystalPay does not know (`unconfirmed`): answer 4xx and do not act on it
   * @throws PayApiError | PayNetworkError | PayResponseError the confirming request failed:
   *   answer 5xx so CrystalPay retries later
   */
  verify(
    input: WebhookInput,
    options?: CrystalPayWebhookVerifyOptions,
  ): Promise<CrystalPayWebhookEvent>;
  /**
   * Signs a callback body (`signature = sha1(id:salt)`) for tests and `@pay/sandbox`; resolves to
   * `{ body, headers }` as CrystalPay would post it. Rejects with `PayValidationError` unless `id`
   * is a non-empty string (what `verify` accepts; a numeric id is refused by both).
   */
  sign(params: WebhooksSignParams): Promise<SignedWebhook>;
  /**
   * What CrystalPay counts as delivered: HTTP 200 (the body is not read). Answer it only once the
   * event is stored; anything else is retried (429 asks for a later retry).
   */
  acknowledge(): Response;
}

/** Builds the `webhooks` group; confirmation uses the invoice and payoff `info` methods. */
export function createWebhooksApi(
  salt: string,
  apis: { invoice: CrystalPayInvoiceApi; payoff: CrystalPayPayoffApi },
): CrystalPayWebhooksApi {
  const reject = (reason: SignatureFailure, detail: string) =>
    new PaySignatureError({ provider: PROVIDER, operation: 'callback', reason, detail });

  async function confirm(
    kind: 'invoice' | 'payoff',
    id: string,
    signal: AbortSignal | undefined,
  ): Promise<CrystalPayWebhookEvent> {
    try {
      return kind === 'payoff'
        ? { kind, confirmed: true, payoff: await apis.payoff.info({ id }, { signal }) }
        : { kind, confirmed: true, invoice: await apis.invoice.info({ id }, { signal }) };
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

  /** The body's own fields, for `{ confirm: false }`: shaped, but unsigned. */
  function unconfirmed(kind: 'invoice' | 'payoff', fields: Record<string, unknown>) {
    const schema = kind === 'payoff' ? payoffSchema : invoiceCallbackSchema;
    const data = v.safeParse(schema, fields);
    if (!data.success) {
      const paths = data.issues.map((issue) => v.getDotPath(issue) ?? '(root)').join(', ');
      throw reject('malformed', `not a CrystalPay ${kind} callback (check: ${paths})`);
    }
    return kind === 'payoff'
      ? { kind, confirmed: false, payoff: data.output as Payoff }
      : { kind, confirmed: false, invoice: data.output as InvoiceCallback };
  }

  /** Parses the body and checks `signature == sha1(id:salt)`; returns the id and the rest. */
  function readSignedBody(body: string) {
    const parsed = parseJsonText(body);
    if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) {
      throw reject('malformed', 'the body is not a JSON object');
    }
    const { signature, ...fields } = parsed.value as Record<string, unknown>;
    const id = idText(fields.id);
    if (id === undefined) throw reject('malformed', 'the body has no `id` (a non-empty string)');
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
    async verify(input, options) {
      const raw = await readWebhookInput(input, PROVIDER);
      const { id, fields } = readSignedBody(raw.body);
      const kind =
        options?.kind ?? ('wallet' in fields && !('url' in fields) ? 'payoff' : 'invoice');
      if (options?.confirm === false) return unconfirmed(kind, fields) as CrystalPayWebhookEvent;
      return confirm(kind, id, options?.signal);
    },

    async sign(params) {
      const invalid = (message: string, path = 'id') =>
        new PayValidationError([{ path, message }], { provider: PROVIDER, operation: 'callback' });
      // Exactly what `verify` accepts: a non-empty string id (a number would be refused there).
      const id = idText(params?.id);
      if (id === undefined) throw invalid('is required, a non-empty string: it is signed');
      const signature = crystalPaySignature([id], salt);
      let body: string;
      try {
        body = JSON.stringify({ ...params, signature });
      } catch {
        throw invalid('must be JSON-serialisable (no BigInt, no cycles)', '(root)');
      }
      return { body, headers: { 'content-type': 'application/json' } };
    },

    acknowledge: () => acknowledgement(),
  };
}

/**
 * The id as signed: a non-empty string. CrystalPay's invoice and payoff ids are strings
 * (`123456789_abcdefghij`); a number is refused by `verify` and `sign` alike.
 */
function idText(id: unknown): string | undefined {
  return typeof id === 'string' && id !== '' ? id : undefined;
}
