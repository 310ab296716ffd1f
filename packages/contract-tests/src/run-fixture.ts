import { expect } from 'vitest';
import { argumentsOf, type Fixture, interactionsOf } from './fixture-schema.ts';
import { expectNoSecrets, expectOutcome, secretValues, settle } from './outcome.ts';
import { createTestClient, getFixtureOperation, type ProviderClient } from './providers.ts';
import { expectRequest, withReplay } from './replay.ts';

/**
 * Replays one fixture through a package's public API and asserts everything it documents: the
 * requests sent (method, URL, headers, body, User-Agent), every interaction used, the outcome,
 * and no secret in an error. `gateway.<method>` fixtures run against
 * `create<Name>Gateway(client)` (failing, naming the factory, when the package has none); every
 * other operation against the client built with the fixture's settings.
 */
export async function runFixture(
  target: ProviderClient,
  module: Record<string, unknown>,
  fixture: Fixture,
): Promise<void> {
  const { pkg, client } = target;
  const secrets = secretValues(client.testSettings, client.secrets);
  const sdk = createTestClient(target, module, fixture.settings);
  const call = getFixtureOperation(target, module, sdk, fixture.operation);
  const interactions = interactionsOf(fixture);
  const args = argumentsOf(fixture);
  const { replay, outcome } = await withReplay(interactions, () => settle(() => call(...args)));
  for (const [index, interaction] of interactions.entries()) {
    await expectRequest(replay.captured[index], interaction.request);
  }
  for (const captured of replay.captured) {
    expect(captured.headers.get('user-agent')).toBe(
      `pay-${pkg.manifest.id}/${pkg.packageJson.version}`,
    );
  }
  expectOutcome(outcome, fixture.expect);
  if (!outcome.ok) expectNoSecrets(outcome.error, secrets);
}
