import { addDecimal, subtractDecimal } from '../../decimal-math.ts';
import type { InvoiceStore, SandboxInvoice } from '../../invoice-store.ts';
import { sqlDateTime } from '../shared/time.ts';
import { COMMISSION_PERCENT, padDecimals } from './amounts.ts';
import { type Form, inPeriod } from './form.ts';
import { fieldsOf, paymentFor } from './payloads.ts';

/** [sandbox guess] The account's starting internal balance: the docs' example. */
const OPENING_BALANCE = '100.00';

/** The project's tariff: the webhook's `commissionRate` and `commissionPayer`. */
export const TARIFFS = [
  { id: 1, name: 'Sandbox', '30dPayments': '0', payer: 'seller', rate: String(COMMISSION_PERCENT) },
];

/** `a + b` with at least 2 decimals, as Bitsby writes sums. */
const plus = (a: string, b: string) => padDecimals(addDecimal(a, b), 2);

const paidInvoices = (store: InvoiceStore) =>
  store.list('bitsby').filter((invoice) => invoice.state === 'paid');

/**
 * `billing/history`, newest first: per paid invoice, its payment credited and Bitsby's
 * commission debited, at the time it became paid. [sandbox guess] Event names and comments.
 */
export function history(store: InvoiceStore) {
  return paidInvoices(store)
    .sort((a, b) => (b.finalAt ?? 0) - (a.finalAt ?? 0))
    .flatMap((invoice) => {
      const fields = fieldsOf(invoice);
      const datetime = sqlDateTime(invoice.finalAt);
      return [
        {
          datetime,
          event: 'commission',
          target: fields.uid,
          amount: `-${fields.commissionFiatUSD}`,
          comment: 'Service commission',
        },
        {
          datetime,
          event: 'payment',
          target: fields.uid,
          amount: paymentFor(invoice, store)?.usd ?? fields.amountFiatUSD,
          comment: 'Invoice paid',
        },
      ];
    });
}

/** `billing/balances`: the opening balance plus every change `billing/history` lists. */
export function balances(store: InvoiceStore) {
  let internal = OPENING_BALANCE;
  for (const { amount } of history(store)) {
    internal = amount.startsWith('-')
      ? padDecimals(subtractDecimal(internal, amount.slice(1)), 2)
      : plus(internal, amount);
  }
  return { internal, partner: '0.00' };
}

/**
 * `statistics/invoices` for the invoices created in the period: how many, how many paid, and the
 * paid ones' sums (in USD; by currency in that currency). [sandbox guess] The period and the
 * dates group by creation; an empty map is `[]`, as PHP's `json_encode` writes it.
 */
export function invoiceStatistics(store: InvoiceStore, form: Form) {
  const invoices = store
    .list('bitsby')
    .filter((invoice) => inPeriod(sqlDateTime(invoice.createdAt), form));
  const paid = invoices.filter((invoice) => invoice.state === 'paid');
  const byProjects: Record<string, string> = {};
  const byCurrencies: Record<string, string> = {};
  const byMonths: Record<string, string> = {};
  const byDate: Record<string, { date: number; value: string }> = {};
  let total = '0.00';
  for (const invoice of paid) {
    const { projectId, currencyFiat, amountFiat, amountFiatUSD: usd } = fieldsOf(invoice);
    const day = sqlDateTime(invoice.createdAt)!.slice(0, 10);
    total = plus(total, usd);
    byProjects[projectId] = plus(byProjects[projectId] ?? '0.00', usd);
    byCurrencies[currencyFiat] = plus(byCurrencies[currencyFiat] ?? '0.00', amountFiat);
    const month = monthOf(invoice);
    byMonths[month] = plus(byMonths[month] ?? '0.00', usd);
    byDate[day] = {
      date: Date.parse(`${day}T00:00:00Z`),
      value: plus(byDate[day]?.value ?? '0.00', usd),
    };
  }
  return {
    invoicesTotalNum: invoices.length,
    invoicesPaidNum: paid.length,
    invoicesTotalUSD: total,
    invoicesByProjects: phpMap(byProjects),
    invoicesByCurrencies: phpMap(byCurrencies),
    invoicesByMonths: phpMap(byMonths),
    invoicesByDate: phpMap(byDate),
  };
}

/** `March-2024`, the month an invoice was created in (UTC). */
function monthOf(invoice: SandboxInvoice): string {
  const at = new Date(invoice.createdAt);
  return `${at.toLocaleString('en-US', { month: 'long', timeZone: 'UTC' })}-${at.getUTCFullYear()}`;
}

/** A map as PHP's `json_encode` writes it: an empty one is `[]`. */
function phpMap<T>(map: Record<string, T>): Record<string, T> | [] {
  return Object.keys(map).length === 0 ? [] : map;
}
