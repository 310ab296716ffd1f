// `npm run demo`: creates a CrystalPay invoice with the real SDK against a local server that
// answers as the CrystalPay docs do. (The sandbox package will make this the full tour.)
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCrystalPay } from '@pay/crystalpay';

const login = 'demo_login';
const secret = 'demo_secret';

const server = createServer(async (request, response) => {
  let text = '';
  for await (const chunk of request) text += chunk;
  const body = JSON.parse(text || '{}');
  const reply = (payload: unknown) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(payload));
  };
  if (request.url !== '/crystalpay/v3/invoice/create/') {
    return reply({ error: true, errors: ['Method not found'] });
  }
  if (body.auth_login !== login || body.auth_secret !== secret) {
    return reply({ error: true, errors: ['Invalid auth credentials'] });
  }
  const id = `123456789_${Math.random().toString(36).slice(2, 12)}`;
  reply({
    error: false,
    errors: [],
    id,
    url: `https://pay.crystalpay.io/?i=${id}`,
    rub_amount: String(body.amount),
    currency: body.currency ?? 'RUB',
    amount: String(body.amount),
    type: body.type,
    subtract_from: body.subtract_from ?? 'amount',
  });
});

server.listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const { port } = server.address() as AddressInfo;

try {
  const crystalpay = createCrystalPay({
    login,
    secret,
    salt: 'demo_salt',
    baseUrl: `http://127.0.0.1:${port}/crystalpay`,
  });
  const started = performance.now();
  const invoice = await crystalpay.invoice.create({
    amount: '1500.50',
    type: 'purchase',
    lifetime: 60,
    description: 'Demo order #1',
  });
  const elapsed = (performance.now() - started).toFixed(1);
  console.log(`CrystalPay invoice created in ${elapsed} ms against a local server:`);
  console.table([invoice]);
} catch (error) {
  console.error('demo failed:', error);
  process.exitCode = 1;
} finally {
  server.close();
}
