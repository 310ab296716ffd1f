import type { Context, Hono } from 'hono';
import { addDecimal } from '../../decimal-math.ts';
import { invoiceInfo } from './invoice.ts';
import { payoffInfo, swapInfo, transferInfo } from './money.ts';
import { type CrystalBody, ok, refuse, wholeOf } from './request.ts';
import { type CrystalScope, page, post } from './routes.ts';

// `report/*`: histories (newest first, a page at a time) and summaries over the last `period`
// days, computed from what the sandbox holds.

const DAY_MS = 86_400_000;

/** The period's start (ms), or the refusal: `period` is a whole number of days from 1. */
function periodStart(c: Context, body: CrystalBody, now: number): number | Response {
  if (body.fields.period === undefined) return refuse(c, '`period` field is required');
  const period = wholeOf(body, 'period', 1);
  return period === undefined ? refuse(c, 'Invalid period') : now - period * DAY_MS;
}

export function reportRoutes(app: Hono, scope: CrystalScope): void {
  const { context, ledger } = scope;

  /** The records, each completed first if it is due (an invoice is never `processing`). */
  const settled = <T>(records: Iterable<T>): T[] =>
    [...records].map((record) => {
      ledger.settle(record as never);
      return record;
    });

  function history<T extends { createdAt: number }>(
    kind: string,
    records: () => Iterable<T>,
    info: (record: T) => Record<string, unknown>,
  ): void {
    post(app, scope, `report/${kind}/history`, (c, body) => {
      const missing = ['page', 'items'].filter((name) => body.fields[name] === undefined);
      if (missing.length > 0) return refuse(c, ...missing.map((n) => `\`${n}\` field is required`));
      const pageNumber = wholeOf(body, 'page', 1);
      const perPage = wholeOf(body, 'items', 1);
      if (pageNumber === undefined) return refuse(c, '`page` field is invalid');
      if (perPage === undefined) return refuse(c, '`items` field is invalid');
      const since = periodStart(c, body, context.now());
      if (since instanceof Response) return since;
      const inPeriod = settled(records())
        .filter((record) => record.createdAt >= since)
        .reverse();
      const { items, has_next_page } = page(inPeriod, pageNumber, perPage);
      return ok(c, { items: items.map(info), has_next_page });
    });
  }

  function summary<T extends { createdAt: number }>(
    kind: string,
    records: () => Iterable<T>,
    paid: (record: T) => string | undefined,
  ): void {
    post(app, scope, `report/${kind}/summary`, (c, body) => {
      const since = periodStart(c, body, context.now());
      if (since instanceof Response) return since;
      const inPeriod = settled(records()).filter((record) => record.createdAt >= since);
      const amounts = inPeriod.map(paid).filter((amount) => amount !== undefined);
      const total = inPeriod.length;
      return ok(c, {
        // Rates are 1:1: the RUB sum is the sum of the amounts.
        payed_rub_amount: amounts.reduce(addDecimal, '0'),
        payed_count: amounts.length,
        total_count: total,
        conversion_percent: total === 0 ? 0 : Math.round((amounts.length / total) * 100),
      });
    });
  }

  const invoices = () => context.store.list('crystalpay');
  history('invoice', invoices, invoiceInfo);
  summary('invoice', invoices, (invoice) =>
    invoice.state === 'paid' ? invoice.paidAmount : undefined,
  );
  const payoffs = () => ledger.payoffs.values();
  history('payoff', payoffs, payoffInfo);
  summary('payoff', payoffs, (payoff) => (payoff.state === 'payed' ? payoff.amount : undefined));
  history('swap', () => ledger.swaps.values(), swapInfo);
  history('transfer', () => ledger.transfers.values(), transferInfo);
}
