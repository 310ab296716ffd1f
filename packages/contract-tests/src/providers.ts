import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { type Fixture, fixtureSchema } from './fixture-schema.ts';

/** The repository's `packages/` folder. */
export const PACKAGES_DIR = join(import.meta.dirname, '..', '..');
/** Fixtures by provider id. */
const FIXTURES_DIR = join(import.meta.dirname, '..', 'fixtures');

const clientSchema = v.strictObject({
  /** Brand casing used in `create<Name>`: `CrystalPay`, `PayinPayoutShop`. */
  name: v.pipe(v.string(), v.regex(/^[A-Z][A-Za-z0-9]*$/)),
  /** File prefix of the client's files in `src/` (ADR 0007): `crystalpay`, `payin-payout-shop`. */
  prefix: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/)),
  /** The client's fixture folder under `contract-tests/fixtures`: `payin-payout/shop`. */
  fixtures: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]*(\/[a-z][a-z0-9-]*)*$/)),
  /** Settings whose values are secrets: none may appear in any error. */
  secrets: v.array(v.string()),
  /** Fake credentials the fixtures are recorded with. */
  testSettings: v.record(v.string(), v.unknown()),
});

const manifestSchema = v.pipe(
  v.strictObject({
    /** npm suffix, package folder and User-Agent name: `crystalpay`. */
    id: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]*$/)),
    /** Every client factory the package exports, the package's main client first. */
    clients: v.pipe(v.array(clientSchema), v.minLength(1)),
  }),
  v.check(
    (manifest) =>
      new Set(manifest.clients.map((client) => client.prefix)).size === manifest.clients.length,
    'each client has its own prefix',
  ),
  v.check(
    (manifest) =>
      new Set(manifest.clients.map((client) => client.fixtures)).size === manifest.clients.length,
    'each client has its own fixture folder',
  ),
);

/** One client of a provider package's manifest (`pay.clients[]`). */
export type ClientManifest = v.InferOutput<typeof clientSchema>;

/** A provider package found under `packages/`, declared by the `pay` field of its package.json. */
export interface ProviderPackage {
  dir: string;
  packageJson: Record<string, unknown> & { name: string; version: string };
  manifest: v.InferOutput<typeof manifestSchema>;
}

/** One client of one provider package: what the fixture runner and the conformance suite test. */
export interface ProviderClient {
  pkg: ProviderPackage;
  client: ClientManifest;
  /** `crystalpay`, or `payin-payout/PayinPayoutShop` for a package's further clients. */
  label: string;
}

/** Every package under `packages/` whose package.json has a `pay` manifest. */
export function findProviderPackages(): ProviderPackage[] {
  return readdirSync(PACKAGES_DIR)
    .map((name) => join(PACKAGES_DIR, name))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({
      dir,
      packageJson: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')),
    }))
    .filter(({ packageJson }) => packageJson.pay !== undefined)
    .map(({ dir, packageJson }) => {
      const result = v.safeParse(manifestSchema, packageJson.pay);
      if (!result.success) {
        const problems = result.issues
          .map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`)
          .join('; ');
        throw new Error(`malformed "pay" manifest in ${join(dir, 'package.json')}: ${problems}`);
      }
      return { dir, packageJson, manifest: result.output };
    });
}

/** Every client of every provider package, in manifest order. */
export function findProviderClients(): ProviderClient[] {
  return findProviderPackages().flatMap((pkg) =>
    pkg.manifest.clients.map((client, index) => ({
      pkg,
      client,
      label: index === 0 ? pkg.manifest.id : `${pkg.manifest.id}/${client.name}`,
    })),
  );
}

/** A fixture with the file it came from. */
export interface LoadedFixture {
  file: string;
  fixture: Fixture;
}

/**
 * Reads and validates every fixture of a provider. A malformed fixture throws, naming the file
 * and the problem: a fixture that silently tests nothing is worse than none.
 */
export function loadFixtures(folder: string): LoadedFixture[] {
  const dir = join(FIXTURES_DIR, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const result = v.safeParse(fixtureSchema, JSON.parse(readFileSync(join(dir, file), 'utf8')));
      if (!result.success) {
        const problems = result.issues
          .map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`)
          .join('; ');
        throw new Error(`malformed fixture ${folder}/${file}: ${problems}`);
      }
      const fixture = result.output;
      const expected = `${fixture.operation}.${fixture.case}.json`;
      if (file !== expected) {
        throw new Error(`fixture ${folder}/${file} must be named ${expected}`);
      }
      return { file, fixture };
    });
}

