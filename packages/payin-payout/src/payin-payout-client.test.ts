import { PayApiError, PayConfigError, PayNetworkError, PayValidationError } from '@pay/core';
import { hangUntilAborted, jsonResponse, stubFetch } from '@pay/core/testing';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createPayinPayout, type PayinPayoutSettings } from './payin-payout-client.ts';

const credentials = { userId: 1111, developerKey: 'dev_key_4f1c9e' };
const tracker = ' gid_5ce3b25a0bcbd4.32457530';

function clientAnswering(...bodies: Array<{ body: unknown; status?: number }>) {
  const fetch = stubFetch(
    ...bodies.map(
      ({ body, status }) =>
        () =>
          jsonResponse(body, status),
    ),
  );
  const payinPayout = createPayinPayout({ ...credentials, fetch, now: () => 1558429736_000 });
  return { payinPayout, fetch };
}

const sent = (fetch: ReturnType<typeof stubFetch>, index = 0) =>
  Object.fromEntries(new URLSearchParams(fetch.calls[index]?.body));

describe('createPayinPayout settings', () => {
  it.each([
    [{ userId: undefined }, 'userId'],
    [{ userId: '0' }, 'userId'],
    [{ userId: '12a' }, 'userId'],
    [{ developerKey: '' }, 'developerKey'],
    [{ callbackKey: ' ' }, 'callbackKey'],
    [{ hashRule: 'md5' }, 'hashRule'],
    [{ bodyEncoding: 'json' }, 'bodyEncoding'],
    [{ clockOffsetMs: 1.5 }, 'clockOffsetMs'],
    [{ webhookToleranceSeconds: 0 }, 'webhookToleranceSeconds'],
    [{ baseUrl: 'ftp://lk.payin-payout.net' }, 'baseUrl'],
  ])('refuses %o, naming the setting', (override, setting) => {
    const create = () =>
      createPayinPayout({ ...credentials, ...override } as unknown as PayinPayoutSettings);
    expect(create).toThrow(PayConfigError);
    expect(create).toThrow(`\`${setting}\``);
  });

  it('never echoes the developer key', () => {
    const error = (() => {
      try {
        createPayinPayout({ ...credentials, hashRule: 'x' as 'sorted' });
      } catch (caught) {
        return caught;
      }
    })();
    expect(JSON.stringify(error)).not.toContain(credentials.developerKey);
  });
});

describe('requests', () => {
  it('posts the documented path under a prefixed baseUrl with the JSON Accept header', async () => {
    const fetch = stubFetch(() => jsonResponse({ status: true, result: { 643: '1.00000000' } }));
    const payinPayout = createPayinPayout({
      ...credentials,
      fetch,
      baseUrl: 'https://dev1.payin-payout.net/proxy/',
    });
    await payinPayout.user.getBalance({ balance_user_id: 2222 });
    expect(fetch.calls[0]?.url).toBe('https://dev1.payin-payout.net/proxy/user/api-get-balance');
    expect(fetch.calls[0]?.method).toBe('POST');
    expect(fetch.calls[0]?.headers.get('accept')).toBe('application/json');
    expect(fetch.calls[0]?.headers.get('user-agent')).toMatch(/^pay-payin-payout\//);
  });

  it('returns the A1 envelope, tracker included', async () => {
    const { payinPayout } = clientAnswering({ body: { status: true, result: true, tracker } });
    const accepted = await payinPayout.serviceOfServices.createInvoice({
      service_id: 40,
      payer_id: 2222,
      amount: '1000.00',
      external_id: 'invoice_12345',
      description: 'description',
    });
    expect(accepted).toEqual({ status: true, result: true, tracker });
  });

  it('reports every bad field at once and sends nothing', async () => {
    const { payinPayout, fetch } = clientAnswering({ body: {} });
    const error = await payinPayout.serviceOfServices
      // @ts-expect-error: wrong on purpose
      .createInvoice({ service_id: -1, payer_id: 1.5, amount: 0, external_id: '', extra: 1 })
      .catch((caught: unknown) => caught);
    expect(PayValidationError.isInstance(error)).toBe(true);
    const paths = (error as PayValidationError).issues.map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining(['service_id', 'payer_id', 'amount', 'external_id', 'description']),
    );
    expect(fetch.calls).toHaveLength(0);
  });

  it('needs at least one search criterion', async () => {
    const { payinPayout, fetch } = clientAnswering({ body: {} });
    await expect(payinPayout.paymentIn.findPayment({})).rejects.toThrow(
      'give at least one of email, phone, account_number',
    );
    expect(fetch.calls).toHaveLength(0);
  });

  it('maps a duplicate external_id to a PayApiError with the raw text and the tracker', async () => {
    const userMsg = 'invoice with external_id invoice_123452 already exists';
    const { payinPayout } = clientAnswering({
      body: { status: false, user_msg: userMsg, tracker },
    });
    const error = await payinPayout.serviceOfServices
      .createInvoice({
        service_id: 40,
        payer_id: 2222,
        amount: 1000,
        external_id: 'invoice_123452',
        description: 'd',
      })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      status: 200,
      providerCode: 'duplicate_external_id',
      providerMessage: userMsg,
      details: { tracker },
      retryable: false,
    });
    expect(PayApiError.isInstance(error)).toBe(true);
  });

  it('never puts the hash a request carried into its error', async () => {
    const fetch = stubFetch(async (request) => {
      const hash = new URLSearchParams(await request.text()).get('hash');
      return jsonResponse({ status: false, user_msg: `incorrect hash ${hash}`, tracker });
    });
    const payinPayout = createPayinPayout({ ...credentials, fetch });
    const error = await payinPayout.user
      .getBalance({ balance_user_id: 2222 })
      .catch((caught: unknown) => caught);
    const hash = new URLSearchParams(fetch.calls[0]?.body).get('hash') ?? '';
    expect(hash).toMatch(/^[0-9a-f]{32}$/);
    expect(PayApiError.isInstance(error)).toBe(true);
    expect(JSON.stringify(error)).not.toContain(hash);
    expect(String(error)).not.toContain(hash);
  });

  it('treats result: false as a refusal', async () => {
    const { payinPayout } = clientAnswering({ body: { status: true, result: false, tracker } });
    await expect(
      payinPayout.shop.create({ title: 'title1', address: 'address2' }),
    ).rejects.toMatchObject({ providerCode: 'not_accepted' });
  });

  it('retries a read after a 503 but never a call that moves money', async () => {
    const unavailable = { body: { error: 'busy' }, status: 503 };
    const balance = { body: { status: true, result: { 643: '8726.47000000' } } };
    const read = clientAnswering(unavailable, balance);
    const reader = createPayinPayout({ ...credentials, fetch: read.fetch, maxRetries: 1 });
    await expect(reader.user.getBalance({ balance_user_id: 2222 })).resolves.toEqual({
      643: '8726.47000000',
    });
    expect(read.fetch.calls).toHaveLength(2);

    const write = clientAnswering(unavailable, { body: { status: true, result: true } });
    const writer = createPayinPayout({ ...credentials, fetch: write.fetch, maxRetries: 1 });
    const params = { title: 't', address: 'a' };
    await expect(writer.shop.create(params)).rejects.toMatchObject({ status: 503 });
    expect(write.fetch.calls).toHaveLength(1);
  });

  it('multipart: a fetch that fails before reading the body leaves no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      const payinPayout = createPayinPayout({
        ...credentials,
        bodyEncoding: 'multipart',
        fetch: () => Promise.reject(new TypeError('fetch failed')),
      });
      const params = { service_id: 40, payer_id: 2, amount: 1, external_id: 'e', description: 'd' };
      const pending = payinPayout.serviceOfServices.createInvoice(params);
      await expect(pending).rejects.toThrow(PayNetworkError);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const payinPayout = createPayinPayout({ ...credentials, fetch: stubFetch(hangUntilAborted) });
    const pending = payinPayout.paymentOut.findPayment(
      { account_number: '007026-030254' },
      { signal: controller.signal },
    );
    controller.abort();
    const error = await pending.catch((caught: unknown) => caught);
    expect(PayNetworkError.isInstance(error)).toBe(true);
  });
});

