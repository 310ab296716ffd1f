import {
  acknowledgement,
  amountOutput,
  PayError,
  PaySignatureError,
  PayValidationError,
  parseInput,
  parseJsonText,
  readWebhookInput,
  type SignedWebhook,
  toDecimalString,
  toValidationIssues,
  type VerifiedWebhookEvent,
  type WebhookInput,
  type WebhooksApi,
  type WebhookVerifyOptions,
} from '@pay/core';
import * as v from 'valibot';
import type { BitsbyInvoicesApi } from './bitsby-invoices.ts';
import { PROVIDER } from './bitsby-request.ts';
import {
  type Invoice,
  invoiceStatus,
  optionalAmount,
  optionalId,
  optionalText,
  uuid,
  walletSchema,
} from './bitsby-schemas.ts';

/**
 * The body Bitsby POSTs to the project's webhook URL each time an invoice becomes paid
 * (https://docs.bitsby.app/webhook-url). Bitsby signs nothing: every field is an unauthenticated
 * claim until confirmed through the API. The fields that confirmation compares are required;
 * the rest are kept as sent.
 */
const webhookPayloadSchema = v.looseObject({
  wallet: v.optional(v.nullable(walletSchema)),
  project: v.looseObject({
    id: v.string(),
    name: optionalText(),
    /** `seller` or `buyer`. */
    commissionPayer: optionalText(),
    commissionRate: optionalAmount(),
  }),
  invoice: v.looseObject({
    id: uuid(),
    uid: optionalText(),
    createDatetime: optionalText(),
    timeToPayDatetime: optionalText(),
    commissionFiatUSD: optionalAmount(),
    amountFiatUSD: optionalAmount(),
    amountFiat: amountOutput(),
    /** The fiat value at the rate when paid: may differ from `amountFiat`. */
    calcAmountFiat: optionalAmount(),
    currencyFiat: v.string(),
    description: optionalText(),
    serviceData: v.optional(v.unknown()),
    /** `paid` (Bitsby posts only paid invoices); typed like the API's statuses. */
    status: v.optional(v.nullable(invoiceStatus())),
  }),
  payment: v.optional(
    v.nullable(
      v.looseObject({
        id: optionalId(),
        amount: optionalAmount(),
        hash: optionalText(),
        transactionDatetime: optionalText(),
      }),
    ),
  ),
});

type WebhookPayload = v.InferOutput<typeof webhookPayloadSchema>;

/**
 * A verified Bitsby webhook: the body's `wallet`, `project`, `invoice` and `payment`, and
 * `confirmed`. Confirmed (the default), `invoice` carries Bitsby's own record from
 * `invoices/list` over the posted one (its `status`, `amountFiat`, `currencyFiat` and every
 * other field the API lists); what only the webhook carries (`calcAmountFiat`, `payment`,
 * `wallet`) is as posted. With `{ confirm: false }` everything is as posted, unauthenticated.
 */
export type BitsbyWebhookEvent = WebhookPayload & VerifiedWebhookEvent;

/** What `webhooks.sign()` takes: a webhook body as Bitsby would post it. */
export type WebhooksSignParams = v.InferInput<typeof webhookPayloadSchema>;

/**
 * `client.webhooks`. Bitsby signs nothing, so `verify` confirms every webhook through the API
 * by default.
 */
export interface BitsbyWebhooksApi extends WebhooksApi<BitsbyWebhookEvent, WebhooksSignParams> {
  /**
   * Reads the webhook from its raw body (or a Web `Request`) and confirms it through
   * `invoices/list` (one queued read, retried): Bitsby's invoice must be `paid`, in the same
   * project (the webhook's, and the client's `projectId` when set), with the same `amountFiat`
   * and `currencyFiat`. Bitsby signs nothing, so this is the only proof that the payment
   * happened. `{ confirm: false }` skips the call and returns the body as posted with
   * `confirmed: false`: it trusts unsigned fields that anyone who knows the URL can forge.
   * Answer 200 (`acknowledge()`) only once you have stored the result; on an API or network
   * error answer non-200 and Bitsby retries later.
   * @throws PayValidationError a parsed object instead of the raw body
   * @throws PaySignatureError `malformed` (not the documented
   *   JSON) or `unconfirmed` (Bitsby's record disagrees): answer 4xx and do not act on it
   * @throws PayApiError | PayNetworkError | PayResponseError the confirmation call failed
   */
  verify(
    input: WebhookInput | Request,
    options?: WebhookVerifyOptions,
  ): Promise<BitsbyWebhookEvent>;
  /**
   * A webhook body as Bitsby posts it, with `content-type: application/json` (nothing to sign),
   * for tests and `@pay/sandbox`.
   * @throws PayValidationError the params are not the documented body
   */
  sign(params: WebhooksSignParams): Promise<SignedWebhook>;
  /** HTTP 200 with an empty body: what stops Bitsby's redeliveries (any other status retries). */
  acknowledge(): Response;
}

