import type { CallTarget, CreateInvoiceCall, RawRequest } from './adapter.ts';

/**
 * The hand-written baseline: one `fetch` with the precomputed request, a status check and
 * `response.json()` — the least any caller does to get the invoice back.
 */
export function prepareRaw(request: RawRequest, target: CallTarget): CreateInvoiceCall {
  const fetchImpl = target.fetch ?? globalThis.fetch;
  const url = `${target.baseUrl.replace(/\/+$/, '')}/${request.path}`;
  const init: RequestInit = {
    method: request.method,
    headers: request.headers,
    ...(request.method === 'GET' ? {} : { body: request.body }),
  };
  return async () => {
    const response = await fetchImpl(url, init);
    const body: unknown = await response.json();
    if (!response.ok) throw new Error(`raw fetch: HTTP ${response.status} from ${url}`);
    return body;
  };
}
