import { createCrystalPay, type InvoiceCreateParams, VERSION } from '@pay/crystalpay';
import type { ProviderAdapter } from '../adapter.ts';
import { rawRequestFromFixture } from '../fixture-request.ts';
import { fixtureResponse, readFixture } from '../fixtures.ts';

// The documented example: request body and answer from the CrystalPay docs, via the fixture.
const fixture = readFixture('crystalpay', 'invoice.create.success');
// The package's own fake credentials (package.json `pay.testSettings`), the ones the fixture uses.
const settings = { login: 'demo_login', secret: 'demo_secret_5b1e', salt: 'test_salt_2f8a' };
const input = fixture.input as InvoiceCreateParams;

/** CrystalPay `POST /v3/invoice/create/`: credentials in a JSON body, nothing signed. */
export const crystalpay: ProviderAdapter = {
  id: 'crystalpay',
  packageName: '@pay/crystalpay',
  bundleExport: 'createCrystalPay',
  // Measured 19.47 kB with the complete v3 API (30 methods + webhooks) declared through core's
  // createEndpointFactory and createClientSetup, verify confirming through the API, and core's
  // hardening (18.05 kB before the one-family migration).
  sizeBudget: '20 kB',
  prepare({ baseUrl, fetch }) {
    const client = createCrystalPay({ ...settings, baseUrl, fetch });
    return () => client.invoice.create(input);
  },
  // Byte for byte what the SDK sends (the fixture's bodyText pins key order, amount as a number).
  rawRequest: rawRequestFromFixture(fixture, `pay-crystalpay/${VERSION}`),
  response: fixtureResponse(fixture),
};
