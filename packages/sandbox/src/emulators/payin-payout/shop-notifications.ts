import { createPayinPayoutShop, formatAgentTime } from '@pay/payin-payout';
import type { OutgoingCallback } from '../../callback-delivery.ts';
import type { SandboxInvoice } from '../../invoice-store.ts';
import type { InvoiceState } from '../../lifecycle.ts';
import { fieldsOf } from './invoices.ts';
import { settingsOf } from './settings.ts';
import type { PayinPayoutContext } from './types.ts';

/** `paymentStatus` per state: 1 paid, 2 fatal error, 3 partly paid [doc]. */
const PAYMENT_STATUS: Partial<Record<InvoiceState, string>> = {
  paid: '1',
  failed: '2',
  partial: '3',
};

/** The reply that acknowledges a notification, byte for byte [doc]. */
export const SHOP_ACKNOWLEDGEMENT =
  '<?xml version="1.0" encoding="UTF-8"?><response><result>0</result></response>';

/**
 * The payment notification of a merchant shop API payment in its current state, signed by
 * `@pay/payin-payout`'s shop `webhooks.sign`, to the shop's notification URL
 * (`providerOptions['payin-payout'].shopWebhookUrl`, else the provider's webhook URL); none for
 * an expired payment [sandbox guess: the docs know statuses 1–3 only].
 */
export async function shopNotification(
  invoice: SandboxInvoice,
  context: PayinPayoutContext,
): Promise<OutgoingCallback | undefined> {
  const url = settingsOf(context.options).shopWebhookUrl ?? context.webhookUrl();
  const paymentStatus = PAYMENT_STATUS[invoice.state];
  if (!url || paymentStatus === undefined) return undefined;
  const { form, shop } = fieldsOf(invoice);
  const fields: Record<string, string> = {
    agentId: context.credentials.agentId,
    paymentId: invoice.id,
    orderId: form.orderId ?? '',
    // Cumulative: what has been paid so far, two decimals like the registration's [doc].
    amount: invoice.state === 'failed' ? invoice.amount : invoice.paidAmount,
    // [sandbox guess] The phone as registered (the docs' example has no `+`).
    phone: form.phone ?? '',
    currency: form.currency ?? 'RUR',
    // "0 when none is set" [doc]; [sandbox guess] a charge by token is by card (125).
    preference: form.preference ?? (shop?.kind === 'recurring' ? '125' : '0'),
    goods: form.goods ?? '',
    agentName: form.agentName ?? '',
    paymentStatus,
    // [sandbox guess] Moscow time, as the SDK writes agentTime by default.
    paymentDate: formatAgentTime(context.now(), 'Europe/Moscow'),
  };
  if (shop?.kind === 'terminal') {
    // [sandbox guess] The terminal fields' values: no conversion (rate 1), the two account numbers.
    Object.assign(fields, {
      course: '1',
      course_account: '1',
      inputId: fieldsOf(invoice).incoming?.account_number ?? '',
      outputId: invoice.id,
      userName: form.userName ?? '',
    });
  }
  for (const [name, value] of Object.entries(form)) {
    if (/^addInfo_\d+$/.test(name)) fields[name] = value; // echoed [doc]
  }
  const { webhooks } = createPayinPayoutShop({
    agentId: context.credentials.agentId,
    secret: context.credentials.secret,
  });
  const signed = await webhooks.sign(fields);
  return {
    url,
    ...signed,
    // HTTP 200 with exactly the XML reply; a redirect counts as undelivered [doc].
    isAcknowledged: ({ status, text }) => status === 200 && text.trim() === SHOP_ACKNOWLEDGEMENT,
    followRedirects: false,
  };
}
