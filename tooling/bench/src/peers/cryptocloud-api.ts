import { createRequire } from 'node:module';
import { CryptoCloudApi } from 'cryptocloud-api';
import type { PeerAdapter } from '../adapter.ts';
import { cryptocloudExample } from '../providers/cryptocloud.ts';

// The same invoice, credentials and documented answer as the `@pay/cryptocloud` adapter, so
// the peer, our package and raw fetch send the same request and are served the same bytes.
const { settings, input, response } = cryptocloudExample;
// The peer's constructor wants a secret key (postback verification only); never used here.
const SECRET_KEY = 'bench_secret_key';

// The peer sends with axios, whose user agent names its version: read it from the copy the peer
// itself resolves, so the raw request stays identical when axios moves.
const axiosVersion = (
  createRequire(import.meta.resolve('cryptocloud-api'))('axios/package.json') as {
    version: string;
  }
).version;

/**
 * `cryptocloud-api` (npm; axios, class-validator, jsonwebtoken), read from its source
 * (dist/cryptocloud.js): `createInvoice({ amount, currency, order_id })` posts
 * `{ shop_id, amount, currency, order_id }` as JSON to `https://api.cryptocloud.plus/v2/invoice/create`
 * with `Authorization: Token <apiKey>` (plus `?locale=` when a locale is given), accepts only
 * HTTP 200 and returns `response.data.result`.
 */
export const cryptocloudApi: PeerAdapter = {
  id: 'cryptocloud-api',
  packageName: 'cryptocloud-api',
  bundleExport: 'CryptoCloudApi',
  registrySpec: 'cryptocloud-api@1.0.4',
  comparesWith: 'cryptocloud',
  acceptsFetch: false,
  note:
    'It has no base-URL setting (the URL is hard-coded in its constructor), so the benchmark ' +
    "points it at the loopback server by setting its private axios instance's `defaults.baseURL`. " +
    "It sends the body `@pay/cryptocloud` sends (the docs' example without `email`, which it cannot " +
    'send) and is served the same documented answer (the contract-test fixture); both columns are ' +
    "divided by the same raw `fetch` of `@pay/cryptocloud`'s request, which differs from the peer's " +
    'only in the `accept`, `accept-encoding` and `user-agent` values axios sets.',
  prepare({ baseUrl }) {
    const client = new CryptoCloudApi(settings.apiKey, settings.shopId, SECRET_KEY);
    (client as unknown as { api: { defaults: { baseURL: string } } }).api.defaults.baseURL =
      `${baseUrl}/v2`;
    return () => client.createInvoice(input);
  },
  rawRequest: {
    method: 'POST',
    path: 'v2/invoice/create',
    // Every header axios sets for this call, so both sides send the same request.
    headers: {
      accept: 'application/json, text/plain, */*',
      'accept-encoding': 'gzip, compress, deflate, br',
      authorization: `Token ${settings.apiKey}`,
      'content-type': 'application/json',
      'user-agent': `axios/${axiosVersion}`,
    },
    // The body `@pay/cryptocloud` sends: `shop_id` first, then the invoice.
    body: JSON.stringify({ shop_id: settings.shopId, ...input }),
  },
  response,
};
