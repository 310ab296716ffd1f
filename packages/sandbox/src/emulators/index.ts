import type { AnyEmulator } from '../emulator.ts';
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
