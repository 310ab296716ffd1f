import { describe, it } from 'vitest';
import { findProviderClients, importProvider, loadFixtures } from './providers.ts';
import { runFixture } from './run-fixture.ts';

// Every fixture of every client of every provider package, replayed through the package's public
// API: `fixtures/<client.fixtures>/*.json` through `create<client.name>`, and `gateway.*`
// fixtures through `create<client.name>Gateway(client)` (run-fixture.ts).
for (const target of findProviderClients()) {
  const { pkg, client, label } = target;
  const fixtures = loadFixtures(client.fixtures);

  describe(`${label} fixtures`, () => {
    it.each(fixtures.map((loaded) => [loaded.file, loaded] as const))(
      '%s',
      async (_file, loaded) => {
        await runFixture(target, await importProvider(pkg), loaded.fixture);
      },
    );
  });
}
