import { createBitsby } from '@pay/bitsby';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallbackReceiver, startCallbackReceiver } from '../../callback-receiver.ts';
import { type Sandbox, startSandbox } from '../../sandbox.ts';

// Two sandboxes: `limited` keeps Bitsby's default limit of 1 request per second per key, for the
// SDK's happy path; `unlimited` lifts it so that plain requests can follow each other at once.
let limited: Sandbox;
let unlimited: Sandbox;
let receiver: CallbackReceiver;
let otherReceiver: CallbackReceiver;
beforeAll(async () => {
  [limited, unlimited, receiver, otherReceiver] = await Promise.all([
    startSandbox(),
    startSandbox({ providerOptions: { bitsby: { minIntervalMs: 0 } } }),
    startCallbackReceiver(),
    startCallbackReceiver(),
  ]);
  limited.setWebhookUrl('bitsby', receiver.url);
  unlimited.setWebhookUrl('bitsby', otherReceiver.url);
});
afterAll(async () => {
  await Promise.all([limited, unlimited, receiver, otherReceiver].map((it) => it.close()));
});

const PROJECT = '00000000-0000-4000-8000-000000000001';
const INVOICE = { projectId: PROJECT, amountFiat: '10.55', currencyFiat: 'EUR', timeToPay: '6' };

/**
 * A raw Bitsby call: form fields as multipart/form-data and `Authorization: Token <key>` (the
 * sandbox's key unless `authorization` says otherwise; `null` sends none).
 */
async function call(
  path: string,
  fields: Record<string, string> = {},
  { sandbox = unlimited, authorization, status = 200 } = {} as {
    sandbox?: Sandbox;
    authorization?: string | null;
    status?: number;
  },
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const header =
    authorization === undefined ? `Token ${sandbox.credentials.bitsby.apiKey}` : authorization;
  const response = await fetch(`${sandbox.baseUrls.bitsby}/${path}`, {
    method: 'POST',
    headers: header === null ? {} : { authorization: header },
    body: form,
  });
  expect(response.status, '[sandbox guess] Bitsby errors come with HTTP 200').toBe(status);
  return (await response.json()) as { result: string; data: unknown };
}

const error = (data: string) => ({ result: 'error', data });

async function createInvoice(fields: Record<string, string> = {}) {
  const answer = await call('invoices/create', { ...INVOICE, ...fields });
  expect(answer.result).toBe('success');
  return answer.data as { id: string; uid: string; url: string };
}

