/** Human forms of stored values. */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2020-11-09" → "9 November 2020"; "--11-09" → "9 November" (year unknown); "2020-11" → "November 2020". */
export function formatPublished(value: string | null): string {
  if (!value) return '';
  const m = /^(?:(\d{4})|-)-?(\d{2})?(?:-(\d{2}))?/.exec(value);
  if (!m) return value;
  const [, year, month, day] = m;
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  return [day ? String(Number(day)) : '', monthName ?? '', year ?? ''].filter(Boolean).join(' ') || value;
}

export function formatElapsed(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The short line under an article's title in lists and pickers: "TASS · 9 November 2020". */
export function articleMeta(a: { outlet: string | null; published: string | null }): string {
  return [a.outlet, formatPublished(a.published)].filter(Boolean).join(' · ');
}
