// The checks every runtime runs against a running @pay/sandbox, through the packages exactly as
// installed from the registry: client calls over fetch, the provider's own signed callback (as
// the sandbox delivered it) verified with the SDK — CrystalPay's SHA-1, CryptoCloud's JWT through
// jose, AnyMoney's HMAC-SHA512, Payin-payout's HMAC-MD5, Bitsby's confirmation through the API —
// and `sign` → `verify` round trips. Plain JavaScript with no Node-only API, so Node, Bun, Deno and
// workerd run the same file.
import { createAnyMoney } from '@pay/anymoney';
import { createBitsby } from '@pay/bitsby';
import { createCryptoCloud } from '@pay/cryptocloud';
import { createCrystalPay } from '@pay/crystalpay';
import { createPayinPayout } from '@pay/payin-payout';

/** Moves an invoice through the sandbox's control API, as its pay page's button would. */
async function act(sandbox, provider, id, action) {
  const url = `${sandbox.url}/_sandbox/invoices/${provider}/${encodeURIComponent(id)}/${action}`;
  const response = await fetch(url, { method: 'POST' });
  if (!response.ok) throw new Error(`sandbox ${action} ${provider}/${id}: HTTP ${response.status}`);
}

/** The next callback the sandbox delivered for `provider`, as `{ body, headers }`. */
async function nextCallback(sandbox, provider) {
  const response = await fetch(`${sandbox.mailbox}/${provider}/next`);
  if (!response.ok) throw new Error(`no ${provider} callback arrived (HTTP ${response.status})`);
  return response.json();
}

function expect(condition, what) {
  if (!condition) throw new Error(`expected ${what}`);
}

const unique = (prefix) =>
  `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** Each provider: create → pay in the sandbox → its signed callback → verify (confirming). */
export const checks = {
  async crystalpay(sandbox) {
    const { login, secret, salt } = sandbox.credentials.crystalpay;
    const client = createCrystalPay({ login, secret, salt, baseUrl: sandbox.baseUrls.crystalpay });
    const invoice = await client.invoice.create({
      amount: '150.50',
      type: 'purchase',
      lifetime: 60,
      callback_url: `${sandbox.mailbox}/crystalpay`,
    });
    await act(sandbox, 'crystalpay', invoice.id, 'pay');
    const event = await client.webhooks.verify(await nextCallback(sandbox, 'crystalpay'));
    expect(event.confirmed === true, 'a confirmed callback');
    const info = await client.invoice.info({ id: invoice.id });
    expect(info.state === 'payed', `state payed, got ${info.state}`);
  },
  async cryptocloud(sandbox) {
    const { apiKey, shopId, secretKey } = sandbox.credentials.cryptocloud;
    const client = createCryptoCloud({
      apiKey,
      shopId,
      secretKey,
      baseUrl: sandbox.baseUrls.cryptocloud,
    });
    const invoice = await client.invoice.create({
      amount: '49.90',
      currency: 'USD',
      order_id: unique('smoke'),
    });
    await act(sandbox, 'cryptocloud', invoice.uuid, 'pay');
    const event = await client.webhooks.verify(await nextCallback(sandbox, 'cryptocloud'));
    expect(event.confirmed === true, 'a postback confirmed through invoice.info');
    const signed = await client.webhooks.sign({
      invoice_id: invoice.uuid.replace(/^INV-/, ''),
      amount_crypto: '49.9',
      currency: 'USDT_TRC20',
    });
    const again = await client.webhooks.verify(signed, { confirm: false });
    expect(again.confirmed === false, 'a sign → verify round trip of the HS256 token');
  },
  async anymoney(sandbox) {
    const { merchantId, apiKey } = sandbox.credentials.anymoney;
    const client = createAnyMoney({ merchantId, apiKey, baseUrl: sandbox.baseUrls.anymoney });
    const externalid = unique('SMOKE');
    await client.invoice.create({
      amount: '1000.25',
      externalid,
      in_curr: 'UAH',
      lifetime: '1d',
      callback_url: `${sandbox.mailbox}/anymoney`,
    });
    await act(sandbox, 'anymoney', externalid, 'pay');
    const event = await client.webhooks.verify(await nextCallback(sandbox, 'anymoney'));
    expect(event.confirmed === true, 'a callback confirmed through status');
  },
  async 'payin-payout'(sandbox) {
    const { userId, developerKey } = sandbox.credentials['payin-payout'];
    const client = createPayinPayout({
      userId,
      developerKey,
      baseUrl: sandbox.baseUrls['payin-payout'],
    });
    const invoice = await client.paymentIn.createInvoice({
      payer_id: 6034,
      summ: '500.50',
      currency_id: 643,
      descr: 'Smoke top-up',
      is_sos_topup: true,
    });
    await act(sandbox, 'payin-payout', invoice.payment_in_id, 'pay');
    const event = await client.webhooks.verify(await nextCallback(sandbox, 'payin-payout'));
    expect(event.confirmed === true, 'a callback whose HMAC-MD5 covers every field');
    expect(
      (await client.webhooks.acknowledge().text()) === '{"result":true}',
      'the acknowledgement',
    );
  },
  async bitsby(sandbox) {
    const { apiKey, projectId } = sandbox.credentials.bitsby;
    const client = createBitsby({
      apiKey,
      projectId,
      baseUrl: sandbox.baseUrls.bitsby,
      minIntervalMs: 0,
    });
    const invoice = await client.invoices.create({
      amountFiat: '49.90',
      currencyFiat: 'USD',
      timeToPay: 1,
    });
    await act(sandbox, 'bitsby', invoice.id, 'pay');
    const event = await client.webhooks.verify(await nextCallback(sandbox, 'bitsby'));
    expect(event.confirmed === true, 'a webhook confirmed through invoices/list');
  },
};

/** Runs every check; resolves to one line per check (`smoke: ok …` or `smoke: FAILED …`). */
export async function runSmoke(sandbox) {
  const lines = [];
  for (const [name, check] of Object.entries(checks)) {
    try {
      await check(sandbox);
      lines.push(`smoke: ok ${name}`);
    } catch (error) {
      lines.push(`smoke: FAILED ${name}: ${error?.name}: ${error?.message}`);
    }
  }
  return lines;
}
