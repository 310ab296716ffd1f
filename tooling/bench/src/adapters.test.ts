import { describe, expect, it } from 'vitest';
import type { CallTarget } from './adapter.ts';
import { prepareBareKy } from './bare-ky.ts';
import { withoutBoundary } from './multipart.ts';
import { providers } from './providers/index.ts';
import { prepareRaw } from './raw-fetch.ts';

/** A fetch that records what it was asked to send and answers with the adapter's response. */
function recordingFetch(answer: { status: number; contentType: string; body: string }) {
  const sent: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push(new Request(input, init));
    return new Response(answer.body, {
      status: answer.status,
      headers: { 'content-type': answer.contentType },
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, sent };
}

/** What the wire comparison compares; a multipart boundary (random per request) set aside. */
async function describeRequest(request: Request) {
  return withoutBoundary({
    method: request.method,
    url: request.url,
    headers: Object.fromEntries(request.headers),
    body: await request.text(),
  });
}

// The benchmark checks this on the wire before it measures; here it is checked on every change,
// so an SDK change (a header, the body encoding) that the adapter does not follow fails CI.
describe.each(providers.map((provider) => [provider.id, provider] as const))(
  'the %s adapter',
  (_id, provider) => {
    it('sends, as raw fetch, exactly the request the SDK sends', async () => {
      const sdk = recordingFetch(provider.response);
      const raw = recordingFetch(provider.response);
      const baseUrl = `http://127.0.0.1:9/${provider.id}`;
      await provider.prepare({ baseUrl, fetch: sdk.fetch } satisfies CallTarget)();
      await prepareRaw(provider.rawRequest, { baseUrl, fetch: raw.fetch })();
      expect(sdk.sent).toHaveLength(1);
      expect(raw.sent).toHaveLength(1);
      const [sdkRequest, rawRequest] = [sdk.sent[0], raw.sent[0]] as [Request, Request];
      expect(await describeRequest(rawRequest)).toEqual(await describeRequest(sdkRequest));
    });

    it('sends, through bare ky, exactly the raw request', async () => {
      const ky = recordingFetch(provider.response);
      const raw = recordingFetch(provider.response);
      const baseUrl = `http://127.0.0.1:9/${provider.id}`;
      const parsed = await prepareBareKy(provider.rawRequest, { baseUrl, fetch: ky.fetch })();
      await prepareRaw(provider.rawRequest, { baseUrl, fetch: raw.fetch })();
      expect(ky.sent).toHaveLength(1);
      const [kyRequest, rawRequest] = [ky.sent[0], raw.sent[0]] as [Request, Request];
      expect(await describeRequest(kyRequest)).toEqual(await describeRequest(rawRequest));
      expect(parsed).toEqual(JSON.parse(provider.response.body));
    });

    it('serves a response the SDK accepts as a success', async () => {
      const { fetch } = recordingFetch(provider.response);
      const result = await provider.prepare({ baseUrl: 'http://127.0.0.1:9', fetch })();
      expect(result).toBeTypeOf('object');
    });

    it('names a factory the package exports, and a size budget size-limit can read', async () => {
      const exported = (await import(provider.packageName)) as Record<string, unknown>;
      expect(exported[provider.bundleExport]).toBeTypeOf('function');
      expect(provider.sizeBudget).toMatch(/^\d+(\.\d+)? kB$/);
    });
  },
);
