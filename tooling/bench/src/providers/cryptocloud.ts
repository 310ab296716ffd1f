import { createCryptoCloud, type InvoiceCreateParams, VERSION } from '@pay/cryptocloud';
import type { ProviderAdapter } from '../adapter.ts';
import { rawRequestFromFixture } from '../fixture-request.ts';
import { fixtureResponse, readFixture } from '../fixtures.ts';

// The documented example: request and answer from the CryptoCloud docs, via the fixture.
const fixture = readFixture('cryptocloud', 'invoice.create.success');
const { email: _optional, ...required } = fixture.input;

/**
 * The invoice both CryptoCloud clients create: the docs' example with its required fields only
 * (`amount`, `currency`, `order_id`), because the peer `cryptocloud-api` cannot send `email`;
 * the same request bytes on both sides keep the side-by-side comparison a comparison of clients.
 * The credentials are the package's fake ones (package.json `pay.testSettings`).
 */
export const cryptocloudExample = {
  settings: { apiKey: 'test_api_key_7c2d9e', shopId: 'TestShop0042' },
  input: required as { amount: number; currency: string; order_id: string },
  response: fixtureResponse(fixture),
} as const;

const { settings, input, response } = cryptocloudExample;

/** CryptoCloud `POST /v2/invoice/create`: `Authorization: Token <apiKey>`, a JSON body, nothing signed. */
export const cryptocloud: ProviderAdapter = {
  id: 'cryptocloud',
  packageName: '@pay/cryptocloud',
  bundleExport: 'createCryptoCloud',
  // Measured 26.18 kB (size-limit): v2 invoices, balance, statistics, static wallets,
  // withdrawals, v1, and postback verification, which brings jose.
  sizeBudget: '26.9 kB',
  prepare({ baseUrl, fetch }) {
    const client = createCryptoCloud({ ...settings, baseUrl, fetch });
    return () => client.invoice.create(input satisfies InvoiceCreateParams);
  },
  // The fixture's request without `email`: the SDK puts `shop_id` first, then the input's keys.
  rawRequest: rawRequestFromFixture(
    {
      ...fixture,
      request: {
        ...fixture.request,
        bodyText: JSON.stringify({ shop_id: settings.shopId, ...input }),
      },
    },
    `pay-cryptocloud/${VERSION}`,
  ),
  response,
};
