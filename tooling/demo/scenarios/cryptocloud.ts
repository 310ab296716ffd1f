import { createCryptoCloud } from '@pay/cryptocloud';
import type { DemoScenario } from '../scenario.ts';

type Environment = Parameters<DemoScenario['run']>[0];

/** A client on the sandbox; CryptoCloud posts to the project's URL, so point it at the receiver. */
function client({ sandbox, receiver }: Environment) {
  sandbox.setWebhookUrl('cryptocloud', receiver.url);
  const { apiKey, shopId, secretKey } = sandbox.credentials.cryptocloud as Record<string, string>;
  return createCryptoCloud({
    apiKey: apiKey!,
    shopId: shopId!,
    secretKey: secretKey!,
    baseUrl: sandbox.baseUrls.cryptocloud,
  });
}

export const cryptocloudScenario: DemoScenario = {
  provider: 'CryptoCloud',
  async run(environment) {
    const cryptocloud = client(environment);
    const invoice = await cryptocloud.invoice.create({
      amount: '49.90',
      currency: 'USD',
      order_id: 'demo-order-2',
    });
    await environment.sandbox.act('cryptocloud', invoice.uuid, 'pay');
    // Confirmed through `invoice/merchant/info`: the token proves only the invoice id.
    const postback = await cryptocloud.webhooks.verify(await environment.receiver.next());
    const [info] = await cryptocloud.invoice.info({ uuids: [invoice.uuid] });
    return {
      invoiceId: invoice.uuid,
      payUrl: invoice.link,
      // An open enum: an undocumented status is still a string at run time.
      finalStatus: info ? String(info.status) : 'not found',
      callbackVerified: postback.confirmed && `INV-${postback.invoice_id}` === invoice.uuid,
    };
  },
  async createUnpaid(environment) {
    const invoice = await client(environment).invoice.create({ amount: '19.99' });
    return invoice.link;
  },
};
