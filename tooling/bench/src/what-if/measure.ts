// Child of without-ky.ts: measures every provider's CPU and loopback figures, with `ky` replaced
// by ./ky-subset.ts when run with --without-ky, and prints them as JSON on stdout.
import { registerHooks } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

if (process.argv.includes('--without-ky')) {
  const replacement = pathToFileURL(join(import.meta.dirname, 'ky-subset.ts')).href;
  registerHooks({
    resolve: (specifier, context, nextResolve) =>
      specifier === 'ky'
        ? { url: replacement, shortCircuit: true }
        : nextResolve(specifier, context),
  });
}

// Imported after the hook is in place, so @pay/core's `import ky from 'ky'` sees the replacement.
const { comparisonGroups } = await import('../comparisons.ts');
const { runCpuPhase } = await import('../cpu-phase.ts');
const { runNetworkPhase } = await import('../network-phase.ts');
const { providers } = await import('../providers/index.ts');
const { FULL_SETTINGS } = await import('../settings.ts');

const settings = {
  ...FULL_SETTINGS,
  latency: { warmupRounds: 300, rounds: 1500 },
  throughput: { concurrencies: [16, 64], rounds: 3, callsPerWindow: 1500 },
  profileCalls: 2000,
};
const log = (line: string) => process.stderr.write(`  ${line}\n`);
const groups = await runNetworkPhase(comparisonGroups(providers, []), settings, log);
const cpu = [];
for (const provider of providers) cpu.push(await runCpuPhase(provider, settings));
process.stdout.write(JSON.stringify({ groups, cpu }));