describe('results', () => {
  it('are typed: a payload schema never degrades to unknown', async () => {
    const { payinPayout } = clientAnswering({ body: { status: true, result: [] } });
    const found = await payinPayout.paymentIn.findPayment({ phone: '9131112233' });
    expectTypeOf(found).not.toBeUnknown();
    expectTypeOf(found[0]?.status).toEqualTypeOf<number | undefined>();
    expect(found).toEqual([]);
  });

  it('A9: a single payment object becomes a list of one', async () => {
    const payment = { account_number: '007026-000446', status: 4, done_time: null };
    const { payinPayout, fetch } = clientAnswering({ body: { status: true, result: payment } });
    await expect(payinPayout.paymentIn.findPayment({ phone: '9131112233' })).resolves.toEqual([
      payment,
    ]);
    expect(sent(fetch)).toMatchObject({ phone: '9131112233', user_id: '1111' });
  });

  it('A11: `[]` (no such user) becomes null', async () => {
    const { payinPayout } = clientAnswering({ body: { status: true, result: [], tracker } });
    await expect(payinPayout.user.getInfo({ email: 'nobody@example.com' })).resolves.toBeNull();
  });

  it('A5: a bare id (2019 docs) reads as the object later docs return', async () => {
    const { payinPayout, fetch } = clientAnswering({ body: { status: true, result: 22222 } });
    const user = await payinPayout.user.create({
      ul: true,
      email: 'email@email.ru',
      phone: '+79111111111',
      username: 'username',
      password: 'password',
      resident: 0,
    });
    expect(user).toEqual({ id: '22222', tips_url: null, card_url: null, invite_url: null });
    expect(sent(fetch)).toMatchObject({ ul: '1', resident: '0' });
  });

  it('A7: codes stay numbers, ids become strings', async () => {
    const payment = { id: 1743599, status: 3, created: '2015-12-30 14:25:37.353059+06' };
    const { payinPayout } = clientAnswering({ body: { status: true, result: [payment] } });
    await expect(
      payinPayout.paymentIn.getLastPaymentsForUser({ email: 'email@gmail.com', limit: 100 }),
    ).resolves.toEqual([{ ...payment, id: '1743599', last_update: null }]);
  });
});

describe('result types', () => {
  it('requires the ids every created top-up carries', () => {
    type Created = import('./payin-payout-payment-in.ts').PaymentInCreateInvoiceResult;
    expectTypeOf<Created['pretty_id']>().toEqualTypeOf<string>();
    expectTypeOf<Created['payment_in_id']>().toEqualTypeOf<string>();
    expectTypeOf<Created['pay_link']>().toEqualTypeOf<string>();
  });
});
