import { isHttpUrl, timingSafeEqualText } from '@pay/core';
import { shopSign } from '@pay/payin-payout';
import type { Context, Hono } from 'hono';
import { escapeHtml } from '../../pay-page.ts';
import { addNewInvoice } from '../shared/new-invoice.ts';
import { addInvoice, fieldsOf, PROVIDER } from './invoices.ts';
import { formOf } from './signature.ts';
import type { Form, PayinPayoutContext, Payment, ShopPayment } from './types.ts';

// The merchant shop API (family B, `createPayinPayoutShop`) as payin-api's README, Token.md,
// TokenV2.md, invoice-by-api.md and p2p-invoice-by-api.md describe it: forms signed with
// `sign = MD5(v1#v2#…#MD5(secret))` by the shop's `agentId` and secret phrase. Its answers
// differ per call (a redirect, `{status, result}`, `{status, user_msg}`, a bare list or object),
// so each refusal says how it is answered.

/** How a call answers a refusal. */
type Style = 'user_msg' | 'result' | 'result-error' | 'form';

class ShopRefusal extends Error {
  constructor(readonly text: string) {
    super(text);
  }
}

/** `HH:mm:SS dd.MM.yyyy` (`agentTime`, `limitTime`) [doc]. */
const AGENT_TIME_PATTERN = /^\d{2}:\d{2}:\d{2} \d{2}\.\d{2}\.\d{4}$/;
/** Card payment methods (Appendix 1 and TokenV2.md: 22, 125, 133). */
const CARD_PREFERENCES = new Set(['22', '125', '133']);
/** The shop API's currencies (Appendix 2). */
const CURRENCIES = new Set(['RUR', 'EUR', 'USD', 'GBP', 'UAH', 'KZT', 'MDL', 'BYN', 'TRY', 'AED']);
/** What the payment registration signs (`token` only when given). */
const REGISTRATION_SIGNED = ['agentId', 'orderId', 'agentTime', 'amount', 'phone', 'token'];
/** A token may be made only for a payment paid within the last 36000 s [doc]. */
const TOKEN_WINDOW_MS = 36_000_000;

/**
 * [sandbox guess] The shop's payment methods: Appendix 1's codes, each with every field the
 * README's example shows; the sandbox enables the account, terminals and cards.
 */
const PROVIDERS_PAY = [
  [1, 'payin_payout', 'Со счета Payin-payout', 1, true],
  [3, 'terminals_ru', 'Терминалы РФ', 2, true],
  [4, 'bank_transfer_ru', 'Банковский перевод по РФ', 5, false],
  [7, 'cards', 'Пластиковые карты', 125, true],
  [8, 'cards_alt', 'Пластиковые карты', 22, true],
  [9, 'sms_mts_megafon_tele2', 'SMS Оплата (МТС, Мегафон, Теле 2)', 127, false],
].map(([id, slug, title, preference, enable], index) => ({
  id,
  slug,
  title,
  name: `service_group.${slug}`,
  hg_id: 5,
  icon: `/images/services/${slug}.jpg`,
  big_icon: null,
  preference,
  descr: null,
  special: 0,
  non_interactive: index !== 0,
  disabled: false,
  enabled: true,
  enable,
}));

interface Token {
  /** v1 (`rpay/token`, from a paid order) or v2 (`rpay/get-token`, confirmed by the payer). */
  version: 1 | 2;
  preference: string;
}

