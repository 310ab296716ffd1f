import { createBitsby, type InvoicesCreateParams, VERSION } from '@pay/bitsby';
import type { ProviderAdapter } from '../adapter.ts';
import { rawRequestFromFixture } from '../fixture-request.ts';
import { fixtureResponse, readFixture } from '../fixtures.ts';

// The documented example: the docs' `curl -F` invoice and its answer, via the fixture.
const fixture = readFixture('bitsby', 'invoices.create.success');
// The package's fake credentials (package.json `pay.testSettings`). `minIntervalMs: 0` switches
// off the built-in 1 request/second queue: with it on, the benchmark would measure the 1.1 s
// spacing between calls, not the SDK.
const settings = {
  apiKey: 'MSvL2ltaDZdWVjmZURURMVWhqSJLT2NURjhL2Fla1Z1T1IxQTltKs1T3Ay',
  projectId: '9deea1e2-0c08-41a3-bdc2-a34eada3892d',
  minIntervalMs: 0,
};
const input = fixture.input as InvoicesCreateParams;

/** Bitsby `POST /invoices/create`: `Authorization: Token <apiKey>`, multipart/form-data fields. */
export const bitsby: ProviderAdapter = {
  id: 'bitsby',
  packageName: '@pay/bitsby',
  bundleExport: 'createBitsby',
  // Measured 19.26 kB (esbuild + gzip, as size-limit): invoices, payments, billing,
  // statistics, the rate-limit queue and webhooks; Bitsby's own share shrank (8.85 kB
  // minified), core's endpoint factory and client setup came in.
  sizeBudget: '19.8 kB',
  prepare({ baseUrl, fetch }) {
    const client = createBitsby({ ...settings, baseUrl, fetch });
    return () => client.invoices.create(input);
  },
  // The fields in the docs' order, encoded once with a fixed boundary (see ../multipart.ts).
  rawRequest: rawRequestFromFixture(fixture, `pay-bitsby/${VERSION}`),
  response: fixtureResponse(fixture),
  note:
    'measured with `minIntervalMs: 0`, its rate limiter off: by default the client spaces its ' +
    "requests 1.1 s apart (Bitsby allows 1 per second), which would measure the wait, not the SDK; the limiter's " +
    'bookkeeping still runs on every call. The body is multipart/form-data, which the SDK encodes on every ' +
    "call (Node's `FormData`, random boundary) while the raw side sends one body encoded once.",
};
