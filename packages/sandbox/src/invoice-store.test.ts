import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_INVOICES, InvoiceStore, type SandboxInvoice } from './invoice-store.ts';
import { startSandbox } from './sandbox.ts';

/** An invoice as an emulator stores it, with a few fields of the provider's own. */
function invoice(id: string): SandboxInvoice {
  return {
    provider: 'crystalpay',
    id,
    state: 'created',
    amount: '100.50',
    paidAmount: '0',
    currency: 'RUB',
    createdAt: Date.now(),
    expiresAt: undefined,
    finalAt: undefined,
    callbackUrl: 'http://127.0.0.1:3000/callbacks',
    payUrl: `http://127.0.0.1:4010/_sandbox/pay/crystalpay/${id}`,
    fields: { type: 'purchase', lifetime: 60, description: `Order ${id}`, extra: 'x'.repeat(200) },
    callbacks: [],
  };
}

describe('invoice store cap (maxInvoices)', () => {
  it('forgets the oldest invoices beyond the cap', () => {
    const store = new InvoiceStore({ maxInvoices: 3 });
    for (const id of ['a', 'b', 'c', 'd', 'e']) store.add(invoice(id));
    expect(store.size).toBe(3);
    expect(store.list().map((held) => held.id)).toEqual(['c', 'd', 'e']);
    expect(store.get('crystalpay', 'a')).toBeUndefined();
    expect(store.get('crystalpay', 'e')?.id).toBe('e');
  });

  it('keeps 10,000 by default; 20,000 created leave 10,000 held', () => {
    const store = new InvoiceStore();
    expect(store.maxInvoices).toBe(DEFAULT_MAX_INVOICES);
    expect(DEFAULT_MAX_INVOICES).toBe(10_000);
    for (let index = 0; index < 20_000; index += 1) store.add(invoice(`inv-${index}`));
    expect(store.size).toBe(10_000);
    expect(store.list()[0]?.id).toBe('inv-10000');
    // A figure for the record, not an assertion: memory depends on the machine and the runner.
    console.info(
      `invoice store: ${store.size} held after 20,000 created; RSS ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`,
    );
  });

  it('keeps every invoice with Infinity, and refuses a cap below 1', () => {
    const store = new InvoiceStore({ maxInvoices: Number.POSITIVE_INFINITY });
    for (let index = 0; index < 20_050; index += 1) store.add(invoice(`inv-${index}`));
    expect(store.size).toBe(20_050);
    expect(() => new InvoiceStore({ maxInvoices: 0 })).toThrow(RangeError);
    expect(() => new InvoiceStore({ maxInvoices: 1.5 })).toThrow('maxInvoices');
  });

  it('startSandbox({ maxInvoices }) caps what its providers create', async () => {
    const sandbox = await startSandbox({ maxInvoices: 2 });
    try {
      const ids: string[] = [];
      for (let index = 0; index < 3; index += 1) {
        const response = await fetch(`${sandbox.baseUrls.crystalpay}/v3/invoice/create/`, {
          method: 'POST',
          body: JSON.stringify({
            auth_login: sandbox.credentials.crystalpay.login,
            auth_secret: sandbox.credentials.crystalpay.secret,
            amount: 10,
            type: 'purchase',
            lifetime: 30,
          }),
        });
        ids.push(((await response.json()) as { id: string }).id);
      }
      expect(sandbox.invoices().map((held) => held.id)).toEqual(ids.slice(1));
      expect((await fetch(`${sandbox.url}/_sandbox/pay/crystalpay/${ids[0]}`)).status).toBe(404);
    } finally {
      await sandbox.close();
    }
  });
});
