/** How search reads what is typed: shown under the search boxes and read with them (aria-describedby). */
export function SearchHelp({ id, compact = false }: { id: string; compact?: boolean }) {
  if (compact) {
    return (
      <p id={id} className="search-help compact">
        <code>"a phrase"</code> · <code>word*</code> · forms and numbers match (refugee → refugees)
      </p>
    );
  }
  return (
    <p id={id} className="search-help">
      Words also find their forms (refugee → refugees, беженцы → беженцев). <code>"a phrase"</code> finds those words in that order, as
      written. <code>word*</code> finds words that begin so. Numbers match in any spelling: 6.5 million = 6.5 mln = 6,500,000.
    </p>
  );
}
