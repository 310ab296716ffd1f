import { describe, expect, it } from 'vitest';
import { PaySignatureError } from '../errors/pay-signature-error.ts';
import { PayValidationError } from '../errors/pay-validation-error.ts';
import { MAX_WEBHOOK_BODY_LENGTH, readWebhookInput } from './webhook-input.ts';

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
      expect(PayValidationError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain('pass the raw body');
    },
  );

  it('refuses a Request whose body was already read with a PayValidationError, not a TypeError', async () => {
    const request = new Request('http://h.test/hook', { method: 'POST', body });
    await request.text();
    const error = await readWebhookInput(request, 'Example').catch((caught: unknown) => caught);
    expect(PayValidationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('already read');
  });

  it(`refuses a body over ${MAX_WEBHOOK_BODY_LENGTH} bytes in every form, a streamed one unread past the limit`, async () => {
    const big = 'x'.repeat(MAX_WEBHOOK_BODY_LENGTH + 1);
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(16 * 1024));
      },
    });
    const inputs: unknown[] = [
      { body: big },
      { body: new TextEncoder().encode(big) },
      new Request('http://h.test/hook', { method: 'POST', body: big }),
      new Request('http://h.test/hook', {
        method: 'POST',
        body: endless,
        duplex: 'half',
      } as RequestInit),
    ];
    for (const input of inputs) {
      const error = await readWebhookInput(input, 'Example').catch((caught: unknown) => caught);
      expect(PaySignatureError.isInstance(error) && error.reason).toBe('malformed');
    }
    expect(pulled).toBeLessThan(10);
  });

  it('refuses a header record no HTTP server could have received with a PaySignatureError', async () => {
    for (const value of ['a\r\nb', 'ключ']) {
      const error = await readWebhookInput(
        { body, headers: { 'x-signature': value } },
        'Example',
      ).catch((caught: unknown) => caught);
      expect(PaySignatureError.isInstance(error) && error.reason).toBe('malformed');
    }
  });
});
