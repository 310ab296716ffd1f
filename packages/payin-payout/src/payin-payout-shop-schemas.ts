import { amountInput } from '@pay/core';
import * as v from 'valibot';
import { httpUrl, shortText, text, wholeNumber } from './payin-payout-schemas.ts';
import { AGENT_TIME_PATTERN } from './payin-payout-shop-signing.ts';

// Schema helpers the merchant shop API's groups share (family B). The SDK adds `agentId`, `sign`
// and, when not given, `agentTime` (now, in the client's `timeZone`). Output values are the
// exact texts sent.

/** `HH:mm:SS dd.MM.yyyy`, e.g. `13:12:03 10.01.2010` (see `formatAgentTime`). */
export const agentTime = () =>
  v.pipe(v.string(), v.regex(AGENT_TIME_PATTERN, 'must look like 13:12:03 10.01.2010'));

/**
 * International phone, 11 or more digits. Revisions of the docs disagree on a leading `+`
 * (`+79…` vs `79…`), so both are accepted and the value is signed and sent exactly as given.
 */
const phone = () =>
  v.pipe(
    v.string(),
    v.regex(/^\+?\d{11,}$/, 'must be 11 or more digits, optionally after +, e.g. +79161234567'),
  );

/** Three capital letters; Payin-payout's rouble is `RUR` (its default), never `RUB`. */
const currency = () =>
  v.pipe(
    v.string(),
    v.regex(/^[A-Z]{3}$/, 'must be a 3-letter code such as RUR, EUR or USD'),
    v.check((code) => code !== 'RUB', 'Payin-payout calls the rouble RUR, not RUB'),
  );

export const urlField = () => v.pipe(httpUrl(), v.maxLength(1024, 'at most 1024 characters'));
const decimal = () => amountInput({ allowZero: true });

/** `purchase`: the receipt lines, sent as `purchase[products][0][name]=…` fields. */
const purchaseSchema = v.strictObject({
  products: v.array(
    v.strictObject({
      name: text(),
      price: amountInput(),
      quantity: amountInput(),
      vat: decimal(),
      /** `piece` (default), `kg`, `g`, `L`, `ml`. */
      unit: text(),
      discount: v.strictObject({ type: v.picklist(['amount', 'percent']), value: decimal() }),
    }),
  ),
});

/** The payment-registration fields (`/api/shop`, also `rpay/pay`). */
export const registrationEntries = {
  /** Your order number, unique, at most 50 characters. */
  orderId: shortText(50),
  /** The shop's trade name, shown to the payer. */
  agentName: text(),
  userName: v.optional(text()),
  /**
   * Always written with two decimals (`166.7` → `'166.70'`): the provider signs and checks that
   * text, so the SDK signs and sends the padded form. More than two decimals is an error.
   */
  amount: amountInput({ scale: 2 }),
  goods: text(),
  /** Default on Payin-payout's side: `RUR`. */
  currency: v.optional(currency()),
  email: shortText(50),
  phone: phone(),
  /** Payment method code (Appendix 1); the payer skips the method choice. */
  preference: v.optional(wholeNumber()),
  /** When the order was created; default: now, in the client's `timeZone`. */
  agentTime: v.optional(agentTime()),
  /** When the order expires; Payin-payout's default is 24 h. */
  limitTime: v.optional(agentTime()),
  successUrl: v.optional(urlField()),
  failUrl: v.optional(urlField()),
  shop_url: v.optional(urlField()),
  /** A recurring-payment token (`rpay.token`); it is then signed too. */
  token: v.optional(text()),
  purchase: v.optional(purchaseSchema),
};

/** `addInfo_1`, `addInfo_2`, …: your own fields, echoed in the payment notification. */
export type AddInfoFields = { [name: `addInfo_${number}`]: string };

/** Allows `addInfo_N` text fields (at most 1024 characters) besides `entries`, nothing else. */
export function withAddInfo<TEntries extends v.ObjectEntries>(entries: TEntries) {
  return v.pipe(
    v.looseObject(entries),
    // Runs even when a documented field failed, so every problem is reported at once.
    v.rawCheck(({ dataset, addIssue }) => {
      if (typeof dataset.value !== 'object' || dataset.value === null) return;
      for (const [name, value] of Object.entries(dataset.value)) {
        if (name in entries) continue;
        if (!/^addInfo_\d+$/.test(name)) {
          addIssue({ message: `unknown field \`${name}\` (only addInfo_N fields may be added)` });
        } else if (typeof value !== 'string' || value.length > 1024) {
          addIssue({ message: `\`${name}\` must be text of at most 1024 characters` });
        }
      }
    }),
  );
}

/**
 * The payment-registration fields, `addInfo_N` included: what `shop.paymentForm()`,
 * `shop.createInvoice()` and (with more) `shop.createP2pInvoice()` and `rpay.pay()` take.
 */
export type RegistrationParams = v.InferInput<
  v.ObjectSchema<typeof registrationEntries, undefined>
> &
  AddInfoFields;
