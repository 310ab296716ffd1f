import { createBitsby } from '@pay/bitsby';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type CallbackReceiver, startCallbackReceiver } from '../../callback-receiver.ts';
import { type Sandbox, startSandbox } from '../../sandbox.ts';

// invoices/bindPayment, payments made for another amount, billing/history, billing/tarrifs,
// billing/balances and statistics/invoices: on one sandbox without the rate limit, emptied before
// each test so that sums and counts start from nothing.
let sandbox: Sandbox;
let receiver: CallbackReceiver;
beforeAll(async () => {
  [sandbox, receiver] = await Promise.all([
    startSandbox({ providerOptions: { bitsby: { minIntervalMs: 0 } } }),
    startCallbackReceiver(),
  ]);
  sandbox.setWebhookUrl('bitsby', receiver.url);
});
beforeEach(async () => {
  await sandbox.callbacksSettled();
  await fetch(`${sandbox.url}/_sandbox/reset`, { method: 'POST' });
});
afterAll(async () => {
  await Promise.all([sandbox.close(), receiver.close()]);
});

const PROJECT = '00000000-0000-4000-8000-000000000001';
const INVOICE = { projectId: PROJECT, amountFiat: '10.55', currencyFiat: 'EUR', timeToPay: '6' };
const error = (data: string) => ({ result: 'error', data });
const success = (data: unknown) => ({ result: 'success', data });

