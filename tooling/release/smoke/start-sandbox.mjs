// Starts @pay/sandbox as installed from the registry, plus a mailbox the sandbox delivers every
// provider's signed callbacks to (`POST /<provider>`), which the smoke on any runtime — workerd
// included, where it cannot listen itself — collects with `GET /<provider>/next`. Prints what the
// smoke needs as one JSON line.
import { createServer } from 'node:http';
import { startSandbox } from '@pay/sandbox';

const PROVIDERS = ['crystalpay', 'cryptocloud', 'anymoney', 'payin-payout', 'bitsby'];
const boxes = new Map(PROVIDERS.map((provider) => [provider, { callbacks: [], waiting: [] }]));

const mailbox = createServer((request, response) => {
  const [provider, next] = (request.url ?? '').split('/').filter(Boolean);
  const box = boxes.get(provider ?? '');
  if (!box) return void response.writeHead(404).end();
  if (request.method === 'GET' && next === 'next') {
    const deliver = (callback) =>
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(callback));
    const ready = box.callbacks.shift();
    if (ready) return void deliver(ready);
    box.waiting.push(deliver);
    setTimeout(() => {
      const index = box.waiting.indexOf(deliver);
      if (index >= 0) {
        box.waiting.splice(index, 1);
        response.writeHead(408).end();
      }
    }, 10_000);
    return;
  }
  let body = '';
  request.setEncoding('utf8');
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
    );
    const callback = { body, headers };
    const waiter = box.waiting.shift();
    if (waiter) waiter(callback);
    else box.callbacks.push(callback);
    // Every provider counts a 200 as delivered; Payin-payout also wants this body.
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"result":true}');
  });
});
await new Promise((resolve) => mailbox.listen(0, '127.0.0.1', resolve));
const mailboxUrl = `http://127.0.0.1:${mailbox.address().port}`;

// Bitsby's 1 request/second is the client's concern and is tested elsewhere; the runtimes run
// back to back here, so the sandbox does not enforce it.
const sandbox = await startSandbox({ port: 0, providerOptions: { bitsby: { minIntervalMs: 0 } } });
for (const provider of PROVIDERS) sandbox.setWebhookUrl(provider, `${mailboxUrl}/${provider}`);
console.log(
  JSON.stringify({
    url: sandbox.url,
    mailbox: mailboxUrl,
    baseUrls: sandbox.baseUrls,
    credentials: sandbox.credentials,
  }),
);
process.on('SIGTERM', () => sandbox.close().then(() => process.exit(0)));
