/** A request as the stub saw it, body already read. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string;
  contentType: string | null;
}

/**
 * A `fetch` for unit tests: answers each call with the next handler result and records what
 * was sent. A handler may throw (to play a network failure) or wait for the abort signal.
 */
export function stubFetch(
  ...answers: Array<(request: Request) => Response | Promise<Response>>
): typeof fetch & { calls: RecordedRequest[] } {
  const calls: RecordedRequest[] = [];
  const fetchStub = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const body = request.body ? await request.clone().text() : '';
    calls.push({
      method: request.method,
      url: request.url,
      headers: request.headers,
      body,
      contentType: request.headers.get('content-type'),
    });
    const answer = answers[Math.min(calls.length, answers.length) - 1];
    if (!answer) throw new Error('stubFetch: no answer configured');
    return answer(request);
  };
  return Object.assign(fetchStub, { calls }) as typeof fetch & { calls: RecordedRequest[] };
}

/** A JSON response. */
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/** A handler that never answers until the request is aborted (by timeout or signal). */
export function hangUntilAborted(request: Request): Promise<Response> {
  return new Promise((_resolve, reject) => {
    if (request.signal.aborted) reject(request.signal.reason);
    request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
  });
}
