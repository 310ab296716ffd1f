import { PayConfigError } from '@pay/core';
import { describe, expect, it } from 'vitest';
import { type BitsbySettings, createBitsby } from './bitsby-client.ts';

const settings: BitsbySettings = {
  apiKey: 'api_key_abcdef',
  projectId: '9deea1e2-0c08-41a3-bdc2-a34eada3892d',
  minIntervalMs: 0,
};

describe('createBitsby', () => {
  it('refuses a missing apiKey, a projectId that is no UUID and a negative minIntervalMs', () => {
    expect(() => createBitsby({ ...settings, apiKey: '' })).toThrow(PayConfigError);
    expect(() => createBitsby({ ...settings, projectId: 'project-1' })).toThrow('`projectId`');
    expect(() => createBitsby({ ...settings, minIntervalMs: -1 })).toThrow('`minIntervalMs`');
    expect(() => createBitsby({ ...settings, retryDelayMs: 1.5 })).toThrow('`retryDelayMs`');
  });

  it('refuses an apiKey no header can carry, without echoing it', () => {
    const error = (() => {
      try {
        createBitsby({ ...settings, apiKey: 'key\r\nX-Evil: 1' });
      } catch (caught) {
        return caught;
      }
    })();
    expect(PayConfigError.isInstance(error)).toBe(true);
    expect(String(error)).toContain('`apiKey`');
    expect(String(error)).not.toContain('X-Evil');
  });

  it('builds every group', () => {
    const bitsby = createBitsby(settings);
    expect(Object.keys(bitsby)).toEqual([
      'invoices',
      'payments',
      'billing',
      'statistics',
      'webhooks',
    ]);
  });
});
