import { hmacHex, httpBuildQuery, PayApiError, sortKeysCaseInsensitive } from '@pay/core';
import { createPayinPayout, type PayinPayoutSettings } from '@pay/payin-payout';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallbackReceiver, startCallbackReceiver } from '../../callback-receiver.ts';
import { type Sandbox, startSandbox } from '../../sandbox.ts';
import { contactsOf } from './contacts.ts';

// `sandbox` checks the default (either rule) with its own credentials; `specSorted`,
// `specLegacy` and `specEither` take the SPEC's test credentials (key `secret_key`, user 1111)
// and any timestamp, so that the SPEC's fixed vectors can be sent as they are; `legacy` checks
// the 2019 rule only.
const SPEC_CREDENTIALS = { userId: '1111', developerKey: 'secret_key', serviceId: '40' };
const ANY_TIME = { timestampWindowSeconds: Number.POSITIVE_INFINITY };

let sandbox: Sandbox;
let specSorted: Sandbox;
let specLegacy: Sandbox;
let specEither: Sandbox;
let legacy: Sandbox;
let receiver: CallbackReceiver;
beforeAll(async () => {
  [sandbox, specSorted, specLegacy, specEither, legacy, receiver] = await Promise.all([
    startSandbox({ callbackRetry: { delaysMs: [20, 20] } }),
    startSandbox({
      credentials: { 'payin-payout': SPEC_CREDENTIALS },
      providerOptions: { 'payin-payout': { ...ANY_TIME, hashRule: 'sorted' } },
    }),
    startSandbox({
      credentials: { 'payin-payout': SPEC_CREDENTIALS },
      providerOptions: { 'payin-payout': { ...ANY_TIME, hashRule: 'legacy' } },
    }),
    startSandbox({
      credentials: { 'payin-payout': SPEC_CREDENTIALS },
      providerOptions: { 'payin-payout': ANY_TIME },
    }),
    startSandbox({ providerOptions: { 'payin-payout': { hashRule: 'legacy' } } }),
    startCallbackReceiver(),
  ]);
  // Payin-payout acknowledges nothing but HTTP 200 with {"result":true}.
  receiver.respondWith(200, '{"result":true}');
  for (const each of [sandbox, legacy]) each.setWebhookUrl('payin-payout', receiver.url);
});
afterAll(async () => {
  await Promise.all(
    [sandbox, specSorted, specLegacy, specEither, legacy, receiver].map((it) => it.close()),
  );
});

type Entries = Array<[string, string]>;
const now = () => String(Math.floor(Date.now() / 1000));

/** The hash spelled out from the SPEC (§2.1) with core's primitives, not the SDK's signer. */
function hashOf(entries: Entries, rule: 'sorted' | 'legacy', key: string): string {
  const canonical =
    rule === 'sorted'
      ? httpBuildQuery(sortKeysCaseInsensitive(new Map(entries)))
      : entries.map(([, value]) => value).join('');
  return hmacHex('md5', key, canonical);
}

/**
 * The fields of a request to `on`: its `user_id`, the current `timestamp`, then `params` (an
 * `undefined` value leaves a field out), then `hash` under `rule` and `key` unless `hash` is given.
 */
function signed(
  params: Record<string, string | undefined>,
  { on = sandbox, rule = 'sorted', key, hash } = {} as {
    on?: Sandbox;
    rule?: 'sorted' | 'legacy';
    key?: string;
    hash?: string | null;
  },
): Entries {
  const credentials = on.credentials['payin-payout'];
  const entries = Object.entries({
    user_id: credentials.userId,
    timestamp: now(),
    ...params,
  }).filter((entry): entry is [string, string] => entry[1] !== undefined);
  if (hash === null) return entries;
  return [...entries, ['hash', hash ?? hashOf(entries, rule, key ?? credentials.developerKey!)]];
}

/** A plain POST of form fields, urlencoded unless `multipart`, with `Accept: application/json`. */
function post(
  path: string,
  entries: Entries,
  { on = sandbox, multipart = false, accept = true } = {},
): Promise<Response> {
  let body: URLSearchParams | FormData = new URLSearchParams(entries);
  if (multipart) {
    body = new FormData();
    for (const [name, value] of entries) body.append(name, value);
  }
  return fetch(`${on.baseUrls['payin-payout']}/${path}`, {
    method: 'POST',
    headers: accept ? { accept: 'application/json' } : {},
    body,
  });
}

