import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readZip } from '../../electron/core/import/zip';
import { writeReport } from '../../electron/core/report/write';
import { HOSTILE_TITLE, reportLibrary } from './report-fixture';
import { call, refused } from './passages-fixture';

const text = (node: { textContent: string | null } | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

function parse(html: string) {
  const { document } = parseHTML(html);
  const groups = [...document.querySelectorAll('section[id^="group-"]')].map((section) => ({
    title: text(section.querySelector('h2')),
    quotes: [...section.querySelectorAll('li')].map((li) => ({
      quote: text(li.querySelector('blockquote')),
      citation: text(li.querySelector('.citation')),
      note: text(li.querySelector('.note')),
    })),
  }));
  const counts = [...document.querySelectorAll('.counts li')].map((li) => text(li));
  return { document, groups, counts };
}

async function docxXml(path: string): Promise<{ xml: string; media: string[] }> {
  const entries = await readZip(new Uint8Array(readFileSync(path)), { wanted: () => true });
  return {
    xml: Buffer.from(entries.get('word/document.xml')!).toString('utf8'),
    media: [...entries.keys()].filter((name) => name.startsWith('word/media/')).map((name) => name.split('.').pop()!),
  };
}

describe('reports of coded text', () => {
  it('groups the filtered passages by tag, each quote with its citation and note, counts and charts at the top', async () => {
    const { ctx } = await reportLibrary();
    const path = join(dirname(ctx.session.lib.path), 'report.html');
    const result = await call(ctx, 'export.report', { path, format: 'html', filter: { outlets: ['TASS', 'BBC'] }, jobId: 'r1' });
    expect(result).toMatchObject({ path, quotes: 4, groups: 3, articles: 3, charts: 2 });
    const { document, groups, counts } = parse(readFileSync(path, 'utf8'));
    expect(counts).toEqual(['4quotes', '3articles', '2outlets', '3tags']);
    expect(groups.map((group) => group.title)).toEqual(['Syria / Refugees', 'Economy', 'Untagged passages']);
    expect(groups[0]!.quotes).toEqual([
      {
        quote: 'over 6.5 million refugees',
        citation: `${HOSTILE_TITLE}, TASS, 2020-11-09`,
        note: 'Note: Putin <b>repeats</b> the UNHCR figure',
      },
      { quote: '6.5 million people', citation: 'BBC on returns, BBC, 2020-11-12 · article memo', note: '' },
    ]);
    expect(groups[1]!.quotes.map((q) => q.quote)).toEqual(['the economy grew', '6.5 million people']);
    expect(groups[2]!.quotes.map((q) => q.citation)).toEqual(['Earlier BBC piece, BBC, 2020-10-01']);
    // The article's memo, once, where the quote's citation links to.
    expect(text(document.querySelector('#memos article'))).toBe(
      'BBC on returnsBBC, 2020-11-12BBC doubts the figure. Second line of the memo.',
    );
    // The Overview's charts, drawn inline: tags by outlet has one bar per tag and outlet.
    const figures = [...document.querySelectorAll('figure')];
    expect(figures.map((figure) => figure.getAttribute('aria-label'))).toEqual(['Tags by outlet', 'Articles over time by outlet']);
    const marks = [...figures[0]!.querySelectorAll('[role="graphics-symbol"]')]
      .map((mark) => mark.getAttribute('aria-label')!.split('; Share')[0]!)
      .filter((label) => label.startsWith('Outlet: '));
    expect(marks.sort()).toEqual([
      'Outlet: BBC; Tag: Economy; Passages: 1',
      'Outlet: BBC; Tag: Syria / Refugees; Passages: 1',
      'Outlet: TASS; Tag: Economy; Passages: 1',
      'Outlet: TASS; Tag: Syria / Refugees; Passages: 1',
    ]);
  });

  it('escapes every string from the library: a hostile title, note or tag runs nothing and shows as written', async () => {
    const { ctx, tags } = await reportLibrary();
    await call(ctx, 'tags.update', { id: tags.economy, name: '<img src=x onerror=alert(1)>' });
    const path = join(dirname(ctx.session.lib.path), 'hostile.html');
    await call(ctx, 'export.report', { path, format: 'html', jobId: 'r2' });
    const html = readFileSync(path, 'utf8');
    const { document, groups } = parse(html);
    expect(document.querySelectorAll('script, img, iframe, [onerror], link').length).toBe(0);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>repeats');
    expect(groups.map((group) => group.title)).toEqual(['Syria / Refugees', '<img src=x onerror=alert(1)>', 'Untagged passages']);
    expect(groups[0]!.quotes[0]!.citation).toBe(`${HOSTILE_TITLE}, TASS, 2020-11-09`);
    // Nothing is fetched: no URL but the page's own anchors.
    expect([...document.querySelectorAll('[href]')].every((a) => a.getAttribute('href')!.startsWith('#'))).toBe(true);
    expect(html).not.toMatch(/\bsrc=["']?(?:https?:|\/\/)/);
  });

  it('groups by claim, or reports one claim with each appearance’s stance', async () => {
    const { ctx, tags, claims } = await reportLibrary();
    const dir = dirname(ctx.session.lib.path);
    await call(ctx, 'export.report', {
      path: join(dir, 'claims.html'),
      format: 'html',
      filter: { tagIds: [tags.syria], includeChildren: true },
      groupBy: 'claim',
      jobId: 'r3',
    });
    const byClaim = parse(readFileSync(join(dir, 'claims.html'), 'utf8'));
    expect(byClaim.groups.map((group) => [group.title, group.quotes.length])).toEqual([
      ['Over 6.5 million refugees remain outside Syria', 2],
    ]);
    expect(byClaim.counts).toEqual(['2quotes', '2articles', '2outlets', '1claim']);

    await call(ctx, 'export.report', { path: join(dir, 'one.html'), format: 'html', claimId: claims.c1, jobId: 'r4' });
    const one = parse(readFileSync(join(dir, 'one.html'), 'utf8'));
    expect(text(one.document.querySelector('h1'))).toBe('Claim: Over 6.5 million refugees remain outside Syria');
    expect(one.groups[0]!.quotes.map((q) => q.citation)).toEqual([
      `${HOSTILE_TITLE}, TASS, 2020-11-09 · attributes it`,
      'BBC on returns, BBC, 2020-11-12 · questions it · article memo',
    ]);
    expect([...one.document.querySelectorAll('figure')].map((f) => f.getAttribute('aria-label'))).toEqual(['Claims over time']);
  });

  it('writes DOCX whose document.xml holds the groups, quotes, citations and counts, the hostile title escaped, charts as SVG with a PNG', async () => {
    const { ctx, tags } = await reportLibrary();
    const path = join(dirname(ctx.session.lib.path), 'report.docx');
    const result = await call(ctx, 'export.report', { path, format: 'docx', filter: { tagIds: [tags.refugees] }, jobId: 'r5' });
    expect(result).toMatchObject({ quotes: 2, groups: 1, articles: 2, charts: 2 });
    const { xml, media } = await docxXml(path);
    const runs = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
    expect(runs).toContain('Syria / Refugees');
    expect(runs).toContain('2 quotes');
    expect(runs).toContain(
      'over 6.5 million refugees|&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Refugees &amp; &quot;returns&quot;|, TASS, 2020-11-09',
    );
    expect(runs).toContain('6.5 million people|BBC on returns|, BBC, 2020-11-12, see the article memo');
    expect(runs).toContain('Note: |Putin &lt;b&gt;repeats&lt;/b&gt; the UNHCR figure');
    expect(runs).toContain('2 |quotes|    2 |articles|    2 |outlets|    1 |tag');
    expect(runs).toContain('BBC doubts the figure.|Second line of the memo.');
    expect(xml).not.toContain('<script>');
    expect(media.sort()).toEqual(['png', 'png', 'svg', 'svg']);
  });

  it('stops when cancelled, leaving no file, and refuses a path with the wrong extension', async () => {
    const { ctx } = await reportLibrary();
    const dir = dirname(ctx.session.lib.path);
    const controller = new AbortController();
    const path = join(dir, 'cancelled.html');
    const run = writeReport(
      ctx.session.lib.db,
      path,
      { format: 'html', library: 'test', generated: 'now' },
      { signal: controller.signal, onProgress: (done) => done === 0 && controller.abort() },
    );
    await expect(run).rejects.toThrow('The report was cancelled; no file was written.');
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.includes('cancelled'))).toEqual([]);
    const wrong = await refused(ctx, 'export.report', { path: join(dir, 'report.docx'), format: 'html', jobId: 'r6' });
    expect(wrong.message).toBe('report.docx: the file name must end with .html.');
  });
});
