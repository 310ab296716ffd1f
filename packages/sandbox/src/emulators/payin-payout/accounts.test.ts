import { hmacHex, httpBuildQuery, sortKeysCaseInsensitive } from '@pay/core';
import { createPayinPayout } from '@pay/payin-payout';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallbackReceiver, startCallbackReceiver } from '../../callback-receiver.ts';
import { type Sandbox, startSandbox } from '../../sandbox.ts';

// The developer-key API's shops (A3), users (A5, A11) and rewards (A6), through the SDK and,
// where a check is the point, as plain signed forms.

let sandbox: Sandbox;
let receiver: CallbackReceiver;
beforeAll(async () => {
  [sandbox, receiver] = await Promise.all([
    startSandbox({ callbackRetry: { delaysMs: [20, 20] } }),
    startCallbackReceiver(),
  ]);
  receiver.respondWith(200, '{"result":true}');
  sandbox.setWebhookUrl('payin-payout', receiver.url);
});
afterAll(async () => {
  await Promise.all([sandbox.close(), receiver.close()]);
});

function client(settings: Record<string, unknown> = {}) {
  const { userId, developerKey } = sandbox.credentials['payin-payout'];
  return createPayinPayout({
    userId: userId!,
    developerKey: developerKey!,
    baseUrl: sandbox.baseUrls['payin-payout'],
    ...settings,
  });
}

