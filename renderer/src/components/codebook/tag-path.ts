/** A typed tag path in the codebook's form: "syria/ refugees " → "syria / refugees" ("/" nests). */
export function normalisePath(input: string): string {
  return input
    .split('/')
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' / ');
}
