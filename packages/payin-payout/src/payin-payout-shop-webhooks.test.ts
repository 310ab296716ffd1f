import { PayError, PaySignatureError, PayValidationError } from '@pay/core';
import { describe, expect, it } from 'vitest';
import { createPayinPayoutShop } from './payin-payout-shop-client.ts';

// The docs' notification values (payin-api README.md), literal secret `secret`, sign ec8f42e2….

const notification = {
  agentId: '8686',
  paymentId: '12345678',
  orderId: '87876',
  amount: '166.70',
  phone: '79090000001',
  currency: 'RUR',
  preference: '1',
  goods: 'Рога, 10 кг',
  agentName: 'Рога и Копыта (TM)',
  paymentStatus: '1',
  paymentDate: '13:12:03 10.01.2010',
  addInfo_1: 'addinfoxxxxxxxx',
};
const signed = `${new URLSearchParams(notification)}&sign=ec8f42e216d1dbcb42f9d181d8964211`;

const webhooks = (secret = 'secret', agentId = 8686) =>
  createPayinPayoutShop({ agentId, secret }).webhooks;

async function refusal(promise: Promise<unknown>): Promise<PaySignatureError> {
  const error = await promise.catch((caught: unknown) => caught);
  expect(PaySignatureError.isInstance(error)).toBe(true);
  return error as PaySignatureError;
}

describe('shop webhooks.verify', () => {
  it('accepts the docs notification and keeps every value as received', async () => {
    const event = await webhooks().verify({ body: signed });
    expect(event).toEqual({ ...notification, statusName: 'paid', confirmed: true });
    expect(event.amount).toBe('166.70');
  });

  it('types paymentStatus and statusName with OpenEnum; an undocumented status passes through', async () => {
    const shop = createPayinPayoutShop({ agentId: 8686, secret: 'secret' });
    const event = await shop.webhooks.verify(
      await shop.webhooks.sign({ ...notification, paymentStatus: '7' }),
    );
    expect(event.paymentStatus).toBe('7');
    expect(event.statusName).toBe('7');
    const known = await webhooks().verify({ body: signed });
    expect(known.paymentStatus === '1' && known.statusName === 'partially_paid').toBe(false);
    // @ts-expect-error: '4' is not a documented paymentStatus (1, 2, 3).
    expect(known.paymentStatus === '4').toBe(false);
    // @ts-expect-error: 'success' is not a documented status name (it is `paid`).
    expect(known.statusName === 'success').toBe(false);
  });

  it('reads a Web Request', async () => {
    const request = new Request('https://shop.example/notify', { method: 'POST', body: signed });
    await expect(webhooks().verify(request)).resolves.toMatchObject({ orderId: '87876' });
  });

  it('refuses the amount re-rendered as 166.7 (the known client bug)', async () => {
    const tampered = signed.replace('amount=166.70', 'amount=166.7');
    expect((await refusal(webhooks().verify({ body: tampered }))).reason).toBe('mismatch');
  });

  it('refuses a notification signed with another secret, without echoing either', async () => {
    const error = await refusal(webhooks('another_secret').verify({ body: signed }));
    expect(error.reason).toBe('mismatch');
    expect(error.message).not.toContain('ec8f42e216d1dbcb42f9d181d8964211');
  });

  it('refuses a correctly signed notification for another shop', async () => {
    const otherShop = webhooks('secret', 9999);
    const error = await refusal(otherShop.verify({ body: signed }));
    expect(error.message).toContain('8686 is not this shop');
  });

  it('accepts an old notification: repeats until acknowledged are legitimate', async () => {
    const { body: old } = await webhooks().sign({
      ...notification,
      paymentDate: '13:12:03 10.01.2000',
    });
    await expect(webhooks().verify({ body: old })).resolves.toMatchObject({
      paymentDate: '13:12:03 10.01.2000',
    });
  });

  it.each([
    ['no sign', new URLSearchParams(notification).toString(), 'missing'],
    ['a signed field missing', signed.replace('paymentId=12345678&', ''), 'malformed'],
  ])('refuses %s', async (_name, body, reason) => {
    expect((await refusal(webhooks().verify({ body }))).reason).toBe(reason);
  });

  it('names a partial payment', async () => {
    const { body: partial } = await webhooks().sign({
      ...notification,
      paymentStatus: '3',
      amount: '30.00',
    });
    await expect(webhooks().verify({ body: partial })).resolves.toMatchObject({
      statusName: 'partially_paid',
      amount: '30.00',
    });
  });
});

describe('shop webhooks.verify: sign covers the state and the amount', () => {
  it('never reports an edited failure as paid, by default or with { confirm: false }', async () => {
    const { body } = await webhooks().sign({ ...notification, paymentStatus: '2', amount: '1.00' });
    const edited = body
      .replace('paymentStatus=2', 'paymentStatus=1')
      .replace('amount=1.00', 'amount=166.70');
    expect((await refusal(webhooks().verify({ body: edited }))).reason).toBe('mismatch');
    const unconfirmed = webhooks().verify({ body: edited }, { confirm: false });
    expect((await refusal(unconfirmed)).reason).toBe('mismatch');
  });

  it('accepts and ignores { confirm: false }: the event is confirmed', async () => {
    await expect(webhooks().verify({ body: signed }, { confirm: false })).resolves.toMatchObject({
      statusName: 'paid',
      confirmed: true,
    });
  });
});

describe('shop webhooks.sign and acknowledge', () => {
  it('signs like the provider, as a form body', async () => {
    const signedForm = await webhooks().sign(notification);
    expect(signedForm.headers).toEqual({ 'content-type': 'application/x-www-form-urlencoded' });
    expect(new URLSearchParams(signedForm.body).get('sign')).toBe(
      'ec8f42e216d1dbcb42f9d181d8964211',
    );
  });

  it('refuses to sign without the signed fields', async () => {
    await expect(webhooks().sign({ agentId: '8686' })).rejects.toThrow(PayValidationError);
  });

  it("refuses to sign another shop's notification, which verify would refuse", async () => {
    await expect(webhooks().sign({ ...notification, agentId: '9999' })).rejects.toThrow(
      PayValidationError,
    );
  });

  it.each([
    ['a huge body', `sign=x&a=${'x'.repeat(3_000_000)}`],
    ['malformed percent escapes', 'sign=%E0%A4%A&agentId=%&orderId=%zz'],
    ['repeated fields', `${signed}&amount=1.00&amount=166.70`],
    ['a JSON body', JSON.stringify(notification)],
    ['an empty body', ''],
    ['lone surrogates', `${signed.replace('orderId=87876', 'orderId=%ED%A0%80')}`],
  ])(
    'verify rejects hostile input (%s) with a @pay/core error, never a crash',
    async (_n, body) => {
      const outcome = await webhooks()
        .verify({ body })
        .then(
          () => 'accepted',
          (error: unknown) => error,
        );
      if (outcome !== 'accepted') expect(PayError.isInstance(outcome), String(outcome)).toBe(true);
    },
  );

  it('acknowledges with a Response holding exactly the documented XML', async () => {
    const reply = webhooks().acknowledge();
    expect(reply).toBeInstanceOf(Response);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/xml; charset=UTF-8');
    expect(await reply.text()).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><response><result>0</result></response>',
    );
  });
});
