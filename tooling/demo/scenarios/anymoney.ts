import { createAnyMoney, createAnyMoneyGateway } from '@pay/anymoney';
import type { DemoProvider } from '../scenario.ts';

export const anymoney: DemoProvider = {
  id: 'anymoney',
  label: 'AnyMoney',
  gateway: (sandbox) => {
    const { merchantId, apiKey } = sandbox.credentials.anymoney;
    return createAnyMoneyGateway(
      createAnyMoney({
        merchantId: merchantId!,
        apiKey: apiKey!,
        baseUrl: sandbox.baseUrls.anymoney,
      }),
    );
  },
  // AnyMoney takes the callback URL per invoice.
  invoice: (webhookUrl) => ({ currency: 'UAH', callbackUrl: webhookUrl }),
};
