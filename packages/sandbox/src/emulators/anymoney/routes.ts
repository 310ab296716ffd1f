import type { RpcParams } from '@pay/anymoney';
import { parseJsonText } from '@pay/core';
import type { Context } from 'hono';
import { authenticate } from './auth.ts';
import { CODES, Refusal } from './errors.ts';
import { hasMethod, METHODS } from './methods.ts';
import { handleSciForm } from './sci.ts';
import type { AnyMoneyContext } from './types.ts';
import { checkParams } from './validation.ts';

/**
 * The JSON-RPC envelope (https://docs.any.money/en/auth/): no batches, no notifications, params
 * an object of scalars.
 */
async function readCall(c: Context): Promise<{ id: unknown; method: string; params: RpcParams }> {
  const parsed = parseJsonText(await c.req.text());
  if (!parsed.ok) throw new Refusal('Parse error');
  const call = parsed.value as Record<string, unknown>;
  if (typeof call !== 'object' || call === null || Array.isArray(call))
    throw new Refusal('Invalid Request', { reason: 'Batches are not supported' });
  if (call.jsonrpc !== '2.0' || typeof call.method !== 'string')
    throw new Refusal('Invalid Request', {
      reason: 'Should be {"method","params","jsonrpc":"2.0","id"}',
    });
  if (call.id === undefined || call.id === null)
    throw new Refusal('Invalid Request', { reason: 'Notifications are not processed' });
  const params = call.params ?? {};
  if (typeof params !== 'object' || params === null || Array.isArray(params))
    throw new Refusal('InvalidInputParams', { reason: 'params should be an object' });
  for (const [field, value] of Object.entries(params)) {
    if (value !== null && typeof value !== 'string' && typeof value !== 'boolean')
      throw new Refusal('InvalidInputParams', { field, reason: 'Should be a string or a boolean' });
  }
  return { id: call.id, method: call.method, params: params as RpcParams };
}

/** The one route: a JSON-RPC call in, its `result` or `error` envelope out. */
export async function handle(c: Context, context: AnyMoneyContext): Promise<Response> {
  let id: unknown = null;
  let payload: Record<string, unknown>;
  let status: Refusal['httpStatus'] = 200;
  try {
    // The API is `POST https://api.any.money/`; under the sandbox prefix the bare mount
    // (`…/anymoney`) is the same request as `…/anymoney/`, as the bare host is for AnyMoney.
    if (c.req.method === 'POST' && /\/anymoney\/(?:sci\/)?invoice\/?$/.test(c.req.path))
      return handleSciForm(c, context);
    if (c.req.method !== 'POST' || !/\/anymoney\/?$/.test(c.req.path)) {
      const where = `${c.req.method} ${c.req.path.replace(/^.*?\/anymoney/, '') || '/'}`;
      throw new Refusal(
        'Invalid Request',
        { reason: `not emulated by @pay/sandbox: ${where} (the API is POST /)` },
        404,
      );
    }
    const call = await readCall(c);
    id = call.id;
    authenticate(c, call.params, context);
    const method = hasMethod(call.method) ? METHODS[call.method] : undefined;
    // AnyMoney's own name for an unknown method, saying why: the sandbox may simply lack it.
    if (!method)
      throw new Refusal('Method not found', {
        reason: `not emulated by @pay/sandbox: ${call.method}`,
      });
    payload = { result: method.run(checkParams(method, call.params), context) };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const { errorName, data, httpStatus } = error;
    payload = { error: { code: CODES[errorName], message: errorName, data } };
    status = httpStatus;
  }
  c.header('x-utc-now-ms', String(context.now()));
  return c.json({ ...payload, id, jsonrpc: '2.0' }, status);
}
