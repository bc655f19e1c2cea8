/** The words a claim dialog acts on, shortened, under its form. */
export function SourceQuote({ quote }: { quote: string }) {
  return <p className="claim-source muted small">From “{quote.length > 200 ? `${quote.slice(0, 199)}…` : quote}”</p>;
}
