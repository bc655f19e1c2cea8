import type { ReportArticle, ReportData } from './collect';

/** A citation: the article's title, then its outlet and date when known. */
export function citationParts(article: ReportArticle): string[] {
  return [article.title, ...(article.outlet ? [article.outlet] : []), article.published ? article.published.slice(0, 10) : 'undated'];
}

/** The counts at the top of a report, as [value, label]. */
export function countLines(data: ReportData): Array<[string, string]> {
  const n = (value: number) => value.toLocaleString('en');
  return [
    [n(data.counts.quotes), data.counts.quotes === 1 ? 'quote' : 'quotes'],
    [n(data.counts.articles), data.counts.articles === 1 ? 'article' : 'articles'],
    [n(data.counts.outlets), data.counts.outlets === 1 ? 'outlet' : 'outlets'],
    [
      n(data.counts.groups),
      data.grouping === 'tag' ? (data.counts.groups === 1 ? 'tag' : 'tags') : data.counts.groups === 1 ? 'claim' : 'claims',
    ],
  ];
}

const STANCES: Record<string, string> = {
  asserts: 'asserts it',
  attributes: 'attributes it',
  questions: 'questions it',
  refutes: 'refutes it',
};

export const stanceLabel = (stance: string) => STANCES[stance] ?? stance;
