import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../electron/core/library/open';
import type { MergeReport } from '../../electron/shared/merge';
import { SEED_NOW, seedLibrary } from '../fixtures/qdpx/seed';
import { runCli } from '../run-cli';
import { tempDir } from './helpers';

function libraries() {
  const dir = tempDir();
  const theirs = join(dir, 'theirs.marginalia');
  const ours = join(dir, 'ours.marginalia');
  const their = openLibrary(theirs, { clock: () => new Date(SEED_NOW) });
  seedLibrary(their);
  their.db
    .exec(`INSERT INTO coders (uid, name, colour, created_at) VALUES ('c0000000-0000-4000-8000-00000000000a', 'Alice', '#4e79a7', '${SEED_NOW}');
    UPDATE passages SET coder_id = 1`);
  their.close();
  const our = openLibrary(ours);
  our.db.exec(
    `INSERT INTO tags (uid, parent_id, name, color, created_at, updated_at) VALUES ('f0000000-0000-4000-8000-000000000001', NULL, 'Numbers', '#445566', '${SEED_NOW}', '${SEED_NOW}')`,
  );
  our.close();
  const count = (table: string) => {
    const lib = openLibrary(ours);
    try {
      return lib.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    } finally {
      lib.close();
    }
  };
  return { theirs, ours, count };
}

describe('marginalia merge', () => {
  it('previews with --dry-run (nothing written), merges with the mappings given, and a second run has nothing to merge', async () => {
    const { theirs, ours, count } = libraries();
    const maps = ['--map', '=Formula=Imported / Formula', '--into', 'Statistics=Numbers'];
    const preview = await runCli(['merge', '--library', ours, theirs, ...maps, '--dry-run']);
    expect(preview.stderr).toBe('');
    expect(preview.stdout).toBe(
      [
        'Merging theirs.marginalia into ours would change it as follows (nothing was written):',
        'Articles: 0 matched (0 by uid, 0 by text), 2 added.',
        'Codebook: 0 matched by path, 0 mapped, 4 created, 1 merged.',
        '  Middle East → created Middle East (2 passages)',
        '  Middle East / Syria → created Middle East / Syria (2 passages)',
        '  Statistics → merged into Numbers (2 passages)',
        '  =Formula → created Imported / Formula (1 passage)',
        'Coders: none matched; Alice added.',
        'Passages: 0 already here, 6 added; 7 tag applications added, 0 already here.',
        'Notes: 6 added, 0 appended to ours. Memos: 2 added, 0 appended to ours, 0 already here.',
        'Claims: 0 already here, 3 added; 3 appearances and 3 links added (0 appearances and 0 links already here).',
        '',
      ].join('\n'),
    );
    expect([count('articles'), count('tags'), count('coders')]).toEqual([0, 1, 0]);

    const merged = await runCli(['merge', '--library', ours, theirs, ...maps, '--json']);
    expect(merged.code).toBe(0);
    const report = JSON.parse(merged.stdout) as MergeReport;
    expect(report).toMatchObject({ dryRun: false, changed: true, passages: { added: 6 }, coders: { added: ['Alice'] } });
    expect([count('articles'), count('passages'), count('tags')]).toEqual([2, 6, 5]);

    const again = await runCli(['merge', '--library', ours, theirs, ...maps]);
    expect(again.stdout.split('\n')[0]).toBe('Nothing to merge: everything in theirs.marginalia is in ours already.');
    expect([count('articles'), count('passages'), count('tags')]).toEqual([2, 6, 5]);
  });

  it('refuses a mapping that names no tag of the other library, with exit code 2', async () => {
    const { theirs, ours, count } = libraries();
    const run = await runCli(['merge', '--library', ours, theirs, '--map', 'Economy=Numbers']);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(
      'marginalia merge: --map "Economy=Numbers": write THEIR/PATH=OUR/PATH, where THEIR/PATH is a tag of the other library.',
    );
    expect(count('articles')).toBe(0);
  });
});
