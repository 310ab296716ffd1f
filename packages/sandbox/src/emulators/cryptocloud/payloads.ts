import { jsonNumber } from '@pay/core';
import { subtractDecimal } from '../../decimal-math.ts';
import type { SandboxInvoice } from '../../invoice-store.ts';
import type { InvoiceState } from '../../lifecycle.ts';
import { sqlDateTimeMicros } from '../shared/time.ts';

/** Neutral state → CryptoCloud status (documented: created, paid, partial, overpaid, canceled). */
export const STATUS: Record<InvoiceState, string> = {
  created: 'created',
  paid: 'paid',
  partial: 'partial',
  // [sandbox guess] CryptoCloud documents no `expired` (nor `failed`): an unpaid invoice past
  // its `expiry_date` is shown as `canceled`, the only documented final state that fits.
  expired: 'canceled',
  failed: 'canceled',
  canceled: 'canceled',
};

/** The coin an invoice is paid in unless `add_fields.cryptocurrency` picks one (as in the docs' example). */
export const DEFAULT_COIN = 'USDT_TRC20';

/** The invoice id without its `INV-` prefix: the API takes both, postbacks send it bare. */
export const bareId = (id: string) => id.replace(/^INV-/i, '');

/**
 * CryptoCloud's currency object for a coin code such as `USDT_TRC20` or `BTC`, with every field
 * the docs show. [sandbox guess] ids and `order` are the sandbox's own; the icon URLs follow
 * the pattern of the docs' example.
 */
export function currencyObject(fullcode: string): Record<string, unknown> {
  const [code = fullcode, network = code] = fullcode.split('_');
  const cdn = 'https://cdn.cryptocloud.plus';
  return {
    id: idOf(fullcode),
    code,
    fullcode,
    name: code,
    network: {
      code: network,
      id: idOf(network),
      icon: `${cdn}/currency/crypto/${network}.svg`,
      fullname: network,
    },
    is_email_required: false,
    stablecoin: /^(USDT|USDC|DAI|USDD|PYUSD|TUSD)$/.test(code),
    icon_base: `${cdn}/currency/icons/main/${code.toLowerCase()}.svg`,
    icon_network: `${cdn}/icons-currency/${fullcode.replace('_', '-')}.svg`,
    icon_qr: `${cdn}/currency/icons/stroke/${code.toLowerCase()}.svg`,
    order: idOf(fullcode),
  };
}

/** A stable small number for a code (the same code, the same id). */
function idOf(code: string): number {
  let hash = 0;
  for (const char of code) hash = (hash * 31 + char.charCodeAt(0)) % 997;
  return hash + 1;
}

/** The coin the invoice is paid in, settled at creation (see `createInvoice`). */
export const coinOf = (invoice: SandboxInvoice) =>
  (invoice.fields.cryptocurrency as string | undefined) ?? DEFAULT_COIN;

/**
 * The invoice object: `invoice/create` answers the base fields; info, list and postbacks add
 * what was received (`withPayment`). Rates are 1:1 and fees 0 in the sandbox; amounts are JSON
 * numbers, as CryptoCloud sends them, with exactly the invoice's digits.
 */
export function invoiceObject(
  invoice: SandboxInvoice,
  withPayment: boolean,
): Record<string, unknown> {
  const amount = jsonNumber(invoice.amount);
  const zero = jsonNumber('0');
  const addFields = invoice.fields.add_fields as { cryptocurrency?: unknown } | undefined;
  const chosen = invoice.state !== 'created' || addFields?.cryptocurrency !== undefined;
  const base = {
    uuid: invoice.id,
    created: sqlDateTimeMicros(invoice.createdAt),
    // A fake deposit address once a coin is chosen (at creation or by paying).
    address: chosen ? `sandbox-${coinOf(invoice).toLowerCase()}-address-${bareId(invoice.id)}` : '',
    expiry_date: sqlDateTimeMicros(invoice.expiresAt),
    side_commission: 'client',
    side_commission_cc: 'client',
    amount,
    amount_usd: amount,
    amount_in_fiat: amount,
    fee: zero,
    fee_usd: zero,
    service_fee: zero,
    service_fee_usd: zero,
    type_payments: 'crypto',
    fiat_currency: invoice.currency,
    status: STATUS[invoice.state],
    is_email_required: false,
    link: invoice.payUrl,
    invoice_id: null,
    currency: currencyObject(coinOf(invoice)),
    project: { id: 1, name: 'Sandbox project', fail: null, success: null, logo: null },
    test_mode: true,
  };
  if (!withPayment) return base;
  const received = jsonNumber(invoice.paidAmount);
  const due = jsonNumber(subtractDecimal(invoice.amount, invoice.paidAmount));
  return {
    ...base,
    received,
    received_usd: received,
    to_surcharge: due,
    to_surcharge_usd: due,
    order_id: invoice.fields.order_id ?? null,
    // In the docs' postback example; null while the invoice is open.
    date_finished: sqlDateTimeMicros(invoice.state === 'partial' ? undefined : invoice.finalAt),
    // [sandbox guess] read by third-party clients (SPEC §3.2 [code]): what they name.
    amount_paid: received,
    amount_paid_usd: received,
    amount_to_pay: due,
    amount_to_pay_usd: due,
    pay_url: invoice.payUrl,
    user_email: invoice.fields.email ?? null,
  };
}
