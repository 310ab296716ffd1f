import { jsonNumber } from '@pay/core';
import type { Hono } from 'hono';
import { addDecimal } from '../../decimal-math.ts';
import { readBody, success } from './http.ts';
import type { Ledger } from './ledger.ts';
import { currencyObject, STATUS } from './payloads.ts';
import type { CryptoCloudContext } from './types.ts';
import { invoicesBetween } from './validation.ts';

/** The v2 reports: invoice statistics and wallet balances, from the sandbox's invoices and withdrawals. */
export function reportRoutes(app: Hono, context: CryptoCloudContext, ledger: Ledger): void {
  const { store } = context;

  app.post('/v2/invoice/merchant/statistics', async (c) => {
    const invoices = invoicesBetween(c, (await readBody(c)) ?? {}, store.list('cryptocloud'));
    if (invoices instanceof Response) return invoices;
    const keys = ['all', 'created', 'paid', 'overpaid', 'partial', 'canceled'];
    const count: Record<string, number> = Object.fromEntries(keys.map((key) => [key, 0]));
    const usd: Record<string, string> = Object.fromEntries(keys.map((key) => [key, '0']));
    for (const invoice of invoices) {
      for (const key of ['all', STATUS[invoice.state]] as const) {
        count[key] = (count[key] ?? 0) + 1;
        usd[key] = addDecimal(usd[key] ?? '0', invoice.amount);
      }
    }
    const amount = Object.fromEntries(keys.map((key) => [key, jsonNumber(usd[key] ?? '0')]));
    return success(c, { count, amount });
  });

  app.post('/v2/merchant/wallet/balance/all', (c) => {
    // What the sandbox's invoices received, less what was withdrawn, per coin (rates 1:1).
    const balances = ledger.balances();
    return success(
      c,
      [...balances].map(([coin, balance]) => ({
        currency: currencyObject(coin),
        balance_crypto: jsonNumber(balance),
        balance_usd: jsonNumber(balance),
        available_balance: jsonNumber(balance),
        available_balance_usd: jsonNumber(balance),
      })),
    );
  });
}
