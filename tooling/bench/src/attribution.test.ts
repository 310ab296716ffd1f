import { describe, expect, it } from 'vitest';
import { packageOfFile } from './bundle-size.ts';
import { ownerOf } from './cpu-profile.ts';

const frame = (url: string, functionName = 'f') => ({
  id: 1,
  callFrame: { functionName, url, lineNumber: 0 },
});

describe('packageOfFile (esbuild metafile paths)', () => {
  it.each([
    ['../../node_modules/.pnpm/ky@2.1.0/node_modules/ky/distribution/core/Ky.js', 'ky'],
    ['../../node_modules/.pnpm/@types+x@1.0.0/node_modules/@scope/pkg/dist/index.js', '@scope/pkg'],
    ['../../packages/core/dist/http/transport.js', '@pay/core'],
    ['<stdin>', '(the app itself)'],
  ])('%s → %s', (file, owner) => {
    expect(packageOfFile(file)).toBe(owner);
  });
});

describe('ownerOf (profile frames)', () => {
  it.each([
    ['file:///r/node_modules/.pnpm/valibot@1.5.0/node_modules/valibot/dist/index.mjs', 'valibot'],
    ['file:///r/packages/crystalpay/dist/index.js', '@pay/crystalpay'],
    ['node:internal/deps/undici/undici', 'Node internals (fetch Request/Response, streams)'],
    ['node:internal/crypto/keys', 'Node crypto (signing, hashing)'],
    ['file:///r/tooling/bench/src/stub-fetch.ts', 'benchmark loop and stub fetch'],
  ])('%s → %s', (url, owner) => {
    expect(ownerOf(frame(url))).toBe(owner);
  });

  it('keeps garbage collection apart', () => {
    expect(ownerOf(frame('', '(garbage collector)'))).toBe('GC');
  });
});