/** Adds the merchant shop API's routes. */
export function shopRoutes(
  app: Hono,
  context: PayinPayoutContext,
  newPayment: (owner: string) => Payment,
): void {
  const { agentId, secret } = context.credentials;
  const tokens = new Map<string, Token>();

  /** Checks `agentId` and `sign` over `names` (absent optional ones left out). */
  function checkSign(form: Form, names: readonly string[], badSign = 'Неверная сигнатура.'): void {
    const agent = form.get('agentId') ?? '';
    if (!/^[1-9]\d{0,5}$/.test(agent)) {
      throw new ShopRefusal('Неверный формат идентификатора агента'); // [doc]
    }
    const values = names.flatMap((name) => {
      const value = form.get(name);
      return value === undefined ? [] : [value];
    });
    const sign = (form.get('sign') ?? '').toLowerCase();
    // [sandbox guess] Another shop's agentId reads as a wrong signature: its secret is not ours.
    if (agent !== agentId || !timingSafeEqualText(sign, shopSign(values, secret))) {
      throw new ShopRefusal(badSign);
    }
  }

  /** The payment-registration fields, checked in the README's table order. */
  function registration(form: Form, { token = false } = {}): void {
    for (const name of ['orderId', 'agentName', 'amount', 'goods', 'email', 'phone', 'agentTime']) {
      if (!form.get(name)) throw new ShopRefusal(`Не заполнено поле ${name}`); // [sandbox guess]
    }
    if ((form.get('orderId') ?? '').length > 50 || (form.get('email') ?? '').length > 50) {
      throw new ShopRefusal('Строка длиннее 50 символов'); // [sandbox guess]
    }
    // "two decimals after the point" [doc]: `166.7` is refused, as its signature would differ.
    if (!/^\d+\.\d{2}$/.test(form.get('amount')!) || Number(form.get('amount')) <= 0) {
      throw new ShopRefusal('Неверный формат суммы'); // [doc]
    }
    const currency = form.get('currency');
    if (currency !== undefined && !CURRENCIES.has(currency)) {
      throw new ShopRefusal('Неверный формат валюты'); // [doc]
    }
    // Revisions disagree on a leading `+`: [sandbox guess] both are accepted.
    if (!/^\+?\d{11,}$/.test(form.get('phone')!)) {
      throw new ShopRefusal('Неверный формат телефона покупателя'); // [doc]
    }
    const preference = form.get('preference');
    if ((preference !== undefined || token) && !/^\d+$/.test(preference ?? '')) {
      throw new ShopRefusal('Неверный формат способа оплаты'); // [doc]
    }
    for (const name of ['agentTime', 'limitTime']) {
      const time = form.get(name);
      if (time !== undefined && !AGENT_TIME_PATTERN.test(time)) {
        throw new ShopRefusal(`Неверный формат поля ${name}`); // [sandbox guess]
      }
    }
    for (const name of ['successUrl', 'failUrl', 'shop_url']) {
      const url = form.get(name);
      if (url !== undefined && (url.length > 1024 || !isHttpUrl(url))) {
        throw new ShopRefusal(`Неверный формат поля ${name}`); // [sandbox guess]
      }
    }
    if (token && !form.get('token')) throw new ShopRefusal('Неверный формат токена'); // [doc]
  }

  /** A new payment of the shop, known by its numeric `paymentId`. */
  function addPayment(form: Form, shop: ShopPayment) {
    const incoming = newPayment(agentId);
    return addInvoice(
      context,
      String(incoming.id),
      form.get('amount')!,
      form.get('currency') ?? 'RUR',
      form,
      { flow: 'shop', incoming, outgoing: undefined, notify: true, shop },
    );
  }

  /** The shop's payments with this orderId, newest first. */
  function paymentsOf(orderId: string) {
    return context.store
      .list(PROVIDER)
      .filter(
        (invoice) =>
          fieldsOf(invoice).flow === 'shop' && fieldsOf(invoice).form.orderId === orderId,
      )
      .reverse();
  }

  function answer(
    c: Context,
    style: Style,
    run: () => unknown,
    form?: Form,
  ): Response | Promise<Response> {
    try {
      const result = run();
      return result instanceof Response ? result : c.json(result as object);
    } catch (error) {
      if (!(error instanceof ShopRefusal)) throw error;
      if (style === 'user_msg') return c.json({ status: false, user_msg: error.text });
      if (style === 'result') return c.json({ status: false, result: error.text });
      if (style === 'result-error') {
        return c.json({ status: false, result: { token: null, error: error.text } });
      }
      // The form: to failUrl with `error`, else the system's error 250 [doc].
      const failUrl = form?.get('failUrl');
      if (failUrl && isHttpUrl(failUrl)) {
        const target = new URL(failUrl);
        target.searchParams.set('error', error.text);
        return c.redirect(target.toString(), 302);
      }
      return c.html(
        `<!doctype html><html><body><h1>Ошибка 250</h1><p>${escapeHtml(error.text)}</p></body></html>`,
      );
    }
  }

  // `/api/shop`: the registration form (GET link or POST), `format=json`, `json=1`.
  const apiShop = async (c: Context) => {
    const form: Form =
      c.req.method === 'GET' ? new Map(new URL(c.req.url).searchParams) : await formOf(c);
    const variant =
      form.get('format') === 'json' ? 'terminal' : form.get('json') === '1' ? 'p2p' : 'form';
    const style: Style = variant === 'form' ? 'form' : 'user_msg';
    return answer(
      c,
      style,
      () => {
        registration(form);
        checkSign(form, REGISTRATION_SIGNED);
        const orderId = form.get('orderId')!;
        if (variant === 'form') {
          // Opening the same link again (the same order and amount, still open) reopens its payment.
          const open = paymentsOf(orderId).find(
            (invoice) =>
              fieldsOf(invoice).shop?.kind === 'form' &&
              invoice.state === 'created' &&
              invoice.amount === form.get('amount'),
          );
          const invoice = open ?? addPayment(form, { kind: 'form' });
          return c.redirect(invoice.payUrl, 302);
        }
        if (variant === 'terminal') {
          const invoice = addPayment(form, { kind: 'terminal' });
          const { incoming } = fieldsOf(invoice);
          return {
            status: true,
            result: { number: incoming!.account_number, payment_id: invoice.id },
          };
        }
        const type = form.get('p2p_type');
        if (type !== 'ANY' && type !== 'SBP' && type !== 'SBP_TG') {
          throw new ShopRefusal('Error: Error! Invalid p2p_type.'); // [sandbox guess]
        }
        if (paymentsOf(orderId).length > 0) {
          throw new ShopRefusal('Error: Error! OrderId already exists.'); // [doc]
        }
        const invoice = addPayment(form, { kind: 'p2p' });
        // [sandbox guess] 30 minutes to transfer; made-up receivers.
        const until = `${new Date(context.now() + 30 * 60_000).toISOString().slice(0, 19).replace('T', ' ')}+0000`;
        const base = {
          amount: Number(form.get('amount')),
          orderId,
          number: fieldsOf(invoice).incoming!.account_number,
          until,
        };
        if (type === 'ANY') return { ...base, cardNumber: '2200000000000000' };
        return {
          ...base,
          receiverName: 'Иванов Иван Иванович',
          receiverBank: type === 'SBP' ? 'SBERBANK' : 'SANDBOX BANK',
          receiverPhone: type === 'SBP' ? '+79990000000' : '+992900000000',
        };
      },
      form,
    );
  };
  app.get('/api/shop', apiShop);
  app.post('/api/shop', apiShop);

  // `/shop/get-providers-pay`: a bare list of the shop's payment methods.
  app.post('/shop/get-providers-pay', async (c) => {
    const form = await formOf(c);
    return answer(c, 'result', () => {
      if (!AGENT_TIME_PATTERN.test(form.get('agentTime') ?? '')) {
        throw new ShopRefusal('Неверный формат поля agentTime'); // [sandbox guess]
      }
      checkSign(form, ['agentId', 'agentTime']);
      return PROVIDERS_PAY;
    });
  });

  // `/api/rpay/token` (v1): a token for an order paid by card in the last 36000 s.
  app.post('/api/rpay/token', async (c) => {
    const form = await formOf(c);
    return answer(c, 'result', () => {
      if (!form.get('orderId') || !AGENT_TIME_PATTERN.test(form.get('agentTime') ?? '')) {
        throw new ShopRefusal('Ошибка, плохой запрос. Для уточнения обратитесь в техподдержку.'); // [doc]
      }
      checkSign(form, ['agentId', 'orderId', 'agentTime']);
      const payments = paymentsOf(form.get('orderId')!);
      if (payments.length === 0) throw new ShopRefusal('Платеж не найден.'); // [doc]
      const paid = payments.find((invoice) => invoice.state === 'paid');
      if (!paid) throw new ShopRefusal('Платеж не оплачен.'); // [doc]
      // [sandbox guess] A payment with no method chosen counts as paid by card.
      const preference = fieldsOf(paid).form.preference ?? '125';
      if (!CARD_PREFERENCES.has(preference)) {
        throw new ShopRefusal('Получение токена невозможно! Платеж оплачен не Пластиковой картой.'); // [doc]
      }
      if (context.now() - (paid.finalAt ?? 0) > TOKEN_WINDOW_MS) {
        throw new ShopRefusal('Ошибка, плохой запрос. Платеж устарел для создания токена.'); // [doc]
      }
      const token = context.randomId(32);
      tokens.set(token, { version: 1, preference });
      return { status: true, result: token };
    });
  });

  // `/api/rpay/pay`: a charge by token, registered like a payment; its outcome is the page's.
  app.post('/api/rpay/pay', async (c) => {
    const form = await formOf(c);
    return answer(c, 'result', () => {
      registration(form, { token: true });
      checkSign(form, REGISTRATION_SIGNED, 'Неверная сигнатура'); // [doc] (no full stop here)
      const token = tokens.get(form.get('token')!);
      if (!token) throw new ShopRefusal('Неверный формат токена'); // [doc]
      if (token.version === 2) {
        const confirmation = context.store.get(PROVIDER, form.get('token')!);
        if (confirmation?.state !== 'paid') {
          throw new ShopRefusal('Неверный текущий статус платежа'); // [doc]
        }
      }
      const threeDs = context.options.rpay3ds === true;
      const invoice = addPayment(form, { kind: 'recurring', threeDs });
      if (threeDs) {
        return {
          status: true,
          result: 'Для завершения транзакции необходимо перейти по адресу.', // [doc]
          url: invoice.payUrl,
        };
      }
      return { status: true, result: 'Запрос успешно отправлен.' }; // [doc]
    });
  });

  // `/api/rpay/get-token` (v2): a token the payer confirms at `client_redirect_url`.
  app.post('/api/rpay/get-token', async (c) => {
    const form = await formOf(c);
    return answer(c, 'result-error', () => {
      const preference = form.get('preference') ?? '';
      if (!CARD_PREFERENCES.has(preference)) {
        throw new ShopRefusal('Неверный формат способа оплаты'); // [sandbox guess]
      }
      for (const name of ['successUrl', 'cancelUrl', 'callbackUrl']) {
        const url = form.get(name);
        if (
          (url === undefined && name !== 'callbackUrl') ||
          (url !== undefined && !isHttpUrl(url))
        ) {
          throw new ShopRefusal(`Неверный формат поля ${name}`); // [sandbox guess]
        }
      }
      checkSign(form, ['agentId', 'preference']);
      const token = context.randomId(32);
      tokens.set(token, { version: 2, preference });
      // The payer's confirmation is a sandbox invoice of its own: Pay confirms the card.
      const confirmation = addNewInvoice(context, PROVIDER, {
        id: token,
        amount: '0.00',
        currency: 'RUR',
        createdAt: context.now(),
        expiresAt: undefined,
        callbackUrl: undefined,
        fields: {
          flow: 'card-token',
          form: Object.fromEntries([...form].filter(([name]) => name !== 'sign')),
          incoming: undefined,
          outgoing: undefined,
          notify: false,
        },
      });
      return {
        status: true,
        result: { token, client_redirect_url: confirmation.payUrl, error: null },
      };
    });
  });

  // `/api/rpay/get-status-token` (v2): `SUCCEEDED` once the payer confirmed the card.
  app.post('/api/rpay/get-status-token', async (c) => {
    const form = await formOf(c);
    return answer(c, 'result-error', () => {
      if (!/^\d+$/.test(form.get('preference') ?? '')) {
        throw new ShopRefusal('Неверный формат способа оплаты'); // [sandbox guess]
      }
      checkSign(form, ['agentId', 'preference']);
      const name = form.get('token') ?? '';
      const token = tokens.get(name);
      if (!token) throw new ShopRefusal('Токен не найден.'); // [sandbox guess]
      const confirmed = token.version === 1 || context.store.get(PROVIDER, name)?.state === 'paid';
      return {
        status: true,
        result: { token: name, status: confirmed ? 'SUCCEEDED' : 'not confirmed', error: null },
      };
    });
  });
}
