/** `1.31×`: a ratio, two decimals. */
export function ratio(numerator: number, denominator: number): string {
  return `${(numerator / denominator).toFixed(2)}×`;
}

/** Milliseconds: three decimals below 10 ms (loopback latencies), one above. */
export function ms(value: number): string {
  return `${value.toFixed(Math.abs(value) < 10 ? 3 : 1)} ms`;
}

/** Whole milliseconds with a sign: `+67 ms`. */
export function signedMs(value: number): string {
  return `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(0)} ms`;
}

/** Microseconds, one decimal. */
export function micros(value: number): string {
  return `${value.toFixed(1)} µs`;
}

/** Microseconds with a sign, one decimal: `+28.3 µs`, `−1.2 µs`. */
export function signedMicros(value: number): string {
  return `${value >= 0 ? '+' : '−'}${micros(Math.abs(value))}`;
}

/** Kilobytes as size-limit counts them (1 kB = 1000 bytes), two decimals. */
export function kB(bytes: number): string {
  return `${(bytes / 1000).toFixed(2)} kB`;
}

/** Megabytes (1 MB = 1,000,000 bytes), two decimals, with an optional sign. */
export function MB(bytes: number, signed = false): string {
  const text = `${(Math.abs(bytes) / 1_000_000).toFixed(2)} MB`;
  if (!signed) return text;
  return `${bytes >= 0 ? '+' : '−'}${text}`;
}

/** `12,345` */
export function count(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/**
 * One markdown table, its columns padded to a common width so that the file reads as a table
 * too (Markdown is outside Biome's formatting, so nothing else aligns it).
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cells = [header, ...rows].map((row) => row.map(escapeCell));
  const widths = header.map((_, column) =>
    Math.max(3, ...cells.map((row) => length(row[column] ?? ''))),
  );
  const line = (row: readonly string[]) =>
    `| ${widths.map((width, column) => pad(row[column] ?? '', width)).join(' | ')} |`;
  const [head = [], ...body] = cells;
  return [line(head), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)].join('\n');
}

/** Characters as an editor counts them (code points, so `µ` and `×` count once). */
function length(text: string): number {
  return [...text].length;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(width - length(text));
}

function escapeCell(cell: string): string {
  return cell.replaceAll('|', '\\|').replaceAll('\n', ' ');
}
