/**
 * multipart/form-data bodies cannot be byte-identical from call to call: `@pay/core` encodes
 * each with a fresh random boundary (always the same length). The raw side sends one body
 * encoded once by that same encoder; the comparison treats the boundary token as the only part
 * allowed to differ.
 */

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
