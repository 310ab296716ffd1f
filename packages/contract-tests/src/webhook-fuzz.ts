// Generators and helpers for webhook-fuzz.test.ts: arbitrary webhook inputs (as descriptions, so
// that a single-use `Request` is built afresh each time fast-check runs or shrinks a case),
// fetch stubs that play the provider's API, and tampering of one field of a signed callback.

import { isDeepStrictEqual } from 'node:util';
import { MAX_WEBHOOK_BODY_LENGTH } from '@pay/core';
import { jsonResponse } from '@pay/core/testing';
import fc from 'fast-check';
import type { Fixture, Interaction } from './fixture-schema.ts';
import { interactionsOf } from './fixture-schema.ts';

/** A body as a sender may deliver it. */
type BodyDescription =
  | { as: 'string'; text: string }
  | { as: 'bytes'; bytes: Uint8Array }
  | { as: 'utf8'; text: string }
  | { as: 'arraybuffer'; text: string };

/** One `webhooks.verify` input, described; {@link buildInput} makes the value. */
export type InputDescription =
  | { kind: 'raw'; body: BodyDescription; headers: unknown }
  | { kind: 'headers-object'; body: BodyDescription; headers: Record<string, string> }
  | { kind: 'request'; body: BodyDescription; headers: Record<string, string>; consumed: boolean }
  | { kind: 'value'; value: unknown }
  | { kind: 'signed'; fields: Record<string, unknown>; deliver: 'raw' | 'request' };

/** Signs arbitrary fields as the provider would (`webhooks.sign` where it takes them). */
export type Signer = (fields: Record<string, unknown>) => Promise<{
  body: string;
  headers: Record<string, string>;
}>;

/** `webhooks.verify`'s second argument, described (a signal is made per call). */
export type OptionsDescription =
  | undefined
  | { confirm?: boolean; kind?: string; aborted?: boolean; unknownOption?: unknown }
  | { notAnObject: unknown };

// ---------------------------------------------------------------------------------------------
// Texts

/** Characters no HTTP header can carry, and others that break naive code. */
const NASTY_TEXTS = [
  '',
  ' ',
  '\r\n',
  'a\r\nx-injected: 1',
  '\0',
  'a\0b',
  'é',
  'Ω',
  '😀',
  '\uD800',
  '\uDFFF',
  '\u2028',
  '\uFEFF',
  '__proto__',
  'constructor',
  'toString',
  'NaN',
  '-0',
  '1e400',
  '9007199254740993',
  '0x10',
  '%',
  '%zz',
  '%E2%82',
  '&&==',
  '\\u0000',
];

/** Any text: ASCII, full Unicode (lone surrogates included), and known troublemakers. */
const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY_TEXTS) },
  fc.string({ unit: fc.constantFrom(...NASTY_TEXTS), maxLength: 6 }),
);

/** Any JSON value a field may be given. */
const anyFieldValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: anyText },
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 2 ** 53, 2 ** 63, 1e21, 0.1, 166.7, true, false, null),
  fc.jsonValue({ maxDepth: 2 }),
  fc.array(anyText, { maxLength: 3 }),
  fc.dictionary(anyText, anyText, { maxKeys: 3 }),
);

/** Nesting thousands of levels deep: `[[[…]]]`, `{"a":{"a":…}}`, unbalanced, or inside a field. */
const deeplyNested: fc.Arbitrary<string> = fc
  .tuple(
    fc.integer({ min: 1, max: 5000 }),
    fc.constantFrom('array', 'object', 'open', 'field', 'string'),
  )
  .map(([depth, shape]) => {
    switch (shape) {
      case 'array':
        return `${'['.repeat(depth)}${']'.repeat(depth)}`;
      case 'object':
        return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
      case 'open':
        return '['.repeat(depth);
      case 'field':
        return `{"id":"1","signature":"x","hash":"x","invoice_id":"1","token":"x","extra":${'['.repeat(depth)}${']'.repeat(depth)}}`;
      default:
        // Brackets inside a string are not nesting.
        return `{"id":"${'['.repeat(depth)}"}`;
    }
  });

