import * as v from 'valibot';

/** Where a fixture's facts come from. A fixture built from an unconfirmed fact says so in `note`. */
const sourceSchema = v.strictObject({
  /** The provider's docs page (or its spec in `docs/providers/`) the interaction is taken from. */
  url: v.pipe(v.string(), v.nonEmpty()),
  /** The heading on that page. */
  section: v.pipe(v.string(), v.nonEmpty()),
  /** e.g. `unconfirmed: built from SPEC [guess]`. */
  note: v.optional(v.string()),
});

/** The request the SDK must send. Headers listed are compared (names case-insensitive). */
const requestSchema = v.strictObject({
  method: v.picklist(['GET', 'POST']),
  /** Full URL, query included, as sent to the provider's default base URL. */
  url: v.pipe(v.string(), v.url()),
  headers: v.optional(v.record(v.string(), v.string())),
  /**
   * How the body is encoded; the runner decodes what was sent the same way. Default: `json`.
   * `none` asserts that no body was sent.
   */
  bodyEncoding: v.optional(v.picklist(['json', 'form', 'multipart', 'none'])),
  /** Expected body, compared when given: a JSON value, or for form/multipart an object of string fields. */
  body: v.optional(v.unknown()),
  /** Expected body text, byte for byte (for signed form bodies). */
  bodyText: v.optional(v.string()),
});

const responseSchema = v.strictObject({
  status: v.pipe(v.number(), v.integer(), v.minValue(100), v.maxValue(599)),
  headers: v.optional(v.record(v.string(), v.string())),
  /** A JSON body (sent with content-type application/json unless headers say otherwise). */
  body: v.optional(v.unknown()),
  /** A raw body, e.g. HTML or broken JSON. */
  bodyText: v.optional(v.string()),
});

const interactionSchema = v.strictObject({ request: requestSchema, response: responseSchema });

const expectSchema = v.union([
  v.strictObject({ result: v.unknown() }),
  v.strictObject({
    error: v.looseObject({
      /** `PayApiError`, `PayValidationError`, … */
      class: v.picklist([
        'PayConfigError',
        'PayValidationError',
        'PayApiError',
        'PayNetworkError',
        'PayResponseError',
        'PaySignatureError',
      ]),
      /** A part of the message that must appear. */
      messageIncludes: v.optional(v.string()),
    }),
  }),
]);

/**
 * One fixture file, `fixtures/<provider>/<operation>.<case>.json`. The runner calls
 * `client.<operation>(input, options)` on a client made from the client's test settings
 * (package.json `pay.clients[].testSettings`) merged with `settings`, and serves `interactions`
 * (the single `request`/`response` pair, or a list for calls that make several requests).
 */
export const fixtureSchema = v.pipe(
  v.strictObject({
    /** The client method, dotted: `invoice.create`, `webhooks.verify`. */
    operation: v.pipe(v.string(), v.regex(/^[a-zA-Z0-9]+(\.[a-zA-Z0-9]+)*$/)),
    /** Short name of the case, e.g. `success`, `error-not-found`. */
    case: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/)),
    /** `success` when the call resolves, `error` when it rejects. */
    kind: v.picklist(['success', 'error']),
    source: sourceSchema,
    /** Settings merged over the package's test settings. `now` is a number (ms) here. */
    settings: v.optional(v.record(v.string(), v.unknown())),
    input: v.optional(v.unknown()),
    options: v.optional(v.record(v.string(), v.unknown())),
    request: v.optional(requestSchema),
    response: v.optional(responseSchema),
    interactions: v.optional(v.array(interactionSchema)),
    expect: expectSchema,
  }),
  v.check(
    (fixture) => (fixture.request === undefined) === (fixture.response === undefined),
    '`request` and `response` go together',
  ),
  v.check(
    (fixture) => !(fixture.request && fixture.interactions),
    'use either `request`/`response` or `interactions`, not both',
  ),
  v.check(
    (fixture) => (fixture.kind === 'success') === 'result' in fixture.expect,
    '`kind: success` expects a `result`, `kind: error` an `error`',
  ),
);

export type Fixture = v.InferOutput<typeof fixtureSchema>;
export type Interaction = v.InferOutput<typeof interactionSchema>;

/** A fixture's interactions: its `interactions` list, or its single `request`/`response` pair. */
export function interactionsOf(fixture: Fixture): Interaction[] {
  if (fixture.interactions) return fixture.interactions;
  return fixture.request && fixture.response
    ? [{ request: fixture.request, response: fixture.response }]
    : [];
}

/** The arguments the operation is called with: `(input)` or `(input, options)`. */
export function argumentsOf(fixture: Fixture): unknown[] {
  return fixture.options === undefined ? [fixture.input] : [fixture.input, fixture.options];
}
