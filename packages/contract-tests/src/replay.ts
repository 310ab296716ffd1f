import nock from 'nock';
import { expect } from 'vitest';
import type { Interaction } from './fixture-schema.ts';

/** A request the SDK sent, as nock received it. */
export interface CapturedRequest {
  method: string;
  url: string;
  headers: Headers;
  bodyText: string;
}

/** What a response may be replaced with to inject a fault. */
export type ResponseOverride = {
  kind: 'reply';
  status: number;
  bodyText: string;
  headers?: Record<string, string>;
};

/** Serves interactions in order and records what was sent; see {@link withReplay}. */
export interface Replay {
  captured: CapturedRequest[];
  /** Requests that matched no interaction (nock answers them with 501, not an exception). */
  unmatched: string[];
}

/**
 * Runs `body` with the real network blocked and `interactions` served by nock, then asserts that
 * every interaction was used and no request went unmatched.
 */
export async function withReplay<T>(
  interactions: readonly Interaction[],
  body: (replay: Replay) => Promise<T>,
  override?: ResponseOverride,
): Promise<{ replay: Replay; outcome: T }> {
  const replay: Replay = { captured: [], unmatched: [] };
  const onNoMatch = (request: Request) => {
    replay.unmatched.push(`${request.method} ${request.url}`);
  };
  nock.disableNetConnect();
  nock.emitter.on('no match', onNoMatch);
  const scopes = interactions.map((interaction, index) =>
    serve(interaction, replay, index === 0 ? override : undefined),
  );
  try {
    const outcome = await body(replay);
    expect(replay.unmatched, 'requests that matched no fixture interaction').toEqual([]);
    for (const scope of scopes) {
      expect(scope.pendingMocks(), 'fixture interactions the SDK never requested').toEqual([]);
    }
    return { replay, outcome };
  } finally {
    nock.emitter.off('no match', onNoMatch);
    nock.cleanAll();
    nock.enableNetConnect();
  }
}

function serve(interaction: Interaction, replay: Replay, override?: ResponseOverride): nock.Scope {
  const url = new URL(interaction.request.url);
  const interceptor = nock(url.origin).intercept(
    url.pathname + url.search,
    interaction.request.method,
  );
  // One argument: nock hands the reply function a Fetch Request (two would mean a callback).
  return interceptor.reply(async (request: Request) => {
    replay.captured.push({
      method: request.method,
      url: request.url,
      headers: new Headers(request.headers),
      bodyText: await request.text(),
    });
    if (override) {
      return [override.status, override.bodyText, override.headers ?? {}] as const;
    }
    const { response } = interaction;
    const text =
      response.bodyText ?? (response.body === undefined ? '' : JSON.stringify(response.body));
    const headers = {
      ...(response.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...response.headers,
    };
    return [response.status, text, headers] as const;
  });
}

/** Decodes a captured body the way the fixture describes it. */
async function decodeBody(
  captured: CapturedRequest,
  encoding: 'json' | 'form' | 'multipart' | 'none' | undefined,
): Promise<unknown> {
  if (encoding === 'none') return captured.bodyText === '' ? undefined : captured.bodyText;
  if (encoding === 'json' || encoding === undefined) return JSON.parse(captured.bodyText);
  if (encoding === 'form') return Object.fromEntries(new URLSearchParams(captured.bodyText));
  const form = await new Response(captured.bodyText, {
    headers: { 'content-type': captured.headers.get('content-type') ?? '' },
  }).formData();
  return Object.fromEntries([...form.entries()].map(([name, value]) => [name, String(value)]));
}

/** Asserts that a captured request is the one the fixture documents. */
export async function expectRequest(
  captured: CapturedRequest | undefined,
  expected: Interaction['request'],
): Promise<void> {
  expect(captured, `the SDK did not send ${expected.method} ${expected.url}`).toBeDefined();
  if (!captured) return;
  expect(captured.method).toBe(expected.method);
  expect(captured.url).toBe(expected.url);
  for (const [name, value] of Object.entries(expected.headers ?? {})) {
    const sent = captured.headers.get(name);
    if (name.toLowerCase() === 'content-type')
      expect(sent, `header ${name}`).toMatch(new RegExp(`^${value}`));
    else expect(sent, `header ${name}`).toBe(value);
  }
  if (expected.bodyText !== undefined) expect(captured.bodyText).toBe(expected.bodyText);
  if (expected.body !== undefined || expected.bodyEncoding === 'none') {
    expect(await decodeBody(captured, expected.bodyEncoding)).toEqual(expected.body);
  }
}
