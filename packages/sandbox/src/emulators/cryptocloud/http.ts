import type { Context } from 'hono';

// The JSON body in, the envelope out: `{status: "success", result}` or
// `{status: "error", result: {<field or key>: <message>}}` with a 4xx status.

type ErrorStatus = 400 | 401 | 403 | 404;
export const success = (c: Context, result: unknown, extra: Record<string, unknown> = {}) =>
  c.json({ status: 'success', result, ...extra });
export const refuse = (c: Context, status: ErrorStatus, result: Record<string, string>) =>
  c.json({ status: 'error', result }, status);

/**
 * The JSON body as an object (`{}` when empty), or undefined when it is not one. An `amount`
 * sent as a JSON number keeps its exact digits: the sandbox never reads money through a float.
 * A param sent as `null` counts as absent ([sandbox guess]: clients send optional params so).
 */
export async function readBody(c: Context): Promise<Record<string, unknown> | undefined> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  try {
    const body: unknown = JSON.parse(text, (key, value, context?: { source?: string }) =>
      key === 'amount' && typeof value === 'number' && /^-?\d+(\.\d+)?$/.test(context?.source ?? '')
        ? context?.source
        : value,
    );
    return typeof body === 'object' && body !== null && !Array.isArray(body)
      ? Object.fromEntries(Object.entries(body).filter(([, value]) => value !== null))
      : undefined;
  } catch {
    return undefined;
  }
}
