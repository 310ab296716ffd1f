import type { ProviderAdapter } from '../adapter.ts';
import { anymoney } from './anymoney.ts';
import { bitsby } from './bitsby.ts';
import { cryptocloud } from './cryptocloud.ts';
import { crystalpay } from './crystalpay.ts';
import { payinPayout } from './payin-payout.ts';

/**
 * Every `@pay/*` provider the benchmark measures, in report order. A new provider: write
 * `./<id>.ts` (see `ProviderAdapter` in ../adapter.ts) and add it here; its size budget then
 * joins `npm test` through `.size-limit.ts`.
 */
export const providers: readonly ProviderAdapter[] = [
  crystalpay,
  cryptocloud,
  anymoney,
  payinPayout,
  bitsby,
];
