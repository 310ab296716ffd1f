import { createCrystalPay } from '@pay/crystalpay';
import type { DemoScenario } from '../scenario.ts';

function client(sandbox: Parameters<DemoScenario['run']>[0]['sandbox']) {
  const { login, secret, salt } = sandbox.credentials.crystalpay as Record<string, string>;
  return createCrystalPay({
    login: login!,
    secret: secret!,
    salt: salt!,
    baseUrl: sandbox.baseUrls.crystalpay,
  });
}

export const crystalpayScenario: DemoScenario = {
  provider: 'CrystalPay',
  async run({ sandbox, receiver }) {
    const crystalpay = client(sandbox);
    const invoice = await crystalpay.invoice.create({
      amount: '1500.50',
      type: 'purchase',
      lifetime: 60,
      description: 'Demo order #1',
      callback_url: receiver.url,
    });
    await sandbox.act('crystalpay', invoice.id, 'pay');
    const callback = await receiver.next();
    // CrystalPay signs only the id: verify confirms the state through invoice/info by default.
    const event = await crystalpay.webhooks.verify(callback);
    const info = await crystalpay.invoice.info({ id: invoice.id });
    return {
      invoiceId: invoice.id,
      payUrl: invoice.url,
      finalStatus: String(info.state),
      callbackVerified:
        event.confirmed && event.kind === 'invoice' && event.invoice.id === invoice.id,
    };
  },
  async createUnpaid({ sandbox, receiver }) {
    const invoice = await client(sandbox).invoice.create({
      amount: '990',
      type: 'purchase',
      lifetime: 60,
      callback_url: receiver.url,
    });
    return invoice.url;
  },
};
