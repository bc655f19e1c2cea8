import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { PassThrough } from 'node:stream';
import { text as readAll } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { reanchor } from '../../electron/core/anchoring';
import { csvStringifier, neutralise, writeCsv } from '../../electron/core/export/csv';
import { BlockBuilder } from '../../electron/core/import/blocks';
import { decodeText } from '../../electron/core/import/decode';
import { normalizeText } from '../../electron/core/import/normalize';
import { numberTokensOf } from '../../electron/core/search/numbers';

// Property tests over random Unicode (fast-check): each states what must hold for every input.
// A failure prints the smallest input found; it then becomes a regression test of its own. In the
// test suite the inputs are the same every run (a fixed seed); `npm run fuzz` draws new ones.
const FUZZ_RUNS = Number(process.env.MARGINALIA_FUZZ_RUNS ?? 0);
fc.configureGlobal(FUZZ_RUNS > 0 ? { numRuns: FUZZ_RUNS } : { seed: 20261201, numRuns: 200 });

/** Any Unicode scalar value a text file holds: no other controls than tab and line breaks, no NUL. */
const textCodePoint = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(0x09, 0x0a, 0x0d) },
  {
    weight: 20,
    arbitrary: fc
      .integer({ min: 0x20, max: 0x10ffff })
      .filter((c) => c !== 0x7f && c !== 0xfffd && c !== 0xfeff && (c < 0xd800 || c > 0xdfff)),
  },
);
const unicodeText = fc.array(textCodePoint, { minLength: 1, maxLength: 200 }).map((cps) => String.fromCodePoint(...cps));
/** Whole graphemes (so no range splits a surrogate pair or a combining sequence). */
const graphemes = fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), { minLength: 1, maxLength: 80 });

describe('properties over random Unicode', () => {
  it('the text decoder reads the same text from UTF-8, UTF-8 with a BOM, and UTF-16 either way round', () => {
    fc.assert(
      fc.property(unicodeText, (text) => {
        const expected = normalizeText(text);
        const le = Buffer.from(text, 'utf16le');
        const be = Buffer.from(le).swap16();
        for (const bytes of [
          Buffer.from(text, 'utf8'),
          Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
          Buffer.concat([Buffer.from([0xff, 0xfe]), le]),
          Buffer.concat([Buffer.from([0xfe, 0xff]), be]),
        ])
          expect(decodeText(bytes).text).toBe(expected);
      }),
    );
  });

  it('the blocks builder: every block reads back as its content, in order, separated by one blank line', () => {
    const part = fc.record({ kind: fc.constantFrom('paragraph', 'heading', 'quote', 'list-item' as const), content: unicodeText });
    fc.assert(
      fc.property(fc.array(part, { maxLength: 30 }), (parts) => {
        const builder = new BlockBuilder();
        const kept = parts.filter(({ kind, content }) => builder.add(kind, content));
        const text = builder.text;
        expect(builder.blocks.map((b) => b.kind)).toEqual(kept.map((p) => p.kind));
        builder.blocks.forEach((block, i) => {
          const content = text.slice(block.start, block.end);
          expect(content).toBe(kept[i]!.content.replace(/\n{2,}/g, '\n'));
          expect(content.includes('\n\n')).toBe(false);
          if (i > 0) expect(text.slice(builder.blocks[i - 1]!.end, block.start)).toBe('\n\n');
        });
        expect(builder.blocks.at(-1)?.end ?? 0).toBe(text.length);
      }),
    );
  });

  // Found by this property: an insertion that starts with the character just before the passage
  // (" new" after a space) can make the line diff pair that space with a later one, so the passage
  // is found again by its quote ("fuzzy") rather than carried by position. It is still found whole.
  it('anchoring: a passage stays on its quote when text is inserted before it, and exact on an unchanged text', () => {
    fc.assert(
      fc.property(graphemes, fc.nat(), fc.nat(), fc.nat(), fc.string({ unit: 'grapheme', maxLength: 20 }), (units, a, b, at, inserted) => {
        const text = units.join('');
        const starts = [0];
        for (const u of units) starts.push(starts.at(-1)! + u.length);
        const [i, j] = [a % units.length, b % units.length].sort((x, y) => x - y) as [number, number];
        const start = starts[i]!;
        const end = starts[j + 1]!;
        const exact = text.slice(start, end);
        const anchor = { id: 1, start, end, exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) };
        expect(reanchor(text, text, [anchor])).toEqual([{ id: 1, start, end, status: 'exact' }]);
        const where = starts[at % (i + 1)]!;
        const changed = text.slice(0, where) + inserted + text.slice(where);
        const [moved] = reanchor(text, changed, [anchor]);
        expect(moved!.status).not.toBe('orphan');
        expect(changed.slice(moved!.start, moved!.end)).toBe(exact);
      }),
    );
  });

  it('figures: "N.D million" and its digits give the same number tokens', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 9 }), (whole, tenth) => {
        const digits = (whole * 1_000_000 + tenth * 100_000).toLocaleString('en-US');
        expect(numberTokensOf(`${whole}.${tenth} million`)).toBe(numberTokensOf(digits));
        expect(numberTokensOf(`${whole}.${tenth} mln`)).toBe(numberTokensOf(digits));
      }),
    );
  });

  it('the CSV writer: every cell reads back as written (formula starts neutralised), whatever it holds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(unicodeText, unicodeText), { minLength: 1, maxLength: 20 }), async (rows) => {
        const out = new PassThrough();
        const written = readAll(out);
        await writeCsv(
          rows.map(([a, b]) => ({ a, b })),
          csvStringifier(['a', 'b'], { bom: false }),
          out,
        );
        const read = parse(await written, { columns: true }) as Array<{ a: string; b: string }>;
        expect(read).toEqual(rows.map(([a, b]) => ({ a: neutralise(a), b: neutralise(b) })));
      }),
    );
  });
});
