/**
 * What the benchmark needs to know about one client of a provider's create-invoice call. The
 * harness does everything else (server, interleaving, statistics, bundling, packing, report).
 */

/** One create-invoice call, ready to send; resolves with the parsed result, rejects on failure. */
export type CreateInvoiceCall = () => Promise<unknown>;

/** Where a client under test sends its requests. */
export interface CallTarget {
  /**
   * Base URL to use instead of the provider's production URL: the loopback server's mount for
   * this subject, e.g. `http://127.0.0.1:40123/crystalpay`. Never a public host.
   */
  baseUrl: string;
  /**
   * The `fetch` to send with. Absent: the client's default (what its users get). Present: a stub
   * that answers without a network, used to measure the client's own CPU cost in isolation.
   */
  fetch?: typeof globalThis.fetch | undefined;
}

/**
 * The request a hand-written client sends for the same invoice: what arrives on the wire must
 * equal the SDK's request (the harness checks this on the loopback server before measuring).
 */
export interface RawRequest {
  method: 'GET' | 'POST';
  /**
   * Path below the base URL, no leading slash, query string included: `v3/invoice/create/`.
   * The loopback server answers `<mount>/<path>`.
   */
  path: string;
  /** Every header the SDK sets itself, lower-case names, values exactly as the SDK sends them. */
  headers: Readonly<Record<string, string>>;
  /** The body byte for byte: the SDK's encoding, key order and precomputed signature. */
  body: string;
}

/** The provider's documented answer to the create-invoice request, served by the loopback server. */
export interface DocumentedResponse {
  status: number;
  /** `content-type` of the answer, e.g. `application/json`. */
  contentType: string;
  /** The body text, from the provider's docs (via the contract-test fixture where there is one). */
  body: string;
}

/** Anything the harness can put on the loopback server and race against raw fetch. */
export interface InvoiceSubject {
  /** URL-safe id; the loopback server mounts this subject at `/<id>`. */
  id: string;
  /** The npm package, imported for the cold-import and bundle measurements: `@pay/crystalpay`. */
  packageName: string;
  /** The named export an application imports, bundled on its own: `createCrystalPay`. */
  bundleExport: string;
  /** Builds the client once and returns the call the benchmark repeats. */
  prepare(target: CallTarget): CreateInvoiceCall;
  /** The identical request, for the raw-fetch side. */
  rawRequest: RawRequest;
  /** What the loopback server answers. */
  response: DocumentedResponse;
  /**
   * A sentence for the report when measuring this client took a setting or a trick a reader
   * should know about (a rate limiter switched off, a private field set), or when its request
   * cannot be byte-identical on every call (and why that does not matter).
   */
  note?: string | undefined;
}

/**
 * A `@pay/*` provider package under benchmark. Adding a provider means writing one file
 * `src/providers/<id>.ts` that exports one of these, adding it to `src/providers/index.ts`, and
 * adding `"@pay/<id>": "workspace:^"` to this package's dependencies. It must provide:
 *
 * - `id`: the provider id, as in `packages/<id>` and the fixtures folder (`crystalpay`).
 * - `packageName` (`@pay/<id>`) and `bundleExport`, the factory `create<Brand>`.
 * - `prepare({ baseUrl, fetch })`: creates the client with the fake credentials of the package's
 *   `pay.testSettings`, `baseUrl` and `fetch` passed through, and, where the provider signs a
 *   timestamp, a fixed `now` so that every call signs the same bytes; returns a function that
 *   makes the documented create-invoice call with fixed input and returns its result.
 * - `rawRequest`: the same call as a hand-written client would send it with `fetch`: method, path
 *   below the base URL, every header the SDK sets (user agent included), and the body text with
 *   the signature already computed, taken from the fixture (`rawRequestFromFixture()` in
 *   ../fixture-request.ts) or computed once at module load, never per call.
 * - `response`: the documented success answer (the fixture's `response`).
 * - `sizeBudget`: the size-limit budget of `import { create<Brand> }` (min+gzip, kB = 1000 bytes),
 *   about 3 % above what size-limit measures; `npm test` fails when it is exceeded.
 * - `note` (optional): anything about the measurement a reader of the report should know.
 *
 * The harness checks on the wire that `prepare()`'s request and `rawRequest` are identical (a
 * multipart boundary, random per call in Node's fetch, is the one part allowed to differ), so a
 * wrong adapter fails loudly instead of producing a flattering ratio.
 */
export interface ProviderAdapter extends InvoiceSubject {
  /** A size-limit budget, e.g. `'18.5 kB'` (gzip of an app importing only `bundleExport`). */
  sizeBudget: string;
}

/**
 * Another npm client of a provider, measured side by side with our package for that provider.
 * Its `prepare()` may ignore `fetch` (most peers bring their own HTTP client); then the
 * CPU-with-stub measurement is skipped for it.
 */
export interface PeerAdapter extends InvoiceSubject {
  /** The exact registry spec installed for the footprint measurement: `cryptocloud-api@1.0.4`. */
  registrySpec: string;
  /** The id of the `@pay/*` provider it is compared with: `cryptocloud`. */
  comparesWith: string;
  /** Whether `prepare()` honours `CallTarget.fetch`. */
  acceptsFetch: boolean;
}
