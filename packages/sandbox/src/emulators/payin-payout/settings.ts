import type { HashRule } from '@pay/payin-payout';

/** The requests' clock window, ±10 s [doc]; `providerOptions['payin-payout'].timestampWindowSeconds`. */
const DEFAULT_WINDOW_SECONDS = 10;

/** The sandbox's settings for Payin-payout, checked: which hash rule it checks, and the window. */
export function settingsOf(options: Record<string, unknown>): {
  hashRule: HashRule;
  windowSeconds: number;
} {
  const hashRule = options.hashRule ?? 'sorted';
  if (hashRule !== 'sorted' && hashRule !== 'legacy') {
    throw new RangeError("providerOptions['payin-payout'].hashRule must be 'sorted' or 'legacy'");
  }
  const windowSeconds = options.timestampWindowSeconds ?? DEFAULT_WINDOW_SECONDS;
  if (typeof windowSeconds !== 'number' || !(windowSeconds >= 0)) {
    throw new RangeError(
      "providerOptions['payin-payout'].timestampWindowSeconds must be a number of seconds, 0 or more",
    );
  }
  return { hashRule, windowSeconds };
}
