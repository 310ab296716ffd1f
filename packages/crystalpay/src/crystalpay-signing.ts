import { digestHex, PayConfigError, PayValidationError } from '@pay/core';

/**
 * The body fields each money-moving call signs, in order. The signature is
 * `sha1(<value>:<value>:…:<salt>)`, lowercase hex, sent as the body field `signature`.
 *
 * CrystalPay's docs only say "a hash of certain fields plus the salt with a separator": the
 * payoff lists come from third-party clients, the swap and transfer lists are guesses from the
 * argument order of those clients (see the README's "Unconfirmed"). Each list can be replaced
 * with the `signedFields` setting without waiting for a release.
 */
export const CRYSTALPAY_SIGNED_FIELDS = {
  'payoff/create': ['amount', 'method', 'wallet'],
  'payoff/submit': ['id'],
  'payoff/cancel': ['id'],
  /** Unconfirmed: a guess. */
  'swap/create': ['amount', 'pair_id'],
  /** Unconfirmed: by analogy with payoffs. */
  'swap/submit': ['id'],
  /** Unconfirmed: by analogy with payoffs. */
  'swap/cancel': ['id'],
  /** Unconfirmed: a guess. */
  'transfer/create': ['amount', 'method', 'receiver'],
  /** Unconfirmed: by analogy with payoffs. */
  'transfer/submit': ['id'],
  /** Unconfirmed: by analogy with payoffs. */
  'transfer/cancel': ['id'],
} as const satisfies Record<string, readonly string[]>;

/** A call that CrystalPay wants signed, named by its path (`payoff/create`). */
export type CrystalPaySignedOperation = keyof typeof CRYSTALPAY_SIGNED_FIELDS;

/** Replacement field lists for some signed calls (setting `signedFields`). */
export type CrystalPaySignedFields = Partial<Record<CrystalPaySignedOperation, readonly string[]>>;

/** `sha1` of the values and the salt joined with `:`, as lowercase hex. */
export function crystalPaySignature(values: readonly string[], salt: string): string {
  return digestHex('sha1', [...values, salt].join(':'));
}

/** Signs the fields of one request body with the client's field lists. */
export type BodySigner = (operation: string, fields: Record<string, unknown>) => string;

/**
 * Merges the `signedFields` setting over the defaults and returns the signer. Throws
 * `PayConfigError` for an unknown call or a list that is not non-empty field names.
 */
export function createBodySigner(
  salt: string,
  overrides: CrystalPaySignedFields | undefined,
  provider: string,
): BodySigner {
  const lists: Record<string, readonly string[]> = { ...CRYSTALPAY_SIGNED_FIELDS };
  for (const [operation, fields] of Object.entries(overrides ?? {})) {
    if (!(operation in CRYSTALPAY_SIGNED_FIELDS)) {
      throw new PayConfigError(`signedFields.${operation}`, 'is not a signed call', { provider });
    }
    const valid =
      Array.isArray(fields) &&
      fields.length > 0 &&
      fields.every((field) => typeof field === 'string' && field !== '');
    if (!valid) {
      throw new PayConfigError(`signedFields.${operation}`, 'must list body field names', {
        provider,
      });
    }
    lists[operation] = fields;
  }
  return (operation, fields) => {
    const names = lists[operation];
    // Only an endpoint declared `signed` without a list gets here: a defect of the SDK, named
    // after the setting that would supply the list.
    if (!names) {
      throw new PayConfigError(`signedFields.${operation}`, 'is missing: no signed fields', {
        provider,
        operation,
      });
    }
    const values = names.map((name) => signedValue(fields, name, { provider, operation }));
    return crystalPaySignature(values, salt);
  };
}

/** The exact text a field is sent as: strings as they are, whole numbers as their digits. */
function signedValue(
  fields: Record<string, unknown>,
  name: string,
  context: { provider: string; operation: string },
): string {
  const value = fields[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  throw new PayValidationError(
    [{ path: name, message: 'is required: the request signature covers it' }],
    context,
  );
}