/** The package's module, loaded through its public entry point (its built `dist`). */
export async function importProvider(pkg: ProviderPackage): Promise<Record<string, unknown>> {
  try {
    return (await import(pkg.packageJson.name)) as Record<string, unknown>;
  } catch (error) {
    throw new Error(
      `cannot import ${pkg.packageJson.name}: add it to packages/contract-tests/package.json ` +
        `dependencies ("workspace:^") and build it (${String(error)})`,
    );
  }
}

/** Builds the client with its manifest's test settings, `overrides` on top. */
export function createTestClient(
  target: ProviderClient,
  module: Record<string, unknown>,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const { pkg, client } = target;
  const factory = module[`create${client.name}`];
  if (typeof factory !== 'function')
    throw new Error(`${pkg.packageJson.name} has no create${client.name}`);
  const settings: Record<string, unknown> = {
    ...client.testSettings,
    maxRetries: 0,
    ...overrides,
  };
  if (typeof settings.now === 'number') {
    const fixed = settings.now;
    settings.now = () => fixed;
  }
  return factory(settings) as Record<string, unknown>;
}

/** Fixture operations run against the client's gateway (`gateway.createInvoice`), not the client. */
export const GATEWAY_OPERATION_PREFIX = 'gateway.';

/** The name of a client's gateway factory: `createCrystalPayGateway`. */
export function gatewayFactoryName(client: ClientManifest): string {
  return `create${client.name}Gateway`;
}

/**
 * The client's cross-provider gateway, `create<Name>Gateway(client)` from the package's module.
 * Throws, naming the factory, when the package does not export one.
 */
export function createTestGateway(
  target: ProviderClient,
  module: Record<string, unknown>,
  sdk: Record<string, unknown>,
): Record<string, unknown> {
  const name = gatewayFactoryName(target.client);
  const factory = module[name];
  if (typeof factory !== 'function') {
    throw new Error(
      `${target.pkg.packageJson.name} exports no ${name}: a \`${GATEWAY_OPERATION_PREFIX}*\` ` +
        `fixture runs against ${name}(client); export it from src/index.ts (ADR 0007: src/${target.client.prefix}-gateway.ts)`,
    );
  }
  return factory(sdk) as Record<string, unknown>;
}

/**
 * The method a fixture's `operation` names: `gateway.<method>` on the client's gateway
 * (`create<Name>Gateway(sdk)`), anything else on the client itself.
 */
export function getFixtureOperation(
  target: ProviderClient,
  module: Record<string, unknown>,
  sdk: Record<string, unknown>,
  operation: string,
): (...args: unknown[]) => Promise<unknown> {
  if (operation.startsWith(GATEWAY_OPERATION_PREFIX)) {
    const gateway = createTestGateway(target, module, sdk);
    return getOperation(gateway, operation.slice(GATEWAY_OPERATION_PREFIX.length));
  }
  return getOperation(sdk, operation);
}

/** Dotted paths of every method of a client (`invoice.create`, `webhooks.verify`, …). */
export function operationsOf(client: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(client).flatMap(([key, value]) => {
    if (typeof value === 'function') return [`${prefix}${key}`];
    if (typeof value === 'object' && value !== null) {
      return operationsOf(value as Record<string, unknown>, `${prefix}${key}.`);
    }
    return [];
  });
}

/** The method at a dotted path, bound to its object. */
export function getOperation(
  client: Record<string, unknown>,
  path: string,
): (...args: unknown[]) => Promise<unknown> {
  const keys = path.split('.');
  let owner: unknown = client;
  for (const key of keys.slice(0, -1))
    owner = (owner as Record<string, unknown> | undefined)?.[key];
  const method = (owner as Record<string, unknown> | undefined)?.[keys.at(-1) ?? ''];
  if (typeof method !== 'function') throw new Error(`the client has no operation ${path}`);
  return (...args) => Promise.resolve(method.apply(owner, args));
}
