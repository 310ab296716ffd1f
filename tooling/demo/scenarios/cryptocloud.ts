import { createCryptoCloud, createCryptoCloudGateway } from '@pay/cryptocloud';
import type { DemoProvider } from '../scenario.ts';

export const cryptocloud: DemoProvider = {
  id: 'cryptocloud',
  label: 'CryptoCloud',
  gateway: (sandbox) => {
    const { apiKey, shopId, secretKey } = sandbox.credentials.cryptocloud;
    return createCryptoCloudGateway(
      createCryptoCloud({
        apiKey: apiKey!,
        shopId: shopId!,
        secretKey: secretKey!,
        baseUrl: sandbox.baseUrls.cryptocloud,
      }),
    );
  },
  invoice: () => ({ currency: 'USD' }),
};
