import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { PayConfigError } from '../errors/pay-config-error.ts';
import { PayNetworkError } from '../errors/pay-network-error.ts';
import { jsonResponse, stubFetch } from '../testing/stub-fetch.ts';
import { type ClientSetupOptions, createClientSetup } from './client-setup.ts';

const options: ClientSetupOptions = {
  provider: 'Example',
  id: 'example',
  version: '1.2.3',
  defaultBaseUrl: 'https://api.example.test',
  required: ['merchantId', 'apiKey'],
  secrets: ['apiKey', 'webhookKey'],
  headerSettings: ['merchantId', 'apiKey'],
  readError: () => undefined,
};

function configError(run: () => unknown): PayConfigError {
  try {
    run();
  } catch (error) {
    if (PayConfigError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a PayConfigError');
}

describe('createClientSetup', () => {
  it('refuses missing settings and missing credentials, naming the setting', () => {
    expect(configError(() => createClientSetup(undefined, options)).setting).toBe('settings');
    expect(configError(() => createClientSetup({ merchantId: 'm' }, options)).setting).toBe(
      'apiKey',
    );
    expect(
      configError(() => createClientSetup({ merchantId: ' ', apiKey: 'k' }, options)).setting,
    ).toBe('merchantId');
    const error = configError(() =>
      createClientSetup({ merchantId: 'm', apiKey: 'k', webhookKey: '' }, options),
    );
    expect(error.setting).toBe('webhookKey');
  });

  it('refuses a header value with CR/LF or non-Latin-1 characters when the client is created', () => {
    for (const bad of ['key\r\nx-injected: 1', 'key\n', 'ключ', 'a\0b']) {
      const error = configError(() => createClientSetup({ merchantId: 'm', apiKey: bad }, options));
      expect(error.setting).toBe('apiKey');
      expect(error.message).not.toContain(bad);
    }
    expect(
      configError(() =>
        createClientSetup({ merchantId: 'm', apiKey: 'k', headers: { 'x-a': 'v\r\nb' } }, options),
      ).setting,
    ).toBe('headers.x-a');
    expect(
      configError(() =>
        createClientSetup({ merchantId: 'm', apiKey: 'k', headers: { 'bad name': 'v' } }, options),
      ).setting,
    ).toBe('headers');
  });

  it('builds a transport with the user agent, the defaults and the secrets to redact', async () => {
    const fetch = stubFetch(() => {
      throw new Error('socket closed after sending apiKey-value-123');
    });
    const { common, transport } = createClientSetup(
      { merchantId: 'm', apiKey: 'apiKey-value-123', fetch, maxRetries: 0 },
      options,
    );
    expect(common.baseUrl).toBe('https://api.example.test');
    expect(common.timeout).toBe(30_000);
    const error = await transport
      .request({ operation: 'x', path: 'x', schema: v.unknown() })
      .catch((caught: unknown) => caught);
    expect(PayNetworkError.isInstance(error)).toBe(true);
    expect(JSON.stringify(error)).not.toContain('apiKey-value-123');
    expect(String((error as Error).cause)).not.toContain('apiKey-value-123');
    expect(fetch.calls[0]?.headers.get('user-agent')).toBe('pay-example/1.2.3');
  });

  it('accepts a valid client', () => {
    const fetch = stubFetch(() => jsonResponse({}));
    expect(() =>
      createClientSetup(
        { merchantId: 'm', apiKey: 'k', headers: { 'x-trace': 'é ok' }, fetch },
        options,
      ),
    ).not.toThrow();
  });
});