/** Bodies near and over the 64 KiB limit (code units, and bytes once UTF-8 encoded). */
const huge: fc.Arbitrary<string> = fc
  .tuple(
    fc.integer({ min: -8, max: 8 }),
    fc.constantFrom('a', 'é', '😀', '['),
    fc.constantFrom('bare', 'json', 'form'),
  )
  .map(([delta, unit, wrap]) => {
    const filler = unit.repeat(
      Math.max(0, Math.floor((MAX_WEBHOOK_BODY_LENGTH + delta * 1024 + delta) / unit.length)),
    );
    if (wrap === 'json') return `{"id":"1","signature":"x","token":"x","extra":"${filler}"}`;
    if (wrap === 'form') return `sign=x&agentId=1&x=${encodeURIComponent(filler)}`;
    return filler;
  });

/** Form-encoded text, with the client's field names among random ones. */
function formText(fieldNames: readonly string[]): fc.Arbitrary<string> {
  const name = fieldNames.length > 0 ? fc.oneof(fc.constantFrom(...fieldNames), anyText) : anyText;
  return fc.oneof(
    fc
      .array(fc.tuple(name, anyText), { maxLength: 10 })
      .map((pairs) => new URLSearchParams(pairs).toString()),
    fc
      .array(fc.oneof(anyText, fc.constantFrom('=', '&', '%', '+')), { maxLength: 20 })
      .map((parts) => parts.join('')),
  );
}

/** A JSON object with the client's field names among random ones, any values. */
function jsonObjectText(fieldNames: readonly string[]): fc.Arbitrary<string> {
  const name = fieldNames.length > 0 ? fc.oneof(fc.constantFrom(...fieldNames), anyText) : anyText;
  return fc.dictionary(name, anyFieldValue, { maxKeys: 10 }).map((value) => JSON.stringify(value));
}

/** Small edits of a valid body's text: a character inserted, removed or replaced. */
function mutatedText(samples: readonly string[]): fc.Arbitrary<string> {
  if (samples.length === 0) return fc.constant('');
  return fc
    .tuple(fc.constantFrom(...samples), fc.nat(), fc.nat({ max: 3 }), anyText)
    .map(([sample, at, removed, inserted]) => {
      const index = sample.length === 0 ? 0 : at % (sample.length + 1);
      return sample.slice(0, index) + inserted + sample.slice(index + removed);
    });
}

/** Arbitrary body text for a client whose valid bodies and field names are given. */
function bodyText(samples: readonly string[], fieldNames: readonly string[]) {
  return fc.oneof(
    { weight: 3, arbitrary: jsonObjectText(fieldNames) },
    { weight: 2, arbitrary: mutatedText(samples) },
    { weight: 2, arbitrary: formText(fieldNames) },
    { weight: 2, arbitrary: anyText },
    { weight: 1, arbitrary: fc.json({ maxDepth: 4 }) },
    { weight: 1, arbitrary: deeplyNested },
    { weight: 1, arbitrary: huge },
    {
      weight: 1,
      arbitrary: fc.constantFrom('null', '[]', '{}', '""', '0', 'true', '{"__proto__":{"a":1}}'),
    },
  );
}

/** A body in any of the forms `verify` takes. */
function bodyDescription(text: fc.Arbitrary<string>): fc.Arbitrary<BodyDescription> {
  return fc.oneof(
    { weight: 4, arbitrary: text.map((t) => ({ as: 'string' as const, text: t })) },
    { weight: 1, arbitrary: text.map((t) => ({ as: 'utf8' as const, text: t })) },
    { weight: 1, arbitrary: text.map((t) => ({ as: 'arraybuffer' as const, text: t })) },
    {
      weight: 1,
      arbitrary: fc
        .uint8Array({ maxLength: 300 })
        .map((bytes) => ({ as: 'bytes' as const, bytes })),
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Headers

const KNOWN_HEADER_NAMES = [
  'content-type',
  'Content-Type',
  'content-length',
  'x-signature',
  'X-Signature',
  'x-utc-now-ms',
  'x-merchant',
  'authorization',
  'signature',
  'transfer-encoding',
];

const headerName = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...KNOWN_HEADER_NAMES) },
  anyText,
);

