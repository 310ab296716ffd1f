import { digestHex } from '@pay/core';
import type { SandboxInvoice } from '../../invoice-store.ts';
import { sqlDateTime } from '../shared/time.ts';
import { COMMISSION_PERCENT, padDecimals } from './amounts.ts';
import type { BitsbyFields } from './types.ts';

export const STATUS: Record<SandboxInvoice['state'], string> = {
  created: 'unpaid',
  paid: 'paid',
  expired: 'expired',
  canceled: 'canceled',
  // Unreachable (not in `actions`): Bitsby knows neither. An underpaid invoice stays unpaid (the
  // merchant may bind the payment to it), and an invoice nobody pays ends expired.
  partial: 'unpaid',
  failed: 'expired',
};

/** The wallet every sandbox payment goes to: USDT on Tron, at 1 USDT = 1 USD. */
export const WALLET = {
  id: '00000000-0000-4000-8000-00000000ba11',
  name: 'usdt-tron',
  blockchain: 'tron',
  cryptocurrency: 'usdt',
  address: 'T-sandbox-wallet-not-a-real-address',
};

/** An invoice as `invoices/list` shows it. */
export function invoiceItem(invoice: SandboxInvoice): Record<string, unknown> {
  const fields = invoice.fields as unknown as BitsbyFields;
  return {
    id: invoice.id,
    uid: fields.uid,
    projectId: fields.projectId,
    createDatetime: sqlDateTime(invoice.createdAt),
    timeToPayDatetime: sqlDateTime(invoice.expiresAt),
    commissionFiatUSD: fields.commissionFiatUSD,
    amountFiatUSD: fields.amountFiatUSD,
    amountFiat: fields.amountFiat,
    currencyFiat: fields.currencyFiat,
    description: fields.description,
    serviceData: fields.serviceData,
    // Always 0: the sandbox's pay page does not report its views, so cancelling is never refused
    // for a viewed page.
    views: 0,
    status: STATUS[invoice.state],
  };
}

/** The payment of a paid invoice, derived from it so that list calls and the webhook agree. */
export function paymentOf(invoice: SandboxInvoice) {
  const hash = digestHex('sha256', `bitsby-sandbox-payment:${invoice.id}`);
  return {
    // [sandbox guess] Bitsby's payment ids are undocumented; UUIDs like its other ids.
    id: hash.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*$/, '$1-$2-$3-$4-$5'),
    // Paid in USDT at 1 USD, as many decimals as Bitsby shows crypto amounts.
    amount: padDecimals((invoice.fields as unknown as BitsbyFields).amountFiatUSD, 8),
    hash,
    transactionDatetime: sqlDateTime(invoice.finalAt),
  };
}

/** The webhook of a paid invoice: the wallet, the project, the invoice and its payment. */
export function webhookOf(invoice: SandboxInvoice) {
  const fields = invoice.fields as unknown as BitsbyFields;
  return {
    wallet: WALLET,
    project: {
      id: fields.projectId,
      name: 'Sandbox project',
      commissionPayer: 'seller',
      commissionRate: String(COMMISSION_PERCENT),
    },
    invoice: {
      id: invoice.id,
      uid: fields.uid,
      createDatetime: sqlDateTime(invoice.createdAt),
      timeToPayDatetime: sqlDateTime(invoice.expiresAt),
      commissionFiatUSD: fields.commissionFiatUSD,
      amountFiatUSD: fields.amountFiatUSD,
      amountFiat: fields.amountFiat,
      // The fiat value at the rate when paid: the sandbox's rates never move.
      calcAmountFiat: fields.amountFiat,
      currencyFiat: fields.currencyFiat,
      description: fields.description,
      serviceData: fields.serviceData,
      status: 'paid',
    },
    payment: paymentOf(invoice),
  };
}
