import type { GatewayInvoiceParams, PayGateway } from '@pay/core';
import type { Sandbox } from '@pay/sandbox';

/**
 * One provider in the tour. Only what really differs lives here: how a client is made from the
 * sandbox's credentials, and the invoice fields the provider needs (its currency; a per-invoice
 * callback URL where it takes one — the others post to the project's webhook URL). Everything
 * else — create, pay, the webhook handler, the final read — is one loop for all of them.
 */
export interface DemoProvider {
  /** The gateway's provider id, also the webhook path segment: `crystalpay`. */
  id: 'crystalpay' | 'cryptocloud' | 'anymoney' | 'payin-payout' | 'payin-payout-shop' | 'bitsby';
  /** The brand, for the table. */
  label: string;
  gateway(sandbox: Sandbox): PayGateway;
  /** Besides the common fields, what the provider's gateway needs of its own (a payer's contacts). */
  invoice(
    webhookUrl: string,
  ): Omit<GatewayInvoiceParams, 'orderId' | 'amount'> & Record<string, unknown>;
}
