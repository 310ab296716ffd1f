import { digestHex } from '@pay/core';
import { compareDecimal } from '../../decimal-math.ts';
import type { InvoiceStore, SandboxInvoice } from '../../invoice-store.ts';
import { sqlDateTime } from '../shared/time.ts';
import { COMMISSION_PERCENT, padDecimals } from './amounts.ts';
import type { BitsbyFields } from './types.ts';

export const STATUS: Record<SandboxInvoice['state'], string> = {
  created: 'unpaid',
  paid: 'paid',
  expired: 'expired',
  canceled: 'canceled',
  // Bitsby knows no partial payment: a payment of another amount matches no invoice, which stays
  // unpaid until the merchant binds the payment to it (`invoices/bindPayment`) or it expires.
  partial: 'unpaid',
  // Unreachable (not in `actions`): Bitsby has no failed state.
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

export const fieldsOf = (invoice: SandboxInvoice) => invoice.fields as unknown as BitsbyFields;

/** An invoice as `invoices/list` shows it. */
export function invoiceItem(invoice: SandboxInvoice): Record<string, unknown> {
  const fields = fieldsOf(invoice);
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

/** A payment the buyer made: its documented fields, and the invoice it belongs to, if any. */
export interface Payment {
  id: string;
  amount: string;
  hash: string;
  transactionDatetime: string | null;
  /** Its value in USD (and in any fiat currency: the sandbox's rates are all 1). */
  usd: string;
  /** The invoice it paid (matched by amount, or bound), or `undefined` for an unmatched one. */
  invoice: SandboxInvoice | undefined;
  /** The invoice whose buyer made it. */
  from: SandboxInvoice;
}

/**
 * The payment the buyer of `invoice` made, if any: the full amount (Pay), which pays it, or half
 * of it (Pay partially: an off-amount payment, which matches no invoice until it is bound). It is
 * derived from the invoice, so that the list calls and the webhook agree.
 */
function paymentOf(invoice: SandboxInvoice, store: InvoiceStore): Payment | undefined {
  if (compareDecimal(invoice.paidAmount, '0') <= 0) return undefined;
  const fields = fieldsOf(invoice);
  const hash = digestHex('sha256', `bitsby-sandbox-payment:${invoice.id}`);
  const full = compareDecimal(invoice.paidAmount, invoice.amount) >= 0;
  return {
    // [sandbox guess] Bitsby's payment ids are undocumented; UUIDs like its other ids.
    id: hash.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*$/, '$1-$2-$3-$4-$5'),
    // Paid in USDT at 1 USD (every fiat currency is worth 1 USD in the sandbox), with as many
    // decimals as Bitsby shows crypto amounts.
    amount: padDecimals(full ? fields.amountFiatUSD : invoice.paidAmount, 8),
    hash,
    transactionDatetime: sqlDateTime(fields.paidAt ?? invoice.finalAt),
    usd: full ? fields.amountFiatUSD : padDecimals(invoice.paidAmount, 2),
    invoice: full ? invoice : fields.boundTo ? store.get('bitsby', fields.boundTo) : undefined,
    from: invoice,
  };
}

/** The payment that paid `invoice`: its own, or another invoice's bound to it. */
export function paymentFor(invoice: SandboxInvoice, store: InvoiceStore): Payment | undefined {
  const from = fieldsOf(invoice).boundPaymentOf;
  const source = from === undefined ? invoice : store.get('bitsby', from);
  return source && paymentOf(source, store);
}

/** Every payment the sandbox's Bitsby account received, newest first. */
export function payments(store: InvoiceStore): Payment[] {
  return store
    .list('bitsby')
    .reverse()
    .map((invoice) => paymentOf(invoice, store))
    .filter((payment) => payment !== undefined)
    .sort((a, b) => (b.transactionDatetime ?? '').localeCompare(a.transactionDatetime ?? ''));
}

/** A payment as `payments/list` shows it. */
export function paymentItem(payment: Payment) {
  return {
    id: payment.id,
    amount: payment.amount,
    hash: payment.hash,
    transactionDatetime: payment.transactionDatetime,
    // [sandbox guess] An off-amount payment nobody bound yet shows `invoice: null`.
    invoice: payment.invoice ? invoiceItem(payment.invoice) : null,
    wallet: WALLET,
  };
}

/** The webhook of a paid invoice: the wallet, the project, the invoice and its payment. */
export function webhookOf(invoice: SandboxInvoice, store: InvoiceStore) {
  const fields = fieldsOf(invoice);
  const payment = paymentFor(invoice, store);
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
      // The fiat value of what was paid, at the rate when paid: the sandbox's rates never move,
      // so it differs from amountFiat only for a bound off-amount payment.
      calcAmountFiat:
        fields.boundPaymentOf === undefined ? fields.amountFiat : (payment?.usd ?? '0.00'),
      currencyFiat: fields.currencyFiat,
      description: fields.description,
      serviceData: fields.serviceData,
      status: 'paid',
    },
    payment: payment && {
      id: payment.id,
      amount: payment.amount,
      hash: payment.hash,
      transactionDatetime: payment.transactionDatetime,
    },
  };
}
