import type { Context, Hono } from 'hono';
import type { EmulatorContext } from '../../emulator.ts';
import type { Ledger } from './ledger.ts';
import { authenticated, type Credentials, type CrystalBody } from './request.ts';

/** What every CrystalPay route handler gets. */
export interface CrystalScope {
  context: EmulatorContext<Credentials>;
  ledger: Ledger;
}

type CrystalHandler = (c: Context, body: CrystalBody) => Response | Promise<Response>;

/**
 * Adds `POST /v3/<method>/` (and, tolerantly, the same path without its trailing slash: a
 * [sandbox guess], CrystalPay's own behaviour without it is unknown), authenticated first.
 */
export function post(
  app: Hono,
  scope: CrystalScope,
  method: string,
  handler: CrystalHandler,
): void {
  const run = async (c: Context) => {
    const body = await authenticated(c, scope.context.credentials);
    return body instanceof Response ? body : handler(c, body);
  };
  app.post(`/v3/${method}/`, run);
  app.post(`/v3/${method}`, run);
}

/** One page of `records` (newest first) and whether another follows. */
export function page<T>(
  records: readonly T[],
  pageNumber: number,
  perPage: number,
): { items: T[]; has_next_page: boolean } {
  const start = (pageNumber - 1) * perPage;
  return {
    items: records.slice(start, start + perPage),
    has_next_page: records.length > start + perPage,
  };
}
