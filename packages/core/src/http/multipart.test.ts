import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeMultipart } from './multipart.ts';

/** Parses a body back with the platform's own multipart parser. */
async function parse(encoded: { body: string; contentType: string }): Promise<[string, string][]> {
  const form = await new Response(encoded.body, {
    headers: { 'content-type': encoded.contentType },
  }).formData();
  return [...form.entries()].map(([name, value]) => [name, String(value)]);
}

describe('encodeMultipart', () => {
  it('writes the fields in order, as curl -F does', () => {
    const { body, contentType } = encodeMultipart([
      ['amountFiat', '10.55'],
      ['currencyFiat', 'EUR'],
    ]);
    const boundary = contentType.replace('multipart/form-data; boundary=', '');
    expect(boundary).toMatch(/^----pay-formdata-[0-9a-f]{32}$/);
    expect(body).toBe(
      `--${boundary}\r\nContent-Disposition: form-data; name="amountFiat"\r\n\r\n10.55\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="currencyFiat"\r\n\r\nEUR\r\n` +
        `--${boundary}--\r\n`,
    );
  });

  it('keeps values byte for byte (no line-break normalisation) and escapes names', async () => {
    const encoded = encodeMultipart([
      ['note', 'line 1\nline 2\r\nend'],
      ['a"b', 'x'],
    ]);
    expect(encoded.body).toContain('\r\n\r\nline 1\nline 2\r\nend\r\n');
    expect(encoded.body).toContain('name="a%22b"');
    expect(await parse(encoded)).toEqual([
      ['note', 'line 1\nline 2\r\nend'],
      ['a"b', 'x'],
    ]);
  });

  it('round-trips any fields through the platform parser, in order', async () => {
    const name = fc.string({ minLength: 1 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(name, fc.string()), { maxLength: 6 }), async (fields) => {
        expect(await parse(encodeMultipart(fields))).toEqual(fields);
      }),
      { numRuns: 200 },
    );
  });

  it('never uses a boundary that appears in a value', () => {
    const { contentType, body } = encodeMultipart([['x', '----pay-formdata-']]);
    const boundary = contentType.split('boundary=')[1] ?? '';
    expect(body.split(`--${boundary}`)).toHaveLength(3);
  });
});
