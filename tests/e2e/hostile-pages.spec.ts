import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect, FIXTURES, test } from './fixtures';

/** A loopback server every hostile page points at: a request here is a request that left the page. */
async function startCanary(): Promise<{ origin: string; hits: string[]; server: Server }> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(request.url ?? '');
    response.end('');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits, server };
}

/** One page per kind of attack, each with a paragraph whose words must read as plain text. */
function hostilePages(canary: string): Array<{ name: string; title: string; text: string; html: string }> {
  const page = (name: string, head: string, body: string, text: string) => ({
    name,
    title: `Hostile ${name}`,
    text,
    html: `<!doctype html><html><head><title>Hostile ${name}</title>${head}</head><body><article><h1>Hostile ${name}</h1>
<p>${text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')} ${body}</p>
<p>A second paragraph, so that the page reads as an article about ${name} and nothing else happens.</p></article></body></html>`,
  });
  return [
    page(
      'script',
      `<script>window.__pwned = 'script'; fetch('${canary}/script');</script>`,
      `<script>document.title = 'pwned'; new Image().src = '${canary}/inline-script';</script>`,
      'The page says <script>alert(1)</script> in its text.',
    ),
    page(
      'handlers',
      '',
      `<img src="${canary}/img" onerror="window.__pwned='onerror'"><span onmouseover="window.__pwned='hover'" onclick="window.__pwned='click'">Hover and click here.</span>`,
      'Inline handlers onerror="x" and onclick="y" are only words here.',
    ),
    page(
      'frames',
      '',
      `<iframe src="${canary}/frame"></iframe><iframe srcdoc="<script>parent.__pwned='srcdoc'</script>"></iframe><object data="${canary}/object"></object><embed src="${canary}/embed">`,
      'A frame <iframe src="x"> is text, not a window.',
    ),
    page(
      'refresh',
      `<meta http-equiv="refresh" content="0;url=${canary}/refresh"><base href="${canary}/base/">`,
      '',
      'A meta refresh must not move the reader anywhere.',
    ),
    page(
      'css',
      `<style>body { background: url(${canary}/css-body); } p::after { content: url(${canary}/css-after); }</style><link rel="stylesheet" href="${canary}/sheet.css">`,
      `<span style="background-image: url(${canary}/css-inline)">styled words</span>`,
      'Styles with url(x) load nothing.',
    ),
    page(
      'svg',
      '',
      `<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned='svg'"><script>window.__pwned='svg-script'</script><image href="${canary}/svg-image"/></svg>`,
      'An <svg onload="x"> picture is not drawn.',
    ),
    page(
      'links',
      `<link rel="canonical" href="javascript:window.__pwned='canonical'">`,
      `<a href="javascript:window.__pwned='link'">a javascript link</a> and <a href="data:text/html,<script>alert(2)</script>">a data link</a> and <a href="${canary}/link">a plain link</a>`,
      'Links such as javascript:alert(3) stay words.',
    ),
  ];
}

test('hostile pages imported in the UI run nothing and load nothing, and their words read as text', async ({
  app: page,
  host,
  imports,
  library,
  reader,
}) => {
  const canary = await startCanary();
  try {
    const pages = hostilePages(canary.origin);
    const files = pages.map(({ name, html }) => {
      const file = join(host.dir, `${name}.html`);
      writeFileSync(file, html);
      return file;
    });
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('popup', (popup) => dialogs.push(`popup ${popup.url()}`));

    await imports.importFiles([...files, join(FIXTURES, 'import', 'bad', 'script-injection.html')]);
    await expect(imports.outcome).toHaveText(`Import finished: ${pages.length + 1} imported`);
    await imports.closeResults();

    for (const { title, text } of pages) {
      await library.open(title);
      await expect(reader.article.getByText(text, { exact: false })).toBeVisible();
      // Only text and our own highlights: no element of the page made it into the reader.
      await expect(reader.article.locator('script, iframe, object, embed, img, svg, style, link, meta, base, a')).toHaveCount(0);
    }
    await library.open('Hostile page');
    await expect(reader.article.getByText('This paragraph is the only real content.')).toBeVisible();
    await expect(
      reader.article.getByText('=HYPERLINK("http://example.invalid","looks like a formula") is text, not a formula.'),
    ).toBeVisible();
    await expect(reader.article.locator('script, iframe, img, svg, a')).toHaveCount(0);

    // A person hovers and clicks where the handlers and links were.
    await library.open('Hostile handlers');
    await reader.article.getByText('Hover and click here.').hover();
    await reader.article.getByText('Hover and click here.').click();
    await library.open('Hostile links');
    await reader.article.getByText('a javascript link').click();
    await reader.article.getByText('a data link').click();

    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.title()).not.toBe('pwned');
    expect(dialogs).toEqual([]);
    expect(canary.hits).toEqual([]);
    const origin = new URL(host.url).origin;
    expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  } finally {
    canary.server.close();
  }
});
