import { describe, expect, it } from 'vitest';
import { argumentsOf, interactionsOf } from './fixture-schema.ts';
import { expectNoSecrets, expectOutcome, secretValues, settle } from './outcome.ts';
import {
  createTestClient,
  findProviderPackages,
  getOperation,
  importProvider,
  loadFixtures,
} from './providers.ts';
import { expectRequest, withReplay } from './replay.ts';

// Every fixture of every provider package, replayed through the package's public API.
for (const pkg of findProviderPackages()) {
  const { id } = pkg.manifest;
  const fixtures = loadFixtures(id);
  const secrets = secretValues(pkg.manifest.testSettings, pkg.manifest.secrets);

  describe(`${id} fixtures`, () => {
    it.each(fixtures.map((loaded) => [loaded.file, loaded] as const))(
      '%s',
      async (_file, loaded) => {
        const { fixture } = loaded;
        const module = await importProvider(pkg);
        const client = createTestClient(pkg, module, fixture.settings);
        const interactions = interactionsOf(fixture);
        const args = argumentsOf(fixture);
        const { replay, outcome } = await withReplay(interactions, () =>
          settle(() => getOperation(client, fixture.operation)(...args)),
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
