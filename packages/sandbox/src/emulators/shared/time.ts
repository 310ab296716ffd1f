/**
 * UTC `YYYY-MM-DD HH:MM:SS` (SQL `DATETIME`, no zone), as CrystalPay and Bitsby write times;
 * `null` for no time.
 */
export function sqlDateTime(ms: number | undefined): string | null {
  return ms === undefined ? null : new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * UTC `YYYY-MM-DD HH:MM:SS.ffffff` (microseconds, no zone), as CryptoCloud writes times and
 * Payin-payout's `timestamptz` reads before its zone; `null` for no time.
 */
export function sqlDateTimeMicros(ms: number | undefined): string | null {
  if (ms === undefined) return null;
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}000`;
}
