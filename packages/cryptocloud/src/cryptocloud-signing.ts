import { PaySignatureError, type SignatureFailure } from '@pay/core';
import { jwtVerify, SignJWT } from 'jose';
import { PROVIDER } from './cryptocloud-request.ts';

/** How long CryptoCloud's postback tokens live, per the docs: 5 minutes. */
export const POSTBACK_TOKEN_LIFETIME_SECONDS = 300;

/** The only algorithm a postback token may use; `none` and every other one are refused. */
const ALGORITHM = 'HS256';

/** A postback rejection, in the words of the core error. */
export function postbackFailure(reason: SignatureFailure, detail: string): PaySignatureError {
  return new PaySignatureError({ provider: PROVIDER, operation: 'postback', reason, detail });
}

/** The invoice id without CryptoCloud's `INV-` prefix: the postback sends it bare, the API not. */
export function bareInvoiceId(id: string): string {
  return id.replace(/^INV-/i, '');
}

/** What jose's error codes mean for a postback. */
const JOSE_FAILURES: Record<string, [SignatureFailure, string]> = {
  ERR_JWT_EXPIRED:
    // A later delivery of the same postback carries a fresh token.
    ['expired', 'the token has expired (tokens live 5 minutes; a re-sent postback has a new one)'],
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: [
    'mismatch',
    'the token signature does not match `secretKey` (check the project secret key)',
  ],
  ERR_JOSE_ALG_NOT_ALLOWED: ['malformed', `the token algorithm is not ${ALGORITHM}`],
  ERR_JWT_CLAIM_VALIDATION_FAILED: ['malformed', 'the token claims are missing or invalid'],
};

/**
 * Verifies a postback token (JWT, HS256 with the project's secret key) with jose, which checks
 * the algorithm, compares the signature in constant time and checks `exp` against `now`, and
 * returns its claims. Then requires its `id` claim to be the postback's invoice (compared
 * without the `INV-` prefix), so a valid token of one invoice cannot confirm another.
 */
export async function verifyPostbackToken(
  token: string,
  invoiceId: string,
  settings: { secretKey: string; now: () => number; clockToleranceMs: number },
): Promise<Record<string, unknown>> {
  let claims: Record<string, unknown>;
  try {
    const verified = await jwtVerify(token, new TextEncoder().encode(settings.secretKey), {
      algorithms: [ALGORITHM],
      currentDate: new Date(settings.now()),
      clockTolerance: settings.clockToleranceMs / 1000,
      requiredClaims: ['exp'],
    });
    claims = verified.payload;
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const [reason, detail] = (typeof code === 'string' && JOSE_FAILURES[code]) || [
      'malformed',
      'the token is not a well-formed JWT',
    ];
    throw postbackFailure(reason, detail);
  }
  const id = claims.id;
  if (typeof id !== 'string' && typeof id !== 'number') {
    throw postbackFailure('malformed', 'the token carries no invoice `id` claim');
  }
  if (bareInvoiceId(String(id)) !== bareInvoiceId(invoiceId)) {
    throw postbackFailure('mismatch', 'the token was issued for another invoice than `invoice_id`');
  }
  return claims;
}

/**
 * Makes a postback token as CryptoCloud does (header `{"alg":"HS256","typ":"JWT"}`, claims
 * `{"id":"<invoice id>","exp":<seconds>}`), for tests and the sandbox.
 */
export function signPostbackToken(
  invoiceId: string,
  secretKey: string,
  exp: number,
): Promise<string> {
  return new SignJWT({ id: bareInvoiceId(invoiceId) })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(secretKey));
}
