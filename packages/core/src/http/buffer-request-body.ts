/**
 * Wraps a `fetch` so that a request's body is read into bytes before the wrapped `fetch` sees
 * it. For multipart bodies, pass the result as the transport's `fetch`.
 *
 * Why: ky cancels a request's body when a call ends. A `FormData` body is a stream that Node's
 * fetch (undici) fills part by part, and cancelling it while undici is still filling it makes
 * undici reject inside its own stream code: an unhandled rejection, which ends a Node process
 * by default. It happens whenever the `fetch` settles without reading the body (a custom
 * `fetch` that fails fast, a test double). Read first, the body is a finished byte array with
 * the same bytes and `content-type` (boundary included); the signal and init pass through.
 */
export function withBufferedRequestBody(fetch: typeof globalThis.fetch): typeof globalThis.fetch {
  return async (input, init) => {
    if (!(input instanceof Request) || input.body === null) return fetch(input, init);
    const body = await input.arrayBuffer();
    return fetch(new Request(input, { body }), init);
  };
}
