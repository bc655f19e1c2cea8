import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANCELLED } from '../../electron/core/import/parse-messages';
import { createParsePool, type ParsePool } from '../../electron/core/import/parse-pool';
import { writePdf } from '../fixtures/import/pdf-writer';
import { TASS } from '../fixtures/tass';

const fixtures = join(import.meta.dirname, '../fixtures/import');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'marginalia-pool-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parse pool', () => {
  it('parses every format in parallel and hands the original bytes back', async () => {
    const pool = createParsePool();
    expect(pool.size).toBe(Math.max(1, availableParallelism()));
    try {
      const files = [
        TASS.path,
        TASS.docx,
        TASS.odt,
        TASS.pdf,
        ...[
          'html/heise/source.html',
          'bbc/1m-payoff-for-former-shell-boss.txt',
          ...readdirSync(join(fixtures, 'encodings'))
            .filter((f) => f.endsWith('.txt'))
            .map((f) => `encodings/${f}`),
        ].map((f) => join(fixtures, f)),
      ];
      const outcomes = await Promise.all(files.map((f) => pool.parse(f)));
      for (const [i, outcome] of outcomes.entries()) {
        expect(outcome.ok, files[i]).toBe(true);
        if (!outcome.ok) continue;
        expect(Buffer.from(outcome.bytes).equals(readFileSync(files[i]!))).toBe(true);
        expect(outcome.size).toBe(outcome.bytes.length);
      }
      const formats = outcomes.map((o) => (o.ok ? o.article.format : null));
      expect(formats.slice(0, 5)).toEqual(['txt', 'docx', 'odt', 'pdf', 'html']);
    } finally {
      await pool.close();
    }
  });

  it('reports bad files one by one while the rest of the batch imports', async () => {
    const pool = createParsePool({ size: 2 });
    try {
      const bad = ['empty.txt', 'random-bytes.txt', 'fake.docx', 'truncated.docx', 'truncated.pdf'].map((f) => join(fixtures, 'bad', f));
      const good = Array.from({ length: 40 }, (_, i) => {
        const path = join(dir, `copy-${i}.txt`);
        copyFileSync(join(fixtures, 'bbc/1m-payoff-for-former-shell-boss.txt'), path);
        return path;
      });
      const all = [...good.slice(0, 20), ...bad, join(dir, 'missing.txt'), ...good.slice(20)];
      const outcomes = await Promise.all(all.map((f) => pool.parse(f)));
      const errors = outcomes.flatMap((o) => (o.ok ? [] : [o.error]));
      expect(errors).toEqual([
        'the file is empty',
        'this looks like binary data, not text',
        'this is not a Word document (it is plain text)',
        expect.stringMatching(/^the Word document is damaged/),
        'the PDF is damaged (invalid PDF structure)',
        'no such file',
      ]);
      expect(outcomes.filter((o) => o.ok)).toHaveLength(40);
    } finally {
      await pool.close();
    }
  });

  it('replaces a worker that runs out of memory and goes on', async () => {
    const pool = createParsePool({ size: 1, maxHeapMb: 32 });
    try {
      const hog = join(dir, 'hog.txt');
      // 27 MB of Cyrillic, 30 MB once decoded: beyond a 32 MB heap that also holds the worker's parsers and
      // text analysis (a smaller heap leaves V8 no room to stop the worker cleanly and it takes the process down)
      writeFileSync(hog, 'слово '.repeat(2_500_000));
      const [crashed, fine] = await Promise.all([pool.parse(hog), pool.parse(TASS.path)]);
      expect(crashed).toEqual({ ok: false, error: expect.stringMatching(/memory|crashed|stopped unexpectedly/) });
      expect(fine.ok).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('does not retry the files of a cancelled import when their worker crashes', async () => {
    const pool = createParsePool({ size: 1, maxHeapMb: 32 });
    try {
      await pool.warm();
      const hog = join(dir, 'hog-cancelled.txt');
      writeFileSync(hog, 'слово '.repeat(2_500_000));
      const controller = new AbortController();
      const outcomes = Promise.all([pool.parse(hog, controller.signal), pool.parse(TASS.path, controller.signal)]);
      // Both files are with the worker, which is still decoding the first when the cancel comes.
      await new Promise((resolve) => setImmediate(resolve));
      controller.abort();
      expect(await outcomes).toEqual([CANCELLED, CANCELLED]);
    } finally {
      await pool.close();
    }
  });

  it('stops a file that takes too long, then carries on with a fresh worker', async () => {
    const pool: ParsePool = createParsePool({ size: 1, timeoutMs: 300 });
    try {
      const slow = join(dir, 'slow.pdf');
      const lines = Array.from({ length: 50 }, (_, i) => ({
        text: `Line ${i} of a long report with plenty of words on it.`,
        x: 72,
        y: 760 - i * 14,
      }));
      writeFileSync(slow, writePdf(Array.from({ length: 1500 }, () => lines)));
      const outcome = await pool.parse(slow);
      expect(outcome).toEqual({ ok: false, error: 'reading the file took longer than 300 ms — stopped' });
      const next = await pool.parse(join(fixtures, 'bbc/1m-payoff-for-former-shell-boss.txt'));
      expect(next.ok).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('drops the files of a cancelled import that no worker has started, and goes on serving others', async () => {
    const pool = createParsePool({ size: 1 });
    try {
      const pdf = join(dir, 'report.pdf');
      const lines = Array.from({ length: 40 }, (_, i) => ({
        text: `Line ${i} of a report with plenty of words on it.`,
        x: 72,
        y: 760 - i * 14,
      }));
      writeFileSync(pdf, writePdf(Array.from({ length: 20 }, () => lines)));
      // More than the worker holds at once, so some wait in the pool and some in the worker.
      const controller = new AbortController();
      const outcomes = Array.from({ length: 100 }, () => pool.parse(pdf, controller.signal));
      const first = await outcomes[0]!;
      controller.abort();
      const all = await Promise.all(outcomes);
      expect(first.ok).toBe(true);
      expect(all.every((o) => o.ok || o.cancelled === true)).toBe(true);
      // Besides the files read before the worker heard of the cancel, none was parsed.
      expect(all.filter((o) => !o.ok).length).toBeGreaterThan(80);
      expect(await pool.parse(pdf, controller.signal)).toEqual({ ok: false, error: 'the import was cancelled', cancelled: true });
      expect((await pool.parse(TASS.path)).ok).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it.runIf(process.platform === 'linux')(
    'leaves one core to the writer: workers beyond the others run at the lowest priority',
    async () => {
      const size = availableParallelism() + 1;
      const pool = createParsePool({ size });
      try {
        await pool.warm();
        // Field 19 of a thread's stat is its nice value (after the parenthesised name).
        const nice = readdirSync('/proc/self/task').map((tid) => {
          const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
          return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
        });
        expect(nice.filter((n) => n === 19)).toHaveLength(size - Math.max(1, availableParallelism() - 1));
      } finally {
        await pool.close();
      }
    },
  );

  it('answers after close without starting work', async () => {
    const pool = createParsePool({ size: 1 });
    await pool.close();
    expect(await pool.parse(join(fixtures, 'bbc/1m-payoff-for-former-shell-boss.txt'))).toEqual({
      ok: false,
      error: 'the import was stopped',
    });
  });
});
