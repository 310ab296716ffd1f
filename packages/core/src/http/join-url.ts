/**
 * Appends a provider's documented path to a base URL. The base may carry a path prefix (a
 * sandbox mount such as `http://127.0.0.1:4010/crystalpay`, or a proxy), which is kept:
 * slashes at the join are normalised, and the path's own trailing slash is kept, because
 * some providers document it (`/v3/invoice/create/`).
 *
 * `joinUrl('https://api.crystalpay.io', 'v3/invoice/create/')` →
 * `https://api.crystalpay.io/v3/invoice/create/`; an empty path gives the base with one `/`.
 */
export function joinUrl(baseUrl: string, path: string): string {
  let end = baseUrl.length;
  while (end > 0 && baseUrl[end - 1] === '/') end -= 1;
  let start = 0;
  while (start < path.length && path[start] === '/') start += 1;
  return `${baseUrl.slice(0, end)}/${path.slice(start)}`;
}
