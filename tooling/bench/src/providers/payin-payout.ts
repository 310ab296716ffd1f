import {
  createPayinPayout,
  type ServiceOfServicesCreateInvoiceParams,
  VERSION,
} from '@pay/payin-payout';
import type { ProviderAdapter } from '../adapter.ts';
import { rawRequestFromFixture } from '../fixture-request.ts';
import { fixtureResponse, readFixture } from '../fixtures.ts';

// The documented example: `service-of-services/create-invoice` (the auto-debit invoice, the
// seed operation) and its answer, via the fixture; its `hash` is the SPEC's vector for the
// fixture's clock.
const fixture = readFixture('payin-payout', 'serviceOfServices.createInvoice.success');
// The package's fake credentials (package.json `pay.testSettings`) and the fixture's fixed clock:
// `timestamp` (Unix seconds) and with it `hash` are the same on every call.
const NOW_MS = Number(fixture.settings?.now);
const settings = { userId: 1111, developerKey: 'secret_key', now: () => NOW_MS };
const input = fixture.input as ServiceOfServicesCreateInvoiceParams;

/**
 * Payin-payout `POST /service-of-services/create-invoice`: a urlencoded form with `user_id`,
 * `timestamp` and an HMAC-MD5 `hash` over the sorted fields.
 */
export const payinPayout: ProviderAdapter = {
  id: 'payin-payout',
  packageName: '@pay/payin-payout',
  bundleExport: 'createPayinPayout',
  // Measured 21.66 kB (size-limit): the developer-key API client and its callbacks, on core's
  // endpoint factory and client setup (20.37 kB before the one-family migration).
  sizeBudget: '22.3 kB',
  prepare({ baseUrl, fetch }) {
    const client = createPayinPayout({ ...settings, baseUrl, fetch });
    return () => client.serviceOfServices.createInvoice(input);
  },
  rawRequest: rawRequestFromFixture(fixture, `pay-payin-payout/${VERSION}`),
  response: fixtureResponse(fixture),
};