describe('Bitsby emulator rejects what Bitsby rejects', () => {
  it('a missing, wrong or differently schemed API key', async () => {
    const key = unlimited.credentials.bitsby.apiKey;
    for (const authorization of [null, 'Token wrong-key', `Bearer ${key}`, key]) {
      expect(await call('invoices/list', {}, { authorization })).toEqual(error('Invalid token'));
    }
  });

  it('more than 1 request per second on a key, by default', async () => {
    const sandbox = await startSandbox();
    try {
      expect((await call('billing/balances', {}, { sandbox })).result).toBe('success');
      expect(await call('billing/balances', {}, { sandbox })).toEqual(
        error('Requests too frequent'),
      );
      // The key is checked first: a wrong key is refused as such, whatever the rate.
      expect(
        await call('billing/balances', {}, { sandbox, authorization: 'Token wrong-key' }),
      ).toEqual(error('Invalid token'));
    } finally {
      await sandbox.close();
    }
  });

  it('the limit follows providerOptions.bitsby.minIntervalMs; a refused request does not count', async () => {
    // A window far longer than two back-to-back requests take even on a loaded machine, so the
    // second is refused whatever the scheduling; the third waits it out.
    const sandbox = await startSandbox({ providerOptions: { bitsby: { minIntervalMs: 1500 } } });
    try {
      expect((await call('billing/balances', {}, { sandbox })).result).toBe('success');
      expect((await call('billing/balances', {}, { sandbox })).data).toBe('Requests too frequent');
      await new Promise((resolve) => setTimeout(resolve, 1600));
      expect((await call('billing/balances', {}, { sandbox })).result).toBe('success');
    } finally {
      await sandbox.close();
    }
    await expect(
      startSandbox({ providerOptions: { bitsby: { minIntervalMs: -1 } } }),
    ).rejects.toThrow('minIntervalMs');
  });

  it.each(['projectId', 'amountFiat', 'currencyFiat', 'timeToPay'])(
    'invoices/create without %s',
    async (name) => {
      const fields: Record<string, string> = { ...INVOICE };
      delete fields[name];
      expect(await call('invoices/create', fields)).toEqual(error(`Parameter ${name} is required`));
      expect(await call('invoices/create', { ...fields, [name]: '' })).toEqual(
        error(`Parameter ${name} is required`),
      );
    },
  );

  it('a project that is not the key’s', async () => {
    for (const projectId of ['9deea1e2-0c08-41a3-bdc2-a34eada3892d', 'my-project']) {
      expect(await call('invoices/create', { ...INVOICE, projectId })).toEqual(
        error('Project not found'),
      );
    }
  });

  it('an amount that is not a positive decimal', async () => {
    for (const amountFiat of ['0', '-5', '10,55', 'ten', '1e3']) {
      expect(await call('invoices/create', { ...INVOICE, amountFiat })).toEqual(
        error('Parameter amountFiat must be a positive number'),
      );
    }
  });

  it('values outside the enums: currencyFiat, timeToPay, the list status', async () => {
    for (const currencyFiat of ['GBP', 'usd']) {
      expect(await call('invoices/create', { ...INVOICE, currencyFiat })).toEqual(
        error('Parameter currencyFiat must be one of USD, EUR, RUB'),
      );
    }
    for (const timeToPay of ['2', '0', '24', 'one']) {
      expect(await call('invoices/create', { ...INVOICE, timeToPay })).toEqual(
        error('Parameter timeToPay must be one of 0.5, 1, 3, 6, 12'),
      );
    }
    expect(await call('invoices/list', { status: 'pending' })).toEqual(
      error('Parameter status must be one of unpaid, canceled, paid, expired'),
    );
  });

  it('list filters that are not dates or counts', async () => {
    for (const path of ['invoices/list', 'payments/list']) {
      for (const startDate of ['2024-02-30', '2024-13-01']) {
        expect(await call(path, { startDate })).toEqual(
          error('Parameter startDate must be a date as Y-m-d'),
        );
      }
      expect(await call(path, { endDate: '01.03.2024' })).toEqual(
        error('Parameter endDate must be a date as Y-m-d'),
      );
      expect(await call(path, { limit: '-1' })).toEqual(error('Parameter limit must be a number'));
      expect(await call(path, { offset: 'ten' })).toEqual(
        error('Parameter offset must be a number'),
      );
    }
  });

  it('cancelling without an id, an unknown id, a paid or an already cancelled invoice', async () => {
    expect(await call('invoices/cancel')).toEqual(error('Parameter invoiceId is required'));
    expect(await call('invoices/cancel', { invoiceId: crypto.randomUUID() })).toEqual(
      error('Invoice not found'),
    );
    const paid = await createInvoice();
    await unlimited.act('bitsby', paid.id, 'pay');
    expect(await call('invoices/cancel', { invoiceId: paid.id })).toEqual(
      error('Invoice cannot be canceled'),
    );
    const unpaid = await createInvoice();
    expect(await call('invoices/cancel', { invoiceId: unpaid.id })).toEqual({
      result: 'success',
      data: 'Invoice canceled',
    });
    expect(await call('invoices/cancel', { invoiceId: unpaid.id })).toEqual(
      error('Invoice cannot be canceled'),
    );
  });

  it('an unknown path, a GET, and a malformed JSON body (which carries no fields)', async () => {
    expect(await call('invoices/get', {}, { status: 404 })).toEqual(
      error('not emulated by @pay/sandbox: invoices/get'),
    );
    // Bitsby's spelling is `tarrifs`: the English one is not a Bitsby path.
    expect(await call('billing/tariffs', {}, { status: 404 })).toEqual(
      error('not emulated by @pay/sandbox: billing/tariffs'),
    );
    const get = await fetch(`${unlimited.baseUrls.bitsby}/invoices/list`, {
      headers: { authorization: `Token ${unlimited.credentials.bitsby.apiKey}` },
    });
    expect(get.status).toBe(404);
    expect(await get.json()).toEqual(error('not emulated by @pay/sandbox: GET invoices/list'));
    // [sandbox guess] A JSON body is read too (Bitsby documents forms only): a malformed one
    // carries no fields.
    const json = await fetch(`${unlimited.baseUrls.bitsby}/invoices/create`, {
      method: 'POST',
      headers: {
        authorization: `Token ${unlimited.credentials.bitsby.apiKey}`,
        'content-type': 'application/json',
      },
      body: `${JSON.stringify(INVOICE).slice(0, -1)},`,
    });
    expect(await json.json()).toEqual(error('Parameter projectId is required'));
  });
});

