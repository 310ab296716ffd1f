import { PayConfigError } from './errors/pay-config-error.ts';

/** What the runtime must have: `JSON.rawJSON` sends a documented number with its exact digits. */
const REQUIRED =
  'Node.js 22 or newer (or Bun 1.2+, Deno 2+, Cloudflare Workers with nodejs_compat)';

/**
 * Throws `PayConfigError` (setting `runtime`) when the runtime lacks what the SDKs need, so an
 * old Node fails when the package is imported instead of deep inside the first call (npm only
 * warns about `engines`).
 */
export function assertSupportedRuntime(json: object = JSON): void {
  if (typeof (json as { rawJSON?: unknown }).rawJSON !== 'function') {
    throw new PayConfigError(
      'runtime',
      `is not supported: @pay/* needs ${REQUIRED} (JSON.rawJSON is missing)`,
    );
  }
}
