/**
 * Orders two strings by Unicode code point, which is also the order of their UTF-8 bytes: what
 * Python's `sorted`, PHP's `strcmp` and Go's `<` use. JavaScript's own `<` and `Array#sort`
 * compare UTF-16 code units instead, which puts U+10000 and above before U+E000..U+FFFF; signing
 * code must not depend on that difference. Returns a negative number, zero or a positive number.
 */
export function compareCodePoints(left: string, right: string): number {
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index += 1) {
    const leftUnit = left.charCodeAt(index);
    const rightUnit = right.charCodeAt(index);
    if (leftUnit !== rightUnit) {
      // Code units agree with code points everywhere except where one side is a surrogate
      // (part of a character above U+FFFF): those characters sort after every BMP character.
      return codePointRank(leftUnit) - codePointRank(rightUnit);
    }
  }
  return left.length - right.length;
}

/** Lifts surrogates above every other code unit so that units compare in code-point order. */
function codePointRank(unit: number): number {
  return unit >= 0xd800 && unit <= 0xdfff ? unit + 0x10000 : unit;
}
