/** The part of `JSON` that Node 22+ has and TypeScript's lib does not describe yet. */
interface JsonWithRawJson {
  rawJSON(text: string): unknown;
}

/**
 * A value that `JSON.stringify` writes as the number literal `decimal`, digit for digit
 * (`100.10` stays `100.10`). For providers that document an amount as a JSON number: the
 * canonical decimal string goes on the wire unchanged, never through a float.
 */
export function jsonNumber(decimal: string): unknown {
  return (JSON as unknown as JsonWithRawJson).rawJSON(decimal);
}
