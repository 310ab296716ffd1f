// `npm run demo`: the full tour, through one interface. Starts @pay/sandbox in-process and a
// local webhook endpoint made by core's `createWebhookHandler` (served with @hono/node-server's
// request listener), then, in ONE loop with the same code for every provider: creates an invoice
// through the provider's gateway, pays it on the sandbox's hosted pay page as a payer would, lets
// the handler verify (and confirm) the provider's signed callback, and reads the invoice back.
// One row per provider; exits non-zero if any step fails. `npm run demo -- --keep [--port N]`
// then leaves the sandbox running with fresh unpaid invoices to click through in a browser.
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { getRequestListener } from '@hono/node-server';
import { createWebhookHandler, type GatewayEvent, type PayGateway } from '@pay/core';
import { startSandbox } from '@pay/sandbox';
import type { DemoProvider } from './scenario.ts';
import { anymoney } from './scenarios/anymoney.ts';
import { bitsby } from './scenarios/bitsby.ts';
import { cryptocloud } from './scenarios/cryptocloud.ts';
import { crystalpay } from './scenarios/crystalpay.ts';
import { payinPayout } from './scenarios/payin-payout.ts';
import { payinPayoutShop } from './scenarios/payin-payout-shop.ts';

const PROVIDERS: DemoProvider[] = [
  crystalpay,
  cryptocloud,
  anymoney,
  payinPayout,
  payinPayoutShop,
  bitsby,
];
const { values } = parseArgs({
  options: { keep: { type: 'boolean', default: false }, port: { type: 'string', default: '4010' } },
});
const keep = values.keep;

// The webhook endpoint first: one handler for all of them, picking the gateway by the path's last
// segment (the gateways are added once the sandbox they talk to is up).
const gateways: Record<string, PayGateway> = {};
const waiting = new Map<string, (event: GatewayEvent) => void>();
const handler = createWebhookHandler(gateways, (event) => {
  waiting.get(event.provider)?.(event);
});
const listener = createServer(getRequestListener(handler));
await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
const address = listener.address();
const webhooks = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/webhooks`;

const sandbox = await startSandbox({
  port: keep ? Number(values.port) : 0,
  // The shop API's notifications have their own URL, as they do in Payin-payout's cabinet.
  providerOptions: { 'payin-payout': { shopWebhookUrl: `${webhooks}/payin-payout-shop` } },
});
for (const provider of PROVIDERS) {
  gateways[provider.id] = provider.gateway(sandbox);
  if (provider.id !== 'payin-payout-shop') {
    sandbox.setWebhookUrl(provider.id, `${webhooks}/${provider.id}`);
  }
}

/** The next event the handler passes on for `provider`, after it verified and confirmed it. */
function nextEvent(provider: string): Promise<GatewayEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no verified callback within 10 s')), 10_000);
    waiting.set(provider, (event) => {
      clearTimeout(timer);
      waiting.delete(provider);
      resolve(event);
    });
  });
}

const rows: Array<Record<string, string>> = [];
let failures = 0;
for (const provider of PROVIDERS) {
  const started = performance.now();
  const gateway = gateways[provider.id]!;
  try {
    const orderId = `demo-${provider.id}-${Date.now().toString(36)}`;
    const invoice = await gateway.createInvoice({
      orderId,
      amount: '49.90',
      ...provider.invoice(`${webhooks}/${provider.id}`),
    });
    const event = nextEvent(gateway.provider);
    // The payer opens the pay URL (a form link redirects to the sandbox's page) and clicks Pay.
    const page = await fetch(invoice.payUrl ?? '');
    const paid = await fetch(`${page.url}/pay`, { method: 'POST' });
    if (!page.ok || !paid.ok)
      throw new Error(`the pay page answered ${page.status}/${paid.status}`);
    const verified = await event;
    // A provider without a status lookup (the shop API) reports through its notifications only.
    const final = await gateway.getInvoice(invoice.id).then(
      (read) => read.status,
      () => 'no lookup',
    );
    const ok =
      verified.confirmed &&
      verified.invoice.status === 'paid' &&
      (final === 'paid' || final === 'no lookup');
    if (!ok) failures += 1;
    rows.push({
      provider: provider.label,
      'invoice id': invoice.id,
      'callback status': verified.invoice.status,
      confirmed: verified.confirmed ? 'yes' : 'NO',
      'order id echoed': verified.invoice.orderId === orderId ? 'yes' : 'no (store it)',
      'final status': final,
      time: `${(performance.now() - started).toFixed(0)} ms`,
    });
  } catch (error) {
    failures += 1;
    rows.push({
      provider: provider.label,
      'invoice id': '—',
      'callback status': `FAILED: ${error instanceof Error ? error.message : String(error)}`,
      confirmed: 'NO',
      'order id echoed': '—',
      'final status': '—',
      time: `${(performance.now() - started).toFixed(0)} ms`,
    });
  }
}

console.log(
  `@pay demo: every provider through one gateway interface and one webhook handler, against @pay/sandbox at ${sandbox.url} (no account, no network)\n`,
);
console.table(rows);
console.log(
  failures === 0
    ? `\nall ${rows.length} gateways (five providers and the Payin-payout shop API) paid, verified and confirmed`
    : `\n${failures} of ${rows.length} gateways FAILED`,
);

const closeAll = () =>
  Promise.all([sandbox.close(), new Promise((resolve) => listener.close(resolve))]);
if (keep && failures === 0) {
  console.log(
    '\n--keep: the sandbox stays up; open these unpaid invoices in a browser (Ctrl-C to stop):',
  );
  for (const provider of PROVIDERS) {
    const invoice = await gateways[provider.id]!.createInvoice({
      orderId: `keep-${provider.id}-${Date.now().toString(36)}`,
      amount: '990',
      ...provider.invoice(`${webhooks}/${provider.id}`),
    });
    console.log(`  ${provider.label.padEnd(12)} ${invoice.payUrl}`);
  }
  const stop = async () => {
    await closeAll();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} else {
  await closeAll();
  process.exitCode = failures === 0 ? 0 : 1;
}
