import { createAnyMoney, type InvoiceCreateParams, VERSION } from '@pay/anymoney';
import type { ProviderAdapter } from '../adapter.ts';
import { rawRequestFromFixture } from '../fixture-request.ts';
import { fixtureResponse, readFixture } from '../fixtures.ts';

// The documented example: `invoice.create` with its required params, and its answer, via the
// fixture, whose `x-signature` was computed for the package's fixed test clock.
const fixture = readFixture('anymoney', 'invoice.create.success');
// The package's fake credentials and clock (package.json `pay.testSettings`): with `now` fixed,
// `x-utc-now-ms` and `x-signature` are the same on every call, as in the fixture.
const NOW_MS = 1_700_000_000_000;
const settings = { merchantId: '1234', apiKey: 'test_api_key', now: () => NOW_MS };
const input = fixture.input as InvoiceCreateParams;

/** AnyMoney `invoice.create`: a JSON-RPC POST to `/`, signed with HMAC-SHA512 in `x-signature`. */
export const anymoney: ProviderAdapter = {
  id: 'anymoney',
  packageName: '@pay/anymoney',
  bundleExport: 'createAnyMoney',
  // Measured 22.5 kB (size-limit): every JSON-RPC method group, the SCI form and callbacks, and
  // core's endpoint factory and client setup, which the one-family change brought in (+1 kB).
  sizeBudget: '23.2 kB',
  prepare({ baseUrl, fetch }) {
    const client = createAnyMoney({ ...settings, baseUrl, fetch });
    return () => client.invoice.create(input);
  },
  // The fixture's body is the first call's: JSON-RPC id `<now>-1`.
  rawRequest: rawRequestFromFixture(fixture, `pay-anymoney/${VERSION}`),
  response: fixtureResponse(fixture),
  note:
    "the SDK's JSON-RPC `id` is `<x-utc-now-ms>-<n>`, `n` counting the client's calls (unique ids, " +
    'as JSON-RPC wants), so only its first request, the one compared on the wire, is byte for byte ' +
    "the raw one (`id` `…-1`); later ones differ in those digits alone, at most 4 bytes longer over a run's " +
    'calls. `x-signature` does not cover the id, so nothing else changes.',
};
