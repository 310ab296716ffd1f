import { type BitsbyClient, createBitsby } from '@pay/bitsby';
import type { DemoScenario } from '../scenario.ts';

type Environment = Parameters<DemoScenario['run']>[0];

// One client per sandbox: its queue is what keeps every call, `--keep`'s extra invoice
// included, under Bitsby's 1 request per second. A second client would have a queue of its own.
const clients = new WeakMap<Environment['sandbox'], BitsbyClient>();

function client(sandbox: Environment['sandbox']): BitsbyClient {
  let bitsby = clients.get(sandbox);
  if (!bitsby) {
    const { apiKey, projectId } = sandbox.credentials.bitsby as Record<string, string>;
    bitsby = createBitsby({
      apiKey: apiKey!,
      projectId,
      baseUrl: sandbox.baseUrls.bitsby,
    });
    clients.set(sandbox, bitsby);
  }
  return bitsby;
}

export const bitsbyScenario: DemoScenario = {
  provider: 'Bitsby',
  async run({ sandbox, receiver }) {
    // Bitsby posts webhooks to the project's URL, set once, not per invoice.
    sandbox.setWebhookUrl('bitsby', receiver.url);
    const bitsby = client(sandbox);
    const invoice = await bitsby.invoices.create({
      amountFiat: '49.90',
      currencyFiat: 'USD',
      timeToPay: 1,
      description: 'Demo order #1',
      serviceData: { orderId: 1 },
    });
    await sandbox.act('bitsby', invoice.id, 'pay');
    const callback = await receiver.next();
    // Bitsby signs nothing: verify confirms the webhook by fetching the invoice from the API,
    // and reports Bitsby's record of it.
    const event = await bitsby.webhooks.verify(callback);
    const final = await bitsby.invoices.get({ invoiceId: invoice.id });
    return {
      invoiceId: invoice.id,
      payUrl: invoice.url,
      // A status is an open enum (a new one still arrives): reported as its text.
      finalStatus: final ? String(final.status) : 'not listed',
      callbackVerified: event.confirmed && event.invoice.id === invoice.id,
    };
  },
  async createUnpaid({ sandbox }) {
    const invoice = await client(sandbox).invoices.create({
      amountFiat: '990',
      currencyFiat: 'EUR',
      timeToPay: 12,
    });
    return invoice.url;
  },
};
