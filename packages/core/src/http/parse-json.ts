/** The outcome of reading untrusted text as JSON. */
export type JsonParseResult = { ok: true; value: unknown } | { ok: false };

/** Bodies larger than this are refused unread: no provider answer comes near it. */
export const MAX_JSON_LENGTH = 10 * 1024 * 1024;

const pollutingKeys = new Set(['__proto__', 'constructor', 'prototype']);
/** Any of `pollutingKeys` in the text: one scan of the body instead of three. */
const SUSPICIOUS_KEY = /__proto__|constructor|prototype/;

/**
 * The one place the SDKs call `JSON.parse` on text from the network. Never throws: returns
 * `{ ok: false }` for invalid, empty or oversized text. Keys that could pollute prototypes
 * (`__proto__`, `constructor`, `prototype`) are dropped; the reviver that does so only runs
 * when such a key appears in the text, so ordinary bodies parse at full speed.
 */
export function parseJsonText(text: string): JsonParseResult {
  if (text.length === 0 || text.length > MAX_JSON_LENGTH) return { ok: false };
  try {
    const value: unknown = SUSPICIOUS_KEY.test(text)
      ? JSON.parse(text, (key, item) => (pollutingKeys.has(key) ? undefined : item))
      : JSON.parse(text);
    return { ok: true, value };
  } catch {
    return { ok: false };
  }
}
