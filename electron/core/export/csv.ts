import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Stringifier, stringify } from 'csv-stringify';

export interface CsvOptions {
  /** UTF-8 byte order mark first (default true): without it Excel on Windows reads UTF-8 as ANSI. */
  bom?: boolean;
}

/** ISO 8601 month and day without a year (--MM-DD), or the month alone (--MM), as articles store them. */
const YEARLESS_DATE = /^--(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?$/;

/**
 * A spreadsheet runs a cell starting with = + - @ (and, in some, tab or carriage return) as a
 * formula: an imported article could smuggle `=HYPERLINK(...)` into a quote. Such text cells get
 * a leading apostrophe, which spreadsheets hide and treat as "this is text" (OWASP's advice).
 * Numbers are written as numbers and never touched: a negative value is not a formula. Nor is a
 * date without a year in ISO 8601's form (--11-09, --11): only those exact shapes pass; anything
 * else after a minus ("--1+1", "-2+3", "-cmd|...") is still neutralised.
 */
export function neutralise(cell: string): string {
  // A character-code switch rather than a regex: this runs for every text cell of a million rows.
  switch (cell.charCodeAt(0)) {
    case 0x2d: // -
      return cell.charCodeAt(1) === 0x2d && YEARLESS_DATE.test(cell) ? cell : `'${cell}`;
    case 0x3d: // =
    case 0x2b: // +
    case 0x40: // @
    case 0x09: // tab
    case 0x0d: // carriage return
      return `'${cell}`;
    default:
      return cell;
  }
}

/**
 * RFC 4180 with CRLF records. csv-stringify only quotes a field containing its record delimiter,
 * so a lone "\n" inside a quote would break the row: every line break forces quoting.
 */
export function csvStringifier(columns: readonly string[], options: CsvOptions = {}): Stringifier {
  return stringify({
    bom: options.bom ?? true,
    header: true,
    columns: [...columns],
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
    cast: { string: neutralise },
  });
}

/**
 * Writes rows (objects keyed by column, or arrays in column order) through the stringifier into `out`, waiting whenever the stringifier's buffer is
 * full (the destination is slower than SQLite), so memory stays flat however many rows come.
 * Resolves with the number of rows once `out` has flushed everything.
 */
export async function writeCsv(
  rows: Iterable<Record<string, unknown> | unknown[]>,
  stringifier: Stringifier,
  out: Writable,
): Promise<number> {
  const done = pipeline(stringifier, out);
  // Observed now so a destination failure between awaits is never an unhandled rejection.
  done.catch(() => undefined);
  let count = 0;
  try {
    // A plain loop: `for await` would cost a promise per row, and rows come synchronously.
    for (const row of rows) {
      count++;
      if (!stringifier.write(row)) await Promise.race([once(stringifier, 'drain'), done]);
    }
    stringifier.end();
  } catch (error) {
    stringifier.destroy(error as Error);
    await done.catch(() => undefined);
    throw error;
  }
  await done;
  return count;
}
