import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PayConfigError } from '../errors/pay-config-error.ts';
import { requireCredential, resolveCommonSettings } from './common-settings.ts';
import { joinUrl } from './join-url.ts';
import { MAX_JSON_DEPTH, MAX_JSON_LENGTH, nestingDepth, parseJsonText } from './parse-json.ts';

describe('joinUrl', () => {
  it('appends documented paths, keeping a base path prefix and the path trailing slash', () => {
    expect(joinUrl('https://api.crystalpay.io', 'v3/invoice/create/')).toBe(
      'https://api.crystalpay.io/v3/invoice/create/',
    );
    expect(joinUrl('http://127.0.0.1:4010/crystalpay/', '/v3/me/info/')).toBe(
      'http://127.0.0.1:4010/crystalpay/v3/me/info/',
    );
    expect(joinUrl('https://api.any.money', '')).toBe('https://api.any.money/');
  });

  it('has exactly one slash at the join for any number of slashes on either side', () => {
    fc.assert(
      fc.property(
        fc.nat(3),
        fc.nat(3),
        fc.stringMatching(/^[a-z0-9/]{0,12}$/),
        (left, right, path) => {
          const trimmed = path.replace(/^\/+/, '');
          const joined = joinUrl(
            `https://h.test/base${'/'.repeat(left)}`,
            `${'/'.repeat(right)}${trimmed}`,
          );
          expect(joined).toBe(`https://h.test/base/${trimmed}`);
        },
      ),
    );
  });
});

describe('parseJsonText', () => {
  it('parses JSON and never throws on anything else', () => {
    expect(parseJsonText('{"a":[1,"2"]}')).toEqual({ ok: true, value: { a: [1, '2'] } });
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parseJsonText(text);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
    expect(parseJsonText('')).toEqual({ ok: false });
    expect(parseJsonText('<html>')).toEqual({ ok: false });
  });

  it('round-trips any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const parsed = parseJsonText(JSON.stringify(value));
        expect(parsed.ok).toBe(true);
      }),
    );
  });

  it('drops prototype-polluting keys and keeps the rest, a plain `constructor` field included', () => {
    const result = parseJsonText(
      '{"__proto__":{"polluted":true},"a":{"constructor":1,"b":2},"c":{"constructor":{"prototype":{"x":1}}}}',
    );
    expect(result).toEqual({ ok: true, value: { a: { constructor: 1, b: 2 }, c: {} } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('drops `__proto__` however its key is escaped', () => {
    for (const key of ['\\u005f_proto__', '\\u005F\\u005Fproto\\u005f_', '__pro\\u0074o__']) {
      const text = `{"serviceData":{"${key}":{"isAdmin":true},"ok":1}}`;
      const result = parseJsonText(text);
      expect(result.ok).toBe(true);
      const data = (result as { value: { serviceData: Record<string, unknown> } }).value
        .serviceData;
      expect(Object.hasOwn(data, '__proto__')).toBe(false);
      expect((Object.assign({}, data) as Record<string, unknown>).isAdmin).toBeUndefined();
      expect(data.ok).toBe(1);
    }
  });

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH} levels before parsing, brackets in strings aside`, () => {
    expect(parseJsonText('['.repeat(4000) + ']'.repeat(4000))).toEqual({ ok: false });
    expect(
      parseJsonText(`${'{"a":'.repeat(MAX_JSON_DEPTH)}1${'}'.repeat(MAX_JSON_DEPTH)}`).ok,
    ).toBe(true);
    expect(
      parseJsonText(`${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`),
    ).toEqual({ ok: false });
    expect(parseJsonText(JSON.stringify({ text: '[[[[{{{{'.repeat(100) }))).toMatchObject({
      ok: true,
    });
    expect(nestingDepth('{"a":"\\"[["}')).toBe(1);
  });

  it('refuses oversized text unread', () => {
    expect(parseJsonText(`"${'x'.repeat(MAX_JSON_LENGTH)}"`)).toEqual({ ok: false });
  });
});

describe('resolveCommonSettings', () => {
  it('fills in defaults', () => {
    const resolved = resolveCommonSettings({}, 'Example', 'https://api.example.test');
    expect(resolved).toMatchObject({
      baseUrl: 'https://api.example.test',
      timeout: 30_000,
      maxRetries: 2,
      headers: {},
    });
    expect(typeof resolved.fetch).toBe('function');
    expect(resolved.now()).toBeGreaterThan(0);
  });

  it.each([
    [{ baseUrl: 'ftp://x.test' }, 'baseUrl'],
    [{ baseUrl: 'not a url' }, 'baseUrl'],
    [{ timeout: 0 }, 'timeout'],
    [{ timeout: 1.5 }, 'timeout'],
    [{ maxRetries: -1 }, 'maxRetries'],
    [{ fetch: 'nope' as never }, 'fetch'],
    [{ now: 5 as never }, 'now'],
  ])('refuses %o naming the setting', (settings, setting) => {
    const run = () => resolveCommonSettings(settings, 'Example', 'https://api.example.test');
    expect(run).toThrow(PayConfigError);
    expect(run).toThrow(`setting \`${setting}\``);
  });

  it('requireCredential refuses empty values without echoing them', () => {
    expect(() => requireCredential('  ', 'secret', 'Example')).toThrow(
      'Example: setting `secret` is required',
    );
    expect(() => requireCredential(undefined, 'login', 'Example')).toThrow(PayConfigError);
    expect(() => requireCredential('value', 'login', 'Example')).not.toThrow();
  });
});
