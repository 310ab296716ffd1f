import { createRequire } from 'node:module';
import { CryptoCloudApi } from 'cryptocloud-api';
import type { PeerAdapter } from '../adapter.ts';

// Fake credentials: the loopback server checks nothing.
const API_KEY = 'bench_api_key';
const SHOP_ID = 'bench_shop_id';
const SECRET_KEY = 'bench_secret_key';
/** The documented example order (docs.cryptocloud.plus, api-reference-v2/create-invoice). */
const input = { amount: 100, currency: 'USD', order_id: 'ORDER_93223' };

// The peer sends with axios, whose user agent names its version: read it from the copy the peer
// itself resolves, so the raw request stays identical when axios moves.
const axiosVersion = (
  createRequire(import.meta.resolve('cryptocloud-api'))('axios/package.json') as {
    version: string;
  }
).version;

/**
 * The documented success answer of `POST /v2/invoice/create` (docs.cryptocloud.plus, "Invoice
 * Creation", response example; the tail of the `currency` object and `project` as the other v2
 * examples show them). When `@pay/cryptocloud` lands, its contract-test fixture
 * replaces this copy so both clients are served the same bytes.
 */
const documentedAnswer = {
  status: 'success',
  result: {
    uuid: 'INV-XXXXXXXX',
    created: '2023-01-01 12:00:00.000000',
    address: '',
    expiry_date: '2023-01-02 12:00:00.000000',
    side_commission: 'client',
    side_commission_cc: 'client',
    amount: 100.0,
    amount_usd: 100.0,
    amount_in_fiat: 100.0,
    fee: 1.4,
    fee_usd: 1.4,
    service_fee: 1.9,
    service_fee_usd: 1.9,
    type_payments: 'crypto',
    fiat_currency: 'USD',
    status: 'created',
    is_email_required: false,
    link: 'https://pay.cryptocloud.plus/XXXXXXXX',
    invoice_id: null,
    currency: {
      id: 4,
      code: 'USDT',
      fullcode: 'USDT_TRC20',
      network: {
        code: 'TRC20',
        id: 4,
        icon: 'https://cdn.cryptocloud.plus/currency/crypto/TRX.svg',
        fullname: 'Tron',
      },
      name: 'Tether',
      is_email_required: false,
      stablecoin: true,
      icon_base: 'https://cdn.cryptocloud.plus/img/currency/USDT.svg',
      icon_network: 'https://cdn.cryptocloud.plus/img/currency_network/USDT_TRC.svg',
      icon_qr: 'https://cdn.cryptocloud.plus/img/stroke/USDT_STROKE.svg',
      order: 1,
    },
    project: {
      id: 1,
      name: 'Test',
      fail: 'https://test.com/failed-payment',
      success: 'https://test.com/successful-payment',
      logo: '',
    },
    test_mode: false,
  },
};

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
    "points it at the loopback server by setting its private axios instance's `defaults.baseURL`.",
  prepare({ baseUrl }) {
    const client = new CryptoCloudApi(API_KEY, SHOP_ID, SECRET_KEY);
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
      authorization: `Token ${API_KEY}`,
      'content-type': 'application/json',
      'user-agent': `axios/${axiosVersion}`,
    },
    body: JSON.stringify({ shop_id: SHOP_ID, ...input }),
  },
  response: {
    status: 200,
    contentType: 'application/json',
    body: JSON.stringify(documentedAnswer),
  },
};
