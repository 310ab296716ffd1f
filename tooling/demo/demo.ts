// `npm run demo`: the full tour. Starts @pay/sandbox in-process and, for every provider, creates
// an invoice with the real SDK, pays it through the sandbox, receives the callback on a local
// listener, verifies it with the SDK and fetches the final state. One row per provider; exits
// non-zero if any step fails. `npm run demo -- --keep` then leaves the sandbox running with
// fresh unpaid invoices, so a person can click through the pay pages.
import { startCallbackReceiver, startSandbox } from '@pay/sandbox';
import type { DemoScenario } from './scenario.ts';
import { anymoneyScenario } from './scenarios/anymoney.ts';
import { bitsbyScenario } from './scenarios/bitsby.ts';
import { cryptocloudScenario } from './scenarios/cryptocloud.ts';
import { crystalpayScenario } from './scenarios/crystalpay.ts';
import { payinPayoutScenario } from './scenarios/payin-payout.ts';

const SCENARIOS: DemoScenario[] = [
  crystalpayScenario,
  cryptocloudScenario,
  anymoneyScenario,
  payinPayoutScenario,
  bitsbyScenario,
];
const keep = process.argv.includes('--keep');

const sandbox = await startSandbox({ port: keep ? 4010 : 0 });
const receiver = await startCallbackReceiver();
const environment = { sandbox, receiver };

const rows: Array<Record<string, string>> = [];
let failures = 0;
for (const scenario of SCENARIOS) {
  const started = performance.now();
  try {
    const result = await scenario.run(environment);
    const ok = result.callbackVerified;
    if (!ok) failures += 1;
    rows.push({
      provider: scenario.provider,
      'invoice id': result.invoiceId,
      'pay URL': result.payUrl,
      'final status': result.finalStatus,
      'callback verified': ok ? 'yes' : 'NO',
      time: `${(performance.now() - started).toFixed(0)} ms`,
    });
  } catch (error) {
    failures += 1;
    rows.push({
      provider: scenario.provider,
      'invoice id': '—',
      'pay URL': '—',
      'final status': `FAILED: ${error instanceof Error ? error.message : String(error)}`,
      'callback verified': 'NO',
      time: `${(performance.now() - started).toFixed(0)} ms`,
    });
  }
}

console.log(
  `@pay demo: every provider end to end through @pay/sandbox at ${sandbox.url} (no account, no network)\n`,
);
console.table(rows);
console.log(
  failures === 0
    ? `\nall ${rows.length} providers verified`
    : `\n${failures} of ${rows.length} providers FAILED`,
);

if (keep && failures === 0) {
  console.log(
    '\n--keep: the sandbox stays up; open these unpaid invoices in a browser (Ctrl-C to stop):',
  );
  for (const scenario of SCENARIOS)
    console.log(`  ${scenario.provider.padEnd(12)} ${await scenario.createUnpaid(environment)}`);
  const stop = async () => {
    await Promise.all([sandbox.close(), receiver.close()]);
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} else {
  await Promise.all([sandbox.close(), receiver.close()]);
  process.exitCode = failures === 0 ? 0 : 1;
}
