import type { DocumentedResponse } from './adapter.ts';

/**
 * A `fetch` without a network that does what Node's fetch does with its arguments before and
 * after the socket — builds a `Request` (so its headers and body are validated and copied), reads
 * the body, builds the `Response` — and nothing else. The SDK and the raw call both pay this, so
 * the difference between them is the SDK's own work: building the request, signing, validating
 * input, parsing and validating the answer.
 */
export function createStubFetch(response: DocumentedResponse): typeof globalThis.fetch {
  const init: ResponseInit = {
    status: response.status,
    headers: { 'content-type': response.contentType },
  };
  return async (input: RequestInfo | URL, requestInit?: RequestInit) => {
    const request = new Request(input, requestInit);
    await request.arrayBuffer();
    return new Response(response.body, init);
  };
}