const headerText = fc.oneof(
  fc.constantFrom(
    'application/json',
    'application/x-www-form-urlencoded',
    'text/plain',
    'multipart/form-data; boundary=x',
    '1700000000000',
    '1234',
    '-1',
    '99999999999',
  ),
  anyText,
);

/** Any header value a record may hold: text, arrays, and things that are not text. */
const headerValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: headerText },
  fc.array(headerText, { maxLength: 3 }),
  fc.array(fc.oneof(headerText, fc.integer(), fc.constant(null)), { maxLength: 3 }),
  fc.constantFrom(undefined, null, 0, 1, true, {}),
);

/** Headers as a record of arbitrary names and values, built over a valid sample sometimes. */
function headerRecord(samples: readonly Record<string, string>[]): fc.Arbitrary<unknown> {
  const record = fc.dictionary(headerName, headerValue, { maxKeys: 6 });
  const base = samples.length > 0 ? fc.constantFrom(...samples) : fc.constant({});
  return fc.oneof(
    { weight: 3, arbitrary: record },
    { weight: 3, arbitrary: fc.tuple(base, record).map(([a, b]) => ({ ...a, ...b })) },
    { weight: 1, arbitrary: base },
    fc.constantFrom(undefined, null, 'content-type: application/json', 42, []),
  );
}

/** Header values a `Headers` or a `Request` can be built with (Latin-1, no CR/LF/NUL). */
function validHeaders(samples: readonly Record<string, string>[]) {
  const name = fc.constantFrom(...KNOWN_HEADER_NAMES);
  const value = fc.oneof(
    headerText.filter((text) => /^[\t\x20-\x7e\x80-\xff]*$/.test(text)),
    fc.constantFrom(''),
  );
  const base = samples.length > 0 ? fc.constantFrom(...samples) : fc.constant({});
  return fc
    .tuple(base, fc.dictionary(name, value, { maxKeys: 3 }), fc.boolean())
    .map(([a, b, merge]) => (merge ? { ...a, ...b } : a));
}

// ---------------------------------------------------------------------------------------------
// Inputs and options

/** Arbitrary `verify` inputs for a client (raw bodies, `Request`s, misuse). */
export function inputDescription(
  samples: readonly { body: string; headers: Record<string, string> }[],
  fieldNames: readonly string[],
  sampleFields: readonly Record<string, unknown>[],
): fc.Arbitrary<InputDescription> {
  const texts = bodyText(
    samples.map((sample) => sample.body),
    fieldNames,
  );
  const sampleHeaders = samples.map((sample) => sample.headers);
  const body = bodyDescription(texts);
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .record({ body, headers: headerRecord(sampleHeaders) })
        .map((input) => ({ kind: 'raw' as const, ...input })),
    },
    {
      // Correctly signed bodies with arbitrary values: past the signature, into the schemas
      // and the confirming call.
      weight: 4,
      arbitrary: fc
        .record({
          base: sampleFields.length > 0 ? fc.constantFrom(...sampleFields) : fc.constant({}),
          changes: fc.dictionary(
            fieldNames.length > 0 ? fc.oneof(fc.constantFrom(...fieldNames), anyText) : anyText,
            anyFieldValue,
            { maxKeys: 4 },
          ),
          deliver: fc.constantFrom('raw' as const, 'request' as const),
        })
        .map(({ base, changes, deliver }) => ({
          kind: 'signed' as const,
          fields: { ...base, ...changes },
          deliver,
        })),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({ body, headers: validHeaders(sampleHeaders) })
        .map((input) => ({ kind: 'headers-object' as const, ...input })),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({ body, headers: validHeaders(sampleHeaders), consumed: fc.boolean() })
        .map((input) => ({ kind: 'request' as const, ...input })),
    },
    {
      weight: 1,
      arbitrary: fc
        .oneof(
          fc.constantFrom(undefined, null, 0, '', 'body', true, Symbol('x'), () => 'body'),
          fc.anything({ maxDepth: 2 }),
          fc.record({ body: fc.anything({ maxDepth: 2 }) }),
          fc.record({ body: fc.jsonValue({ maxDepth: 2 }), headers: fc.anything({ maxDepth: 1 }) }),
          fc.record({ headers: headerRecord(sampleHeaders) }),
          texts.map((text) => [text]),
        )
        .map((value) => ({ kind: 'value' as const, value })),
    },
  );
}

