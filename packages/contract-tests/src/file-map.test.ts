import { describe, expect, it } from 'vitest';
import { checkFileMap, duplicateExports, exportedNames, kebabCase } from './file-map.ts';

const crystalpay = { prefix: 'crystalpay', keys: ['invoice', 'payoff', 'balance', 'webhooks'] };
const payinPayout = {
  prefix: 'payin-payout',
  keys: ['serviceOfServices', 'paymentIn', 'shop', 'webhooks'],
};
const payinPayoutShop = { prefix: 'payin-payout-shop', keys: ['shop', 'rpay', 'webhooks'] };

const required = (prefix: string) =>
  ['client', 'request', 'errors', 'webhooks', 'schemas'].map((role) => `${prefix}-${role}.ts`);

describe('checkFileMap', () => {
  it('accepts a valid map', () => {
    const files = [
      'index.ts',
      'version.ts',
      ...required('crystalpay'),
      'crystalpay-signing.ts',
      'crystalpay-raw-call.ts',
      'crystalpay-gateway.ts',
      'crystalpay-invoice.ts',
      'crystalpay-invoice-schemas.ts',
      'crystalpay-payoff.ts',
      'crystalpay-webhooks-schemas.ts',
      'crystalpay-client.test.ts',
      'crystalpay-invoice.test.ts',
      'index.test.ts',
    ];
    expect(checkFileMap(files, [crystalpay])).toEqual([]);
  });

  it('accepts two clients, each file going to the longest matching prefix', () => {
    const files = [
      'index.ts',
      'version.ts',
      ...required('payin-payout'),
      ...required('payin-payout-shop'),
      'payin-payout-service-of-services.ts',
      'payin-payout-payment-in.ts',
      // the main client's `shop` group: `payin-payout-shop-` does not match, `payin-payout-` does
      'payin-payout-shop.ts',
      'payin-payout-shop-rpay.ts',
      'payin-payout-shop-signing.ts',
      'payin-payout-shop-rpay.test.ts',
    ];
    expect(checkFileMap(files, [payinPayout, payinPayoutShop])).toEqual([]);
  });

  it('rejects a misnamed file, naming the file and the rule', () => {
    const problems = checkFileMap(
      ['index.ts', 'version.ts', ...required('crystalpay'), 'crystalpay-endpoint.ts'],
      [crystalpay],
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('src/crystalpay-endpoint.ts');
    expect(problems[0]).toContain('"endpoint" is neither a file role nor a group');
    expect(problems[0]).toContain('ADR 0007');
  });

  it('rejects a file named for no property of the client', () => {
    const anymoney = { prefix: 'anymoney', keys: ['invoice', 'call', 'webhooks'] };
    const problems = checkFileMap(
      [...required('anymoney'), 'anymoney-call.ts', 'anymoney-rpc.ts', 'anymoney-call-helpers.ts'],
      [anymoney],
    );
    expect(problems.map((problem) => problem.split(':')[0])).toEqual([
      'src/anymoney-call-helpers.ts',
      'src/anymoney-rpc.ts',
    ]);
  });

  it('rejects a file of another shape and one without a client prefix', () => {
    const problems = checkFileMap(
      [...required('crystalpay'), 'helpers.ts', 'crystalpay.ts', 'README.md', 'internal/'],
      [crystalpay],
    );
    expect(problems.map((problem) => problem.split(':')[0])).toEqual([
      'src/README.md',
      'src/crystalpay.ts',
      'src/helpers.ts',
      'src/internal/',
    ]);
    expect(problems.find((problem) => problem.startsWith('src/helpers.ts'))).toContain(
      'does not start with a client prefix (crystalpay-)',
    );
  });

  it('rejects a stray test', () => {
    const problems = checkFileMap(
      [...required('crystalpay'), 'crystalpay-call.test.ts', 'crystalpay-client.test.ts'],
      [crystalpay],
    );
    expect(problems).toEqual([
      'src/crystalpay-call.test.ts: a test is named after the source file it tests, and src/crystalpay-call.ts does not exist',
    ]);
  });

  it('rejects a missing required file, per client', () => {
    const files = required('payin-payout')
      .concat(required('payin-payout-shop'))
      .filter(
        (file) => file !== 'payin-payout-shop-errors.ts' && file !== 'payin-payout-request.ts',
      );
    const problems = checkFileMap(files, [payinPayout, payinPayoutShop]);
    expect(problems.map((problem) => problem.split(':')[0])).toEqual([
      'src/payin-payout-request.ts',
      'src/payin-payout-shop-errors.ts',
    ]);
    expect(problems[0]).toContain('missing');
  });

  it('kebab-cases client properties', () => {
    expect(kebabCase('serviceOfServices')).toBe('service-of-services');
    expect(kebabCase('paymentIn')).toBe('payment-in');
    expect(kebabCase('invoice')).toBe('invoice');
    expect(kebabCase('getHTTPStatus')).toBe('get-http-status');
  });
});

describe('exportedNames / duplicateExports', () => {
  it('lists every export specifier, aliases and type-only ones included', () => {
    const names = exportedNames(
      [
        "export { createX, type XClient, internal as publicName } from './x-client.ts';",
        "export type { XParams } from './x-schemas.ts';",
        "export * from './y.ts';",
        "export { VERSION } from './version.ts';",
      ].join('\n'),
    );
    expect(names).toEqual(['createX', 'XClient', 'publicName', 'XParams', '*', 'VERSION']);
  });

  it('finds a name re-exported twice', () => {
    const names = exportedNames(
      [
        "export { createX, type XClient } from './x-client.ts';",
        "export type { XClient } from './x-types.ts';",
      ].join('\n'),
    );
    expect(duplicateExports(names)).toEqual(['XClient (2×)']);
  });
});
