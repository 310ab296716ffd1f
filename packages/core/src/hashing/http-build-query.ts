import { PayValidationError } from '../errors/pay-validation-error.ts';
import { phpNumberString } from './php-scalar-string.ts';

/** Parameters for {@link httpBuildQuery}: a plain object, or a `Map` to fix the key order. */
export type QueryParams = Readonly<Record<string, unknown>> | ReadonlyMap<string, unknown>;

/**
 * Serializes `params` byte for byte as PHP's `http_build_query($params)` does with its default
 * arguments (`PHP_QUERY_RFC1738`, `&` as separator, no numeric prefix), for providers that sign
 * that string:
 *
 * - keys and values are encoded like PHP `urlencode`: everything but `A-Z a-z 0-9 - _ .` becomes
 *   `%XX` of its UTF-8 bytes (uppercase hex), and a space becomes `+`;
 * - entries keep the order of `params` (pass a `Map`, e.g. from `sortKeysCaseInsensitive`, when
 *   the order matters and keys may look like integers, which objects always list first);
 * - `null` and `undefined` are skipped; `true` → `1`, `false` → `0`;
 * - an integer number is a PHP int and printed in full; any other number is a PHP float and
 *   printed with 14 significant digits (`10.10` → `10.1`, `1e14` → `1.0E%2B14`): pass
 *   amounts as strings so the signed text is the text you meant;
 * - arrays, plain objects and `Map`s nest as `a%5Bb%5D=…` and `a%5B0%5D=…` (PHP encodes the
 *   brackets too); an empty one adds nothing.
 *
 * Where PHP would print `NAN`/`INF` or silently skip a value, this throws `PayValidationError`
 * (the path names the key) instead: non-finite numbers, lone surrogates (no UTF-8 form), a
 * structure that contains itself, and values PHP has no counterpart for (functions, symbols,
 * `Date` and other class instances).
 */
export function httpBuildQuery(params: QueryParams): string {
  const pairs: string[] = [];
  const ancestors = new Set<object>([params]);
  for (const [key, value] of entriesOf(params, '')) {
    appendPairs(pairs, urlencode(key, key), value, key, ancestors);
  }
  return pairs.join('&');
}

function appendPairs(
  pairs: string[],
  encodedKey: string,
  value: unknown,
  path: string,
  ancestors: Set<object>,
): void {
  if (value === null || value === undefined) return;
  if (typeof value !== 'object') {
    pairs.push(`${encodedKey}=${encodeScalar(value, path)}`);
    return;
  }
  if (!isContainer(value)) {
    throw invalid(path, 'must be a string, number, boolean, array or plain object');
  }
  if (ancestors.has(value)) throw invalid(path, 'contains itself, which cannot be serialized');
  ancestors.add(value);
  for (const [childKey, child] of entriesOf(value, path)) {
    const childPath = `${path}.${childKey}`;
    appendPairs(
      pairs,
      `${encodedKey}%5B${urlencode(childKey, childPath)}%5D`,
      child,
      childPath,
      ancestors,
    );
  }
  ancestors.delete(value);
}

function encodeScalar(value: unknown, path: string): string {
  switch (typeof value) {
    case 'string':
      return urlencode(value, path);
    case 'boolean':
      // http_build_query differs from PHP's (string) cast here: false is '0', not ''.
      return value ? '1' : '0';
    case 'bigint':
      return value.toString();
    case 'number':
      if (!Number.isFinite(value)) throw invalid(path, `must be a finite number (got ${value})`);
      return urlencode(phpNumberString(value), path);
    default:
      throw invalid(path, `must be a string, number or boolean (got a ${typeof value})`);
  }
}

function isContainer(value: object): boolean {
  if (Array.isArray(value) || value instanceof Map) return true;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function entriesOf(container: object, path: string): [string, unknown][] {
  if (Array.isArray(container)) {
    // Array.from, not map: it visits holes (as undefined, then skipped) instead of keeping them.
    return Array.from(container, (item: unknown, index) => [String(index), item]);
  }
  if (!(container instanceof Map)) return Object.entries(container);
  return [...container].map(([key, item]) => {
    if (typeof key !== 'string' && typeof key !== 'number') {
      throw invalid(path, `has a Map key that is a ${typeof key}; keys must be strings`);
    }
    return [String(key), item];
  });
}

const keptByUriButNotByPhp = /[!'()*~]/g;

/** PHP `urlencode`: `encodeURIComponent` leaves `! ' ( ) * ~` alone, PHP does not. */
function urlencode(text: string, path: string): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(text);
  } catch {
    throw invalid(path, 'is not valid Unicode text (it holds a lone surrogate)');
  }
  return encoded
    .replace(
      keptByUriButNotByPhp,
      (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
    )
    .replaceAll('%20', '+');
}

function invalid(path: string, message: string): PayValidationError {
  return new PayValidationError([{ path, message }]);
}
