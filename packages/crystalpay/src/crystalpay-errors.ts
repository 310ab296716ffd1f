import type { ProviderErrorReader } from '@pay/core';

/**
 * CrystalPay answers errors with HTTP 200 and `{ "error": true, "errors": ["…"] }`: no codes,
 * only human-readable strings (Russian or English). The strings are kept verbatim in `details`.
 */
export const readCrystalPayError: ProviderErrorReader = ({ body }) => {
  if (typeof body !== 'object' || body === null) return undefined;
  const envelope = body as { error?: unknown; errors?: unknown };
  if (envelope.error !== true) return undefined;
  const errors = Array.isArray(envelope.errors) ? envelope.errors.map(String) : [];
  const providerMessage = errors.length > 0 ? errors.join('; ') : 'unspecified error';
  return {
    providerMessage,
    details: { errors },
    hint: /not found/i.test(providerMessage)
      ? 'check the id: CrystalPay does not know it for this cash register'
      : undefined,
  };
};
