/** The outcome of reading untrusted text as JSON. */
export type JsonParseResult = { ok: true; value: unknown } | { ok: false };

/** Bodies larger than this are refused unread: no provider answer comes near it. */
export const MAX_JSON_LENGTH = 10 * 1024 * 1024;
/**
 * Deepest nesting of arrays and objects accepted. No provider answer or callback nests beyond a
 * handful of levels; thousands of levels would overflow the stack of any code that walks the
 * value (redaction, hashing) — an unauthenticated body must not be able to do that.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Text that may hold a key the reviver must see: the names themselves, or any `\u` escape
 * (`"\u005f_proto__"` is `__proto__` once decoded).
 */
const NEEDS_REVIVER = /__proto__|constructor|\\u/;

/**
 * The one place the SDKs call `JSON.parse` on text from the network. Never throws: returns
 * `{ ok: false }` for invalid, empty, oversized or too deeply nested text.
 *
 * Drops every `__proto__` key however it is escaped (copied with `Object.assign` or a deep merge,
 * it would replace an object's prototype), and a `constructor` key whose value is an object (the
 * `constructor.prototype` route of deep merges); a `constructor` field holding text or a number
 * is kept. The reviver runs only when the text could hold such a key, so ordinary bodies parse at
 * full speed.
 */
export function parseJsonText(text: string, maxDepth = MAX_JSON_DEPTH): JsonParseResult {
  if (text.length === 0 || text.length > MAX_JSON_LENGTH) return { ok: false };
  if (nestingDepth(text) > maxDepth) return { ok: false };
  try {
    const value: unknown = NEEDS_REVIVER.test(text)
      ? JSON.parse(text, dropPollutingKeys)
      : JSON.parse(text);
    return { ok: true, value };
  } catch {
    return { ok: false };
  }
}

function dropPollutingKeys(key: string, value: unknown): unknown {
  if (key === '__proto__') return undefined;
  if (key === 'constructor' && typeof value === 'object' && value !== null) return undefined;
  return value;
}

/** Deepest `[`/`{` nesting of JSON text, skipping strings; one pass, no parsing. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 92 /* \ */) index += 1;
      else if (code === 34 /* " */) inString = false;
    } else if (code === 34) {
      inString = true;
    } else if (code === 123 /* { */ || code === 91 /* [ */) {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (code === 125 /* } */ || code === 93 /* ] */) {
      depth -= 1;
    }
  }
  return deepest;
}
