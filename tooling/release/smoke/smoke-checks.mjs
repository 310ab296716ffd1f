// The checks every runtime runs against a running @pay/sandbox, through the packages exactly as
// installed from the registry: client calls over fetch, webhook sign and verify (CrystalPay's
// SHA-1, CryptoCloud's JWT through jose, AnyMoney's HMAC-SHA512, Payin-payout's HMAC-MD5), and
// confirmation through the API. Plain JavaScript, no Node-only API, so Node, Bun, Deno and
// workerd run the same file.
import { createCrystalPay } from '@pay/crystalpay';

/** Moves an invoice through the sandbox's control API, as its pay page's button would. */
async function act(sandbox, provider, id, action) {
  const response = await fetch(`${sandbox.url}/_sandbox/invoices/${provider}/${encodeURIComponent(id)}/${action}`, {
    method: 'POST',
  });
  if (!response.ok) throw new Error(`sandbox ${action} ${provider}/${id}: HTTP ${response.status}`);
}

function expect(condition, what) {
  if (!condition) throw new Error(`expected ${what}`);
}

/** Each provider's check: create → pay → read back → sign a callback → verify (confirming). */
export const checks = {
  async crystalpay(sandbox) {
    const client = createCrystalPay({ ...sandbox.credentials.crystalpay, baseUrl: sandbox.baseUrls.crystalpay });
    const invoice = await client.invoice.create({ amount: '150.50', type: 'purchase', lifetime: 60 });
    await act(sandbox, 'crystalpay', invoice.id, 'pay');
    const info = await client.invoice.info({ id: invoice.id });
    expect(info.state === 'payed', `state payed, got ${info.state}`);
    const callback = await client.webhooks.sign({ id: invoice.id, state: 'payed' });
    const event = await client.webhooks.verify(callback, { confirm: true });
    expect(event.confirmed === true, 'a confirmed callback');
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
