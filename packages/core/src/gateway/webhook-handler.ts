import { PaySignatureError } from '../errors/pay-signature-error.ts';
import { PayValidationError } from '../errors/pay-validation-error.ts';
import type { GatewayEvent, PayGateway } from './gateway.ts';

/**
 * A Web-standard webhook endpoint for one gateway or several: `(request) => Promise<Response>`,
 * so it runs wherever `Request`/`Response` exist (Node 22+, Bun, Deno, Workers, Next.js route
 * handlers; under `node:http` or Express through `@hono/node-server`'s `getRequestListener`).
 *
 * - Given a map, the gateway is picked by the URL's last path segment (`/webhooks/crystalpay`).
 * - It verifies the callback (confirming through the API where the signature does not cover state
 *   and amount), awaits `onEvent`, and only then answers the provider's acknowledgement.
 * - A bad signature or a malformed body answers `400` with no detail; a failing `onEvent` or a
 *   failed confirmation answers `500`/`503` so the provider retries.
 * - The same delivery verified twice reaches `onEvent` twice: make `onEvent` idempotent, keyed by
 *   `event.provider`, `event.invoice.id` and `event.invoice.status`.
 */
export function createWebhookHandler(
  gateways: PayGateway | Record<string, PayGateway>,
  onEvent: (event: GatewayEvent) => unknown | Promise<unknown>,
): (request: Request) => Promise<Response> {
  const pick = (request: Request): PayGateway | undefined => {
    if (isGateway(gateways)) return gateways;
    const segment = new URL(request.url).pathname.split('/').filter(Boolean).at(-1) ?? '';
    return Object.hasOwn(gateways, segment) ? gateways[segment] : undefined;
  };
  return async (request) => {
    if (request.method !== 'POST') return plain(405, 'method not allowed');
    const gateway = pick(request);
    if (!gateway) return plain(404, 'no gateway for this path');
    let event: GatewayEvent;
    try {
      event = await gateway.verifyWebhook(request);
    } catch (error) {
      // Unauthentic or malformed: the sender learns nothing about why.
      if (PaySignatureError.isInstance(error) || PayValidationError.isInstance(error)) {
        return plain(400, 'rejected');
      }
      // The confirming call failed (or anything else): the provider should try again later.
      return plain(503, 'try again later');
    }
    try {
      await onEvent(event);
    } catch {
      return plain(500, 'not handled');
    }
    return gateway.acknowledge(event);
  };
}

function isGateway(value: PayGateway | Record<string, PayGateway>): value is PayGateway {
  return typeof (value as PayGateway).verifyWebhook === 'function';
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
