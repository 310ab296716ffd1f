import { PayConfigError, PayError, PaySignatureError, PayValidationError } from '@pay/core';
import { jsonResponse, stubFetch } from '@pay/core/testing';
import { describe, expect, it } from 'vitest';
import { type CryptoCloudSettings, createCryptoCloud } from './cryptocloud-client.ts';

const exp = 1767225900;
const signedAt = (exp - 300) * 1000;
const credentials = {
  apiKey: 'project_api_key_1',
  shopId: 'Shop42',
  secretKey: 'cc_test_secret_key_0001',
};
const client = (settings: Partial<CryptoCloudSettings> = {}) =>
  createCryptoCloud({ ...credentials, now: () => signedAt, ...settings });
const payment = {
  invoice_id: '89UX09KA',
  amount_crypto: '0.000113',
  currency: 'BNB',
  order_id: 'ORDER_93223',
};

async function rejection(pending: Promise<unknown>): Promise<unknown> {
  return pending.then(
    () => {
      throw new Error('expected a rejection');
    },
    (caught: unknown) => caught,
  );
}

async function signatureFailure(pending: Promise<unknown>): Promise<PaySignatureError> {
  const error = await rejection(pending);
  expect(PaySignatureError.isInstance(error), String(error)).toBe(true);
  return error as PaySignatureError;
}

/** What `invoice/merchant/info` answers for the postback's invoice. */
const apiInvoice = {
  uuid: 'INV-89UX09KA',
  status: 'created',
  amount: 0.000113,
  received: 0,
  currency: { code: 'BNB', fullcode: 'BNB' },
  order_id: 'ORDER_93223',
};
const infoAnswer = (invoice: object = apiInvoice) =>
  jsonResponse({ status: 'success', result: [invoice] });
const unconfirmed = { confirm: false } as const;

