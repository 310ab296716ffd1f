import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.ts';

/** The parts of a contract-test fixture (docs/decisions/0004) that adapters reuse. */
export interface Fixture {
  /** Settings merged over the package's test settings; `now` in milliseconds. */
  settings?: Record<string, unknown>;
  input: Record<string, unknown>;
  request: {
    method: 'GET' | 'POST';
    url: string;
    headers?: Record<string, string>;
    /** Default `json`. */
    bodyEncoding?: 'json' | 'form' | 'multipart' | 'none';
    /** The body as a JSON value, or for form and multipart an object of string fields. */
    body?: unknown;
    bodyText?: string;
  };
  response: {
    status: number;
    headers?: Record<string, string>;
    body?: unknown;
    bodyText?: string;
  };
}

/**
 * Reads `packages/contract-tests/fixtures/<provider>/<name>.json`. Adapters take the documented
 * request and response from there instead of copying them, so the benchmark serves exactly what
 * the contract tests hold the SDK to.
 */
export function readFixture(provider: string, name: string): Fixture {
  const file = join(REPO_ROOT, 'packages', 'contract-tests', 'fixtures', provider, `${name}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Fixture;
}

/** The fixture's response as the loopback server sends it. */
export function fixtureResponse(fixture: Fixture): {
  status: number;
  contentType: string;
  body: string;
} {
  const { response } = fixture;
  return {
    status: response.status,
    contentType: response.headers?.['content-type'] ?? 'application/json',
    body: response.bodyText ?? JSON.stringify(response.body),
  };
}

/** The fixture's absolute request URL minus its origin and leading slash: the adapter's path. */
export function fixturePath(fixture: Fixture): string {
  const url = new URL(fixture.request.url);
  return `${url.pathname.replace(/^\//, '')}${url.search}`;
}
