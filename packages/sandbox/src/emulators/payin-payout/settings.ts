import type { HashRule } from '@pay/payin-payout';

/** The requests' clock window, ±10 s [doc]; `providerOptions['payin-payout'].timestampWindowSeconds`. */
const DEFAULT_WINDOW_SECONDS = 10;

/** Which family A hash rules the sandbox accepts: one of them, or (the default) either. */
export type AcceptedHashRule = HashRule | 'either';

/**
 * The sandbox's settings for Payin-payout, checked: which hash rule it checks, the window, and
 * where the merchant shop API's payment notifications go.
 */
export function settingsOf(options: Record<string, unknown>): {
  hashRule: AcceptedHashRule;
  windowSeconds: number;
  shopWebhookUrl: string | undefined;
} {
  const hashRule = options.hashRule ?? 'either';
  if (hashRule !== 'sorted' && hashRule !== 'legacy' && hashRule !== 'either') {
    throw new RangeError(
      "providerOptions['payin-payout'].hashRule must be 'sorted', 'legacy' or 'either'",
    );
  }
  const windowSeconds = options.timestampWindowSeconds ?? DEFAULT_WINDOW_SECONDS;
  if (typeof windowSeconds !== 'number' || !(windowSeconds >= 0)) {
    throw new RangeError(
      "providerOptions['payin-payout'].timestampWindowSeconds must be a number of seconds, 0 or more",
    );
  }
  const shopWebhookUrl = options.shopWebhookUrl;
  if (
    shopWebhookUrl !== undefined &&
    !(typeof shopWebhookUrl === 'string' && /^https?:\/\//.test(shopWebhookUrl))
  ) {
    throw new RangeError("providerOptions['payin-payout'].shopWebhookUrl must be an http(s) URL");
  }
  return { hashRule, windowSeconds, shopWebhookUrl };
}
