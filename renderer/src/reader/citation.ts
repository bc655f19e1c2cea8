import { formatPublished } from '../format';

/** A quote as analysts paste it into a report: “quote” — Title, Outlet, date. */
export function citation(
  quote: string,
  article: { title: string; outlet: string | null; published: string | null; url?: string | null },
): string {
  const source = [article.title, article.outlet, formatPublished(article.published)].filter(Boolean).join(', ');
  return `“${quote}” — ${source}${article.url ? ` (${article.url})` : ''}`;
}
