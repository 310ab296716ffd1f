import { PayConfigError } from '@pay/core';
import { jsonResponse, stubFetch } from '@pay/core/testing';
import { describe, expect, it } from 'vitest';
import { createCryptoCloud } from './cryptocloud-client.ts';

const credentials = { apiKey: 'project_api_key_1', shopId: 'Shop42' };
/** The error a call rejects with (its result, when it resolves: the assertions then fail). */
const rejection = (pending: Promise<unknown>) => pending.catch((caught: unknown) => caught);

describe('createCryptoCloud', () => {
  it.each(['apiKey', 'shopId'] as const)('refuses a missing %s', (setting) => {
    expect(() => createCryptoCloud({ ...credentials, [setting]: '' })).toThrow(PayConfigError);
    expect(() => createCryptoCloud({ ...credentials, [setting]: ' ' })).toThrow(`\`${setting}\``);
  });

  it.each(['secretKey', 'withdrawalApiKey'] as const)('refuses an empty %s', (setting) => {
    expect(() => createCryptoCloud({ ...credentials, [setting]: '' })).toThrow(`\`${setting}\``);
  });

  it.each(['apiKey', 'withdrawalApiKey'] as const)(
    'refuses a %s no HTTP header can carry, without echoing it',
    (setting) => {
      const create = () => createCryptoCloud({ ...credentials, [setting]: 'key\r\nx-evil: 1' });
      expect(create).toThrow(PayConfigError);
      expect(create).toThrow(`\`${setting}\``);
      expect(create).not.toThrow('x-evil');
    },
  );

  it('takes an optional key set to null as not set', async () => {
    const fetch = stubFetch(() => jsonResponse({}));
    const cryptocloud = createCryptoCloud({
      ...credentials,
      fetch,
      // @ts-expect-error: null from a config loader, not in the type
      withdrawalApiKey: null,
    });
    const error = await rejection(
      cryptocloud.withdrawal.create({ currency_code: 'BTC', to_address: 'x', amount: 1 }),
    );
    expect(PayConfigError.isInstance(error) && error.setting).toBe('withdrawalApiKey');
    expect(fetch.calls).toHaveLength(0);
  });

  it('refuses a negative or fractional webhookClockTolerance', () => {
    for (const webhookClockTolerance of [-1, 1.5]) {
      expect(() => createCryptoCloud({ ...credentials, webhookClockTolerance })).toThrow(
        'webhookClockTolerance',
      );
    }
  });
});
