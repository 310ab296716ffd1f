import {
  acknowledgement,
  type OpenEnum,
  PayValidationError,
  readWebhookInput,
  type SignedWebhook,
  timingSafeEqualText,
  type WebhookInput,
  type WebhooksApi,
  type WebhookVerifyOptions,
} from '@pay/core';
import { PROVIDER } from './payin-payout-request.ts';
import { statusName } from './payin-payout-schemas.ts';
import { shopSign } from './payin-payout-shop-signing.ts';
import { refuse } from './payin-payout-webhooks.ts';

/** `paymentStatus` of the shop API's payment notification, as documented. */
export const SHOP_PAYMENT_STATUSES = {
  1: 'paid',
  2: 'failed',
  3: 'partially_paid',
} as const;

/** A documented `paymentStatus`, as the notification's text carries it. */
export type ShopPaymentStatus = `${keyof typeof SHOP_PAYMENT_STATUSES}`;

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
 * `'166.70'`), `sign` removed, plus `statusName` and `confirmed`. `amount` is cumulative: a 200
 * invoice paid in parts notifies 30, then 130, then 200. Undocumented fields are kept too.
 */
export type PayinPayoutShopWebhookEvent = {
  [K in Exclude<(typeof SIGNED)[number], 'paymentStatus'>]: string;
} & {
  /** `1` paid, `2` failed, `3` partially paid; an undocumented one as received (`Undocumented`). */
  paymentStatus: OpenEnum<ShopPaymentStatus>;
  /** Always `true`: `sign` covers the state (`paymentStatus`) and `amount`. */
  confirmed: true;
  /** `paymentStatus` 1 paid, 2 failed, 3 partially paid. */
  statusName: OpenEnum<(typeof SHOP_PAYMENT_STATUSES)[keyof typeof SHOP_PAYMENT_STATUSES]>;
  currency?: string;
  preference?: string;
  goods?: string;
  agentName?: string;
  comment?: string;
  /** Terminal payments: `course`, `course_account`, `inputId`, `outputId`, `userName`. */
  course?: string;
  course_account?: string;
  inputId?: string;
  outputId?: string;
  userName?: string;
  /** Yours, echoed from the payment registration. */
  [addInfo: `addInfo_${number}`]: string | undefined;
};

/**
 * What `webhooks.sign()` takes: the notification's fields as texts, the signed ones
 * (`agentId, orderId, paymentId, amount, phone, paymentStatus, paymentDate`) required.
 */
export type ShopWebhooksSignParams = Readonly<Record<string, string>>;

/** `shop.webhooks`: payment notifications of the merchant shop API. */
export interface PayinPayoutShopWebhooksApi
  extends WebhooksApi<PayinPayoutShopWebhookEvent, ShopWebhooksSignParams> {
  /**
   * Checks a payment notification (a form POST) and resolves to its fields. Pass the raw body
   * (`{ body: await request.text(), headers }`) or the Web `Request`. `sign` is recomputed over
   * the received texts and compared in constant time; `agentId` must be this shop's. `sign`
   * covers `paymentStatus` and `amount`, so nothing is fetched: the event is `confirmed: true`,
   * and `options.confirm` is accepted and ignored. There is no time window: Payin-payout
   * repeats a notification until it is acknowledged, so an old one is legitimate. Act on it
   * idempotently (by `paymentId` and `paymentStatus`).
   * @throws PaySignatureError `reason` `missing` (no sign), `mismatch` (altered, another
   *   secret, or another shop), `malformed` (a signed field is missing)
   * @throws PayValidationError a parsed object instead of the raw body
   */
  verify(
    input: WebhookInput | Request,
    options?: WebhookVerifyOptions,
  ): Promise<PayinPayoutShopWebhookEvent>;
  /**
   * Signs notification fields as Payin-payout would (for tests) and resolves to the form body
   * with its content type.
   * @throws PayValidationError (rejected) what `verify` would refuse: a signed field missing
   *   (or not text), or another shop's `agentId`
   */
  sign(params: ShopWebhooksSignParams): Promise<SignedWebhook>;
  /**
   * The reply Payin-payout requires: HTTP 200, `text/xml; charset=UTF-8`, exactly
   * `<?xml version="1.0" encoding="UTF-8"?><response><result>0</result></response>`. Anything
   * else, a redirect included, counts as undelivered and is repeated.
   */
  acknowledge(): Response;
}

/** The reply Payin-payout requires to a payment notification, byte for byte. */
const ACKNOWLEDGEMENT =
  '<?xml version="1.0" encoding="UTF-8"?><response><result>0</result></response>';

/** Creates `client.webhooks` for the shop API. */
export function createShopWebhooks(settings: {
  agentId: string;
  secret: string;
}): PayinPayoutShopWebhooksApi {
  return {
    // `options.confirm` is ignored: `sign` covers the state and the amount.
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
      return {
        ...(received as Record<(typeof SIGNED)[number], string>),
        paymentStatus: received.paymentStatus as OpenEnum<ShopPaymentStatus>,
        statusName: statusName(SHOP_PAYMENT_STATUSES, received.paymentStatus as string),
        confirmed: true,
      };
    },
    async sign(params) {
      // Sign only what verify accepts: every signed field, as text, for this shop.
      const issues = SIGNED.flatMap((name) =>
        typeof params[name] === 'string'
          ? []
          : [{ path: name, message: 'is signed, so it is required (as text)' }],
      );
      if (typeof params.agentId === 'string' && params.agentId !== settings.agentId) {
        issues.push({
          path: 'agentId',
          message: "must be this shop's agentId (verify refuses another)",
        });
      }
      if (issues.length > 0) {
        throw new PayValidationError(issues, { provider: PROVIDER, operation: 'webhooks.sign' });
      }
      const { sign: _sign, ...unsigned } = params;
      const sign = shopSign(
        SIGNED.map((name) => unsigned[name] as string),
        settings.secret,
      );
      return {
        body: new URLSearchParams({ ...unsigned, sign }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      };
    },
    acknowledge: () => acknowledgement(ACKNOWLEDGEMENT, 'text/xml; charset=UTF-8'),
  };
}
