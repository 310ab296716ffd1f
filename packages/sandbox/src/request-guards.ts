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

/**
 * The `Host` values a sandbox answers to: loopback by IP and by name on its port, the host it
 * was told to listen on, and any extra `allowed` (`name` or `name:port`; without a port, the
 * sandbox's). Lower case; a port-80 sandbox also matches a `Host` without a port.
 */
export function allowedHostsOf(
  port: number,
  listenHost: string,
  allowed: readonly string[] = [],
): Set<string> {
  const withPort = (host: string) => {
    const name = host.toLowerCase();
    if (!name.startsWith('[') && (name.match(/:/g) ?? []).length > 1) return `[${name}]:${port}`;
    return /:\d+$/.test(name) ? name : `${name}:${port}`;
  };
  const hosts = new Set(['127.0.0.1', 'localhost', '[::1]', listenHost, ...allowed].map(withPort));
  if (port === 80) for (const host of [...hosts]) hosts.add(host.replace(/:80$/, ''));
  return hosts;
}

/**
 * Answers 421 to a request whose `Host` is not one the sandbox listens on, so that a page on
 * another site that rebinds its DNS name to 127.0.0.1 cannot read `/_sandbox` (credentials) or
 * drive the sandbox. `hosts` is read per request: the port is known only once listening.
 */
export function hostCheck(hosts: () => ReadonlySet<string>): Guard {
  return async (c, next) => {
    const host = (c.req.header('host') ?? '').toLowerCase();
    if (hosts().has(host)) return next();
    return c.text(
      `Misdirected Request: this sandbox answers only to Host ${[...hosts()].join(', ')}, not ${JSON.stringify(host)}; add a name with the allowedHosts option (--allowed-host)\n`,
      421,
    );
  };
}

/**
 * Refuses with 403 a request that changes state (anything but GET, HEAD and OPTIONS) when a
 * browser says it comes from another site: `Sec-Fetch-Site` other than `same-origin` or `none`,
 * or an `Origin` that is not the sandbox's own. Clients outside a browser send neither and pass;
 * the sandbox's own pay-page forms are same-origin and pass.
 */
export function crossSiteCheck(hosts: () => ReadonlySet<string>): Guard {
  return async (c, next) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) return next();
    const site = c.req.header('sec-fetch-site')?.toLowerCase();
    const origin = c.req.header('origin');
    const ownOrigin =
      origin === undefined ||
      (/^http:\/\//i.test(origin) && hosts().has(origin.slice('http://'.length).toLowerCase()));
    const crossSite =
      (site !== undefined && site !== 'same-origin' && site !== 'none') || !ownOrigin;
    if (!crossSite) return next();
    return c.json(
      {
        error: `Forbidden: the sandbox refuses a cross-site ${c.req.method} (Sec-Fetch-Site: ${site ?? 'absent'}, Origin: ${origin ?? 'absent'}); post from its own pages or from outside a browser`,
      },
      403,
    );
  };
}
