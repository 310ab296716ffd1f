import type { CreateInvoiceCall } from './adapter.ts';
import type { Loopback } from './loopback.ts';
import { withoutBoundary } from './multipart.ts';

/** How strictly a client's request must match the raw one. */
export interface IdentityRules {
  /**
   * `all`: every header on the wire must be equal (both sides use Node's fetch, so even the
   * headers fetch adds must match). `listed`: only the headers the raw request sets (a peer on
   * another HTTP stack adds its own transport headers, which are reported, not failed).
   */
  headers: 'all' | 'listed';
  /** Names of the headers the raw request sets. */
  listed: readonly string[];
}

/** The outcome: transport-level header differences that were tolerated (`listed` rules only). */
export interface IdentityReport {
  toleratedDifferences: string[];
}

/**
 * Sends one request from each side to the loopback server and compares what arrived: method,
 * path, body bytes and headers (a multipart boundary aside). Throws on a difference that
 * matters, so a wrong adapter stops the run instead of producing a ratio between two different
 * requests.
 */
export async function checkIdenticalRequests(
  loopback: Loopback,
  label: string,
  client: CreateInvoiceCall,
  raw: CreateInvoiceCall,
  rules: IdentityRules,
): Promise<IdentityReport> {
  await loopback.takeRecorded();
  await client();
  const [clientRequest] = await loopback.takeRecorded();
  await raw();
  const [rawRequest] = await loopback.takeRecorded();
  if (!clientRequest || !rawRequest) {
    throw new Error(`${label}: the loopback server saw no request`);
  }
  // A multipart boundary is random per request (@pay/core's encoder): the one part allowed to differ.
  const [fromClient, fromRaw] = [withoutBoundary(clientRequest), withoutBoundary(rawRequest)];
  const problems: string[] = [];
  const tolerated: string[] = [];
  for (const field of ['method', 'path', 'body'] as const) {
    if (fromClient[field] !== fromRaw[field]) {
      problems.push(`${field}: client ${show(fromClient[field])} vs raw ${show(fromRaw[field])}`);
    }
  }
  const names = new Set([...Object.keys(fromClient.headers), ...Object.keys(fromRaw.headers)]);
  for (const name of [...names].sort()) {
    const clientValue = fromClient.headers[name];
    const rawValue = fromRaw.headers[name];
    if (clientValue === rawValue) continue;
    const difference = `${name}: client ${show(clientValue)} vs raw ${show(rawValue)}`;
    if (rules.headers === 'all' || rules.listed.includes(name)) problems.push(difference);
    else tolerated.push(difference);
  }
  if (problems.length > 0) {
    throw new Error(
      `${label}: the SDK and the raw request differ on the wire; fix the adapter:\n  ${problems.join('\n  ')}`,
    );
  }
  return { toleratedDifferences: tolerated };
}

function show(value: string | undefined): string {
  return value === undefined ? '(absent)' : JSON.stringify(value);
}
