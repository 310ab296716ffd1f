import { createCrystalPay, createCrystalPayGateway } from '@pay/crystalpay';
import type { DemoProvider } from '../scenario.ts';

export const crystalpay: DemoProvider = {
  id: 'crystalpay',
  label: 'CrystalPay',
  gateway: (sandbox) => {
    const { login, secret, salt } = sandbox.credentials.crystalpay;
    return createCrystalPayGateway(
      createCrystalPay({
        login: login!,
        secret: secret!,
        salt: salt!,
        baseUrl: sandbox.baseUrls.crystalpay,
      }),
    );
  },
  // CrystalPay takes the callback URL per invoice.
  invoice: (webhookUrl) => ({ currency: 'RUB', callbackUrl: webhookUrl, lifetimeMinutes: 60 }),
};
