import { PayValidationError } from '../errors/pay-validation-error.ts';

/** Unit keys of AnyMoney's timedelta grammar, largest first, with their length in ms. */
const units = [
  { key: 'w', milliseconds: 604_800_000 },
  { key: 'd', milliseconds: 86_400_000 },
  { key: 'h', milliseconds: 3_600_000 },
  { key: 'm', milliseconds: 60_000 },
  { key: 's', milliseconds: 1_000 },
  { key: 'ms', milliseconds: 1 },
] as const;

const grammarHint =
  'a timedelta is bare seconds like 3600, or <number><key> pairs with keys w d h m s ms, ' +
  'largest first, each at most once, no spaces, like 1d12h';

/**
 * Parses an AnyMoney timedelta (the `lifetime` param) into milliseconds.
 *
 * Grammar (AnyMoney invoice docs): either bare digits, meaning seconds (`3600`), or one or more
 * `<digits><key>` pairs with keys `w d h m s ms` and no spaces (`1d12h`, `90m`, `1s500ms`); once a
 * key is used the text must end with a key (`1h30` is an error). `ms` is always milliseconds,
 * never minutes followed by seconds.
 *
 * The docs say nothing about repeated or out-of-order keys and show only largest-first
 * (`1w1d1h1m1s1ms`), so this parser accepts each key at most once, largest first: the server's
 * reading of `1h1h` or `30m1h` is unknown, and refusing them locally is safer than guessing.
 * A number may be as large as it likes within a key (`90m`, `36h`) and may have leading zeros.
 *
 * Throws `PayValidationError` with one issue at `field` (default `''`) whose message gives the
 * 1-based character position and the rule broken; also when the total exceeds
 * `Number.MAX_SAFE_INTEGER` ms.
 */
export function parseTimedelta(text: string, field = ''): number {
  const fail = (message: string): never => {
    throw new PayValidationError([
      { path: field, message: `${message} (got ${JSON.stringify(text)}); ${grammarHint}` },
    ]);
  };
  if (typeof text !== 'string' || text.length === 0) return fail('must not be empty');
  if (/^\d+$/.test(text)) return checkedTotal([[text, 1_000]], fail);

  const parts: [digits: string, unitMilliseconds: number][] = [];
  let position = 0;
  let previousUnitIndex = -1;
  const usedUnits = new Set<number>();
  const digitRun = /\d*/y;
  while (position < text.length) {
    digitRun.lastIndex = position;
    const digits = digitRun.exec(text)?.[0] ?? '';
    const keyPosition = position + digits.length;
    if (keyPosition === text.length) {
      return fail(
        `the number at position ${position + 1} has no unit key; ` +
          'once a key is used the text must end with a key',
      );
    }
    const unitIndex = unitIndexAt(text, keyPosition);
    if (unitIndex === -1) {
      return fail(`unexpected ${JSON.stringify(text[keyPosition])} at position ${keyPosition + 1}`);
    }
    const unit = units[unitIndex]!;
    const keyAt = `the key "${unit.key}" at position ${keyPosition + 1}`;
    if (digits.length === 0) return fail(`${keyAt} has no number before it`);
    if (usedUnits.has(unitIndex)) return fail(`${keyAt} is repeated; each key may appear once`);
    if (unitIndex < previousUnitIndex) {
      const previous = units[previousUnitIndex]!.key;
      return fail(`${keyAt} comes after "${previous}"; keys must go from largest to smallest`);
    }
    usedUnits.add(unitIndex);
    parts.push([digits, unit.milliseconds]);
    previousUnitIndex = unitIndex;
    position = keyPosition + unit.key.length;
  }
  return checkedTotal(parts, fail);
}

/**
 * Writes milliseconds in canonical timedelta form: `<number><key>` pairs from the largest unit
 * down (weeks included), each unit at most once, zero units left out; zero itself is `0s`.
 * Examples: `90061000` → `1d1h1m1s`, `1500` → `1s500ms`, `604800000` → `1w`, `0` → `0s`.
 *
 * Canonical, not shortest in characters: `10d` comes out as `1w3d`, and the bare-seconds form
 * (`90061`) is never used, because a unit on every number reads unambiguously.
 * `parseTimedelta` reads every output back to the same value.
 *
 * Throws `PayValidationError` (path `field`, default `''`) for a negative, non-integer or
 * non-finite value, or one above `Number.MAX_SAFE_INTEGER`.
 */
export function formatTimedelta(milliseconds: number, field = ''): string {
  if (!Number.isSafeInteger(milliseconds) || milliseconds < 0) {
    throw new PayValidationError([
      {
        path: field,
        message: `must be a whole, non-negative number of milliseconds (got ${milliseconds})`,
      },
    ]);
  }
  if (milliseconds === 0) return '0s';
  let remaining = milliseconds;
  let text = '';
  for (const unit of units) {
    const count = Math.floor(remaining / unit.milliseconds);
    if (count > 0) text += `${count}${unit.key}`;
    remaining -= count * unit.milliseconds;
  }
  return text;
}

/**
 * Returns `milliseconds` when `range.min <= milliseconds <= range.max`, and otherwise throws
 * `PayValidationError` (path `field`, default `''`) that states the range in timedelta form,
 * e.g. `must be between 1h and 1w (got 1w1d)`. Bounds are inclusive and in milliseconds.
 */
export function checkTimedeltaRange(
  milliseconds: number,
  range: { min: number; max: number },
  field = '',
): number {
  if (milliseconds >= range.min && milliseconds <= range.max) return milliseconds;
  const [min, max, got] = [range.min, range.max, milliseconds].map(describeDuration);
  throw new PayValidationError([
    { path: field, message: `must be between ${min} and ${max} (got ${got})` },
  ]);
}

/** Timedelta form where there is one (`1w1d`), else the number as it is (`NaN`, `-5`). */
function describeDuration(milliseconds: number): string {
  return Number.isSafeInteger(milliseconds) && milliseconds >= 0
    ? formatTimedelta(milliseconds)
    : String(milliseconds);
}

/** The index in `units` of the key starting at `position`, or -1. `ms` wins over `m`. */
function unitIndexAt(text: string, position: number): number {
  if (text.startsWith('ms', position)) return units.length - 1;
  return units.findIndex((unit) => unit.key.length === 1 && unit.key === text[position]);
}

function checkedTotal(
  parts: [digits: string, unitMilliseconds: number][],
  fail: (message: string) => never,
): number {
  let total = 0;
  for (const [digits, unitMilliseconds] of parts) {
    // Above 2^53 the product is no longer exact; any such part already exceeds the limit.
    total += Number(digits) * unitMilliseconds;
    if (total > Number.MAX_SAFE_INTEGER) {
      return fail(`is too large: at most ${Number.MAX_SAFE_INTEGER} milliseconds`);
    }
  }
  return total;
}
