import {
  amountOutput,
  PaySignatureError,
  parseJsonText,
  type RequestOptions,
  readWebhookInput,
  toDecimalString,
  toValidationIssues,
  type WebhookInput,
} from '@pay/core';
import * as v from 'valibot';
import { PROVIDER } from './bitsby-call.ts';
import type { BitsbyInvoices } from './bitsby-invoices.ts';
import {
  type Invoice,
  optionalAmount,
  optionalId,
  optionalText,
  walletSchema,
} from './bitsby-result-schemas.ts';
import { uuid } from './bitsby-schemas.ts';

/**
 * The body Bitsby POSTs to the project's webhook URL each time an invoice becomes paid. Bitsby
 * signs nothing: every field is an unauthenticated claim until confirmed through the API. The
 * fields that confirmation compares are required; the rest are kept as sent.
 */
export const webhookPayloadSchema = v.looseObject({
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
    status: optionalText(),
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

/** A webhook as Bitsby sent it, parsed but not confirmed. */
export type BitsbyWebhookEvent = v.InferOutput<typeof webhookPayloadSchema>;

/** A webhook confirmed through `invoices/list`; act on `confirmedInvoice`, Bitsby's own record. */
export type BitsbyConfirmedWebhookEvent = BitsbyWebhookEvent & { confirmedInvoice: Invoice };

/** `client.webhooks`. */
export interface BitsbyWebhooks {
  /**
   * Parses the webhook, then confirms it through `invoices/list` (one queued, retried read):
   * Bitsby's invoice must be `paid`, in the same project (the webhook's, and the client's
   * `projectId` when set), with the same `amountFiat` and `currencyFiat`. Bitsby signs nothing,
   * so this is the only proof that the payment happened. Answer 200 only once you have stored
   * the result; on an API or network error answer non-200 and Bitsby retries later.
   * @throws PaySignatureError `not-raw` (a parsed object), `malformed` (not the documented
   *   JSON) or `unconfirmed` (Bitsby's record disagrees): answer 4xx and do not act on it
   * @throws PayApiError | PayNetworkError | PayResponseError the confirmation call failed
   */
  verify(input: WebhookInput, options?: RequestOptions): Promise<BitsbyConfirmedWebhookEvent>;
  /**
   * Parses the webhook without confirming it: for callers who confirm it themselves. Every
   * field is still an unauthenticated claim.
   * @throws PaySignatureError `not-raw` or `malformed`
   */
  parse(input: WebhookInput): Promise<BitsbyWebhookEvent>;
}

/** Builds `client.webhooks` on the client's own (queued) `invoices.list`. */
export function createBitsbyWebhooks(settings: {
  invoices: Pick<BitsbyInvoices, 'list'>;
  projectId: string | undefined;
}): BitsbyWebhooks {
  const webhooks: BitsbyWebhooks = {
    async parse(input) {
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
    },

    async verify(input, options) {
      const event = await webhooks.parse(input);
      const listed = await settings.invoices.list({ invoiceId: event.invoice.id }, options);
      const confirmedInvoice = listed.find((invoice) => invoice.id === event.invoice.id);
      if (!confirmedInvoice) {
        throw rejected('unconfirmed', 'Bitsby lists no invoice with this id for this API key');
      }
      const problems = disagreements(event, confirmedInvoice, settings.projectId);
      if (problems.length > 0) throw rejected('unconfirmed', problems.join('; '));
      return { ...event, confirmedInvoice };
    },
  };
  return webhooks;
}

/** Where Bitsby's record of the invoice disagrees with the webhook or the client's project. */
function disagreements(
  event: BitsbyWebhookEvent,
  confirmed: Invoice,
  projectId: string | undefined,
): string[] {
  const problems: string[] = [];
  if (confirmed.status !== 'paid') {
    problems.push(`Bitsby reports the invoice as ${JSON.stringify(confirmed.status)}, not paid`);
  }
  if (confirmed.projectId !== event.project.id) {
    problems.push('the webhook names another project than Bitsby does');
  }
  if (projectId !== undefined && confirmed.projectId !== projectId) {
    problems.push("the invoice belongs to another project than the client's `projectId`");
  }
  if (!sameAmount(confirmed.amountFiat, event.invoice.amountFiat)) {
    problems.push("amountFiat differs from Bitsby's record");
  }
  if (confirmed.currencyFiat !== event.invoice.currencyFiat) {
    problems.push("currencyFiat differs from Bitsby's record");
  }
  return problems;
}

/** Equal decimals (`10.5` and `10.50` agree); text that is no decimal must match exactly. */
function sameAmount(recorded: string | null | undefined, claimed: string): boolean {
  if (recorded === null || recorded === undefined) return false;
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
