import { createAnyMoney } from '@pay/anymoney';
import { createBitsby } from '@pay/bitsby';
import { createCryptoCloud } from '@pay/cryptocloud';
import { createCrystalPay } from '@pay/crystalpay';
import { createPayinPayout } from '@pay/payin-payout';
import { TRIGGER_EVENTS, type TriggerEvent, type TriggerOptions } from './cli-options.ts';
import type { SandboxBaseUrls, SandboxCredentials } from './credentials.ts';
import { EMULATORS, PROJECT_WEBHOOK_PROVIDERS } from './emulators/index.ts';
import type { CallbackAttempt, ProviderId } from './invoice-store.ts';
import { startSandbox } from './sandbox.ts';

/** Where `trigger` writes: its report (stdout) and its one-line failures (stderr). */
export interface TriggerOutput {
  out(text: string): void;
  err(text: string): void;
}

/** What each provider counts as an acknowledgement, for the report. */
const ACKNOWLEDGED_BY: Record<ProviderId, string> = {
  crystalpay: 'HTTP 200 or 429',
  cryptocloud: 'HTTP 200',
  anymoney: 'HTTP 200',
  'payin-payout': 'HTTP 200 with a JSON body holding "result": true',
  bitsby: 'HTTP 200',
};

/** Which invoice a trigger creates: Payin-payout's failure comes from its auto-debit flow. */
interface CreatedInvoice {
  /** The id the control API knows it by. */
  id: string;
  /** How the report describes it. */
  description: string;
}

class TriggerFailure extends Error {}

/**
 * `pay-sandbox trigger <provider> <event> --to <url>`: creates an invoice with the provider's own
 * SDK against the sandbox (one started in-process, or `--sandbox <url>`), moves it as the event
 * says, lets the sandbox deliver the provider's signed callback to `--to`, and reports what was
 * sent and what the endpoint answered. Resolves with the exit code: 0 when the endpoint
 * acknowledged the callback as the provider expects, 1 when it did not (or none was sent), 2 when
 * the trigger could not run.
 */
export async function runTrigger(options: TriggerOptions, output: TriggerOutput): Promise<number> {
  const { provider, event, to } = options;
  const emulator = EMULATORS.find((candidate) => candidate.id === provider)!;
  const action = TRIGGER_EVENTS[event];
  const events = (Object.keys(TRIGGER_EVENTS) as TriggerEvent[]).filter((name) =>
    emulator.actions.includes(TRIGGER_EVENTS[name]),
  );
  if (!events.includes(event)) {
    output.err(
      `pay-sandbox: ${emulator.name} has no ${event} invoice in its flow: trigger one of ${events.join(', ')}`,
    );
    return 2;
  }
  const inProcess = options.sandbox
    ? undefined
    : await startSandbox({
        // One attempt: the report is about it, and the sandbox ends with the command.
        callbackRetry: { delaysMs: [] },
        providerOptions: { bitsby: { minIntervalMs: 0 } },
      });
  const base = options.sandbox ?? inProcess!.url;
  let restoreWebhook: (() => Promise<void>) | undefined;
  try {
    output.out(
      inProcess ? `Started a sandbox in-process at ${base}` : `Using the sandbox at ${base}`,
    );
    const index = await control<{ baseUrls: SandboxBaseUrls; credentials: SandboxCredentials }>(
      base,
      'GET',
      '/_sandbox',
    );
    if (PROJECT_WEBHOOK_PROVIDERS.has(provider)) {
      const previous = (
        await control<Partial<Record<ProviderId, string>>>(base, 'GET', '/_sandbox/webhook-urls')
      )[provider];
      await control(base, 'PUT', `/_sandbox/webhook-urls/${provider}`, { url: to });
      output.out(`${emulator.name} posts to the project's webhook URL: set it to ${to}`);
      if (!inProcess) {
        restoreWebhook = async () => {
          await control(base, 'PUT', `/_sandbox/webhook-urls/${provider}`, { url: previous });
        };
      }
    }
    const invoice = await createInvoice(provider, event, to, index);
    output.out(`Created ${invoice.description}`);
    const result = await control<{
      status: string;
      invoice: { state: string };
      callback?: CallbackAttempt | null;
    }>(
      base,
      'POST',
      `/_sandbox/invoices/${provider}/${encodeURIComponent(invoice.id)}/${action}?wait=callback`,
    );
    output.out(`Moved it to ${result.invoice.state} (${emulator.name} status ${result.status})`);
    const attempt = result.callback ?? undefined;
    if (!attempt) {
      output.err(`pay-sandbox: ${emulator.name} sends no callback when an invoice is ${event}`);
      return 1;
    }
    output.out(`\n→ ${attempt.method} ${attempt.url}`);
    for (const [name, value] of Object.entries(attempt.headers)) output.out(`  ${name}: ${value}`);
    output.out('');
    output.out(`  ${attempt.body}`);
    if (attempt.status === undefined) {
      output.out(`\n← no answer (${attempt.error ?? 'error'})`);
    } else {
      output.out(`\n← ${attempt.status}`);
      output.out(`  ${attempt.responseBody || '(empty body)'}`);
    }
    output.out('');
    if (attempt.acknowledged) {
      output.out(`Acknowledged: ${emulator.name} expects ${ACKNOWLEDGED_BY[provider]}.`);
      return 0;
    }
    output.out(
      `NOT acknowledged: ${emulator.name} expects ${ACKNOWLEDGED_BY[provider]}, and would retry.`,
    );
    return 1;
  } catch (error) {
    output.err(`pay-sandbox: ${describe(error, base)}`);
    return 2;
  } finally {
    await restoreWebhook?.().catch(() => undefined);
    await inProcess?.close();
  }
}