describe('webhooks.verify', () => {
  // Found by the contract-tests webhook fuzz suite (issue 13): `null` options (a JS caller's "no
  // options") threw a TypeError reading `confirm`; they are the defaults, so verify confirms.
  it('treats null options as the defaults: confirms through invoice.info, never a TypeError', async () => {
    const fetch = stubFetch(() => infoAnswer());
    const cryptocloud = client({ fetch });
    const event = await cryptocloud.webhooks.verify(
      await cryptocloud.webhooks.sign(payment),
      null as never,
    );
    expect(event.confirmed).toBe(true);
    expect(fetch.calls).toHaveLength(1);
  });

  // Found by the contract-tests webhook fuzz suite (issue 13): a token signed for an id the API
  // cannot take made the confirming call's input check throw a PayValidationError (misuse).
  it.each([{}, unconfirmed])(
    'refuses a signed postback whose invoice_id is no invoice id as malformed (%o)',
    async (options) => {
      const fetch = stubFetch(() => infoAnswer());
      const cryptocloud = client({ fetch });
      const signed = await cryptocloud.webhooks.sign(payment);
      for (const invoiceId of ['\u0000', 'INV 89UX09KA', '89UX-09KA', '😀']) {
        // sign() refuses such an id outright (it accepts exactly what verify accepts) …
        const refused = await cryptocloud.webhooks
          .sign({ ...payment, invoice_id: invoiceId })
          .catch((caught: unknown) => caught);
        expect(PayValidationError.isInstance(refused)).toBe(true);
        // … and a body carrying one next to a valid token is malformed, before any API call.
        const body = JSON.stringify({ ...JSON.parse(signed.body), invoice_id: invoiceId });
        const error = await signatureFailure(
          cryptocloud.webhooks.verify({ body, headers: signed.headers }, options),
        );
        expect(error.reason).toBe('malformed');
      }
      expect(fetch.calls).toEqual([]);
    },
  );

  it('confirms through invoice.info by default and reports what the API says', async () => {
    const paid = { ...apiInvoice, status: 'paid', received: 0.000113 };
    const fetch = stubFetch(() => infoAnswer(paid));
    const cryptocloud = client({ fetch });
    const event = await cryptocloud.webhooks.verify(await cryptocloud.webhooks.sign(payment));
    expect(event).toEqual({
      confirmed: true,
      invoice_id: '89UX09KA',
      status: 'paid',
      amount_crypto: '0.000113',
      currency: 'BNB',
      order_id: 'ORDER_93223',
      invoice_info: { ...paid, amount: '0.000113', received: '0.000113' },
    });
    expect(fetch.calls[0]?.url).toBe('https://api.cryptocloud.plus/v2/invoice/merchant/info');
    expect(fetch.calls[0]?.headers.get('authorization')).toBe('Token project_api_key_1');
    expect(JSON.parse(fetch.calls[0]?.body ?? '')).toEqual({ uuids: ['89UX09KA'] });
  });

  it('does not report a validly signed postback whose status and amount were edited as paid', async () => {
    const fetch = stubFetch(() => infoAnswer());
    const cryptocloud = client({ fetch });
    const signed = await cryptocloud.webhooks.sign({
      ...payment,
      amount_crypto: '1',
      invoice_info: { uuid: 'INV-89UX09KA', status: 'created', amount: 1 },
    });
    // The token covers only {id, exp}: the body around it can be edited without breaking it.
    const tampered = signed.body
      .replace('"amount_crypto":1,', '"amount_crypto":100000,')
      .replace('"status":"created"', '"status":"paid"');
    expect(tampered).not.toBe(signed.body);
    const input = { ...signed, body: tampered };

    const event = await cryptocloud.webhooks.verify(input);
    expect(event).toMatchObject({ confirmed: true, status: 'created', amount_crypto: '0' });

    // The opt-out returns the edited, unsigned fields, and says they are unconfirmed.
    const trusting = await cryptocloud.webhooks.verify(input, unconfirmed);
    expect(trusting).toMatchObject({ confirmed: false, status: 'paid', amount_crypto: '100000' });
    expect(fetch.calls).toHaveLength(1);
  });

  it('with confirm: false, reads a JSON postback, amounts as decimal strings, without the token', async () => {
    const cryptocloud = client();
    const signed = await cryptocloud.webhooks.sign({
      ...payment,
      invoice_info: { uuid: 'INV-89UX09KA', status: 'paid', amount: 0.000113 },
    });
    expect(signed.headers['content-type']).toBe('application/json');
    expect(signed.body).toContain('"amount_crypto":0.000113,');
    const event = await cryptocloud.webhooks.verify(signed, unconfirmed);
    expect(event).toEqual({
      confirmed: false,
      ...payment,
      status: 'paid',
      invoice_info: { uuid: 'INV-89UX09KA', status: 'paid', amount: '0.000113' },
    });
    expect(event).not.toHaveProperty('token');
  });

  it('reads a form postback, and a Web Request carrying one', async () => {
    const cryptocloud = client();
    const signed = await cryptocloud.webhooks.sign({ ...payment, format: 'form' });
    expect(signed.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const expected = { confirmed: false, ...payment, status: null, invoice_info: null };
    expect(await cryptocloud.webhooks.verify(signed, unconfirmed)).toEqual(expected);
    const request = new Request('https://shop.example/postback', {
      method: 'POST',
      body: signed.body,
      headers: signed.headers,
    });
    expect(await cryptocloud.webhooks.verify(request, unconfirmed)).toEqual(expected);
  });

  it('reads a body by its first character when the content type says nothing', async () => {
    const cryptocloud = client();
    for (const format of ['json', 'form'] as const) {
      const { body } = await cryptocloud.webhooks.sign({ ...payment, format });
      const event = await cryptocloud.webhooks.verify(
        { body: new TextEncoder().encode(body) },
        unconfirmed,
      );
      expect(event.invoice_id).toBe('89UX09KA');
    }
  });

  it('keeps a form invoice_info that is not JSON as text', async () => {
    const cryptocloud = client();
    const { body } = await cryptocloud.webhooks.sign({ ...payment, format: 'form' });
    const event = await cryptocloud.webhooks.verify(
      {
        body: `${body}&invoice_info=${encodeURIComponent("{'uuid': 'INV-89UX09KA'}")}`,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      },
      unconfirmed,
    );
    expect(event.invoice_info).toBe("{'uuid': 'INV-89UX09KA'}");
    expect(event.status).toBeNull();
  });

  it('refuses a body whose invoice_id was changed: the token names another invoice', async () => {
    const cryptocloud = client();
    const signed = await cryptocloud.webhooks.sign(payment);
    const tampered = signed.body.replace('"89UX09KA"', '"77AB12CD"');
    const error = await signatureFailure(
      cryptocloud.webhooks.verify({ ...signed, body: tampered }),
    );
    expect(error.reason).toBe('mismatch');
  });

  it('refuses a postback without a token, or with an empty one', async () => {
    const cryptocloud = client();
    for (const body of [JSON.stringify(payment), 'invoice_id=89UX09KA&token=']) {
      const error = await signatureFailure(cryptocloud.webhooks.verify({ body }));
      expect(error.reason).toBe('missing');
    }
  });

  it('refuses unreadable bodies as malformed', async () => {
    const cryptocloud = client();
    const { body } = await cryptocloud.webhooks.sign(payment);
    for (const [text, type] of [
      ['{"token": b"token"}', 'application/json'], // the docs' own example is not JSON
      ['[1,2]', 'application/json'],
      [body.replace('"invoice_id":"89UX09KA"', '"invoice_id":42'), 'application/json'],
    ] as const) {
      const error = await signatureFailure(
        cryptocloud.webhooks.verify({ body: text, headers: { 'content-type': type } }),
      );
      expect(error.reason).toBe('malformed');
    }
  });

  it('refuses a parsed object with a hint to pass the raw body', async () => {
    const error = await client()
      // @ts-expect-error: a parsed body on purpose
      .webhooks.verify({ ...payment, token: 'x' })
      .catch((caught: unknown) => caught);
    expect(PayValidationError.isInstance(error)).toBe(true);
    expect(String(error)).toContain('raw body');
  });

  it('accepts a token up to 60 s past exp by default, and not after', async () => {
    const signed = await client().webhooks.sign(payment);
    await expect(
      client({ now: () => (exp + 59) * 1000 }).webhooks.verify(signed, unconfirmed),
    ).resolves.toBeDefined();
    const late = client({ now: () => (exp + 60) * 1000 });
    expect((await signatureFailure(late.webhooks.verify(signed))).reason).toBe('expired');
    const strict = client({ now: () => exp * 1000, webhookClockTolerance: 0 });
    expect((await signatureFailure(strict.webhooks.verify(signed))).reason).toBe('expired');
  });

  it('fails closed without a secretKey, for verify and sign', async () => {
    const { secretKey: _secretKey, ...withoutSecret } = credentials;
    const cryptocloud = createCryptoCloud(withoutSecret);
    const signed = await client().webhooks.sign(payment);
    for (const pending of [
      cryptocloud.webhooks.verify(signed),
      cryptocloud.webhooks.sign(payment),
    ]) {
      const error = await rejection(pending);
      expect(PayConfigError.isInstance(error)).toBe(true);
      expect((error as PayConfigError).setting).toBe('secretKey');
    }
  });

  it('refuses an invoice the API does not return, and fetches nothing for a bad token', async () => {
    const fetch = stubFetch(() => jsonResponse({ status: 'success', result: [] }));
    const cryptocloud = client({ fetch });
    const signed = await cryptocloud.webhooks.sign(payment);
    const error = await signatureFailure(cryptocloud.webhooks.verify(signed));
    expect(error.reason).toBe('unconfirmed');
    const forged = await client({ secretKey: 'someone_elses_key' }).webhooks.sign(payment);
    await signatureFailure(cryptocloud.webhooks.verify(forged));
    expect(fetch.calls).toHaveLength(1);
  });
});

describe('webhooks.sign', () => {
  it('resolves to { body, headers }, with exp = now + 300 s by default, or expiresIn', async () => {
    const claimsOf = (body: string) => {
      const token = String(JSON.parse(body).token);
      return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
    };
    const signed = await client().webhooks.sign(payment);
    expect(Object.keys(signed)).toEqual(['body', 'headers']);
    expect(signed.headers).toEqual({ 'content-type': 'application/json' });
    expect(claimsOf(signed.body)).toEqual({ id: '89UX09KA', exp });
    const short = await client().webhooks.sign({ ...payment, expiresIn: 10 });
    expect(claimsOf(short.body).exp).toBe(exp - 290);
  });

  it('refuses bad fields before signing', async () => {
    const error = await rejection(
      // @ts-expect-error: wrong on purpose
      client().webhooks.sign({ invoice_id: '', amount_crypto: 'abc', currency: 'BNB', extra: 1 }),
    );
    expect(PayValidationError.isInstance(error)).toBe(true);
    const paths = (error as PayValidationError).issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['invoice_id', 'amount_crypto', 'extra']));
  });
});

