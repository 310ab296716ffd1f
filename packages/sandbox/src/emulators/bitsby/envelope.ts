import type { Context } from 'hono';

// Bitsby's envelope: `{"result": "success" | "error", "data": …}`.

export const succeed = (c: Context, data: unknown) => c.json({ result: 'success', data });
export const refuse = (c: Context, message: string, status: 200 | 404 = 200) =>
  c.json({ result: 'error', data: message }, status);
