import {
  PayValidationError,
  readWebhookInput,
  timingSafeEqualText,
  type WebhookInput,
} from '@pay/core';
import { PROVIDER } from './payin-payout-constants.ts';
import { shopSign } from './payin-payout-shop-signing.ts';
import { SHOP_PAYMENT_STATUSES, statusName } from './payin-payout-statuses.ts';
import { refuse, type WebhookReply } from './payin-payout-webhooks.ts';

/** The notification's signed fields, in the order `sign` joins them (README "При отправке…"). */
const SIGNED = [
  'agentId',
  'orderId',
  'paymentId',
  'amount',
  'phone',
  'paymentStatus',
  'paymentDate',
] as const;

/**
 * A verified payment notification: every field exactly as received (strings; `amount` stays
 * `'166.70'`), `sign` removed, plus `statusName`. `amount` is cumulative: a 200 invoice paid
 * in parts notifies 30, then 130, then 200.
 */
export type ShopPaymentNotification = { [K in (typeof SIGNED)[number]]: string } & {
  /** `paymentStatus` 1 paid, 2 failed, 3 partially paid. */
  statusName: (typeof SHOP_PAYMENT_STATUSES)[keyof typeof SHOP_PAYMENT_STATUSES] | 'unknown';
  currency?: string;
  preference?: string;
  goods?: string;
  agentName?: string;
  comment?: string;
  /** Also `addInfo_N` (yours, echoed) and, for terminal payments, `course`, `inputId`, … */
  [field: string]: string | undefined;
};

/** Payment notifications of the shop API. */
export interface PayinPayoutShopWebhooks {
  /**
   * Checks a payment notification (a form POST) and returns its fields. Pass the raw body:
   * `{ body: await request.text(), headers }` or the Web `Request`. `sign` is recomputed over
   * the received texts and compared in constant time; `agentId` must be this shop's. There is
   * no time window: Payin-payout repeats a notification until it is acknowledged, so an old
   * one is legitimate. Act on it idempotently (by `paymentId` and `paymentStatus`).
   * @throws PaySignatureError `reason` `missing` (no sign), `mismatch` (altered, another
   *   secret, or another shop), `malformed` (a signed field is missing), `not-raw`
   */
  verify(input: WebhookInput): Promise<ShopPaymentNotification>;
  /**
   * The reply Payin-payout requires: HTTP 200 with exactly
   * `<?xml version="1.0" encoding="UTF-8"?><response><result>0</result></response>`.
   * Anything else, a redirect included, counts as undelivered and is repeated.
   */
  acknowledge(): WebhookReply;
  /**
   * Signs notification fields as Payin-payout would (for tests) and returns the form body.
   * @throws PayValidationError a signed field is missing
   */
  sign(fields: Readonly<Record<string, string>>): string;
}

/** Creates `client.webhooks` for the shop API. */
export function createShopWebhooks(settings: {
  agentId: string;
  secret: string;
}): PayinPayoutShopWebhooks {
  return {
    async verify(input) {
      const raw = await readWebhookInput(input, PROVIDER);
      const fields = Object.fromEntries(new URLSearchParams(raw.body));
      const { sign, ...received } = fields;
      if (!sign) throw refuse('missing', 'no `sign` field');
      const absent = SIGNED.filter((name) => received[name] === undefined);
      if (absent.length > 0) throw refuse('malformed', `missing ${absent.join(', ')}`);
      const expected = shopSign(
        SIGNED.map((name) => received[name] as string),
        settings.secret,
      );
      if (!timingSafeEqualText(expected, sign.toLowerCase())) {
        throw refuse(
          'mismatch',
          'the sign does not match: the form was altered (an amount re-rendered as 166.7 ' +
            'counts), or it was signed for another shop',
        );
      }
      if (received.agentId !== settings.agentId) {
        throw refuse('mismatch', `agentId ${received.agentId} is not this shop's agentId`);
      }
      const code = Number(received.paymentStatus);
      return {
        ...(received as ShopPaymentNotification),
        statusName: statusName(SHOP_PAYMENT_STATUSES, code),
      };
    },
    acknowledge() {
      return {
        status: 200,
        headers: { 'content-type': 'text/xml; charset=UTF-8' },
        body: '<?xml version="1.0" encoding="UTF-8"?><response><result>0</result></response>',
      };
    },
    sign(fields) {
      const absent = SIGNED.filter((name) => fields[name] === undefined);
      if (absent.length > 0) {
        throw new PayValidationError(
          absent.map((name) => ({ path: name, message: 'is signed, so it is required' })),
          { provider: PROVIDER, operation: 'webhooks.sign' },
        );
      }
      const { sign: _sign, ...unsigned } = fields;
      const sign = shopSign(
        SIGNED.map((name) => unsigned[name] as string),
        settings.secret,
      );
      return new URLSearchParams({ ...unsigned, sign }).toString();
    },
  };
}