/** Posts `params` signed by the sorted rule, with `Accept: application/json`. */
async function call(path: string, params: Record<string, string>) {
  const { userId, developerKey } = sandbox.credentials['payin-payout'];
  const entries: Array<[string, string]> = Object.entries({
    ...params,
    user_id: userId!,
    timestamp: String(Math.floor(Date.now() / 1000)),
  });
  const hash = hmacHex(
    'md5',
    developerKey!,
    httpBuildQuery(sortKeysCaseInsensitive(new Map(entries))),
  );
  const response = await fetch(`${sandbox.baseUrls['payin-payout']}/${path}`, {
    method: 'POST',
    headers: { accept: 'application/json' },
    body: new URLSearchParams([...entries, ['hash', hash]]),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

const refused = (user_msg: string) => ({ status: false, user_msg, tracker: expect.any(String) });

describe('Payin-payout shops and users (A3, A5, A11)', () => {
  it('shop/api-create answers a new id each time; title and address are required', async () => {
    const payinPayout = client();
    const first = await payinPayout.shop.create({ title: 'title1', address: 'address2' });
    const second = await payinPayout.shop.create({ title: 'title2', address: 'address2' });
    expect(first).toMatchObject({ status: true, result: expect.stringMatching(/^\d+$/) });
    expect(Number(second.result)).toBe(Number(first.result) + 1);
    expect(await call('shop/api-create', { title: 'title1' })).toEqual(
      refused('address cannot be blank'),
    );
  });

  it('user/api-create registers a user that user.getInfo and the payment lookups then find', async () => {
    const payinPayout = client();
    const created = await payinPayout.user.create({
      ul: 1,
      email: 'registered@example.ru',
      phone: '+79111111111',
      username: 'registered',
      password: 'password',
      resident: 1,
    });
    expect(created).toEqual({
      id: expect.stringMatching(/^\d+$/),
      tips_url: `${sandbox.baseUrls['payin-payout']}/tips/${created.id}`,
      card_url: `${sandbox.baseUrls['payin-payout']}/card/${created.id}`,
      invite_url: `${sandbox.baseUrls['payin-payout']}/invite/${created.id}`,
    });
    expect(await payinPayout.user.getInfo({ email: 'registered@example.ru' })).toEqual({
      inner_id: created.id,
      email: 'registered@example.ru',
      phone: '+79111111111',
    });
    // Its payments are found by the contacts it registered with.
    const topUp = await payinPayout.paymentIn.createInvoice({
      payer_id: Number(created.id),
      summ: '5',
      currency_id: 643,
      descr: 'registered',
    });
    expect(await payinPayout.paymentIn.findPayment({ phone: '+79111111111' })).toEqual([
      { account_number: topUp.pretty_id, status: 0, done_time: null },
    ]);
    await expect(
      payinPayout.user.create({
        ul: 0,
        email: 'registered@example.ru',
        phone: '+79111111112',
        username: 'another',
        password: 'password',
        resident: 0,
      }),
    ).rejects.toMatchObject({ providerCode: 'EXIST_IN_SYSTEM' });
  });

  it('user/api-create checks its flags and formats', async () => {
    const user = {
      ul: '1',
      email: 'flags@example.ru',
      phone: '+79111111113',
      username: 'flags',
      password: 'password',
      resident: '1',
    };
    expect(await call('user/api-create', { ...user, ul: '2' })).toEqual(refused('ul is invalid'));
    expect(await call('user/api-create', { ...user, email: 'flags' })).toEqual(
      refused('email is invalid'),
    );
    expect(await call('user/api-create', { ...user, password: '' })).toEqual(
      refused('password cannot be blank'),
    );
  });

  it('user.getInfo: a sandbox user by its made-up contacts, null for nobody, a criterion required', async () => {
    const payinPayout = client();
    expect(await payinPayout.user.getInfo({ phone: '79000006034' })).toEqual({
      inner_id: '6034',
      email: 'user6034@payin-payout.sandbox',
      phone: '79000006034',
    });
    expect(await payinPayout.user.getInfo({ email: 'nobody@example.ru' })).toBeNull();
    expect(await call('user/get_user_info_via_dev_key', {})).toEqual(
      refused('email or phone cannot be blank'),
    );
  });
});

describe('Payin-payout rewards (A6)', () => {
  it('create → paid → the result callback (signed) → the receiver and the payer see it', async () => {
    const payinPayout = client();
    const { userId } = sandbox.credentials['payin-payout'];
    const before = await payinPayout.user.getBalance({ balance_user_id: 7100 });
    expect(before['978']).toBeUndefined();
    await payinPayout.serviceOfServices.createRewardInvoice({
      service_id: 40,
      receiver_id: 7100,
      amount: '10.10',
      currency_id: 978,
      external_id: 'reward-1',
      description: 'bonus',
    });
    await sandbox.act('payin-payout', 'reward-1', 'pay');
    const event = await payinPayout.webhooks.verify(await receiver.next());
    expect(event).toMatchObject({ external_id: 'reward-1', status: 1 });
    const incoming = (event as { payment_in_id: string }).payment_in_id;
    const outgoing = (event as { payment_out_id: string }).payment_out_id;
    expect(incoming).toMatch(/^007100-/);
    expect(outgoing).toMatch(new RegExp(`^${userId!.padStart(6, '0')}-`));
    expect(await payinPayout.user.getBalance({ balance_user_id: 7100 })).toMatchObject({
      '978': '10.10000000',
    });
    expect(await payinPayout.paymentOut.findPayment({ account_number: outgoing })).toMatchObject({
      client_status: 1,
    });
  });

  it('takes descr or description, refuses neither, another service, a used external_id', async () => {
    const reward = { service_id: '40', receiver_id: '7101', amount: '1', external_id: 'reward-2' };
    expect(await call('service-of-services/create-reward-invoice', reward)).toEqual(
      refused('descr cannot be blank'),
    );
    expect(
      await call('service-of-services/create-reward-invoice', {
        ...reward,
        service_id: '41',
        descr: 'x',
      }),
    ).toEqual(refused('incorrect service_id'));
    expect(
      await call('service-of-services/create-reward-invoice', { ...reward, currency_id: '1' }),
    ).toEqual(refused('currency_id is invalid'));
    expect(
      await call('service-of-services/create-reward-invoice', { ...reward, descr: 'x' }),
    ).toMatchObject({ status: true, result: true });
    expect(
      await call('service-of-services/create-reward-invoice', { ...reward, description: 'x' }),
    ).toEqual(refused('invoice with external_id reward-2 already exists'));
    expect(await sandbox.act('payin-payout', 'reward-2', 'pay-partial')).toMatchObject({
      ok: false,
      httpStatus: 409,
    });
  });

  it('a legacy-hashed request passes by default, and its callback is signed by that rule', async () => {
    const legacy = client({ hashRule: 'legacy' });
    await legacy.serviceOfServices.createRewardInvoice({
      service_id: 40,
      receiver_id: 7102,
      amount: '1',
      external_id: 'reward-legacy',
      descr: 'legacy',
    });
    await sandbox.act('payin-payout', 'reward-legacy', 'fail');
    const callback = await receiver.next();
    expect(await legacy.webhooks.verify(callback)).toMatchObject({ status: 3 });
    await expect(client().webhooks.verify(callback)).rejects.toMatchObject({ reason: 'mismatch' });
  });
});
