import { isDeepStrictEqual } from 'node:util';
import {
  PayConfigError,
  PayError,
  PayValidationError,
  phpScalarString,
  sortedValuesString,
} from '@pay/core';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Fixture } from './fixture-schema.ts';
import { interactionsOf } from './fixture-schema.ts';
import { secretValues, settle } from './outcome.ts';
import {
  createTestClient,
  findProviderClients,
  getOperation,
  importProvider,
  loadFixtures,
} from './providers.ts';
import {
  apiPlay,
  buildInput,
  buildOptions,
  getPath,
  type InputDescription,
  inputDescription,
  optionsDescription,
  playFetch,
  providerAnswers,
  type Signer,
  sequenceFetch,
  setPath,
  tamperedValue,
} from './webhook-fuzz.ts';

// Issue 13: `webhooks.verify` of every client of every provider package, fuzzed.
//
// 1. No non-Pay errors: on arbitrary input (any body text or bytes, any header record, `Request`s
//    fresh or already read, things that are not inputs at all), with default options and with
//    `{ confirm: false }`, against an API that answers with the provider's own success and error
//    bodies, garbage, or a failing connection, `verify` resolves or rejects with an error for
//    which `PayError.isInstance` is true. Never a TypeError, RangeError or SyntaxError.
// 2. No accepted forgery: a valid callback (a `webhooks.verify` success fixture) with one field
//    its provider's signature covers changed arbitrarily is rejected, or, where the default
//    confirmation applies, reported exactly as the genuine one (the API's values, never the
//    forged ones).

/** Cases per client and property (fast-check runs, default seed); `PAY_FUZZ_RUNS` raises it. */
const RUNS = Math.max(1000, Number(process.env.PAY_FUZZ_RUNS) || 0);
/** Generous: a client's 1,000 cases take a few seconds on a shared machine. */
const TIMEOUT = 120_000;

interface Figures {
  cases: number;
  nonPayErrors: number;
  ms: number;
  forgeryCases: number;
  forgeries: number;
  /** Tampered, accepted, and reported exactly as the genuine callback (e.g. hex case, `1` → `"1"`). */
  acceptedAsGenuine: number;
  forgeryMs: number;
}

const figures = new Map<string, Figures>();
const figuresOf = (label: string): Figures => {
  let entry = figures.get(label);
  if (!entry) {
    entry = {
      cases: 0,
      nonPayErrors: 0,
      ms: 0,
      forgeryCases: 0,
      forgeries: 0,
      acceptedAsGenuine: 0,
      forgeryMs: 0,
    };
    figures.set(label, entry);
  }
  return entry;
};

afterAll(() => {
  const rows = [...figures].map(([label, f]) => ({
    client: label,
    'arbitrary-input cases': f.cases,
    'non-Pay errors': f.nonPayErrors,
    'input ms': Math.round(f.ms),
    'forgery cases': f.forgeryCases,
    'accepted forgeries': f.forgeries,
    'accepted as genuine': f.acceptedAsGenuine,
    'forgery ms': Math.round(f.forgeryMs),
  }));
  console.log('webhook fuzz figures (issue 13):');
  console.table(rows);
});

/** What an error is, for a report: its class and message, never the input. */
function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : `thrown ${typeof error}`;
}

/** Inputs that are the caller's mistake: not a raw body, or a `Request` already read. */
function isMisuse(description: InputDescription): boolean {
  return description.kind === 'value' || (description.kind === 'request' && description.consumed);
}

/**
 * The contract's error classes: `PayValidationError` only for misuse, never a `PayConfigError`
 * (the settings are valid), `PaySignatureError` for what a sender controls, and a `PayCallError`
 * of the confirming call; no secret in any of them.
 */
function expectFittingError(error: PayError, misuse: boolean, secrets: readonly string[]): void {
  if (PayConfigError.isInstance(error))
    throw new Error(`a PayConfigError: ${describeError(error)}`);
  if (PayValidationError.isInstance(error) && !misuse)
    throw new Error(`a raw body refused as misuse: ${describeError(error)}`);
  const views = [error.message, JSON.stringify(error), String(error)];
  if (secrets.some((secret) => views.some((view) => view.includes(secret))))
    throw new Error('a secret in an error');
}

// ---------------------------------------------------------------------------------------------
// Per client: how to sign arbitrary fields (for inputs that get past the signature)

type Webhooks = {
  sign(params: unknown): Promise<{ body: string; headers: Record<string, string> }>;
};