/** Posts and reads the JSON envelope, which Payin-payout sends with HTTP 200 (a sandbox guess). */
async function call(path: string, entries: Entries, options: Parameters<typeof post>[2] = {}) {
  const response = await post(path, entries, options);
  expect(response.status, '[sandbox guess] errors come with HTTP 200').toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

const TRACKER = expect.stringMatching(/^ gid_[0-9a-f]{13}\.\d{8}$/);
const refused = (user_msg: string) => ({ status: false, user_msg, tracker: TRACKER });

let sequence = 0;
/** The seed's auto-debit params, with a fresh external_id. */
const autoDebit = (overrides: Record<string, string | undefined> = {}) => ({
  service_id: '40',
  payer_id: '2222',
  amount: '1000',
  external_id: `invoice_${++sequence}`,
  description: 'description',
  ...overrides,
});
const topUp = (overrides: Record<string, string | undefined> = {}) => ({
  payer_id: '6034',
  summ: '10.1',
  currency_id: '643',
  descr: 'Оплата тарифа #1 ~a+b',
  is_sos_topup: '1',
  ...overrides,
});

const CREATE = 'service-of-services/create-invoice';
const TOP_UP = 'payment-in/create-invoice';

describe('Payin-payout emulator rejects what Payin-payout rejects', () => {
  it('a user_id other than the sandbox’s, or none', async () => {
    for (const user_id of ['2222', undefined]) {
      expect(await call(CREATE, signed({ ...autoDebit(), user_id }))).toEqual(
        refused('incorrect user_id'),
      );
    }
  });

  it('a missing, wrong or stale-field hash', async () => {
    expect(await call(CREATE, signed(autoDebit(), { hash: null }))).toEqual(
      refused('incorrect hash'),
    );
    expect(await call(CREATE, signed(autoDebit(), { key: 'another key' }))).toEqual(
      refused('incorrect hash'),
    );
    // Signed, then altered: the amount sent is not the amount signed.
    const altered = signed(autoDebit()).map(([name, value]): [string, string] => [
      name,
      name === 'amount' ? '1' : value,
    ]);
    expect(await call(CREATE, altered)).toEqual(refused('incorrect hash'));
    // A field the hash did not cover.
    expect(await call(CREATE, [...signed(autoDebit()), ['extra', '1']])).toEqual(
      refused('incorrect hash'),
    );
  });

  it('a timestamp more than 10 s off either way, or none', async () => {
    const seconds = Number(now());
    for (const timestamp of [String(seconds - 11), String(seconds + 11), 'abc', undefined]) {
      expect(await call(CREATE, signed({ ...autoDebit(), timestamp }))).toEqual(
        refused('incorrect timestamp'),
      );
    }
    const inWindow = await call(CREATE, signed({ ...autoDebit(), timestamp: String(seconds - 9) }));
    expect(inWindow).toEqual({ status: true, result: true, tracker: TRACKER });
  });

  it('checks the hash rule of providerOptions.hashRule: the SPEC’s vectors, byte for byte', async () => {
    // SPEC §2.1, key `secret_key`: the same fields under each rule.
    const seed = (external_id: string): Entries => [
      ['service_id', '40'],
      ['user_id', '1111'],
      ['payer_id', '2222'],
      ['amount', '1000'],
      ['external_id', external_id],
      ['description', 'description'],
      ['timestamp', '1558429736'],
    ];
    const withHash = (entries: Entries, hash: string): Entries => [...entries, ['hash', hash]];
    const sorted = withHash(seed('invoice_12345'), 'c8689635c3664306e508b2337418841a');
    const phpOrder = withHash(seed('invoice_12345'), '90135cafc57a652630a4fac1b0562c62');
    // The seed's curl example order, whose values the legacy rule concatenates in that order.
    const curlValues = seed('invoice_123452');
    const curlOrder = withHash(
      [0, 6, 1, 2, 3, 4, 5].map((index) => curlValues[index]!),
      '16db2341af5dc88410a111eb4bdee9a4',
    );
    const accepted = { status: true, result: true, tracker: TRACKER };

    expect(await call(CREATE, phpOrder, { on: specSorted })).toEqual(refused('incorrect hash'));
    expect(await call(CREATE, sorted, { on: specSorted })).toEqual(accepted);
    expect(await call(CREATE, sorted, { on: specLegacy })).toEqual(refused('incorrect hash'));
    expect(await call(CREATE, phpOrder, { on: specLegacy, multipart: true })).toEqual(accepted);
    expect(await call(CREATE, curlOrder, { on: specLegacy })).toEqual(accepted);
    // The same values in another order are another legacy hash.
    const reordered = withHash(curlValues, '16db2341af5dc88410a111eb4bdee9a4');
    expect(await call(CREATE, reordered, { on: specLegacy })).toEqual(refused('incorrect hash'));
    // By default either rule passes (each vector once: its external_id is then used), but
    // nothing else does.
    expect(await call(CREATE, sorted, { on: specEither })).toEqual(accepted);
    expect(await call(CREATE, curlOrder, { on: specEither })).toEqual(accepted);
    expect(await call(CREATE, reordered, { on: specEither })).toEqual(refused('incorrect hash'));
  });

  it('without Accept: application/json an error is not JSON', async () => {
    const response = await post(CREATE, signed(autoDebit(), { hash: null }), { accept: false });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const text = await response.text();
    expect(text).toContain('incorrect hash');
    expect(() => JSON.parse(text)).toThrow();
  });

  it('reads multipart as well as urlencoded forms; a JSON body carries no fields', async () => {
    expect(await call(CREATE, signed(autoDebit()), { multipart: true })).toMatchObject({
      status: true,
      result: true,
    });
    const json = await fetch(`${sandbox.baseUrls['payin-payout']}/${CREATE}`, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(Object.fromEntries(signed(autoDebit()))),
    });
    expect(await json.json()).toEqual(refused('incorrect user_id'));
  });

  it.each(['service_id', 'payer_id', 'amount', 'external_id', 'description'])(
    'create-invoice without %s',
    async (name) => {
      for (const value of [undefined, '']) {
        expect(await call(CREATE, signed(autoDebit({ [name]: value })))).toEqual(
          refused(`${name} cannot be blank`),
        );
      }
    },
  );

  it('create-invoice: ids that are not whole numbers, amounts that are not positive, another service', async () => {
    expect(await call(CREATE, signed(autoDebit({ service_id: 'forty' })))).toEqual(
      refused('service_id must be an integer'),
    );
    expect(await call(CREATE, signed(autoDebit({ payer_id: '0' })))).toEqual(
      refused('payer_id must be no less than 1'),
    );
    for (const amount of ['0', '-5', 'ten', '1e3', '10,5']) {
      expect(await call(CREATE, signed(autoDebit({ amount })))).toEqual(
        refused('amount must be a positive number'),
      );
    }
    expect(await call(CREATE, signed(autoDebit({ service_id: '41' })))).toEqual(
      refused('incorrect service_id'),
    );
  });

  it('create-invoice: an external_id used before, in the documented words', async () => {
    const params = autoDebit();
    expect(await call(CREATE, signed(params))).toMatchObject({ status: true });
    expect(await call(CREATE, signed(params))).toEqual(
      refused(`invoice with external_id ${params.external_id} already exists`),
    );
  });

  it.each(['payer_id', 'summ', 'currency_id', 'descr'])(
    'payment-in/create-invoice without %s',
    async (name) => {
      expect(await call(TOP_UP, signed(topUp({ [name]: undefined })))).toEqual(
        refused(`${name} cannot be blank`),
      );
    },
  );

  it('payment-in/create-invoice: values outside the enums and bad URLs', async () => {
    for (const currency_id of ['999', '1']) {
      expect(await call(TOP_UP, signed(topUp({ currency_id })))).toEqual(
        refused('currency_id is invalid'),
      );
    }
    expect(await call(TOP_UP, signed(topUp({ currency_id: 'RUB' })))).toEqual(
      refused('currency_id must be an integer'),
    );
    for (const is_sos_topup of ['yes', '2', 'true']) {
      expect(await call(TOP_UP, signed(topUp({ is_sos_topup })))).toEqual(
        refused('is_sos_topup is invalid'),
      );
    }
    expect(await call(TOP_UP, signed(topUp({ success_url: 'ftp://shop.example/ok' })))).toEqual(
      refused('success_url is invalid'),
    );
    expect(await call(TOP_UP, signed(topUp({ fail_url: 'shop.example/fail' })))).toEqual(
      refused('fail_url is invalid'),
    );
    expect(await call(TOP_UP, signed(topUp({ summ: '0' })))).toEqual(
      refused('summ must be a positive number'),
    );
  });

  it('lookups: unknown account numbers, no criterion, limits', async () => {
    const unknown = '000000-999999';
    for (const params of [{ account_number: unknown }, {}, { email: 'nobody@example.com' }]) {
      expect(await call('payment-in/find-payment', signed(params))).toEqual(
        refused('Payment with such parameters not found'),
      );
    }
    expect(await call('payment-out/find-payment', signed({ account_number: unknown }))).toEqual(
      refused(`Payment with account number ${unknown} not found`),
    );
    expect(await call('payment-out/find-payment', signed({}))).toEqual(
      refused('account_number cannot be blank'),
    );
    const last = 'payment-in/get-last-payments-for-user';
    const email = contactsOf('6034').email;
    expect(await call(last, signed({ limit: '10' }))).toEqual(
      refused('email or phone cannot be blank'),
    );
    expect(await call(last, signed({ email }))).toEqual(refused('limit cannot be blank'));
    expect(await call(last, signed({ email, limit: '0' }))).toEqual(
      refused('limit must be no less than 1'),
    );
    expect(await call(last, signed({ email, limit: '1001' }))).toEqual(
      refused('limit must be no greater than 1000'),
    );
    expect(await call('user/api-get-balance', signed({}))).toEqual(
      refused('balance_user_id cannot be blank'),
    );
  });

  it('an unknown path, in the envelope with 404, says it is not emulated', async () => {
    const response = await post('payment-in/cancel', signed({}));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual(
      refused('not emulated by @pay/sandbox: payment-in/cancel'),
    );
  });

  it('refuses a bad providerOptions value at start', async () => {
    await expect(
      startSandbox({ providerOptions: { 'payin-payout': { hashRule: 'md5' } } }),
    ).rejects.toThrow('hashRule');
    await expect(
      startSandbox({ providerOptions: { 'payin-payout': { timestampWindowSeconds: -1 } } }),
    ).rejects.toThrow('timestampWindowSeconds');
  });
});

