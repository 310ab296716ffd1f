import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A callback as it arrived: raw body and headers, ready for a client's `webhooks.verify`. */
export interface ReceivedCallback {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** A local HTTP listener that collects callbacks; see {@link startCallbackReceiver}. */
export interface CallbackReceiver {
  /** Where to point `callback_url`, e.g. `http://127.0.0.1:53122/callbacks`. */
  url: string;
  /** Every callback received, in order. */
  received: ReceivedCallback[];
  /** Resolves with the next callback (or the first unclaimed one); rejects after `timeoutMs`. */
  next(timeoutMs?: number): Promise<ReceivedCallback>;
  /** The status and body the listener answers with. Default: `200` with an empty body. */
  respondWith(status: number, body?: string): void;
  close(): Promise<void>;
}

/**
 * Starts a listener on 127.0.0.1 that records every request as a raw callback: for tests and the
 * demo, and for your own integration tests against the sandbox.
 */
export async function startCallbackReceiver(path = '/callbacks'): Promise<CallbackReceiver> {
  const received: ReceivedCallback[] = [];
  const waiting: Array<(callback: ReceivedCallback) => void> = [];
  let claimed = 0;
  let reply = { status: 200, body: '' };
  const server = createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [
        name,
        Array.isArray(value) ? value.join(', ') : (value ?? ''),
      ]),
    );
    const callback = { path: request.url ?? '/', headers, body };
    received.push(callback);
    response.writeHead(reply.status, { 'content-type': 'text/plain' }).end(reply.body);
    const waiter = waiting.shift();
    if (waiter) {
      claimed += 1;
      waiter(callback);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    next(timeoutMs = 5000) {
      if (received.length > claimed) return Promise.resolve(received[claimed++]!);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no callback within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiting.push((callback) => {
          clearTimeout(timer);
          resolve(callback);
        });
      });
    },
    respondWith(status, body = '') {
      reply = { status, body };
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
