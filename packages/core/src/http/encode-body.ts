import type { RequestBody } from './transport.ts';

/** Turns a body into what fetch sends, with its content type (multipart carries its boundary). */
export async function encodeBody(
  body: RequestBody | undefined,
): Promise<{ body?: BodyInit; contentType?: string }> {
  if (body === undefined) return {};
  if ('json' in body) return { body: JSON.stringify(body.json), contentType: 'application/json' };
  if ('form' in body)
    return { body: new URLSearchParams(toPairs(body.form) as [string, string][]) };
  const form = new FormData();
  for (const [name, value] of toPairs(body.multipart)) form.append(name, value);
  // Encoded to bytes here rather than handed on as FormData: that is a stream, which ky cancels
  // when a call ends, and if the fetch settled without reading it (a custom fetch failing early)
  // the cancellation rejects inside undici, unhandled, which can end the Node process.
  const encoded = new Response(form);
  return {
    body: new Uint8Array(await encoded.arrayBuffer()),
    contentType: encoded.headers.get('content-type') ?? undefined,
  };
}

function toPairs(
  fields: Record<string, string> | ReadonlyArray<readonly [string, string]>,
): ReadonlyArray<readonly [string, string]> {
  return Array.isArray(fields) ? fields : Object.entries(fields);
}
