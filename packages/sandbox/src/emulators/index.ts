import type { AnyEmulator } from '../emulator.ts';
import type { ProviderId } from '../invoice-store.ts';
import { anymoneyEmulator } from './anymoney/index.ts';
import { bitsbyEmulator } from './bitsby/index.ts';
import { cryptocloudEmulator } from './cryptocloud/index.ts';
import { crystalpayEmulator } from './crystalpay/index.ts';
import { payinPayoutEmulator } from './payin-payout/index.ts';

/** Every emulated provider, in the order the sandbox lists them. */
export const EMULATORS: readonly AnyEmulator[] = [
  crystalpayEmulator,
  cryptocloudEmulator,
  anymoneyEmulator,
  payinPayoutEmulator,
  bitsbyEmulator,
];

/**
 * The providers that post callbacks to a project-level webhook URL (`webhookUrls`,
 * `setWebhookUrl`) rather than to a URL given with each invoice.
 */
export const PROJECT_WEBHOOK_PROVIDERS: ReadonlySet<ProviderId> = new Set([
  'cryptocloud',
  'payin-payout',
  'bitsby',
]);