/** A control-API call; throws a one-line failure for anything but a 2xx JSON answer. */
async function control<T = unknown>(
  base: string,
  method: 'GET' | 'PUT' | 'POST',
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) {
    let reason = text.trim();
    try {
      reason = (JSON.parse(text) as { error?: string }).error ?? reason;
    } catch {}
    throw new TriggerFailure(
      `the sandbox answered ${method} ${path} with ${response.status}: ${reason}`,
    );
  }
  return JSON.parse(text) as T;
}

/** Creates the invoice with the provider's SDK, its callback going to `to` where it has one. */
async function createInvoice(
  provider: ProviderId,
  event: TriggerEvent,
  to: string,
  { baseUrls, credentials }: { baseUrls: SandboxBaseUrls; credentials: SandboxCredentials },
): Promise<CreatedInvoice> {
  const reference = `trigger-${Date.now().toString(36)}`;
  switch (provider) {
    case 'crystalpay': {
      const client = createCrystalPay({ ...credentials.crystalpay, baseUrl: baseUrls.crystalpay });
      const invoice = await client.invoice.create({
        amount: '100',
        type: 'purchase',
        lifetime: 60,
        callback_url: to,
      });
      return { id: invoice.id, description: `CrystalPay invoice ${invoice.id} (100 RUB)` };
    }
    case 'cryptocloud': {
      const client = createCryptoCloud({
        ...credentials.cryptocloud,
        baseUrl: baseUrls.cryptocloud,
      });
      const invoice = await client.invoice.create({ amount: '49.90', order_id: reference });
      return { id: invoice.uuid, description: `CryptoCloud invoice ${invoice.uuid} (49.90 USD)` };
    }
    case 'anymoney': {
      const client = createAnyMoney({ ...credentials.anymoney, baseUrl: baseUrls.anymoney });
      await client.invoice.create({
        amount: '1000.25',
        externalid: reference,
        in_curr: 'UAH',
        callback_url: to,
      });
      return { id: reference, description: `AnyMoney invoice ${reference} (1000.25 UAH)` };
    }
    case 'payin-payout': {
      const { userId, developerKey, serviceId } = credentials['payin-payout'];
      const client = createPayinPayout({
        userId,
        developerKey,
        baseUrl: baseUrls['payin-payout'],
      });
      if (event === 'failed') {
        // A top-up that fails sends nothing; an auto-debit the payer cannot cover does.
        await client.serviceOfServices.createInvoice({
          service_id: Number(serviceId),
          payer_id: 2222,
          amount: '1000',
          external_id: reference,
          description: 'pay-sandbox trigger',
        });
        return {
          id: reference,
          description: `Payin-payout auto-debit invoice ${reference} (1000, payer 2222)`,
        };
      }
      const topUp = await client.paymentIn.createInvoice({
        payer_id: 6034,
        summ: '500.50',
        currency_id: 643,
        descr: 'pay-sandbox trigger',
        is_sos_topup: true,
      });
      const id = String(topUp.payment_in_id);
      return { id, description: `Payin-payout top-up invoice ${id} (500.50 RUB, payer 6034)` };
    }
    case 'bitsby': {
      const client = createBitsby({ ...credentials.bitsby, baseUrl: baseUrls.bitsby });
      const invoice = await client.invoices.create({
        amountFiat: '10.55',
        currencyFiat: 'EUR',
        timeToPay: 6,
      });
      return { id: invoice.id, description: `Bitsby invoice ${invoice.id} (10.55 EUR)` };
    }
  }
}

function describe(error: unknown, base: string): string {
  if (error instanceof TriggerFailure) return error.message;
  const code = (error as { cause?: { code?: unknown } }).cause?.code;
  if (code === 'ECONNREFUSED') return `no sandbox answers at ${base} (start one with pay-sandbox)`;
  return error instanceof Error ? error.message : String(error);
}
