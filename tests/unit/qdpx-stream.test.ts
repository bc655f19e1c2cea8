import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportProgress, ImportReport } from '../../electron/shared/types';
import { readZip } from '../../electron/core/import/zip';
import { qdeReader } from '../../electron/core/interchange/qdpx-read';
import { writeLargeProject, selectionRange, sourceText } from '../generated-qdpx';
import { startServe, type ServeProcess } from '../serve-process';
import { readProjectWhole } from '../qde-reference';
import { FIXTURES, tempDir } from './helpers';

async function projectXml(qdpx: string): Promise<string> {
  const entries = await readZip(readFileSync(qdpx), { wanted: (n) => n === 'project.qde', maxEntryBytes: 64_000_000 });
  return new TextDecoder().decode(entries.get('project.qde'));
}

const SMALL = { sources: 3, selectionsPerSource: 40 };
// About 19 MB of project.qde: 72,000 coded selections.
const LARGE = { sources: 60, selectionsPerSource: 1200 };

/** Passages the generated project makes: selections at the same place in a source are one passage. */
function expectedPassages(spec: typeof LARGE): number {
  let count = 0;
  for (let s = 0; s < spec.sources; s++) {
    const text = sourceText(s, spec.selectionsPerSource);
    const places = new Set<string>();
    for (let i = 0; i < spec.selectionsPerSource; i++) places.add(selectionRange(text, i).join(':'));
    count += places.size;
  }
  return count;
}

describe('project.qde streams through a SAX reader', () => {
  it.each([
    ['demo.qdpx', join(FIXTURES, 'qdpx', 'demo.qdpx')],
    ['nvivo-export.qdpx', join(FIXTURES, 'qdpx', 'nvivo-export.qdpx')],
  ])('%s: read in chunks of 7 and of 4,096 characters, the project equals the whole-document parse', async (_name, file) => {
    const xml = await projectXml(file);
    for (const size of [7, 4096]) {
      const reader = qdeReader();
      for (let i = 0; i < xml.length; i += size) reader.write(xml.slice(i, i + size));
      expect(reader.close()).toEqual(readProjectWhole(xml));
    }
  });

  it('a generated project (codes with descriptions, entities, coded selections) reads as the whole-document parse does', async () => {
    const file = join(tempDir(), 'small.qdpx');
    await writeLargeProject(file, SMALL);
    const xml = await projectXml(file);
    const reader = qdeReader();
    for (let i = 0; i < xml.length; i += 333) reader.write(xml.slice(i, i + 333));
    const streamed = reader.close();
    expect(streamed).toEqual(readProjectWhole(xml));
    expect(streamed.sources.flatMap((s) => s.selections)).toHaveLength(SMALL.sources * SMALL.selectionsPerSource);
    expect(streamed.codes[0]).toMatchObject({ name: 'Code 0', description: 'code & 0' });
  });
});

describe('a large REFI-QDA project imports in a worker', () => {
  const serves: ServeProcess[] = [];
  afterEach(async () => {
    for (const serve of serves.splice(0)) await serve.stop();
  });

  it('19 MB of project.qde: progress as it streams, the host answers and cancels meanwhile; imported again, it arrives whole', async () => {
    const dir = tempDir();
    const file = join(dir, 'large.qdpx');
    const qdeBytes = await writeLargeProject(file, LARGE);
    const serve = await startServe(join(dir, 'library.marginalia'), {}, [dir]);
    serves.push(serve);
    const events = await serve.events();

    // Cancelled while project.qde is read: the host answered two requests during the parse.
    const first = await serve.api<{ jobId: string }>('import.start', { paths: [file] });
    const reading = await events.next<ImportProgress>('import.progress', (p) => (p.project?.read ?? 0) > 0);
    expect(reading.project).toMatchObject({ file, total: qdeBytes });
    expect(reading.project!.read).toBeLessThan(qdeBytes);
    expect(await serve.api('stats.get')).toMatchObject({ articles: 0, passages: 0 });
    expect(await serve.api('import.cancel', { jobId: first.jobId })).toEqual({ cancelled: true });
    const cancelled = await events.next<ImportReport>('import.finished', (r) => r.jobId === first.jobId);
    expect(cancelled).toMatchObject({ cancelled: true, imported: [], failed: [], notImported: 1 });
    expect(await serve.api('stats.get')).toMatchObject({ articles: 0, passages: 0 });

    const second = await serve.api<{ jobId: string }>('import.start', { paths: [file] });
    const reads: number[] = [];
    for (;;) {
      const progress = await events.next<ImportProgress>('import.progress', (p) => p.jobId === second.jobId);
      if (progress.project) reads.push(progress.project.read);
      if (progress.done === 1) break;
    }
    const report = await events.next<ImportReport>('import.finished', (r) => r.jobId === second.jobId);
    events.close();
    expect(report).toMatchObject({ cancelled: false, failed: [], notImported: 0 });
    expect(report.imported).toHaveLength(LARGE.sources);
    // Several reports as it streamed, each further than the one before, the last at the end.
    expect(reads.length).toBeGreaterThan(5);
    expect(reads).toEqual([...reads].sort((a, b) => a - b));
    expect(reads.at(-1)).toBe(qdeBytes);
    expect(await serve.api('stats.get')).toMatchObject({ articles: LARGE.sources, passages: expectedPassages(LARGE) });
  });
});
