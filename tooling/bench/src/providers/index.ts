import type { ProviderAdapter } from '../adapter.ts';
import { crystalpay } from './crystalpay.ts';

/**
 * Every `@pay/*` provider the benchmark measures, in report order. A new provider: write
 * `./<id>.ts` (see `ProviderAdapter` in ../adapter.ts) and add it here; its size budget then
 * joins `npm test` through `.size-limit.ts`.
 */
export const providers: readonly ProviderAdapter[] = [crystalpay];
