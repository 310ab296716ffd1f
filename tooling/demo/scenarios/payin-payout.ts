import { createPayinPayout, createPayinPayoutGateway } from '@pay/payin-payout';
import type { DemoProvider } from '../scenario.ts';

export const payinPayout: DemoProvider = {
  id: 'payin-payout',
  label: 'Payin-payout',
  gateway: (sandbox) => {
    const { userId, developerKey } = sandbox.credentials['payin-payout'];
    const client = createPayinPayout({
      userId: userId!,
      developerKey: developerKey!,
      baseUrl: sandbox.baseUrls['payin-payout'],
    });
    // Payin-payout's top-up invoices need the payer's id in its system.
    return createPayinPayoutGateway(client, { payerId: 6034 });
  },
  invoice: () => ({ currency: 'RUB', description: 'Demo top-up' }),
};
