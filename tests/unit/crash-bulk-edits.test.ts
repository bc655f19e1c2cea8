import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import type { Context } from '../../electron/core/handlers';
import { Session } from '../../electron/core/session';
import { runCli } from '../run-cli';
import { until } from '../kill';
import { insertArticle } from './passages-fixture';
import { tempDir } from './helpers';

const RUN_TS = join(import.meta.dirname, '..', '..', 'bin', 'run-ts.mjs');
const CHILD = join(import.meta.dirname, '..', 'crash-child.ts');
const PASSAGES = 2400;
const KILLS_PER_COMMAND = 5;

/** mulberry32: the kill moments are random but the same in every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function call(ctx: Context, name: string, args: unknown): Promise<unknown> {
  const envelope = await dispatch(ctx, name, args);
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
  return envelope.value;
}

/** What a bulk edit changes, read by a connection of the test's own: two states are equal when this is. */
function fingerprint(library: string): string {
  const db = new Database(library, { readonly: true, fileMustExist: true });
  try {
    const rows = (sql: string) => JSON.stringify(db.prepare(sql).raw().all());
    return [
      rows('SELECT id, name, parent_id FROM tags ORDER BY id'),
      rows('SELECT passage_id, tag_id FROM passage_tags ORDER BY passage_id, tag_id'),
      rows('SELECT id, statement FROM claims ORDER BY id'),
      rows('SELECT id, claim_id, passage_id FROM claim_appearances ORDER BY id'),
      rows('SELECT id, start, "end", exact, anchor FROM passages ORDER BY id'),
      rows('SELECT id, text FROM articles ORDER BY id'),
    ].join('\n');
  } finally {
    db.close();
  }
}

interface Command {
  name: string;
  args: unknown;
  /** The file it writes, when it writes one (an export). */
  out?: string;
}

/** Runs a command in a child process group of its own; `onReady` hears its pid once the library is open. */
function runChild(
  library: string,
  command: Command,
  onReady?: (pid: number) => void,
): Promise<{ code: number | null; stderr: string; runMs: number }> {
  // The arguments go in a file: an article's text is too long for a command line.
  const args = `${library}.args.json`;
  writeFileSync(args, JSON.stringify(command.args));
  const child = spawn(process.execPath, [RUN_TS, CHILD, library, command.name, args], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let readyAt = 0;
  child.stderr!.on('data', (d: Buffer) => {
    const before = stderr;
    stderr += d.toString();
    if (before.includes('ready') || !stderr.includes('ready')) return;
    readyAt = performance.now();
    onReady?.(child.pid!);
  });
  // runMs: from "ready" to the end, the time the command itself runs (start-up left out).
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr, runMs: performance.now() - readyAt })));
}

describe('SIGKILL during bulk edits and an export (20 kills at seeded moments)', () => {
  const dir = tempDir();
  const base = join(dir, 'base.marginalia');
  const commands: Command[] = [];
  const earlierExport = join(dir, 'earlier.csv');

  beforeAll(async () => {
    const session = new Session(base);
    const ctx: Context = { session, parser: { parse: () => Promise.reject(new Error('no imports here')) } };
    const sentences = Array.from({ length: PASSAGES }, (_, i) => `Sentence ${i} says that ${i * 3} refugees crossed on day ${i % 30}.`);
    const articleId = insertArticle(session.lib.db, { title: 'Long report', text: sentences.join(' ') });
    const from = (await call(ctx, 'tags.create', { path: 'Origin' })) as { id: number };
    const into = (await call(ctx, 'tags.create', { path: 'Target' })) as { id: number };
    const passageIds: number[] = [];
    let at = 0;
    for (const [i, sentence] of sentences.entries()) {
      const tagIds = i % 2 === 0 ? [from.id] : [from.id, into.id];
      passageIds.push(
        ((await call(ctx, 'passages.create', { articleId, start: at, end: at + sentence.length, tagIds })) as { id: number }).id,
      );
      at += sentence.length + 1;
    }
    // An export made before the last passages: a later export differs from it.
    expect(((await call(ctx, 'export.passagesCsv', { path: earlierExport })) as { rows: number }).rows).toBe(PASSAGES);
    const claim = (id: number) => call(ctx, 'claims.create', { passageId: id, statement: `Claim ${id}` }) as Promise<{ id: number }>;
    const [a, b] = [await claim(passageIds[0]!), await claim(passageIds[1]!)];
    for (let i = 2; i < 300; i++) await call(ctx, 'claims.addAppearance', { claimId: i % 2 ? b.id : a.id, passageId: passageIds[i]! });
    session.close();
    // Every word moves: each passage is re-anchored.
    const edited = `Corrected. ${sentences.map((s) => s.replace('says', 'said')).join(' ')}`;
    commands.push(
      { name: 'tags.merge', args: { sourceId: from.id, targetId: into.id } },
      { name: 'claims.merge', args: { sourceId: a.id, targetId: b.id } },
      { name: 'articles.editText', args: { id: articleId, text: edited } },
      { name: 'export.passagesCsv', args: { path: join(dir, 'export.csv') }, out: join(dir, 'export.csv') },
    );
  }, 120_000);

  it('after each kill the library passes check and holds the state wholly before or wholly after; an export never replaces the good file with a partial one', async () => {
    const random = seeded(13);
    for (const [index, command] of commands.entries()) {
      // The state after the command, and how long it takes, from one run to its end.
      const whole = join(dir, `whole-${index}.marginalia`);
      copyFileSync(base, whole);
      if (command.out) copyFileSync(earlierExport, command.out);
      const run = await runChild(whole, command);
      expect(run.stderr).toContain('done');
      const durationMs = run.runMs;
      const before = fingerprint(base);
      const after = fingerprint(whole);
      // An export leaves the library as it was; every other command changes it.
      if (!command.out) expect(after).not.toBe(before);
      const finished = command.out ? readFileSync(command.out) : null;
      if (finished) expect(finished.equals(readFileSync(earlierExport))).toBe(false);

      for (let kill = 0; kill < KILLS_PER_COMMAND; kill++) {
        const library = join(dir, `kill-${index}-${kill}.marginalia`);
        copyFileSync(base, library);
        if (command.out) copyFileSync(earlierExport, command.out);
        const delayMs = random() * durationMs;
        let killed = false;
        const result = await runChild(library, command, (pid) => {
          setTimeout(() => {
            killed = true;
            try {
              process.kill(-pid, 'SIGKILL');
            } catch {
              // It finished first: a kill after the end, which must leave the state after.
            }
          }, delayMs);
        });
        if (!killed) await until(() => killed, 'the kill');
        const check = await runCli(['check', '--library', library]);
        expect(check.code, `${command.name}, kill ${kill} at ${Math.round(delayMs)} ms: ${check.stdout}${check.stderr}`).toBe(0);
        const state = fingerprint(library);
        expect([before, after], `${command.name}, kill ${kill} (exit ${result.code})`).toContain(state);
        if (command.out && finished) {
          const visible = readFileSync(command.out);
          expect(visible.equals(readFileSync(earlierExport)) || visible.equals(finished), `${command.name}, kill ${kill}`).toBe(true);
          expect(readdirSync(dir).filter((name) => name.startsWith('export.csv') && name !== 'export.csv')).toEqual([]);
        }
      }
    }
    expect(existsSync(base)).toBe(true);
  }, 600_000);
});
