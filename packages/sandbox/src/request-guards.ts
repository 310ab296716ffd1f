import type { HttpBindings } from '@hono/node-server';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

type Guard = MiddlewareHandler<{ Bindings: HttpBindings }>;

/** The largest request body the sandbox reads by default: 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * Refuses a request body over `maxBytes` with 413, by its `Content-Length` before reading it, or
 * while reading a chunked one, so that no route ever holds more than `maxBytes` of it.
 */
export function requestSizeLimit(maxBytes: number): Guard {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) =>
      c.text(
        `Payload Too Large: the sandbox reads request bodies of at most ${maxBytes} bytes (maxBodyBytes)\n`,
        413,
      ),
  });
}
