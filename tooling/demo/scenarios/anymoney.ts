import { createAnyMoney } from '@pay/anymoney';
import type { DemoScenario } from '../scenario.ts';

function client(sandbox: Parameters<DemoScenario['run']>[0]['sandbox']) {
  const { merchantId, apiKey } = sandbox.credentials.anymoney as Record<string, string>;
  return createAnyMoney({
    merchantId: merchantId!,
    apiKey: apiKey!,
    baseUrl: sandbox.baseUrls.anymoney,
  });
}

/** A fresh `externalid`: AnyMoney refuses one the merchant already used. */
const externalId = () =>
  `DEMO-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

export const anymoneyScenario: DemoScenario = {
  provider: 'AnyMoney',
  async run({ sandbox, receiver }) {
    const anymoney = client(sandbox);
    const order = await anymoney.invoice.create({
      amount: '1000.25',
      externalid: externalId(),
      in_curr: 'UAH',
      lifetime: '1d',
      callback_url: receiver.url,
    });
    const externalid = order.externalid;
    await sandbox.act('anymoney', externalid, 'pay');
    const callback = await receiver.next();
    // Confirms the callback through `status`, as AnyMoney's callback signature is undocumented.
    const event = await anymoney.webhooks.verify(callback);
    const invoice = await anymoney.invoice.get({ externalid });
    return {
      invoiceId: externalid,
      payUrl: order.paylink,
      // An OpenEnum: a status AnyMoney adds later still arrives, as the string it sent.
      finalStatus: String(invoice.status),
      callbackVerified: event.confirmed && event.order.externalid === externalid,
    };
  },
  async createUnpaid({ sandbox, receiver }) {
    const order = await client(sandbox).invoice.create({
      amount: '990',
      externalid: externalId(),
      in_curr: 'UAH',
      callback_url: receiver.url,
    });
    return order.paylink;
  },
};