describe('webhooks.sign and verify accept the same invoice ids', () => {
  it('refuses in sign an id verify would refuse, and verify refuses it in a body', async () => {
    for (const invoice_id of ['89 UX', 'INV-', '../info', '89UX09KA\n']) {
      const error = await rejection(client().webhooks.sign({ ...payment, invoice_id }));
      expect(PayValidationError.isInstance(error)).toBe(true);
    }
    // A body whose id is not one the API takes is malformed, whatever its token.
    const signed = await client().webhooks.sign(payment);
    const body = signed.body.replace('"invoice_id":"89UX09KA"', '"invoice_id":"89 UX"');
    const failure = await signatureFailure(
      client().webhooks.verify({ body, headers: signed.headers }, { confirm: false }),
    );
    expect(failure.reason).toBe('malformed');
    // Both prefixes are accepted by both.
    const prefixed = await client().webhooks.sign({ ...payment, invoice_id: 'INV-89UX09KA' });
    const event = await client().webhooks.verify(prefixed, { confirm: false });
    expect(event.invoice_id).toBe('INV-89UX09KA');
  });
});

describe('webhooks.verify on hostile input', () => {
  it('settles every hostile body: a @pay/core error, never a crash (or, for a valid token, an event)', async () => {
    const { body } = await client().webhooks.sign(payment);
    const token = String(JSON.parse(body).token);
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const bodies = [
      '',
      '{',
      'null',
      deep,
      `{"token":"${token}","invoice_id":"89UX09KA","invoice_info":${deep}}`,
      JSON.stringify({ token, invoice_id: '89UX09KA', amount_crypto: '9'.repeat(5000) }),
      JSON.stringify({ token, invoice_id: '89UX09KA', amount_crypto: {} }),
      JSON.stringify({ token: 5, invoice_id: '89UX09KA' }),
      JSON.stringify({ token: 'x'.repeat(100_000), invoice_id: '89UX09KA' }),
      `token=${token}&invoice_id=89UX09KA&invoice_info=${encodeURIComponent(deep)}`,
      `token=${token}&invoice_id=89UX09KA&__proto__=1&amount_crypto=%ZZ`,
      'x'.repeat(2_000_000),
    ];
    for (const text of bodies) {
      for (const contentType of ['application/json', 'application/x-www-form-urlencoded']) {
        const outcome = await client()
          .webhooks.verify(
            { body: text, headers: { 'content-type': contentType } },
            { confirm: false },
          )
          .then(
            (event) => ({ event }),
            (error: unknown) => ({ error }),
          );
        if ('error' in outcome) {
          expect(PayError.isInstance(outcome.error), `${contentType}: ${text.slice(0, 40)}`).toBe(
            true,
          );
        } else {
          // Only a body with the valid token and id verifies (its other fields are unsigned
          // data, e.g. a form invoice_info that is not JSON stays text).
          expect(outcome.event).toMatchObject({ confirmed: false, invoice_id: '89UX09KA' });
          expect(text).toContain(token);
        }
      }
    }
  });
});

describe('webhooks.acknowledge', () => {
  it('is HTTP 200 with the JSON message clients send', async () => {
    const response = client().webhooks.acknowledge();
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ message: 'Postback received' });
  });
});
