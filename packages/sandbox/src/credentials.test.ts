import { createAnyMoney } from '@pay/anymoney';
import { createBitsby } from '@pay/bitsby';
import { createCryptoCloud } from '@pay/cryptocloud';
import { createCrystalPay } from '@pay/crystalpay';
import { createPayinPayout } from '@pay/payin-payout';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { SandboxCredentials } from './credentials.ts';
import type { ProviderId } from './invoice-store.ts';
import { type Sandbox, startSandbox } from './sandbox.ts';

// A type test as much as a runtime one: `tsc -p tsconfig.json` (strict) checks that every
// client's settings can be spread from `sandbox.credentials.<provider>`, with one key spelling
// (the provider id) across `baseUrls`, `credentials` and `act()`.

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

describe('sandbox.credentials', () => {
  it('is typed per provider and spreads into each client', async () => {
    expectTypeOf(sandbox.credentials.crystalpay).toEqualTypeOf<{
      login: string;
      secret: string;
      salt: string;
    }>();
    expectTypeOf<keyof Sandbox['baseUrls']>().toEqualTypeOf<ProviderId>();
    expectTypeOf<keyof Sandbox['credentials']>().toEqualTypeOf<ProviderId>();
    expectTypeOf<Parameters<Sandbox['act']>[0]>().toEqualTypeOf<ProviderId>();

    const crystalpay = createCrystalPay({
      ...sandbox.credentials.crystalpay,
      baseUrl: sandbox.baseUrls.crystalpay,
    });
    createCryptoCloud({
      ...sandbox.credentials.cryptocloud,
      baseUrl: sandbox.baseUrls.cryptocloud,
    });
    createAnyMoney({ ...sandbox.credentials.anymoney, baseUrl: sandbox.baseUrls.anymoney });
    createBitsby({ ...sandbox.credentials.bitsby, baseUrl: sandbox.baseUrls.bitsby });
    const { userId, developerKey } = sandbox.credentials['payin-payout'];
    createPayinPayout({ userId, developerKey, baseUrl: sandbox.baseUrls['payin-payout'] });

    const invoice = await crystalpay.invoice.create({ amount: '5', type: 'purchase', lifetime: 5 });
    expect((await sandbox.act('crystalpay', invoice.id, 'pay')).ok).toBe(true);
  });

  it('has the same keys as baseUrls and the control API', async () => {
    const keys: ProviderId[] = ['crystalpay', 'cryptocloud', 'anymoney', 'payin-payout', 'bitsby'];
    expect(Object.keys(sandbox.baseUrls)).toEqual(keys);
    expect(Object.keys(sandbox.credentials)).toEqual(keys);
    const index = (await (await fetch(`${sandbox.url}/_sandbox`)).json()) as {
      baseUrls: Record<string, string>;
      credentials: SandboxCredentials;
    };
    expect(Object.keys(index.baseUrls)).toEqual(keys);
    expect(index.credentials).toEqual(sandbox.credentials);
  });

  it('takes partial overrides per provider', async () => {
    const custom = await startSandbox({ credentials: { crystalpay: { login: 'mine' } } });
    try {
      expect(custom.credentials.crystalpay).toEqual({
        login: 'mine',
        secret: 'sandbox_secret',
        salt: 'sandbox_salt',
      });
    } finally {
      await custom.close();
    }
  });
});
