import { createBitsby, createBitsbyGateway } from '@pay/bitsby';
import type { DemoProvider } from '../scenario.ts';

export const bitsby: DemoProvider = {
  id: 'bitsby',
  label: 'Bitsby',
  gateway: (sandbox) => {
    const { apiKey, projectId } = sandbox.credentials.bitsby;
    // One client, so one queue keeps every call under Bitsby's 1 request per second.
    return createBitsbyGateway(
      createBitsby({ apiKey: apiKey!, projectId, baseUrl: sandbox.baseUrls.bitsby }),
    );
  },
  invoice: () => ({ currency: 'USD', lifetimeMinutes: 60 }),
};
