import type { Context } from 'hono';
import type { SandboxInvoice } from '../../invoice-store.ts';
import { refuse } from './http.ts';

/** Fiat currencies `invoice/create` takes (SPEC §3.1); v1 documents fewer. */
export const FIAT = new Set(
  'USD UZS KGS KZT AMD AZN BYN AUD TRY AED CAD CNY HKD IDR INR JPY PHP SGD THB VND MYR RUB UAH EUR GBP'.split(
    ' ',
  ),
);
export const V1_FIAT = new Set(['USD', 'RUB', 'EUR', 'GBP', 'UAH']);

// [sandbox guess] texts of the per-field messages; the docs show the keys only.
export const REQUIRED = 'This field is required.';

/** Midnight UTC of a `dd.mm.yyyy` day, or undefined when it is not a calendar day. */
function dayStart(value: unknown): number | undefined {
  const match = typeof value === 'string' ? /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value) : null;
  if (!match) return undefined;
  const [day, month, year] = match.slice(1).map(Number) as [number, number, number];
  const ms = Date.UTC(year, month - 1, day);
  return new Date(ms).getUTCDate() === day && new Date(ms).getUTCMonth() === month - 1
    ? ms
    : undefined;
}

/**
 * Invoices created from the day `start` through the day `end`, or the 400 answer naming every
 * bad field (`errors` may already hold the caller's own).
 */
export function invoicesBetween(
  c: Context,
  body: Record<string, unknown>,
  invoices: SandboxInvoice[],
  errors: Record<string, string> = {},
): SandboxInvoice[] | Response {
  const from = dayStart(body.start);
  const to = dayStart(body.end);
  for (const [name, day] of [
    ['start', from],
    ['end', to],
  ] as const) {
    if (body[name] === undefined) errors[name] = REQUIRED;
    else if (day === undefined) errors[name] = 'Date has wrong format. Use dd.mm.yyyy.'; // [sandbox guess]
  }
  if (from === undefined || to === undefined || Object.keys(errors).length > 0)
    return refuse(c, 400, errors);
  return invoices.filter(
    (invoice) => invoice.createdAt >= from && invoice.createdAt < to + 86_400_000,
  );
}
