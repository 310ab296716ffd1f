import { createPayinPayout, PAYMENT_IN_STATUSES } from '@pay/payin-payout';
import type { DemoScenario } from '../scenario.ts';

type Environment = Parameters<DemoScenario['run']>[0];

/**
 * A developer-key API client on the sandbox. Payin-payout posts callbacks to the project's URL,
 * set once, and counts them delivered only on `{"result":true}`: the listener answers that, which
 * the other providers, content with any HTTP 200, accept as well.
 */
async function client({ sandbox, receiver }: Environment) {
  const { userId, developerKey } = sandbox.credentials['payin-payout'] as Record<string, string>;
  const payinPayout = createPayinPayout({
    userId: userId!,
    developerKey: developerKey!,
    baseUrl: sandbox.baseUrls.payinPayout,
  });
  sandbox.setWebhookUrl('payin-payout', receiver.url);
  receiver.respondWith(200, await payinPayout.webhooks.acknowledge().text());
  return payinPayout;
}

/** A top-up invoice: the flow with a pay link (the seed's auto-debit invoice has none). */
const topUp = (payinPayout: Awaited<ReturnType<typeof client>>, summ: string) =>
  payinPayout.paymentIn.createInvoice({
    payer_id: 6034,
    summ,
    currency_id: 643,
    descr: 'Demo top-up #1',
    is_sos_topup: true, // without it, no callback follows the payment
  });

export const payinPayoutScenario: DemoScenario = {
  provider: 'Payin-payout',
  async run(environment) {
    const payinPayout = await client(environment);
    const invoice = await topUp(payinPayout, '500.50');
    const id = invoice.payment_in_id;
    await environment.sandbox.act('payin-payout', id, 'pay');
    // The callback carries its own HMAC-MD5 hash: verify checks it and the timestamp window.
    const event = await payinPayout.webhooks.verify(await environment.receiver.next());
    const [payment] = await payinPayout.paymentIn.findPayment({
      account_number: invoice.pretty_id,
    });
    const status = payment?.status;
    return {
      invoiceId: id,
      payUrl: invoice.pay_link,
      finalStatus:
        status === undefined
          ? 'not found'
          : `${status} (${PAYMENT_IN_STATUSES[status as keyof typeof PAYMENT_IN_STATUSES] ?? 'unknown'})`,
      callbackVerified: event.confirmed && event.type === 'topup' && event.payment_in_id === id,
    };
  },
  async createUnpaid(environment) {
    const invoice = await topUp(await client(environment), '990');
    return invoice.pay_link;
  },
};
