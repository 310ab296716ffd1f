import { DEFAULT_TIMEOUT_MS } from '@pay/core';
import ky from 'ky';
import type { CallTarget, CreateInvoiceCall, RawRequest } from './adapter.ts';

/**
 * The raw request through bare `ky`, the HTTP client `@pay/core`'s transport is built on: one
 * plain `ky(url, { method, headers, body, retry: 0, timeout })` call (the SDK's default timeout,
 * no retries, as core configures ky), the text read and parsed as JSON (raw fetch's
 * `response.json()`, so the two sides do the same work after the response). ky throws on a
 * non-2xx status as the raw call does. Bare ky minus raw fetch is ky's own cost; the SDK minus
 * bare ky is what the SDK adds beyond its HTTP client.
 */
export function prepareBareKy(request: RawRequest, target: CallTarget): CreateInvoiceCall {
  const url = `${target.baseUrl.replace(/\/+$/, '')}/${request.path}`;
  const options = {
    method: request.method,
    headers: request.headers,
    ...(request.method === 'GET' ? {} : { body: request.body }),
    retry: 0,
    timeout: DEFAULT_TIMEOUT_MS,
    ...(target.fetch ? { fetch: target.fetch } : {}),
  };
  return async () => {
    const response = await ky(url, options);
    const body: unknown = JSON.parse(await response.text());
    return body;
  };
}
