import { describe, expect, it } from 'vitest';
import { withoutBoundary } from './multipart.ts';

const fields = [
  ['projectId', '9deea1e2-0c08-41a3-bdc2-a34eada3892d'],
  ['serviceData', '{"userId":100,"orderId":500}'],
  ['na"me\n', 'two\nlines\r\nand\rmore'],
] as const;

/** A multipart request as Node's fetch encodes one, boundary and all. */
async function nodeEncoding() {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  const response = new Response(form);
  return {
    headers: { 'content-type': response.headers.get('content-type') ?? '' },
    body: await response.text(),
  };
}

describe('withoutBoundary', () => {
  it('leaves any other difference visible', async () => {
    const node = await nodeEncoding();
    const changed = { ...node, body: node.body.replace('orderId', 'orderID') };
    expect(withoutBoundary(changed)).not.toEqual(withoutBoundary(node));
  });

  it('leaves a request that is not multipart as it is', () => {
    const request = { headers: { 'content-type': 'application/json' }, body: '{}' };
    expect(withoutBoundary(request)).toBe(request);
  });
});
