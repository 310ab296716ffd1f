import type { OpenEnum, VerifiedWebhookEvent } from '@pay/core';
import * as v from 'valibot';
import { PAYMENT_IN_STATUSES } from './payin-payout-payment-in.ts';
import { codeOutput, idOutput, optionalText, statusName } from './payin-payout-schemas.ts';

// The developer-key API's callbacks, read leniently once their hash has been checked: fields
// keep Payin-payout's names, ids become strings, codes numbers; unknown fields pass through.

/** `status` of the auto-debit (A1) and reward (A6) result callback, as documented. */
export const INVOICE_CALLBACK_STATUSES = {
  1: 'paid',
  3: 'insufficient_funds',
  4: 'error',
} as const;

const invoiceCallbackSchema = v.looseObject({
  external_id: idOutput(),
  service_id: codeOutput(),
  /** 1 paid, 3 the payer lacks funds, 4 error (contact Payin-payout). */
  status: codeOutput(),
  /** `xxxxxx-yyyyyy`: the shop's incoming payment; look it up with `paymentIn.findPayment`. */
  payment_in_id: v.optional(v.nullable(idOutput()), null),
  /** The payer's outgoing payment (`xxxxxx-yyyyyy`): `paymentOut.findPayment`. */
  payment_out_id: v.optional(v.nullable(idOutput()), null),
  timestamp: codeOutput(),
  tracker: optionalText(),
});

const topUpCallbackSchema = v.looseObject({
  /**
   * The numeric id `paymentIn.createInvoice` returned as `payment_in_id` (not the account
   * number: that is its `pretty_id`).
   */
  payment_in_id: idOutput(),
  /** Normally 1; anything else is a case for Payin-payout's support. */
  payment_in_status: codeOutput(),
  timestamp: codeOutput(),
  tracker: optionalText(),
});

/** Every field of a Payin-payout callback is signed: a verified event is always confirmed. */
interface Confirmed extends VerifiedWebhookEvent {
  /** Always `true`: the hash covers every field, state and amounts included. */
  confirmed: true;
}

/**
 * The result of an auto-debit invoice (`service-of-services/create-invoice`) or of a reward
 * (`create-reward-invoice`): both callbacks carry the same fields and cannot be told apart.
 */
export type InvoiceCallback = v.InferOutput<typeof invoiceCallbackSchema> &
  Confirmed & {
    type: 'invoice';
    /** `status` named; an undocumented code passes through as its text, typed `Undocumented`. */
    statusName: OpenEnum<
      (typeof INVOICE_CALLBACK_STATUSES)[keyof typeof INVOICE_CALLBACK_STATUSES]
    >;
  };

/** A balance top-up paid (`payment-in/create-invoice` with `is_sos_topup`). */
export type TopUpCallback = v.InferOutput<typeof topUpCallbackSchema> &
  Confirmed & {
    type: 'topup';
    /** `payment_in_status` named; an undocumented code passes through as its text. */
    statusName: OpenEnum<(typeof PAYMENT_IN_STATUSES)[keyof typeof PAYMENT_IN_STATUSES]>;
  };

/** A correctly signed callback of a shape the docs do not describe, fields as received. */
export type UnknownCallback = Record<string, unknown> & Confirmed & { type: 'unknown' };

/** A verified developer-key API callback: what `webhooks.verify()` resolves to. */
export type PayinPayoutWebhookEvent = InvoiceCallback | TopUpCallback | UnknownCallback;

/**
 * Reads a verified callback body (without `hash`) into an event, or returns the issues found
 * when a documented callback has a field of the wrong type.
 */
export function toCallbackEvent(
  body: Record<string, unknown>,
): { ok: true; event: PayinPayoutWebhookEvent } | { ok: false; problem: string } {
  if ('external_id' in body) {
    const parsed = v.safeParse(invoiceCallbackSchema, body);
    if (!parsed.success) return { ok: false, problem: describeIssues(parsed.issues) };
    const event = parsed.output;
    const name = statusName(INVOICE_CALLBACK_STATUSES, event.status);
    return { ok: true, event: { ...event, type: 'invoice', statusName: name, confirmed: true } };
  }
  if ('payment_in_status' in body) {
    const parsed = v.safeParse(topUpCallbackSchema, body);
    if (!parsed.success) return { ok: false, problem: describeIssues(parsed.issues) };
    const event = parsed.output;
    const name = statusName(PAYMENT_IN_STATUSES, event.payment_in_status);
    return { ok: true, event: { ...event, type: 'topup', statusName: name, confirmed: true } };
  }
  return { ok: true, event: { ...body, type: 'unknown', confirmed: true } };
}

function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues.map((issue) => `${v.getDotPath(issue) ?? '(body)'}: ${issue.message}`).join('; ');
}