/** A raw Bitsby call: multipart form fields and `Authorization: Token <key>`. */
async function call(path: string, fields: Record<string, string> = {}, key?: string) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const response = await fetch(`${sandbox.baseUrls.bitsby}/${path}`, {
    method: 'POST',
    headers: { authorization: `Token ${key ?? sandbox.credentials.bitsby.apiKey}` },
    body: form,
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { result: string; data: unknown };
}

async function createInvoice(fields: Record<string, string> = {}) {
  const answer = await call('invoices/create', { ...INVOICE, ...fields });
  expect(answer.result).toBe('success');
  return answer.data as { id: string; uid: string };
}

type PaymentItem = { id: string; amount: string; invoice: { id: string; status: string } | null };

/** An invoice whose buyer paid half of it, and that payment (bound to nothing). */
async function offAmountPayment(fields: Record<string, string> = {}) {
  const invoice = await createInvoice(fields);
  expect(await sandbox.act('bitsby', invoice.id, 'pay-partial')).toMatchObject({
    ok: true,
    status: 'unpaid',
    callback: undefined,
  });
  const listed = (await call('payments/list', { limit: '100' })).data as PaymentItem[];
  const payment = listed.find((item) => item.invoice === null);
  expect(payment).toBeDefined();
  return { invoice, payment: payment! };
}

const statusOf = async (invoiceId: string) =>
  ((await call('invoices/list', { invoiceId })).data as Array<{ status: string }>)[0]?.status;

describe('invoices/bindPayment', () => {
  it('binds an off-amount payment: the invoice is paid, listed with it, and its webhook sent', async () => {
    const { invoice, payment } = await offAmountPayment();
    // Half of 10.55 (rounded down), in USDT at 1 USD; it matches no invoice yet.
    expect(payment.amount).toBe('5.27000000');
    expect(await call('payments/list', { invoiceId: invoice.id })).toEqual(success([]));
    expect(await statusOf(invoice.id)).toBe('unpaid');
    await sandbox.callbacksSettled();
    expect(receiver.received.map((callback) => callback.body).join()).not.toContain(invoice.id);

    expect(
      await call('invoices/bindPayment', { invoiceId: invoice.id, paymentId: payment.id }),
    ).toEqual(success('Invoice binded to payment'));
    expect(await statusOf(invoice.id)).toBe('paid');
    const bound = (await call('payments/list', { invoiceId: invoice.id })).data as PaymentItem[];
    expect(bound).toEqual([
      expect.objectContaining({
        id: payment.id,
        amount: '5.27000000',
        invoice: expect.objectContaining({ id: invoice.id, status: 'paid' }),
      }),
    ]);

    await sandbox.callbacksSettled();
    const sent = receiver.received.filter((callback) => callback.body.includes(invoice.id));
    expect(sent).toHaveLength(1);
    const webhook = JSON.parse(sent[0]!.body);
    expect(webhook.invoice).toMatchObject({
      id: invoice.id,
      status: 'paid',
      amountFiat: '10.55',
      // What was paid, at the rate when paid: not the invoice's amount.
      calcAmountFiat: '5.27',
    });
    expect(webhook.payment).toMatchObject({ id: payment.id, amount: '5.27000000' });
  });

  it('binds a payment to another invoice, even an expired one', async () => {
    const { invoice: first, payment } = await offAmountPayment();
    const late = await createInvoice({ amountFiat: '5.27', currencyFiat: 'USD' });
    await sandbox.act('bitsby', late.id, 'expire');
    expect(
      await call('invoices/bindPayment', { invoiceId: late.id, paymentId: payment.id }),
    ).toEqual(success('Invoice binded to payment'));
    expect(await statusOf(late.id)).toBe('paid');
    // The invoice whose buyer paid the wrong amount stays unpaid, without the payment.
    expect(await statusOf(first.id)).toBe('unpaid');
    expect(await call('payments/list', { invoiceId: first.id })).toEqual(success([]));
    const [item] = (await call('payments/list', { invoiceId: late.id })).data as PaymentItem[];
    expect(item?.id).toBe(payment.id);
  });

  it('refuses missing fields, unknown ids, a bound payment, a paid or cancelled invoice', async () => {
    const { invoice, payment } = await offAmountPayment();
    expect(await call('invoices/bindPayment', { paymentId: payment.id })).toEqual(
      error('Parameter invoiceId is required'),
    );
    expect(await call('invoices/bindPayment', { invoiceId: invoice.id })).toEqual(
      error('Parameter paymentId is required'),
    );
    expect(
      await call('invoices/bindPayment', { invoiceId: crypto.randomUUID(), paymentId: payment.id }),
    ).toEqual(error('Invoice not found'));
    expect(
      await call('invoices/bindPayment', { invoiceId: invoice.id, paymentId: crypto.randomUUID() }),
    ).toEqual(error('Payment not found'));

    const paid = await createInvoice();
    await sandbox.act('bitsby', paid.id, 'pay');
    expect(
      await call('invoices/bindPayment', { invoiceId: paid.id, paymentId: payment.id }),
    ).toEqual(error('Invoice is already paid'));
    const canceled = await createInvoice();
    await call('invoices/cancel', { invoiceId: canceled.id });
    expect(
      await call('invoices/bindPayment', { invoiceId: canceled.id, paymentId: payment.id }),
    ).toEqual(error('Invoice is canceled'));
    // A payment that paid its invoice in full is bound already.
    const [full] = (await call('payments/list', { invoiceId: paid.id })).data as PaymentItem[];
    expect(
      await call('invoices/bindPayment', { invoiceId: invoice.id, paymentId: String(full?.id) }),
    ).toEqual(error('Payment is already binded to an invoice'));

    expect(
      await call('invoices/bindPayment', { invoiceId: invoice.id, paymentId: payment.id }),
    ).toEqual(success('Invoice binded to payment'));
    const other = await createInvoice();
    expect(
      await call('invoices/bindPayment', { invoiceId: other.id, paymentId: payment.id }),
    ).toEqual(error('Payment is already binded to an invoice'));
    // An invoice with an off-amount payment has been seen by its buyer: it cannot be cancelled.
    const { invoice: seen } = await offAmountPayment();
    expect(await call('invoices/cancel', { invoiceId: seen.id })).toEqual(
      error('Invoice cannot be canceled'),
    );
  });
});

describe('billing and statistics follow the paid invoices', () => {
  it('start empty: the docs’ opening balance, no history, no invoices', async () => {
    expect(await call('billing/balances')).toEqual(
      success({ internal: '100.00', partner: '0.00' }),
    );
    expect(await call('billing/history')).toEqual(success([]));
    expect(await call('statistics/invoices')).toEqual(
      success({
        invoicesTotalNum: 0,
        invoicesPaidNum: 0,
        invoicesTotalUSD: '0.00',
        // Empty maps as PHP's json_encode writes them.
        invoicesByProjects: [],
        invoicesByCurrencies: [],
        invoicesByMonths: [],
        invoicesByDate: [],
      }),
    );
  });

  it('a paid invoice: its payment and commission in the history, the balance and the statistics', async () => {
    const paid = await createInvoice({ amountFiat: '10', currencyFiat: 'USD' });
    await createInvoice({ amountFiat: '5.5' });
    await sandbox.act('bitsby', paid.id, 'pay');

    const history = (await call('billing/history')).data as Array<Record<string, string>>;
    expect(history).toEqual([
      expect.objectContaining({ event: 'commission', target: paid.uid, amount: '-0.10' }),
      expect.objectContaining({ event: 'payment', target: paid.uid, amount: '10.00' }),
    ]);
    expect(history[0]?.datetime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(Object.keys(history[0] ?? {})).toEqual([
      'datetime',
      'event',
      'target',
      'amount',
      'comment',
    ]);
    expect(await call('billing/history', { offset: '1', limit: '1' })).toEqual(
      success([history[1]]),
    );
    expect(await call('billing/balances')).toEqual(
      success({ internal: '109.90', partner: '0.00' }),
    );

    const today = new Date().toISOString().slice(0, 10);
    const now = new Date();
    const month = `${now.toLocaleString('en-US', { month: 'long', timeZone: 'UTC' })}-${now.getUTCFullYear()}`;
    expect(await call('statistics/invoices', { startDate: today, endDate: today })).toEqual(
      success({
        invoicesTotalNum: 2,
        invoicesPaidNum: 1,
        invoicesTotalUSD: '10.00',
        invoicesByProjects: { [PROJECT]: '10.00' },
        invoicesByCurrencies: { USD: '10.00' },
        invoicesByMonths: { [month]: '10.00' },
        invoicesByDate: { [today]: { date: Date.parse(`${today}T00:00:00Z`), value: '10.00' } },
      }),
    );
    const before = (await call('statistics/invoices', { endDate: '2024-01-01' })).data;
    expect(before).toMatchObject({ invoicesTotalNum: 0, invoicesPaidNum: 0 });
  });

  it('tariffs: the project’s, whose rate the commission follows', async () => {
    expect(await call('billing/tarrifs')).toEqual(
      success([{ id: 1, name: 'Sandbox', '30dPayments': '0', payer: 'seller', rate: '1' }]),
    );
  });

  it('refuses bad paging and dates, and a wrong key', async () => {
    expect(await call('billing/history', { limit: 'ten' })).toEqual(
      error('Parameter limit must be a number'),
    );
    expect(await call('statistics/invoices', { startDate: '2024-02-30' })).toEqual(
      error('Parameter startDate must be a date as Y-m-d'),
    );
    for (const path of ['billing/tarrifs', 'billing/history', 'statistics/invoices']) {
      expect(await call(path, {}, 'wrong-key')).toEqual(error('Invalid token'));
    }
  });
});

describe('the SDK over the new methods', () => {
  it('bindPayment, history, tariffs and statistics parse', async () => {
    const bitsby = createBitsby({
      ...(sandbox.credentials.bitsby as { apiKey: string; projectId: string }),
      baseUrl: sandbox.baseUrls.bitsby,
      minIntervalMs: 0,
    });
    const { invoice, payment } = await offAmountPayment();
    expect(
      await bitsby.invoices.bindPayment({ invoiceId: invoice.id, paymentId: payment.id }),
    ).toBe('Invoice binded to payment');
    expect(await bitsby.invoices.get({ invoiceId: invoice.id })).toMatchObject({ status: 'paid' });
    expect(await bitsby.billing.history({ limit: 10 })).toHaveLength(2);
    expect(await bitsby.billing.tariffs()).toEqual([
      { id: 1, name: 'Sandbox', '30dPayments': '0', payer: 'seller', rate: '1' },
    ]);
    const statistics = await bitsby.statistics.invoices();
    expect(statistics).toMatchObject({ invoicesTotalNum: 1, invoicesPaidNum: 1 });
    // The webhook of a bound invoice is confirmed like any other.
    await sandbox.callbacksSettled();
    const webhook = receiver.received.find((callback) => callback.body.includes(invoice.id));
    const event = await bitsby.webhooks.verify(webhook!);
    expect(event).toMatchObject({ confirmed: true, invoice: { id: invoice.id } });
  });
});
