import { type Sandbox, startSandbox } from '@pay/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argumentsOf } from './fixture-schema.ts';
import {
  createTestClient,
  findProviderClients,
  GATEWAY_OPERATION_PREFIX,
  getOperation,
  importProvider,
  loadFixtures,
} from './providers.ts';
import { coverage as anymoney } from './sandbox-coverage/anymoney.ts';
import { coverage as bitsby } from './sandbox-coverage/bitsby.ts';
import type { SandboxCoverage } from './sandbox-coverage/coverage.ts';
import { coverage as cryptocloud } from './sandbox-coverage/cryptocloud.ts';
import { coverage as crystalpay } from './sandbox-coverage/crystalpay.ts';
import { coverage as payinPayout } from './sandbox-coverage/payin-payout.ts';
import { coverage as payinPayoutShop } from './sandbox-coverage/payin-payout-shop.ts';

// Issue 14's check that cannot go stale: every success fixture's input, sent by the real SDK
// client to @pay/sandbox, gets an answer the SDK parses — one generated case per fixture, so a
// new SDK method without emulation fails here. Webhook and gateway fixtures are left out (the
// sandbox sends callbacks; the gateways run over these same methods and have their own tests).

const COVERAGE: Record<string, SandboxCoverage> = {
  crystalpay,
  cryptocloud,
  anymoney,
  'payin-payout': payinPayout,
  'payin-payout-shop': payinPayoutShop,
  bitsby,
};

/** Settings a fixture pins that must not follow it to the sandbox (its clock, its credentials). */
const NOT_CARRIED = new Set(['now', 'baseUrl', 'fetch']);

describe.each(findProviderClients())('the sandbox serves $label', (target) => {
  const { pkg, client } = target;
  const table = COVERAGE[client.prefix];
  const fixtures = loadFixtures(client.fixtures).filter(
    ({ fixture }) =>
      fixture.kind === 'success' &&
      !fixture.operation.startsWith('webhooks.') &&
      !fixture.operation.startsWith(GATEWAY_OPERATION_PREFIX),
  );
  let sandbox: Sandbox;
  let module: Record<string, unknown>;

  beforeAll(async () => {
    // Bitsby's 1 request/second and CryptoCloud's one withdrawal per 12 s are tested elsewhere;
    // here they would only slow every case down.
    sandbox = await startSandbox({
      providerOptions: {
        bitsby: { minIntervalMs: 0 },
        cryptocloud: { withdrawalIntervalMs: 0 },
      },
    });
    module = await importProvider(pkg);
  });
  afterAll(() => sandbox?.close());

  it('has a coverage table', () => {
    expect(table, `add src/sandbox-coverage/${client.prefix}.ts`).toBeDefined();
  });

  it.each(fixtures)('$file', async ({ fixture }) => {
    const reason = table?.pending[fixture.operation];
    if (reason !== undefined) {
      // Listed as not emulated yet: the case says so rather than passing silently.
      expect(reason.length, `a reason for ${fixture.operation}`).toBeGreaterThan(0);
      return;
    }
    const id = pkg.manifest.id;
    const baseUrls = sandbox.baseUrls as Record<string, string>;
    const credentials = sandbox.credentials as unknown as Record<string, Record<string, unknown>>;
    const carried = Object.fromEntries(
      Object.entries(fixture.settings ?? {}).filter(
        ([name]) => !NOT_CARRIED.has(name) && !(name in client.testSettings),
      ),
    );
    const sdk = createTestClient(target, module, {
      ...carried,
      ...(table?.settings?.(sandbox) ?? credentials[id]),
      baseUrl: table?.baseUrl?.(sandbox) ?? baseUrls[id],
      ...(id === 'bitsby' ? { minIntervalMs: 0 } : {}),
    });
    const call = (operation: string, ...args: unknown[]) => getOperation(sdk, operation)(...args);
    const [input, ...rest] = argumentsOf(fixture);
    const prepared = await table?.prepare?.[fixture.operation]?.({ client: sdk, sandbox, call });
    const args =
      prepared && typeof input === 'object' && input !== null
        ? [{ ...(input as Record<string, unknown>), ...prepared }, ...rest]
        : prepared
          ? [prepared, ...rest]
          : [input, ...rest];
    await expect(call(fixture.operation, ...args)).resolves.not.toThrow();
  });
});