/** An SDK client on `on`, with the sandbox's credentials. */
function client(on: Sandbox, settings: Partial<PayinPayoutSettings> = {}) {
  const { userId, developerKey } = on.credentials['payin-payout'];
  return createPayinPayout({
    userId: userId!,
    developerKey: developerKey!,
    baseUrl: on.baseUrls['payin-payout'],
    ...settings,
  });
}

describe('Payin-payout end to end through the SDK', () => {
  it('top-up: create → pay link → pay → signed top-up callback → verify → find-payment shows 1', async () => {
    const payinPayout = client(sandbox);
    const created = await payinPayout.paymentIn.createInvoice({
      payer_id: 6035,
      summ: '500.50',
      currency_id: 643,
      descr: 'Пополнение баланса',
      is_sos_topup: true,
    });
    expect(created.pay_link).toBe(
      `${sandbox.url}/_sandbox/pay/payin-payout/${created.payment_in_id}`,
    );
    const page = await (await fetch(created.pay_link)).text();
    expect(page).toContain('500.5 RUB');
    for (const action of ['pay', 'pay-partial', 'fail', 'expire'])
      expect(page).toContain(`data-testid="${action}"`);

    const result = await sandbox.act('payin-payout', created.payment_in_id!, 'pay');
    expect(result).toMatchObject({ ok: true, status: '1', callback: { acknowledged: true } });
    const event = await payinPayout.webhooks.verify(await receiver.next());
    expect(event).toMatchObject({
      type: 'topup',
      payment_in_id: created.payment_in_id,
      payment_in_status: 1,
      statusName: 'paid',
      confirmed: true,
    });

    const [payment] = await payinPayout.paymentIn.findPayment({
      account_number: created.pretty_id!,
    });
    expect(payment).toMatchObject({ account_number: created.pretty_id, status: 1 });
    expect(payment?.done_time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}\+00$/);
    const latest = await payinPayout.paymentIn.getLastPaymentsForUser({
      ...contactsOf('6035'),
      limit: 5,
    });
    expect(latest).toEqual([expect.objectContaining({ id: created.payment_in_id, status: 1 })]);
    expect(await payinPayout.user.getBalance({ balance_user_id: 6035 })).toEqual({
      '643': '500.50000000',
    });
  });

  it('auto-debit (the seed): create → the payer confirms → result callback → verify → both sides paid', async () => {
    const payinPayout = client(sandbox);
    const accepted = await payinPayout.serviceOfServices.createInvoice({
      service_id: 40,
      payer_id: 2223,
      amount: '1000.10',
      external_id: 'seed-e2e',
      description: 'Оплата тарифа',
    });
    expect(accepted).toEqual({ status: true, result: true, tracker: TRACKER });
    await expect(
      payinPayout.serviceOfServices.createInvoice({
        service_id: 40,
        payer_id: 2223,
        amount: '1',
        external_id: 'seed-e2e',
        description: 'again',
      }),
    ).rejects.toMatchObject({ providerCode: 'duplicate_external_id' });

    // No pay link in the answer: the sandbox's page for the payer, found through the control API.
    const invoice = sandbox.invoices('payin-payout').find((it) => it.id === 'seed-e2e')!;
    const page = await (await fetch(invoice.payUrl)).text();
    expect(page).toContain('data-testid="pay"');
    expect(page).not.toContain('data-testid="expire"');
    expect(page).not.toContain('data-testid="pay-partial"');

    await sandbox.act('payin-payout', 'seed-e2e', 'pay');
    const event = await payinPayout.webhooks.verify(await receiver.next());
    expect(event).toMatchObject({
      type: 'invoice',
      external_id: 'seed-e2e',
      service_id: 40,
      status: 1,
      statusName: 'paid',
      tracker: TRACKER,
    });
    if (event.type !== 'invoice') throw new Error('not an invoice callback');
    const [incoming] = await payinPayout.paymentIn.findPayment({
      account_number: event.payment_in_id!,
    });
    expect(incoming).toMatchObject({ status: 1 });
    expect(
      await payinPayout.paymentOut.findPayment({ account_number: event.payment_out_id! }),
    ).toMatchObject({ account_number: event.payment_out_id, client_status: 1 });
    expect(event.payment_out_id).toMatch(/^002223-\d{6}$/);
    expect(await payinPayout.user.getBalance({ balance_user_id: 2223 })).toEqual({
      '643': '-1000.10000000',
    });
  });

  it('auto-debit refused for lack of funds: status 3; its flow has no expiry', async () => {
    const payinPayout = client(sandbox);
    for (const external_id of ['seed-fail', 'seed-expire']) {
      await payinPayout.serviceOfServices.createInvoice({
        service_id: 40,
        payer_id: 2224,
        amount: '10',
        external_id,
        description: 'd',
      });
    }
    await sandbox.act('payin-payout', 'seed-fail', 'fail');
    const event = await payinPayout.webhooks.verify(await receiver.next());
    expect(event).toMatchObject({ type: 'invoice', status: 3, statusName: 'insufficient_funds' });
    if (event.type !== 'invoice') throw new Error('not an invoice callback');
    expect(
      await payinPayout.paymentOut.findPayment({ account_number: event.payment_out_id! }),
    ).toMatchObject({ client_status: 3 });
    for (const action of ['expire', 'pay-partial'] as const) {
      expect(await sandbox.act('payin-payout', 'seed-expire', action)).toMatchObject({
        ok: false,
        httpStatus: 409,
      });
    }
  });

  it('top-up partly paid (14), then paid; expired (6) and unnotified top-ups send nothing', async () => {
    const payinPayout = client(sandbox);
    const create = (is_sos_topup: boolean) =>
      payinPayout.paymentIn.createInvoice({
        payer_id: 6036,
        summ: '100.5',
        currency_id: 840,
        descr: 'top-up',
        is_sos_topup,
      });
    const partly = await create(true);
    await sandbox.act('payin-payout', partly.payment_in_id!, 'pay-partial');
    expect(await payinPayout.webhooks.verify(await receiver.next())).toMatchObject({
      payment_in_status: 14,
      statusName: 'partially_paid',
    });
    expect(await payinPayout.user.getBalance({ balance_user_id: 6036 })).toEqual({
      '643': '0.00000000',
      '840': '50.20000000',
    });
    await sandbox.act('payin-payout', partly.payment_in_id!, 'pay');
    expect(await payinPayout.webhooks.verify(await receiver.next())).toMatchObject({
      payment_in_status: 1,
    });

    const expiring = await create(true);
    expect(await sandbox.act('payin-payout', expiring.payment_in_id!, 'expire')).toMatchObject({
      ok: true,
      status: '6',
      callback: undefined,
    });
    expect(
      await payinPayout.paymentIn.findPayment({ account_number: expiring.pretty_id! }),
    ).toMatchObject([{ status: 6 }]);
    const silent = await create(false);
    expect(await sandbox.act('payin-payout', silent.payment_in_id!, 'pay')).toMatchObject({
      ok: true,
      callback: undefined,
    });
  });

  it('the legacy hash rule, multipart, end to end; a sorted client is refused by it', async () => {
    const payinPayout = client(legacy, { hashRule: 'legacy', bodyEncoding: 'multipart' });
    await payinPayout.serviceOfServices.createInvoice({
      service_id: 40,
      payer_id: 2225,
      amount: '10.10',
      external_id: 'legacy-e2e',
      description: 'Оплата тарифа',
    });
    await legacy.act('payin-payout', 'legacy-e2e', 'pay');
    const callback = await receiver.next();
    expect(await payinPayout.webhooks.verify(callback)).toMatchObject({
      external_id: 'legacy-e2e',
      statusName: 'paid',
    });
    await expect(client(legacy).webhooks.verify(callback)).rejects.toMatchObject({
      reason: 'mismatch',
    });
    const refusal = await client(legacy)
      .paymentIn.findPayment({ account_number: '000000-000001' })
      .catch((error: unknown) => error);
    expect(PayApiError.isInstance(refusal)).toBe(true);
    expect(refusal).toMatchObject({ status: 200, providerMessage: 'incorrect hash' });
  });

  it('a clock more than 10 s off is refused as the SDK expects', async () => {
    const late = client(sandbox, { clockOffsetMs: -20_000 });
    await expect(late.user.getBalance({ balance_user_id: 1 })).rejects.toMatchObject({
      providerCode: 'incorrect_timestamp',
    });
  });

  it('a reply other than {"result":true} does not acknowledge: the callback is sent again', async () => {
    const picky = await startCallbackReceiver();
    sandbox.setWebhookUrl('payin-payout', picky.url);
    try {
      const payinPayout = client(sandbox);
      const created = await payinPayout.paymentIn.createInvoice({
        payer_id: 6037,
        summ: '1',
        currency_id: 643,
        descr: 'retry',
        is_sos_topup: true,
      });
      picky.respondWith(200, '{"result":false}');
      const result = await sandbox.act('payin-payout', created.payment_in_id!, 'pay');
      expect(result).toMatchObject({ callback: { status: 200, acknowledged: false } });
      const first = await picky.next();
      picky.respondWith(200, await payinPayout.webhooks.acknowledge().text());
      const retried = await picky.next();
      expect(retried.body).toBe(first.body);
      const held = () =>
        sandbox.invoices('payin-payout').find((it) => it.id === created.payment_in_id)!;
      await expect
        .poll(() => held().callbacks.map((attempt) => attempt.acknowledged))
        .toEqual([false, true]);
    } finally {
      sandbox.setWebhookUrl('payin-payout', receiver.url);
      await picky.close();
    }
  });
});
