import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readZip } from '../../electron/core/import/zip';
import { runCli } from '../run-cli';
import { reportLibrary } from './report-fixture';

/** The report library, closed so the CLI opens it as an analyst's script would. */
async function library(): Promise<string> {
  const { ctx } = await reportLibrary();
  const path = ctx.session.lib.path;
  ctx.session.close();
  return path;
}

describe('marginalia report', () => {
  it('writes the quotes of a tag and an outlet as HTML, and a claim’s as DOCX with its chart', async () => {
    const path = await library();
    const html = join(dirname(path), 'refugees.html');
    const run = await runCli(['report', '--library', path, '--out', html, '--tag', 'Syria', '--outlet', 'BBC']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`Wrote 1 quote from 1 article in 1 group, 2 charts, to ${html}.\n`);
    const { document } = parseHTML(readFileSync(html, 'utf8'));
    expect([...document.querySelectorAll('section[id^="group-"] h2')].map((h) => h.textContent)).toEqual(['Syria / Refugees']);
    expect([...document.querySelectorAll('.scope li')].map((li) => li.textContent)).toEqual([
      'Tags: Syria (with their children)',
      'Outlets: BBC',
    ]);

    const docx = join(dirname(path), 'claim.docx');
    const claim = await runCli(['report', '--library', path, '--out', docx, '--claim', '1']);
    expect(claim.stdout).toBe(`Wrote 2 quotes from 2 articles in 1 claim, 1 chart, to ${docx}.\n`);
    const entries = await readZip(new Uint8Array(readFileSync(docx)), { wanted: () => true });
    expect(Buffer.from(entries.get('word/document.xml')!).toString()).toContain('Claim: Over 6.5 million refugees remain outside Syria');
    expect([...entries.keys()].filter((name) => name.startsWith('word/media/')).length).toBe(2);
  });

  it('refuses what it cannot write, saying why', async () => {
    const path = await library();
    const pdf = await runCli(['report', '--library', path, '--out', join(dirname(path), 'r.pdf')]);
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('marginalia report: --out names an .html or a .docx file.');
    const mixed = await runCli(['report', '--library', path, '--out', join(dirname(path), 'r.html'), '--claim', '1', '--tag', 'Syria']);
    expect(mixed.stderr).toContain('--claim reports one claim’s appearances');
    const tag = await runCli(['report', '--library', path, '--out', join(dirname(path), 'r.html'), '--tag', 'Nope']);
    expect(tag.stderr).toContain('No tag "Nope" in the codebook');
  });
});
