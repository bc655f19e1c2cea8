import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../electron/core/import/formats';
import { parseHtml } from '../../electron/core/import/html';
import type { ParsedArticle } from '../../electron/core/model';

const fixtures = join(import.meta.dirname, '../fixtures/import');
// The full page set lives in the shared corpus beside the repository (../shared in CI).
const corpus = [join(import.meta.dirname, '../../../shared/corpus/html'), '/work/shared/corpus/html'].find(existsSync);

interface Expected {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
}

const squash = (s: string | null) =>
  s === null
    ? null
    : s
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^(?:by|par|von|por)\s+/i, '') || null;
/** Same instant to the second (we keep whole seconds); written offsets may differ in form. */
const seconds = (s: string) => Math.floor(Date.parse(s.replace(/ /, 'T').replace(/([+-]\d\d)(\d\d)$/, '$1:$2')) / 1000);
const sameTime = (a: string | null, b: string | null) => (a === null || b === null ? a === b : seconds(a) === seconds(b));

/** How many pages match the expected title, and byline/site/published where those are expected. */
function score(root: string) {
  const result = { pages: 0, title: 0, byline: [0, 0], site: [0, 0], published: [0, 0], misses: [] as string[] };
  for (const dir of readdirSync(root).sort()) {
    const source = join(root, dir, 'source.html');
    if (!existsSync(source)) continue;
    const expected = JSON.parse(readFileSync(join(root, dir, 'expected-metadata.json'), 'utf8')) as Expected;
    const article = parseHtml(readFileSync(source, 'utf8'), 'source.html');
    result.pages++;
    if (article.title === expected.title) result.title++;
    else result.misses.push(`${dir}: ${JSON.stringify(article.title)} ≠ ${JSON.stringify(expected.title)}`);
    const tally = (slot: number[], want: string | null, ok: boolean) => {
      if (want === null) return;
      slot[1]!++;
      if (ok) slot[0]!++;
    };
    tally(result.byline, expected.byline, squash(article.byline) === squash(expected.byline));
    tally(result.site, expected.siteName, squash(article.outlet) === squash(expected.siteName));
    tally(result.published, expected.publishedTime, sameTime(expected.publishedTime, article.published));
  }
  return result;
}

describe('HTML import', () => {
  it.skipIf(corpus === undefined)(
    `matches the expected metadata of the readability test pages${corpus ? '' : ' (skipped: ../shared/corpus/html not found beside the repository)'}`,
    () => {
      const s = score(corpus!);
      console.info(
        `HTML corpus: title ${s.title}/${s.pages}, byline ${s.byline.join('/')}, site ${s.site.join('/')}, published ${s.published.join('/')}` +
          (s.misses.length ? `\n  title misses:\n  ${s.misses.join('\n  ')}` : ''),
      );
      expect(s.pages).toBeGreaterThanOrEqual(40);
      expect(s.title).toBeGreaterThanOrEqual(37);
    },
  );

  it('matches the expected metadata of the bundled pages', () => {
    const s = score(join(fixtures, 'html'));
    expect(s.pages).toBe(4);
    expect(s.title).toBe(4);
    expect(s.byline).toEqual([3, 3]);
    expect(s.site).toEqual([2, 2]);
  });

  it('reads metadata and blocks from a news page', () => {
    const page = parseHtml(readFileSync(join(fixtures, 'html/heise/source.html'), 'utf8'), 'source.html');
    expect(page).toMatchObject({
      title: '1Password für Mac generiert Einmal-Passwörter',
      byline: 'Mac & i',
      outlet: 'Mac & i',
      language: 'de',
      format: 'html',
    });
    expect(page.url).toMatch(/^https?:\/\/www\.heise\.de\//);
    expectWellFormed(page);
    expect(page.blocks.filter((b) => b.kind === 'paragraph').length).toBeGreaterThan(2);
  });

  it('maps headings, quotes and nested list items', () => {
    const page = parseHtml(
      `<html lang="en-gb"><head><title>Doc title</title><meta property="og:site_name" content="Example News">
       <link rel="canonical" href="https://example.com/a"></head><body><article>
       <h1>Doc title</h1><p>First paragraph with <b>bold</b> and a<br>line break, long enough to count as real content here.</p>
       <h2>Section</h2><blockquote><p>Quoted words of someone important who said them.</p></blockquote>
       <ul><li>One<ul><li>Nested</li></ul></li><li>Two</li></ul><p>Closing paragraph of the article, also long enough.</p>
       </article></body></html>`,
      'page.html',
    );
    expect(page).toMatchObject({ title: 'Doc title', outlet: 'Example News', language: 'en-GB', url: 'https://example.com/a' });
    expect(page.blocks.map((b) => [b.kind, b.level, page.text.slice(b.start, b.end)])).toEqual([
      ['paragraph', undefined, 'First paragraph with bold and a\nline break, long enough to count as real content here.'],
      ['heading', 2, 'Section'],
      ['quote', undefined, 'Quoted words of someone important who said them.'],
      ['list-item', 1, 'One'],
      ['list-item', 2, 'Nested'],
      ['list-item', 1, 'Two'],
      ['paragraph', undefined, 'Closing paragraph of the article, also long enough.'],
    ]);
  });

  it('a page mangled so that its article has no body around it (found by npm run fuzz) is read as its text', async () => {
    const article = await parseFile(readFileSync(join(fixtures, 'bad', 'fuzz-no-body.html')), 'fuzz-no-body.html');
    expect(article.title).toBe('Hostide page');
    expect(article.text).toContain('This paragraph is tHe only real content.');
    expect(article.text).not.toContain('pwned');
  });

  it('reduces a hostile page to its text: no script, handler, frame or svg content', async () => {
    const bytes = new Uint8Array(readFileSync(join(fixtures, 'bad/script-injection.html')));
    const page = await parseFile(bytes, 'script-injection.html');
    expect(page.title).toBe('Hostile page');
    expect(page.text).toContain('This paragraph is the only real content.');
    expect(page.text).toContain('=HYPERLINK("http://example.invalid","looks like a formula") is text, not a formula.');
    expect(page.text).not.toMatch(/__pwned|fetch\(|onload|onerror|javascript:|<|example\.invalid\/"/);
    expect((globalThis as { __pwned?: boolean }).__pwned).toBeUndefined();
  });
});

function expectWellFormed(a: ParsedArticle): void {
  expect(a.text).toBe(a.blocks.map((b) => a.text.slice(b.start, b.end)).join('\n\n'));
}