const SIGNERS: Record<string, (webhooks: Webhooks) => Signer> = {
  CrystalPay: (webhooks) => (fields) => webhooks.sign(fields),
  // The token covers `invoice_id` only: every other field rides along unsigned.
  CryptoCloud: (webhooks) => async (fields) => {
    const invoiceId =
      typeof fields.invoice_id === 'string' && fields.invoice_id !== ''
        ? fields.invoice_id
        : '89UX09KA';
    const signed = await webhooks.sign({
      invoice_id: invoiceId,
      amount_crypto: '0.000113',
      currency: 'BNB',
    });
    const { token } = JSON.parse(signed.body) as { token: string };
    return {
      body: JSON.stringify({ ...fields, invoice_id: invoiceId, token }),
      headers: { 'content-type': 'application/json' },
    };
  },
  AnyMoney: (webhooks) => (fields) => webhooks.sign({ order: fields }),
  PayinPayout: (webhooks) => (fields) => webhooks.sign(fields),
  PayinPayoutShop: (webhooks) => (fields) =>
    webhooks.sign(
      Object.fromEntries(
        Object.entries(fields).map(([name, value]) => [
          name,
          typeof value === 'string' ? value : JSON.stringify(value),
        ]),
      ),
    ),
  // Bitsby signs nothing.
  Bitsby: () => async (fields) => ({
    body: JSON.stringify(fields),
    headers: { 'content-type': 'application/json' },
  }),
};

// ---------------------------------------------------------------------------------------------
// Per client: what the signature covers

interface ForgeryRule {
  /** What the provider signs, and so which fields a forger must not be able to change. */
  why: string;
  /** `webhooks.verify` success fixtures to start from; their options and API answers apply. */
  fixtures: readonly string[];
  /** Dotted paths of the signed fields (one is changed per case), or how to find them. */
  fields: readonly string[] | ((body: Record<string, unknown>) => string[]);
  /**
   * Unsigned fields the default `verify` replaces with the API's: tampered in the fixtures that
   * confirm (not those with `{ confirm: false }`), they must never show in the event.
   */
  confirmedFields?: readonly string[];
  /**
   * A change the provider's own scheme cannot see, by the provider's design rather than the
   * SDK's (e.g. hex case): not generated as a forgery attempt.
   */
  blindSpot?: (field: string, original: unknown, tampered: unknown) => boolean;
}

/** AnyMoney's candidate canonical text of one top-level value (sorted-values rules, lower-cased). */
const anyMoneyText = (value: unknown) =>
  sortedValuesString({
    v: typeof value === 'number' ? JSON.stringify(value) : value,
  }).toLowerCase();

const FORGERY_RULES: Record<string, ForgeryRule> = {
  CrystalPay: {
    why:
      '`signature` = sha1(id:salt): only the id is signed (and the signature must be intact); the ' +
      'state and amounts are confirmed through invoice/info by default',
    fixtures: ['webhooks.verify.success.json', 'webhooks.verify.success-confirm.json'],
    fields: ['id', 'signature'],
    confirmedFields: ['state', 'amount', 'currency', 'rub_amount', 'extra', 'type'],
    // Hex digits carry no case: the comparison ignores it, by design.
    blindSpot: (field, original, tampered) =>
      field === 'signature' &&
      typeof tampered === 'string' &&
      tampered.toLowerCase() === String(original).toLowerCase(),
  },
  CryptoCloud: {
    why:
      'the token is an HS256 JWT over {id, exp} with the secret key: `invoice_id` must be the ' +
      "token's id and the token must be intact; the rest is confirmed through invoice/merchant/info",
    fixtures: ['webhooks.verify.success-json.json', 'webhooks.verify.success-confirmed.json'],
    fields: ['invoice_id', 'token'],
    confirmedFields: ['status', 'amount_crypto', 'currency', 'order_id'],
    // `INV-89UX09KA` and `89UX09KA` name the same invoice (the API prefixes, the postback not).
    blindSpot: (field, original, tampered) =>
      field === 'invoice_id' &&
      typeof tampered === 'string' &&
      tampered.replace(/^INV-/i, '') === String(original),
  },
  AnyMoney: {
    why:
      'with { confirm: false } the candidate x-signature (HMAC-SHA512) covers every top-level ' +
      'scalar value, sorted by key and lower-cased, with x-utc-now-ms',
    fixtures: ['webhooks.verify.success-signature-only.json'],
    fields: (body) =>
      Object.keys(body).filter((name) => {
        const value = body[name];
        return value !== null && typeof value !== 'object';
      }),
    // The scheme lower-cases its text and writes `11` and `"11"` alike: AnyMoney's design.
    blindSpot: (_field, original, tampered) => anyMoneyText(original) === anyMoneyText(tampered),
  },
  PayinPayout: {
    why: 'the hash (HMAC-MD5 with the callback key) covers every field but `hash` and `tracker`',
    fixtures: [
      'webhooks.verify.success.json',
      'webhooks.verify.success-topup.json',
      'webhooks.verify.success-legacy-rule.json',
    ],
    fields: (body) => Object.keys(body).filter((name) => name !== 'hash' && name !== 'tracker'),
    // PHP's string cast: `1`, `"1"` and `true` sign alike (the provider hashes PHP's values).
    blindSpot: (_field, original, tampered) =>
      isScalar(tampered) && phpScalarString(original as never) === phpScalarString(tampered),
  },
  PayinPayoutShop: {
    why:
      '`sign` = md5 of agentId#orderId#paymentId#amount#phone#paymentStatus#paymentDate and the ' +
      "secret; agentId must also be this shop's",
    fixtures: ['webhooks.verify.success.json'],
    fields: ['agentId', 'orderId', 'paymentId', 'amount', 'phone', 'paymentStatus', 'paymentDate'],
  },
  Bitsby: {
    why:
      'Bitsby signs nothing: the default verify confirms the invoice through invoices/list (here ' +
      "a stub answering the genuine record) and must report Bitsby's values, never the posted ones",
    fixtures: ['webhooks.verify.success.json'],
    fields: [
      'invoice.amountFiat',
      'invoice.currencyFiat',
      'invoice.status',
      'invoice.id',
      'project.id',
    ],
  },
};

