import type { Context } from 'hono';
import { escapeHtml } from '../../pay-page.ts';
import { sqlDateTimeMicros } from '../shared/time.ts';
import type { PayinPayoutContext } from './types.ts';

// Every answer is `{status, result | user_msg, tracker}`.

/** A refusal, thrown by the checks and answered as `{status: false, user_msg, tracker}`. */
export class Refusal extends Error {
  constructor(
    readonly userMessage: string,
    readonly httpStatus: 200 | 404 = 200,
  ) {
    super(userMessage);
  }
}

/** A support reference as Payin-payout writes it: PHP `uniqid('gid_', true)`, after a space. */
export function tracker(now: number): string {
  const seconds = Math.floor(now / 1000)
    .toString(16)
    .padStart(8, '0');
  const micros = ((now % 1000) * 1000).toString(16).padStart(5, '0');
  const entropy = String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
  return ` gid_${seconds}${micros}.${entropy}`;
}

/** A time as Payin-payout's lookups show it (PostgreSQL `timestamptz`), in UTC. */
export function pgTime(ms: number | undefined): string | null {
  const time = sqlDateTimeMicros(ms);
  return time === null ? null : `${time}+00`;
}

/**
 * The error envelope. The docs warn that without `Accept: application/json` errors "may come
 * back as non-JSON": [sandbox guess] they then come as an HTML page, with the same status.
 */
export function refuse(c: Context, context: PayinPayoutContext, refusal: Refusal): Response {
  const accept = c.req.header('accept') ?? '';
  if (!/\bapplication\/json\b/i.test(accept)) {
    return c.html(
      `<!doctype html><html><body><h1>Error</h1><p>${escapeHtml(refusal.userMessage)}</p></body></html>`,
      refusal.httpStatus,
    );
  }
  return c.json(
    { status: false, user_msg: refusal.userMessage, tracker: tracker(context.now()) },
    refusal.httpStatus,
  );
}
