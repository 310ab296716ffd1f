/**
 * multipart/form-data bodies, which cannot be byte-identical from call to call: Node's fetch
 * (undici) encodes `FormData` with a random boundary (`----formdata-undici-0` + 11 random digits,
 * always the same length). The raw side sends one body encoded once with a fixed boundary of that
 * shape; the comparison treats the boundary token as the only part allowed to differ.
 */

/** undici's boundary shape with fixed digits: same length, so the same `content-length`. */
const FIXED_BOUNDARY = `----formdata-undici-0${'0'.repeat(11)}`;

/**
 * Text fields encoded as undici encodes `FormData` (RFC 7578: line breaks in names and values
 * made CRLF, then `"`, CR and LF in names percent-encoded), with the fixed boundary.
 * Synchronous, so adapters can build their raw request at module load (size-limit loads them).
 */
export function encodeMultipart(fields: ReadonlyArray<readonly [string, string]>): {
  contentType: string;
  body: string;
} {
  const parts = fields.map(
    ([name, value]) =>
      `--${FIXED_BOUNDARY}\r\nContent-Disposition: form-data; name="${escapeName(name)}"\r\n\r\n${crlf(value)}\r\n`,
  );
  return {
    contentType: `multipart/form-data; boundary=${FIXED_BOUNDARY}`,
    body: `${parts.join('')}--${FIXED_BOUNDARY}--\r\n`,
  };
}

function escapeName(name: string): string {
  return crlf(name).replaceAll('\n', '%0A').replaceAll('\r', '%0D').replaceAll('"', '%22');
}

function crlf(value: string): string {
  return value.replace(/\r\n|\r|\n/g, '\r\n');
}

/** Stands in for the boundary in a canonical request. */
const BOUNDARY_PLACEHOLDER = '<boundary>';

/**
 * The request with its multipart boundary (if any) replaced by a placeholder in `content-type`
 * and in the body, everything else untouched: two requests that differ only by their random
 * boundary become equal, any other difference (a field, its order, the length) stays visible.
 */
export function withoutBoundary<T extends { headers: Record<string, string>; body: string }>(
  request: T,
): T {
  const contentType = request.headers['content-type'] ?? '';
  const boundary = /^multipart\/form-data;\s*boundary=(.+)$/i.exec(contentType)?.[1];
  if (!boundary) return request;
  return {
    ...request,
    headers: {
      ...request.headers,
      'content-type': contentType.replace(boundary, BOUNDARY_PLACEHOLDER),
    },
    body: request.body.replaceAll(boundary, BOUNDARY_PLACEHOLDER),
  };
}
