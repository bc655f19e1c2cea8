// Intercoder agreement at scale: three coders × 100,000 tagged passages each over 1,000 articles
// (every coder codes every article, five tags), its sentences and paragraphs in place. Measured:
// computeAgreement at the character, sentence and paragraph levels (median of three runs each),
// against the raw baseline of reading the same rows (passage_tags ⋈ passages) in one cursor.
// Target: the character level under 2 s.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLibrary } from '../electron/core/library/open';
import { computeAgreement } from '../electron/core/teams/agreement';
import type { AgreementUnit } from '../electron/shared/agreement';
import { median } from './measure';

const SENTENCE = 'Over 6.5 million refugees remain outside Syria, the minister said in Moscow on Monday. ';
const TAGS = 5;

/** One transaction of prepared inserts: articles with blocks and indexed sentences, coders, passages. */
export function generateForProfile(path: string, coders: number, perCoder: number, articles: number): void {
  generate(path, coders, perCoder, articles);
}

function generate(path: string, coders: number, perCoder: number, articles: number): void {
  const lib = openLibrary(path);
  const db = lib.db;
  const now = new Date().toISOString();
  db.exec('DROP TRIGGER passages_fts_insert');
  db.pragma('cache_size = -262144');
  const perArticle = Math.ceil(perCoder / articles);
  // Six paragraphs of ten sentences: 5,310 characters.
  const paragraph = SENTENCE.repeat(10).trimEnd();
  const text = Array.from({ length: 6 }, () => paragraph).join('\n\n');
  const blocks = JSON.stringify(
    Array.from({ length: 6 }, (_, i) => ({
      kind: 'paragraph',
      start: i * (paragraph.length + 2),
      end: i * (paragraph.length + 2) + paragraph.length,
    })),
  );
  const insertArticle = db.prepare(
    `INSERT INTO articles (uid, title, text, blocks, sha256, format, imported_at, updated_at) VALUES (?, ?, ?, ?, ?, 'txt', ?, ?)`,
  );
  const insertSentence = db.prepare('INSERT INTO article_sentences (article_id, start, "end") VALUES (?, ?, ?)');
  const insertPassage = db.prepare(
    `INSERT INTO passages (uid, article_id, start, "end", exact, created_at, updated_at, coder_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const tagPassage = db.prepare('INSERT INTO passage_tags (passage_id, tag_id, coder_id) VALUES (?, ?, ?)');
  db.transaction(() => {
    const coderIds = Array.from({ length: coders }, (_, c) =>
      Number(
        db
          .prepare('INSERT INTO coders (uid, name, colour, created_at) VALUES (?, ?, ?, ?)')
          .run(randomUUID(), `Coder ${c + 1}`, '#1f77b4', now).lastInsertRowid,
      ),
    );
    const tagIds = Array.from({ length: TAGS }, (_, t) =>
      Number(
        db
          .prepare(`INSERT INTO tags (uid, name, color, created_at, updated_at) VALUES (?, ?, '#4e79a7', ?, ?)`)
          .run(randomUUID(), `Theme ${t}`, now, now).lastInsertRowid,
      ),
    );
    for (let a = 0; a < articles; a++) {
      const articleId = Number(insertArticle.run(randomUUID(), `Article ${a}`, text, blocks, `${a}`, now, now).lastInsertRowid);
      for (let s = 0; s < text.length; s += SENTENCE.length)
        insertSentence.run(articleId, s, Math.min(text.length, s + SENTENCE.length - 1));
      coderIds.forEach((coderId, c) => {
        for (let k = 0; k < perArticle; k++) {
          // The coders mark near the same words, shifted a little per coder; passages overlap their neighbours.
          const start = (k * 50 + c * 7 + ((a * 31 + k * 17) % 13)) % (text.length - 80);
          const end = start + 40 + ((k * 11 + c * 5) % 40);
          const id = insertPassage.run(randomUUID(), articleId, start, end, text.slice(start, end), now, now, coderId).lastInsertRowid;
          tagPassage.run(id, tagIds[(k + (c === 2 && k % 5 === 0 ? 1 : 0)) % TAGS], coderId);
        }
      });
    }
  })();
  lib.close();
}

function time(fn: () => void): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

export async function agreementBench(options: { coders: number; passages: number; articles: number; runs: number }) {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-bench-agreement-'));
  try {
    const path = join(dir, 'agreement.marginalia');
    generate(path, options.coders, options.passages, options.articles);
    const lib = openLibrary(path);
    try {
      const db = lib.db;
      const baseline = () => {
        let n = 0;
        const rows = db
          .prepare(
            'SELECT pt.tag_id, p.article_id, p.coder_id, p.start, p."end" FROM passage_tags pt JOIN passages p ON p.id = pt.passage_id',
          )
          .raw()
          .iterate();
        for (const _ of rows) n++;
        return n;
      };
      const rows = baseline();
      const baselines: number[] = [];
      const levels: Record<AgreementUnit, number[]> = { character: [], sentence: [], paragraph: [] };
      let alpha: number | null = null;
      for (let run = 0; run < options.runs; run++) {
        baselines.push(time(baseline));
        for (const unit of Object.keys(levels) as AgreementUnit[])
          levels[unit].push(
            time(() => {
              const overall = computeAgreement(db, { unit }).rows.at(-1)!;
              if (unit === 'character') ({ alpha } = overall);
            }),
          );
      }
      const character = median(levels.character);
      const base = median(baselines);
      return {
        passages_per_coder: options.passages,
        coders: options.coders,
        rows_read: rows,
        baseline_read_ms: Math.round(base),
        agreement_character_ms: Math.round(character),
        ratio_to_baseline: Number((character / base).toFixed(2)),
        agreement_sentence_ms: Math.round(median(levels.sentence)),
        agreement_paragraph_ms: Math.round(median(levels.paragraph)),
        // Shows the work was real: the coders agree a good deal, not wholly.
        overall_alpha: alpha === null ? 'null' : Number((alpha as number).toFixed(4)),
      };
    } finally {
      lib.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
