import { REPORT_CONTENT_SECURITY_POLICY } from '../../shared/csp';
import type { ReportChart } from './charts';
import type { ReportArticle, ReportData, ReportQuote } from './collect';
import { citationParts, countLines, stanceLabel } from './text';

/** Every string from the library goes through this: titles, quotes, notes and memos are hostile until proven otherwise. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
:root { color-scheme: light dark; --text: #1f2328; --muted: #57606a; --rule: #d0d7de; --quote: #f6f8fa; --accent: #0969da; }
@media (prefers-color-scheme: dark) { :root { --text: #e6edf3; --muted: #9198a1; --rule: #3d444d; --quote: #151b23; --accent: #4493f8; }
  body { background: #0d1117; } figure svg { background: #fff; border-radius: 4px; } }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", sans-serif; color: var(--text); max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.7rem; margin-bottom: .25rem; } h2 { font-size: 1.3rem; border-bottom: 1px solid var(--rule); padding-bottom: .25rem; margin-top: 2.5rem; }
h3 { font-size: 1.05rem; margin-bottom: .1rem; } .muted, .detail, .citation { color: var(--muted); }
.counts { display: flex; flex-wrap: wrap; gap: 1.5rem; margin: 1rem 0; padding: 0; list-style: none; }
.counts strong { display: block; font-size: 1.6rem; color: var(--text); }
.quotes { padding-left: 1.5rem; } .quotes li { margin: 1rem 0; }
blockquote { margin: 0; padding: .5rem .75rem; background: var(--quote); border-left: 3px solid var(--accent); white-space: pre-wrap; }
.citation { margin: .25rem 0 0; font-size: .9rem; } .note { margin: .25rem 0 0; } .memo { white-space: pre-wrap; border-left: 3px solid var(--rule); padding-left: .75rem; }
figure { margin: 1.5rem 0; } figure svg { max-width: 100%; height: auto; } figcaption { font-size: .9rem; color: var(--muted); }
a { color: var(--accent); } @media print { a { color: inherit; text-decoration: none; } h2 { break-after: avoid; } li { break-inside: avoid; } }
`;

function quoteHtml(quote: ReportQuote, article: ReportArticle): string {
  const [title, ...rest] = citationParts(article);
  const cite = `<cite>${escapeHtml(title!)}</cite>${rest.map((part) => `, ${escapeHtml(part)}`).join('')}`;
  const memo = article.memo.trim() ? ` · <a href="#article-${article.id}">article memo</a>` : '';
  const stance = quote.stance ? ` · ${escapeHtml(stanceLabel(quote.stance))}` : '';
  const orphan = quote.orphan ? ' · <em>its words are no longer found in the article</em>' : '';
  const note = quote.note.trim() ? `<p class="note"><strong>Note:</strong> ${escapeHtml(quote.note)}</p>` : '';
  return `<li><blockquote>${escapeHtml(quote.quote)}</blockquote><p class="citation">${cite}${stance}${orphan}${memo}</p>${note}</li>`;
}

function chartHtml(chart: ReportChart): string {
  const caption = chart.caption ? ` ${escapeHtml(chart.caption)}` : '';
  // Vega's SVG renderer escapes the labels it draws; the SVG holds no script and no link.
  return `<figure role="group" aria-label="${escapeHtml(chart.title)}">${chart.svg}<figcaption>${escapeHtml(chart.title)}.${caption}</figcaption></figure>`;
}

/** The report as one self-contained HTML file: inline CSS and SVG, no script, nothing fetched. */
export function reportHtml(data: ReportData, charts: ReportChart[], meta: { library: string; generated: string }): string {
  const groupWord = data.grouping === 'tag' ? 'Tags' : 'Claims';
  const counts = countLines(data).map(([value, label]) => `<li><strong>${value}</strong>${escapeHtml(label)}</li>`);
  const contents = data.groups.map(
    (group, i) => `<li><a href="#group-${i + 1}">${escapeHtml(group.title)}</a> <span class="muted">(${group.quotes.length})</span></li>`,
  );
  const groups = data.groups.map(
    (group, i) =>
      `<section id="group-${i + 1}"><h2>${escapeHtml(group.title)}</h2>` +
      (group.detail ? `<p class="detail">${escapeHtml(group.detail)}</p>` : '') +
      `<ol class="quotes">${group.quotes.map((quote) => quoteHtml(quote, data.articles.get(quote.articleId)!)).join('')}</ol></section>`,
  );
  const memos = [...data.articles.values()].filter((article) => article.memo.trim());
  const articles = memos.map(
    (article) =>
      `<article id="article-${article.id}"><h3>${escapeHtml(article.title)}</h3><p class="citation">${escapeHtml(citationParts(article).slice(1).join(', '))}</p>` +
      `<div class="memo">${escapeHtml(article.memo)}</div></article>`,
  );
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(data.title)}</title><style>${STYLE}</style></head><body>`,
    `<header><h1>${escapeHtml(data.title)}</h1><p class="muted">${escapeHtml(meta.library)} · made ${escapeHtml(meta.generated)}</p>`,
    data.scope.length > 0 ? `<ul class="scope">${data.scope.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>` : '',
    `<ul class="counts" aria-label="Counts">${counts.join('')}</ul></header>`,
    charts.length > 0 ? `<section id="charts"><h2>Charts</h2>${charts.map(chartHtml).join('')}</section>` : '',
    contents.length > 0 ? `<nav aria-label="${groupWord}"><h2>${groupWord}</h2><ol>${contents.join('')}</ol></nav>` : '<p>No passages.</p>',
    groups.join(''),
    articles.length > 0 ? `<section id="memos"><h2>Memos of the articles quoted</h2>${articles.join('')}</section>` : '',
    '</body></html>',
    '',
  ].join('\n');
}
