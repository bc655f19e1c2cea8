import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../electron/core/import/formats';
import { parsePlainText } from '../../electron/core/import/plaintext';
import { FIXTURES } from './helpers';

describe('HTML character references in text files', () => {
  it('decodes them in a BBC title and text saved by a scraper', async () => {
    const bytes = readFileSync(join(FIXTURES, 'import/bbc/1-8m-indecency-fine-for-viacom.txt'));
    expect(bytes.toString('utf8').startsWith('&#163;1.8m indecency fine for Viacom')).toBe(true);
    const article = await parseFile(new Uint8Array(bytes), '1-8m-indecency-fine-for-viacom.txt');
    expect(article.title).toBe('£1.8m indecency fine for Viacom');
    expect(article.text).not.toContain('&#');
  });

  it('decodes named, decimal and hexadecimal references, composed to NFC, and leaves what is no reference alone', () => {
    const text =
      'Title of the piece\n\nCaf&eacute; &amp; bar, &#8364;5, &#x1F600;, e&#769; and &lt;b&gt;. ' +
      'AT&T; R&D, Marks & Spencer, &amp without its semicolon, https://example.com/?a=1&copy=2 and &unknown; stay.';
    const article = parsePlainText(text, 'x.txt', 'txt');
    expect(article.text).toBe(
      'Café & bar, €5, 😀, é and <b>. AT&T; R&D, Marks & Spencer, &amp without its semicolon, https://example.com/?a=1&copy=2 and &unknown; stay.',
    );
    expect(article.text).toBe(article.text.normalize('NFC'));
  });

  it('in Markdown, decodes them outside code only, and keeps an escaped ampersand as written', () => {
    const md = '# Prices in &pound;\n\nCost &pound;5 &ndash; see `a &amp;&amp; b` and \\&amp; here.\n\n```\nx &lt; y\n```';
    const article = parsePlainText(md, 'x.md', 'md');
    expect(article.title).toBe('Prices in £');
    expect(article.text).toBe('Cost £5 – see a &amp;&amp; b and &amp; here.\n\nx &lt; y');
  });
});