describe('Bitsby emulator answers as Bitsby does', () => {
  it('create: the documented fields; urlencoded forms are read too', async () => {
    const response = await fetch(`${unlimited.baseUrls.bitsby}/invoices/create`, {
      method: 'POST',
      headers: { authorization: `Token ${unlimited.credentials.bitsby.apiKey}` },
      body: new URLSearchParams({ ...INVOICE, amountFiat: '10', timeToPay: '0.5' }),
    });
    const { result, data } = (await response.json()) as {
      result: string;
      data: Record<string, string>;
    };
    expect(result).toBe('success');
    expect(Object.keys(data)).toEqual([
      'id',
      'uid',
      'createDatetime',
      'timeToPayDatetime',
      'commissionFiatUSD',
      'amountFiatUSD',
      'url',
    ]);
    expect(data).toMatchObject({ commissionFiatUSD: '0.10', amountFiatUSD: '10.00' });
    expect(data.url).toBe(`${unlimited.url}/_sandbox/pay/bitsby/${data.id}`);
    expect(data.createDatetime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const halfAnHour =
      Date.parse(`${data.timeToPayDatetime}Z`) - Date.parse(`${data.createDatetime}Z`);
    expect(halfAnHour).toBe(30 * 60_000);
  });

  it('a JSON body: null counts as absent, numbers are read as sent', async () => {
    const response = await fetch(`${unlimited.baseUrls.bitsby}/invoices/create`, {
      method: 'POST',
      headers: {
        authorization: `Token ${unlimited.credentials.bitsby.apiKey}`,
        'content-type': 'application/json',
      },
      body: `{"projectId": "${PROJECT}", "amountFiat": 12.50, "currencyFiat": "USD", "timeToPay": 0.5, "description": null, "serviceData": {"orderId": 7}}`,
    });
    const { result, data } = (await response.json()) as { result: string; data: { id: string } };
    expect(result).toBe('success');
    const [item] = (await call('invoices/list', { invoiceId: data.id })).data as unknown[];
    expect(item).toMatchObject({
      amountFiat: '12.50',
      description: null,
      serviceData: '{"orderId": 7}',
    });
    // A number written as the client wrote it: `1e2` is no decimal, as in a form.
    const exponent = await fetch(`${unlimited.baseUrls.bitsby}/invoices/create`, {
      method: 'POST',
      headers: {
        authorization: `Token ${unlimited.credentials.bitsby.apiKey}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ ...INVOICE, amountFiat: 0 }).replace(
        '"amountFiat":0',
        '"amountFiat":1e2',
      ),
    });
    expect(await exponent.json()).toEqual(error('Parameter amountFiat must be a positive number'));
  });

  it('list by uid and status; payments/list shows the payment of a paid invoice', async () => {
    const invoice = await createInvoice({ amountFiat: '99.9', serviceData: '{"orderId":7}' });
    const byUid = await call('invoices/list', { invoiceUid: invoice.uid });
    expect(byUid.data).toEqual([
      expect.objectContaining({
        id: invoice.id,
        projectId: PROJECT,
        amountFiat: '99.90',
        currencyFiat: 'EUR',
        serviceData: '{"orderId":7}',
        views: 0,
        status: 'unpaid',
      }),
    ]);
    await unlimited.act('bitsby', invoice.id, 'pay');
    const paid = (await call('invoices/list', { status: 'paid', limit: '100' })).data as Array<{
      id: string;
    }>;
    expect(paid.map((item) => item.id)).toContain(invoice.id);
    const payments = (await call('payments/list', { invoiceId: invoice.id })).data;
    expect(payments).toEqual([
      expect.objectContaining({
        amount: '99.90000000',
        invoice: expect.objectContaining({ id: invoice.id, status: 'paid' }),
        wallet: expect.objectContaining({ name: 'usdt-tron' }),
      }),
    ]);
  });

  it('the pay page offers Pay, Pay partially (an off-amount payment) and Expire', async () => {
    const invoice = await createInvoice();
    const html = await (await fetch(invoice.url)).text();
    expect(html).toContain('unpaid');
    for (const action of ['pay', 'pay-partial', 'expire']) {
      expect(html).toContain(`data-testid="${action}"`);
    }
    for (const action of ['fail', 'cancel']) {
      expect(html).not.toContain(`data-testid="${action}"`);
      expect(await unlimited.act('bitsby', invoice.id, action as never)).toMatchObject({
        ok: false,
        httpStatus: 409,
      });
    }
    // After an off-amount payment the invoice waits for a binding or its expiry.
    expect(await unlimited.act('bitsby', invoice.id, 'pay-partial')).toMatchObject({
      ok: true,
      status: 'unpaid',
      callback: undefined,
    });
    expect(await unlimited.act('bitsby', invoice.id, 'pay')).toMatchObject({ ok: false });
    expect(await unlimited.act('bitsby', invoice.id, 'expire')).toMatchObject({
      ok: true,
      status: 'expired',
    });
  });
});

describe('Bitsby end to end through the SDK', () => {
  it('create → pay → webhook → verify → get shows paid under the 1 request/second limit; a create is never refused', async () => {
    const answers: string[] = [];
    const bitsby = createBitsby({
      ...(limited.credentials.bitsby as { apiKey: string; projectId: string }),
      baseUrl: limited.baseUrls.bitsby,
      // minIntervalMs left at the SDK default: this test proves the default stays under the limit.
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        answers.push(await response.clone().text());
        return response;
      },
    });
    const invoice = await bitsby.invoices.create({
      amountFiat: '250.75',
      currencyFiat: 'USD',
      timeToPay: 1,
      description: 'Order 7',
      serviceData: { orderId: 7 },
    });
    expect(invoice.url).toBe(`${limited.url}/_sandbox/pay/bitsby/${invoice.id}`);

    const result = await limited.act('bitsby', invoice.id, 'pay');
    expect(result.ok && result.callback).toMatchObject({ status: 200, acknowledged: true });
    const callback = await receiver.next();
    const event = await bitsby.webhooks.verify(callback);
    expect(event.invoice).toMatchObject({
      id: invoice.id,
      amountFiat: '250.75',
      calcAmountFiat: '250.75',
      currencyFiat: 'USD',
      serviceData: '{"orderId":7}',
      status: 'paid',
    });
    expect(event.confirmed).toBe(true);
    expect(event.project.id).toBe(PROJECT);

    const final = await bitsby.invoices.get({ invoiceId: invoice.id });
    expect(final).toMatchObject({ status: 'paid', amountFiat: '250.75', description: 'Order 7' });
    // Spacing is timing, which a loaded machine can stretch: what must hold whatever the load is
    // that the create was never refused (it is never re-sent) and only reads were retried.
    expect(answers[0]).not.toContain('Requests too frequent');
    expect(answers.filter((answer) => !answer.includes('Requests too frequent'))).toHaveLength(3);
  }, 15_000);

  it('expired: no webhook, and get shows expired', async () => {
    const bitsby = createBitsby({
      ...(unlimited.credentials.bitsby as { apiKey: string; projectId: string }),
      baseUrl: unlimited.baseUrls.bitsby,
      minIntervalMs: 0,
    });
    const invoice = await bitsby.invoices.create({
      amountFiat: 5,
      currencyFiat: 'RUB',
      timeToPay: 0.5,
    });
    const result = await unlimited.act('bitsby', invoice.id, 'expire');
    expect(result).toMatchObject({ ok: true, status: 'expired', callback: undefined });
    expect(otherReceiver.received.map((callback) => callback.body).join()).not.toContain(
      invoice.id,
    );
    expect(await bitsby.invoices.get({ invoiceUid: invoice.uid })).toMatchObject({
      id: invoice.id,
      status: 'expired',
    });
  });

  it('cancelled through invoices.cancel; a forged webhook for it is refused', async () => {
    const bitsby = createBitsby({
      ...(unlimited.credentials.bitsby as { apiKey: string; projectId: string }),
      baseUrl: unlimited.baseUrls.bitsby,
      minIntervalMs: 0,
    });
    const invoice = await bitsby.invoices.create({
      amountFiat: '12',
      currencyFiat: 'USD',
      timeToPay: 3,
    });
    expect(await bitsby.invoices.cancel({ invoiceId: invoice.id })).toBe('Invoice canceled');
    expect(await bitsby.invoices.get({ invoiceId: invoice.id })).toMatchObject({
      status: 'canceled',
    });
    const forged = JSON.stringify({
      project: { id: PROJECT },
      invoice: { id: invoice.id, amountFiat: '12.00', currencyFiat: 'USD', status: 'paid' },
    });
    await expect(
      bitsby.webhooks.verify({ body: forged, headers: { 'content-type': 'application/json' } }),
    ).rejects.toThrow(/canceled/);
  });
});
