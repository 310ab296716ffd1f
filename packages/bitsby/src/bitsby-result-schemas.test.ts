import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  billingTariffsResultSchema,
  invoiceCreateResultSchema,
  statisticsInvoicesResultSchema,
} from './bitsby-result-schemas.ts';

describe('result schemas', () => {
  it('turn JSON-number amounts into decimal strings and add no missing field', () => {
    const invoice = v.parse(invoiceCreateResultSchema, {
      id: 'i',
      uid: 'u',
      url: 'https://dash.bitsby.app/invoices/pay/u',
      amountFiatUSD: 10.5,
    });
    expect(invoice).toEqual({
      id: 'i',
      uid: 'u',
      url: 'https://dash.bitsby.app/invoices/pay/u',
      amountFiatUSD: '10.5',
    });
  });

  it('read the older create answer with wallets', () => {
    const wallets = [{ id: 1, name: 'usdt-tron', address: 'T1', amountCrypto: 10.01 }];
    const invoice = v.parse(invoiceCreateResultSchema, { id: 'i', uid: 'u', url: 'x', wallets });
    expect(invoice.wallets?.[0]?.amountCrypto).toBe('10.01');
  });

  it('read an empty statistics map written as [] as an empty object', () => {
    const statistics = v.parse(statisticsInvoicesResultSchema, {
      invoicesTotalNum: 0,
      invoicesByProjects: [],
      invoicesByDate: { '2024-03-01': { date: 1709251200000, value: 5 } },
    });
    expect(statistics.invoicesByProjects).toEqual({});
    expect(Array.isArray(statistics.invoicesByProjects)).toBe(false);
    expect(statistics.invoicesByDate?.['2024-03-01']).toEqual({ date: 1709251200000, value: '5' });
  });

  it('keep the tariffs field that starts with a digit', () => {
    const [tariff] = v.parse(billingTariffsResultSchema, [{ id: 1, '30dPayments': 1000, rate: 1 }]);
    expect(tariff).toEqual({ id: 1, '30dPayments': '1000', rate: '1' });
  });
});
