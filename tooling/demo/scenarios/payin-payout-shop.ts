import { createPayinPayoutShop, createPayinPayoutShopGateway } from '@pay/payin-payout';
import type { DemoProvider } from '../scenario.ts';

export const payinPayoutShop: DemoProvider = {
  id: 'payin-payout-shop',
  label: 'Payin-payout shop',
  gateway: (sandbox) => {
    const { agentId, secret } = sandbox.credentials['payin-payout'];
    const shop = createPayinPayoutShop({
      agentId,
      secret,
      baseUrl: sandbox.baseUrls['payin-payout'],
    });
    return createPayinPayoutShopGateway(shop, { agentName: 'Demo shop' });
  },
  // The payment-registration form needs the payer's contacts; the shop's notification URL is set
  // in its cabinet (here: the sandbox's shopWebhookUrl).
  invoice: () => ({ currency: 'RUB', email: 'payer@example.com', phone: '79001234567' }),
};