function isScalar(value: unknown): value is string | number | boolean | null {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

// ---------------------------------------------------------------------------------------------
// Bodies of the fixtures

interface Sample {
  fixture: Fixture;
  body: string;
  headers: Record<string, string>;
  form: boolean;
  fields: Record<string, unknown>;
}

function sampleOf(fixture: Fixture): Sample | undefined {
  const input = fixture.input as { body?: unknown; headers?: Record<string, string> } | undefined;
  if (typeof input?.body !== 'string') return undefined;
  const headers = input.headers ?? {};
  const contentType = Object.entries(headers).find(([name]) => /^content-type$/i.test(name))?.[1];
  const form = contentType?.includes('form') ?? !input.body.trimStart().startsWith('{');
  const fields = form
    ? Object.fromEntries(new URLSearchParams(input.body))
    : (JSON.parse(input.body) as Record<string, unknown>);
  return { fixture, body: input.body, headers, form, fields };
}

function serialize(sample: Sample, fields: Record<string, unknown>): string {
  if (!sample.form) return JSON.stringify(fields);
  return new URLSearchParams(
    Object.entries(fields).map(([name, value]) => [
      name,
      typeof value === 'string' ? value : JSON.stringify(value),
    ]),
  ).toString();
}

// ---------------------------------------------------------------------------------------------

const targets = findProviderClients().filter((target) =>
  loadFixtures(target.client.fixtures).some(
    (loaded) => loaded.fixture.operation === 'webhooks.verify',
  ),
);

it('fuzzes every client that receives callbacks, with a forgery rule for each', () => {
  expect(targets.length).toBeGreaterThanOrEqual(6);
  for (const { client } of targets) {
    expect(Object.keys(SIGNERS), 'a signer for').toContain(client.name);
    expect(Object.keys(FORGERY_RULES), 'a forgery rule for').toContain(client.name);
  }
});

for (const target of targets) {
  const { client, label } = target;
  const fixtures = loadFixtures(client.fixtures).map((loaded) => loaded.fixture);
  const samples = fixtures
    .filter((f) => f.operation === 'webhooks.verify' && f.kind === 'success')
    .map(sampleOf)
    .filter((sample): sample is Sample => sample !== undefined);
  const fieldNames = [...new Set(samples.flatMap((sample) => Object.keys(sample.fields)))];
  const answers = providerAnswers(fixtures);
  const secrets = secretValues(client.testSettings, client.secrets);
  // The clock and settings the valid callbacks were signed with (tokens and timestamps expire).
  const settings = samples[0]?.fixture.settings ?? {};

  describe(`${label} webhook fuzz`, () => {
    it(
      `verify resolves or rejects with a fitting Pay error, never another (${RUNS} arbitrary inputs × options × API answers)`,
      async () => {
        const module = await importProvider(target.pkg);
        const signerClient = createTestClient(target, module, settings);
        const sign = (SIGNERS[client.name] as (w: Webhooks) => Signer)(
          signerClient.webhooks as Webhooks,
        );
        const tally = figuresOf(label);
        const started = performance.now();
        await fc.assert(
          fc.asyncProperty(
            inputDescription(
              samples,
              fieldNames,
              samples.map((sample) => sample.fields),
            ),
            optionsDescription,
            apiPlay,
            async (described, options, play) => {
              tally.cases += 1;
              const sdk = createTestClient(target, module, {
                ...settings,
                fetch: playFetch(play, answers),
              });
              const input = await buildInput(described, sign);
              const outcome = await settle(() =>
                getOperation(sdk, 'webhooks.verify')(input, buildOptions(options)),
              );
              if (outcome.ok) return true;
              if (!PayError.isInstance(outcome.error)) {
                tally.nonPayErrors += 1;
                throw new Error(`verify threw a non-Pay error: ${describeError(outcome.error)}`);
              }
              expectFittingError(outcome.error, isMisuse(described), secrets);
              return true;
            },
          ),
          { numRuns: RUNS },
        );
        tally.ms += performance.now() - started;
        expect(tally.nonPayErrors).toBe(0);
      },
      TIMEOUT,
    );

    const rule = FORGERY_RULES[client.name] as ForgeryRule;
    it(
      `accepts no forged callback: ${rule.why}`,
      async () => {
        const module = await importProvider(target.pkg);
        const starts = rule.fixtures.map((file) => {
          const fixture = fixtures.find((f) => `${f.operation}.${f.case}.json` === file);
          const sample = fixture && sampleOf(fixture);
          if (!sample)
            throw new Error(`no webhooks.verify success fixture ${client.fixtures}/${file}`);
          return sample;
        });
        const verify = (sample: Sample, body: string) => {
          // A fresh client per call: the API stub answers the genuine record once more.
          const sdk = createTestClient(target, module, {
            ...sample.fixture.settings,
            fetch: sequenceFetch(interactionsOf(sample.fixture).map((i) => i.response)),
          });
          const args = [{ body, headers: sample.headers }];
          if (sample.fixture.options !== undefined) args.push(sample.fixture.options as never);
          return settle(() => getOperation(sdk, 'webhooks.verify')(...args));
        };

        // The harness first: each untampered callback, re-serialized, is accepted as its fixture says.
        const genuine = new Map<Sample, unknown>();
        for (const sample of starts) {
          const outcome = await verify(sample, serialize(sample, sample.fields));
          expect(outcome.ok, `the genuine callback of ${sample.fixture.case} is accepted`).toBe(
            true,
          );
          if (!outcome.ok) return;
          expect(outcome.value).toEqual((sample.fixture.expect as { result: unknown }).result);
          genuine.set(sample, outcome.value);
        }

        // Counterexamples name the fixture case, the field and the value, not the whole sample.
        const sampleByCase = new Map(starts.map((sample) => [sample.fixture.case, sample]));
        const attempts = fc.constantFrom(
          ...starts.flatMap((sample) => {
            const signed =
              typeof rule.fields === 'function' ? rule.fields(sample.fields) : rule.fields;
            const options = sample.fixture.options as { confirm?: unknown } | undefined;
            const confirmed = options?.confirm === false ? [] : (rule.confirmedFields ?? []);
            return [...signed, ...confirmed].map((field) => [sample.fixture.case, field] as const);
          }),
        );
        const forgery = attempts.chain(([start, field]) => {
          const original = getPath((sampleByCase.get(start) as Sample).fields, field);
          return tamperedValue(original)
            .filter((value) => !rule.blindSpot?.(field, original, value))
            .map((value) => ({ start, field, value }));
        });

        const tally = figuresOf(label);
        const started = performance.now();
        await fc.assert(
          fc.asyncProperty(forgery, async ({ start, field, value }) => {
            const sample = sampleByCase.get(start) as Sample;
            tally.forgeryCases += 1;
            const outcome = await verify(
              sample,
              serialize(sample, setPath(sample.fields, field, value)),
            );
            if (!outcome.ok) {
              if (PayError.isInstance(outcome.error)) return true;
              tally.nonPayErrors += 1;
              throw new Error(`verify threw a non-Pay error: ${describeError(outcome.error)}`);
            }
            if (isDeepStrictEqual(outcome.value, genuine.get(sample))) {
              tally.acceptedAsGenuine += 1;
              return true;
            }
            tally.forgeries += 1;
            throw new Error(
              `accepted a forged ${field} (${sample.fixture.case}): ${JSON.stringify(outcome.value)}`,
            );
          }),
          { numRuns: RUNS },
        );
        tally.forgeryMs += performance.now() - started;
        expect(tally.forgeries).toBe(0);
      },
      TIMEOUT,
    );
  });
}