/** Builds `client.webhooks` on the client's own (queued) `invoices.list`. */
export function createBitsbyWebhooks(settings: {
  invoices: Pick<BitsbyInvoicesApi, 'list'>;
  projectId: string | undefined;
}): BitsbyWebhooksApi {
  return {
    async verify(input, options) {
      const event = await readPayload(input);
      if (options?.confirm === false) return { ...event, confirmed: false };
      const listed = await settings.invoices.list(
        { invoiceId: event.invoice.id },
        { signal: options?.signal },
      );
      const record = listed.find((invoice) => invoice.id === event.invoice.id);
      if (!record) {
        throw rejected('unconfirmed', 'Bitsby lists no invoice with this id for this API key');
      }
      return {
        ...event,
        invoice: confirmedInvoice(event, record, settings.projectId),
        confirmed: true,
      };
    },

    async sign(params) {
      const context = { provider: PROVIDER, operation: 'webhooks.sign' };
      parseInput(webhookPayloadSchema, params, context);
      const headers = { 'content-type': 'application/json' };
      let body: string;
      try {
        body = JSON.stringify(params);
      } catch {
        // A cycle or a bigint among the extra fields: JSON cannot carry it.
        throw new PayValidationError([{ path: '', message: 'must be JSON-serialisable' }], context);
      }
      // Exactly what `verify` accepts: the body must read back (size, depth, documented fields).
      try {
        await readPayload({ body, headers });
      } catch (error) {
        const message = PayError.isInstance(error) ? error.message : 'is not a valid webhook body';
        throw new PayValidationError([{ path: '', message }], context);
      }
      return { body, headers };
    },

    acknowledge: () => acknowledgement(),
  };
}

/** The posted body, parsed; a `PaySignatureError` when it is not the documented JSON. */
async function readPayload(input: WebhookInput | Request): Promise<WebhookPayload> {
  const raw = await readWebhookInput(input, PROVIDER);
  const parsed = parseJsonText(raw.body);
  if (!parsed.ok) throw rejected('malformed', 'the body is not JSON');
  const result = v.safeParse(webhookPayloadSchema, parsed.value);
  if (!result.success) {
    // Paths only: the values are untrusted text of any length.
    const paths = toValidationIssues(result.issues).map((issue) => issue.path || '(body)');
    throw rejected('malformed', `not the documented payload (check ${paths.join(', ')})`);
  }
  return result.output;
}

/**
 * Bitsby's record of the invoice over the posted one, once it agrees with the webhook and the
 * client's project; a `PaySignatureError` (`unconfirmed`) naming every disagreement otherwise.
 */
function confirmedInvoice(
  event: WebhookPayload,
  record: Invoice,
  projectId: string | undefined,
): WebhookPayload['invoice'] {
  const problems: string[] = [];
  if (record.status !== 'paid') {
    problems.push(`Bitsby reports the invoice as ${JSON.stringify(record.status)}, not paid`);
  }
  if (record.projectId !== event.project.id) {
    problems.push('the webhook names another project than Bitsby does');
  }
  if (projectId !== undefined && record.projectId !== projectId) {
    problems.push("the invoice belongs to another project than the client's `projectId`");
  }
  if (!sameAmount(record.amountFiat, event.invoice.amountFiat)) {
    problems.push("amountFiat differs from Bitsby's record");
  }
  if (record.currencyFiat !== event.invoice.currencyFiat) {
    problems.push("currencyFiat differs from Bitsby's record");
  }
  if (problems.length > 0) throw rejected('unconfirmed', problems.join('; '));
  return { ...event.invoice, ...record };
}

/** Equal decimals (`10.5` and `10.50` agree); text that is no decimal must match exactly. */
function sameAmount(recorded: string, claimed: string): boolean {
  const canonical = (amount: string) => {
    try {
      return toDecimalString(amount, { allowZero: true, allowNegative: true });
    } catch {
      return amount;
    }
  };
  return canonical(recorded) === canonical(claimed);
}

function rejected(reason: 'malformed' | 'unconfirmed', detail: string): PaySignatureError {
  return new PaySignatureError({ provider: PROVIDER, operation: 'webhook', reason, detail });
}
