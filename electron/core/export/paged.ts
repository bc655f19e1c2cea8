/**
 * Reads a query page by page, keyset-paginated. A single long `.iterate()` would keep the
 * connection busy across every await for the destination to drain, and better-sqlite3 refuses
 * any other statement on a busy connection: the app's edits and searches would fail for the
 * length of an export. Each page is read in full, synchronously, then handed out row by row.
 */
export function* pages<Row, Key>(fetch: (after: Key | null) => Row[], keyOf: (row: Row) => Key): Generator<Row> {
  let after: Key | null = null;
  for (;;) {
    const page = fetch(after);
    if (page.length === 0) return;
    yield* page;
    after = keyOf(page[page.length - 1] as Row);
  }
}

/** Rows per page: large enough that paging costs little, small enough to keep memory flat. */
export const PAGE_SIZE = 2000;