/**
 * Arbitrary `verify` options: none, the defaults, `{ confirm: false }`, an aborted signal, and
 * what a JS caller may pass for "no options" (`null`, …): read as the defaults.
 */
export const optionsDescription: fc.Arbitrary<OptionsDescription> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  fc.constantFrom(null, 0, false, '', 'x', []).map((notAnObject) => ({ notAnObject })),
  { weight: 3, arbitrary: fc.constant({ confirm: false }) },
  fc.constant({}),
  fc.constant({ confirm: true }),
  fc.record(
    {
      confirm: fc.boolean(),
      kind: fc.constantFrom('invoice', 'payoff', 'other'),
      aborted: fc.boolean(),
      unknownOption: fc.anything({ maxDepth: 1 }),
    },
    { requiredKeys: [] },
  ),
);

function encode(body: BodyDescription): string | Uint8Array | ArrayBuffer {
  switch (body.as) {
    case 'string':
      return body.text;
    case 'bytes':
      return body.bytes;
    case 'utf8':
      return new TextEncoder().encode(body.text);
    default: {
      const bytes = new TextEncoder().encode(body.text);
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    }
  }
}

/** Builds the input a description stands for (a new `Request` every time). */
export async function buildInput(description: InputDescription, sign: Signer): Promise<unknown> {
  switch (description.kind) {
    case 'signed': {
      let signed: Awaited<ReturnType<Signer>>;
      try {
        signed = await sign(description.fields);
      } catch {
        // Fields `sign` refuses: send them unsigned instead.
        signed = { body: JSON.stringify(description.fields), headers: {} };
      }
      return description.deliver === 'raw'
        ? { body: signed.body, headers: signed.headers }
        : new Request('https://shop.example/hooks', {
            method: 'POST',
            body: signed.body,
            headers: safeHeaders(signed.headers),
          });
    }
    case 'value':
      return description.value;
    case 'raw':
      return { body: encode(description.body), headers: description.headers };
    case 'headers-object':
      return { body: encode(description.body), headers: safeHeaders(description.headers) };
    default: {
      const request = new Request('https://shop.example/hooks', {
        method: 'POST',
        body: encode(description.body) as BodyInit,
        headers: safeHeaders(description.headers),
      });
      if (description.consumed) await request.text();
      return request;
    }
  }
}

/** A `Headers` from what it can hold (the rest is dropped: a test input, not a finding). */
function safeHeaders(record: Record<string, string>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(record)) {
    try {
      headers.set(name, value);
    } catch {
      // not a header value a server could have received
    }
  }
  return headers;
}

/** The options a description stands for. */
export function buildOptions(description: OptionsDescription): unknown {
  if (description === undefined) return undefined;
  if ('notAnObject' in description) return description.notAnObject;
  const { aborted, ...rest } = description;
  return aborted === undefined
    ? rest
    : { ...rest, signal: aborted ? AbortSignal.abort() : undefined };
}

// ---------------------------------------------------------------------------------------------
// The provider's API, played by `fetch`

/** How the confirming call goes. */
export type ApiPlay =
  | { kind: 'answer'; index: number }
  | { kind: 'throw'; error: 'fetch-failed' | 'abort' | 'plain' }
  | { kind: 'garbage'; status: number; text: string };

/** Arbitrary ways for the API to answer: one of the provider's own answers, a failure, garbage. */
export const apiPlay: fc.Arbitrary<ApiPlay> = fc.oneof(
  { weight: 4, arbitrary: fc.nat().map((index) => ({ kind: 'answer' as const, index })) },
  fc
    .constantFrom('fetch-failed' as const, 'abort' as const, 'plain' as const)
    .map((error) => ({ kind: 'throw' as const, error })),
  fc
    .record({
      status: fc.constantFrom(200, 400, 401, 404, 429, 500, 502),
      text: fc.oneof(anyText, fc.json({ maxDepth: 3 }), deeplyNested),
    })
    .map((answer) => ({ kind: 'garbage' as const, ...answer })),
);

