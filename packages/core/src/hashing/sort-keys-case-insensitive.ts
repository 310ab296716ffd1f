import { compareCodePoints } from './compare-code-points.ts';

/**
 * Compares two keys the way PHP's `strcasecmp` does: ASCII letters folded to lower case, then
 * byte (code point) order. Only ASCII is folded, as in PHP 8; `_` therefore sorts before `a`.
 */
export function compareKeysCaseInsensitive(left: string, right: string): number {
  return compareCodePoints(lowerAscii(left), lowerAscii(right));
}

/**
 * Returns the entries of `params` sorted like PHP's `uksort($params, 'strcasecmp')`, as a `Map`.
 * Keys equal but for case (`b`, `B`) keep their input order, as PHP 8's stable sort does.
 *
 * A `Map` and not an object because objects cannot hold this order: JavaScript always lists
 * integer-like keys (`'9'`, `'10'`) first and in numeric order, where `strcasecmp` puts `'10'`
 * before `'9'`. `httpBuildQuery` accepts the `Map` directly.
 */
export function sortKeysCaseInsensitive<T>(
  params: Readonly<Record<string, T>> | ReadonlyMap<string, T>,
): Map<string, T> {
  const entries = params instanceof Map ? [...params] : Object.entries(params);
  entries.sort(([left], [right]) => compareKeysCaseInsensitive(left, right));
  return new Map(entries);
}

function lowerAscii(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}
