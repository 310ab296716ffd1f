import { describe, expect, it } from 'vitest';
import { argumentsOf, interactionsOf } from './fixture-schema.ts';
import { expectNoSecrets, expectOutcome, secretValues, settle } from './outcome.ts';
import {
  createTestClient,
  findProviderClients,
  getOperation,
  importProvider,
  loadFixtures,
} from './providers.ts';
import { expectRequest, withReplay } from './replay.ts';

// Every fixture of every client of every provider package, replayed through the package's public
// API: `fixtures/<client.fixtures>/*.json` through `create<client.name>`.
for (const target of findProviderClients()) {
  const { pkg, client, label } = target;
  const { id } = pkg.manifest;
  const fixtures = loadFixtures(client.fixtures);
  const secrets = secretValues(client.testSettings, client.secrets);

  describe(`${label} fixtures`, () => {
    it.each(fixtures.map((loaded) => [loaded.file, loaded] as const))(
      '%s',
      async (_file, loaded) => {
        const { fixture } = loaded;
        const module = await importProvider(pkg);
        const sdk = createTestClient(target, module, fixture.settings);
        const interactions = interactionsOf(fixture);
        const args = argumentsOf(fixture);
        const { replay, outcome } = await withReplay(interactions, () =>
          settle(() => getOperation(sdk, fixture.operation)(...args)),
        );
        for (const [index, interaction] of interactions.entries()) {
          await expectRequest(replay.captured[index], interaction.request);
        }
        for (const captured of replay.captured) {
          expect(captured.headers.get('user-agent')).toBe(`pay-${id}/${pkg.packageJson.version}`);
        }
        expectOutcome(outcome, fixture.expect);
        if (!outcome.ok) expectNoSecrets(outcome.error, secrets);
      },
    );
  });
}