/** Every response in a client's fixtures: the provider's own success and error answers. */
export function providerAnswers(fixtures: readonly Fixture[]): Interaction['response'][] {
  return fixtures.flatMap((fixture) => interactionsOf(fixture).map((i) => i.response));
}

/** Plays a response from a fixture. */
function replyWith(response: Interaction['response']): Response {
  if (response.bodyText !== undefined)
    return new Response(response.bodyText, {
      status: response.status,
      headers: response.headers ?? {},
    });
  if (response.body === undefined) return new Response(null, { status: response.status });
  const reply = jsonResponse(response.body, response.status);
  for (const [name, value] of Object.entries(response.headers ?? {}))
    reply.headers.set(name, value);
  return reply;
}

/** A `fetch` setting that answers every request as `play` says. */
export function playFetch(
  play: ApiPlay,
  answers: readonly Interaction['response'][],
): typeof fetch {
  return (async () => {
    if (play.kind === 'throw') {
      if (play.error === 'abort')
        throw new DOMException('The operation was aborted.', 'AbortError');
      if (play.error === 'plain') throw new Error('socket hang up');
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
      });
    }
    if (play.kind === 'garbage') return new Response(play.text, { status: play.status });
    const answer = answers[play.index % Math.max(1, answers.length)];
    return answer ? replyWith(answer) : new Response('', { status: 500 });
  }) as typeof fetch;
}

/** A `fetch` setting that answers the n-th request with the n-th response, the last one after. */
export function sequenceFetch(responses: readonly Interaction['response'][]): typeof fetch {
  let calls = 0;
  return (async () => {
    const response = responses[Math.min(calls, responses.length - 1)];
    calls += 1;
    return response ? replyWith(response) : new Response('', { status: 500 });
  }) as typeof fetch;
}

// ---------------------------------------------------------------------------------------------
// Tampering

/** The value at a dotted path of a parsed body. */
export function getPath(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A deep copy of a parsed body with the value at a dotted path replaced. */
export function setPath<T>(value: T, path: string, replacement: unknown): T {
  const copy = structuredClone(value) as Record<string, unknown>;
  const keys = path.split('.');
  let holder = copy;
  for (const key of keys.slice(0, -1)) holder = holder[key] as Record<string, unknown>;
  holder[keys.at(-1) as string] = replacement;
  return copy as T;
}

/**
 * Arbitrary changes of one value: near misses of the original (a character added, removed or
 * changed, the case flipped, the number written another way) and anything else at all. Never
 * the original value itself.
 */
export function tamperedValue(original: unknown): fc.Arbitrary<unknown> {
  const text = typeof original === 'string' ? original : JSON.stringify(original);
  const nearMisses = fc
    .tuple(
      fc.nat(),
      fc.nat({ max: 2 }),
      fc.oneof(anyText, fc.constantFrom('0', '1', '.', ' ', '-')),
    )
    .map(([at, removed, inserted]) => {
      const index = text.length === 0 ? 0 : at % (text.length + 1);
      const edited = text.slice(0, index) + inserted + text.slice(index + removed);
      return typeof original === 'number' && Number.isFinite(Number(edited)) && edited.trim() !== ''
        ? Number(edited)
        : edited;
    });
  const numeric = Number(text);
  const rewrites: unknown[] = [
    text.toUpperCase(),
    text.toLowerCase(),
    ` ${text}`,
    `${text} `,
    `${text}0`,
    `0${text}`,
    `-${text}`,
    `${text}\0`,
    text.length > 1 ? text.slice(1) : `${text}${text}`,
    null,
    '',
    [text],
    { value: text },
    true,
    ...(Number.isFinite(numeric)
      ? [numeric, numeric + 1, numeric * 10, String(numeric), `${text}.0`]
      : []),
  ];
  return fc
    .oneof(
      { weight: 4, arbitrary: nearMisses },
      { weight: 2, arbitrary: fc.constantFrom(...rewrites) },
      { weight: 2, arbitrary: anyFieldValue },
    )
    .filter((value) => !isDeepStrictEqual(value, original));
}
