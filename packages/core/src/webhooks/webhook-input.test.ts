import { describe, expect, it } from 'vitest';
import { PaySignatureError } from '../errors/pay-signature-error.ts';
import { readWebhookInput } from './webhook-input.ts';

describe('readWebhookInput', () => {
  const body = '{"id":"1","amount":"10.50"}';

  it('reads a string body with a header record (any case)', async () => {
    const raw = await readWebhookInput({ body, headers: { 'X-Signature': 'abc' } }, 'Example');
    expect(raw.body).toBe(body);
    expect(raw.headers.get('x-signature')).toBe('abc');
  });

  it('reads bytes, an ArrayBuffer and a Web Request to the same text', async () => {
    const bytes = new TextEncoder().encode(body);
    const request = new Request('http://h.test/hook', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });
    const fromRequest = await readWebhookInput(request, 'Example');
    expect(fromRequest.headers.get('content-type')).toBe('application/json');
    for (const input of [{ body: bytes }, { body: bytes.buffer }]) {
      expect((await readWebhookInput(input, 'Example')).body).toBe(body);
    }
    expect(fromRequest.body).toBe(body);
  });

  it('joins repeated header values', async () => {
    const raw = await readWebhookInput({ body, headers: { 'x-a': ['1', '2'] } }, 'Example');
    expect(raw.headers.get('x-a')).toBe('1, 2');
  });

  it.each([[{ id: '1' }], [{ body: { id: '1' } }], [null], ['{"id":"1"}']])(
    'refuses %o with an error that says to pass the raw body',
    async (input) => {
      const error = await readWebhookInput(input, 'Example').catch((caught: unknown) => caught);
      expect(PaySignatureError.isInstance(error)).toBe(true);
      expect((error as PaySignatureError).reason).toBe('not-raw');
      expect((error as Error).message).toContain('pass the raw body');
    },
  );
});
