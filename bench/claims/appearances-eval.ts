import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClaim } from '../../electron/core/claims/edits';
import { whereElse } from '../../electron/core/claims/related';
import { createParsePool } from '../../electron/core/import/parse-pool';
import { runImport } from '../../electron/core/import/pipeline';
import { openLibrary } from '../../electron/core/library/open';

/**
 * "Where else" against the hand-labelled set: for each claim, the sentences of other articles that
 * state it (same) or vary it, and same-figure sentences about something else (distractors).
 * Precision@5 counts labelled sentences among the first five suggestions (or fewer, when fewer
 * are made); recall@10 the labelled sentences found in the first ten.
 */
type Labelled = [file: string, snippet: string];
interface LabelledClaim {
  split: 'tune' | 'test';
  file: string;
  claim: string;
  same: Labelled[];
  varies?: Labelled[];
  distractors?: Labelled[];
}

export interface AppearanceScore {
  claims: number;
  precisionAt5: number;
  /** Precision of the strong suggestions among the first five (what the analyst sees unfolded). */
  strongPrecisionAt5: number;
  recallAt10: number;
  /** Share of the claims with labelled distractors that had one among the strong suggestions of their first five. */
  distractorInTop5: number;
  misses: string[];
}

export async function scoreAppearances(setFile: string, split: 'tune' | 'test', extraCorpus?: string): Promise<AppearanceScore> {
  const folder = join(setFile, '..', 'bbc');
  const claims = (JSON.parse(readFileSync(setFile, 'utf8')) as { claims: LabelledClaim[] }).claims.filter((c) => c.split === split);
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-eval-'));
  const lib = openLibrary(join(dir, 'eval.marginalia'));
  const pool = createParsePool();
  try {
    await runImport(lib.db, lib.clock, pool, extraCorpus ? [folder, extraCorpus] : [folder]);
    const articles = new Map<string, { id: number; text: string }>();
    for (const row of lib.db.prepare('SELECT id, source_name AS name, text FROM articles').all() as Array<{
      id: number;
      name: string;
      text: string;
    }>) {
      if (!articles.has(row.name)) articles.set(row.name, { id: row.id, text: row.text });
    }
    // A file whose text equals one imported before is skipped as a duplicate (no article, id 0):
    // its sentences cannot be found, and count as missed.
    const locate = ([file, snippet]: Labelled): { id: number; start: number; end: number } => {
      const article = articles.get(file);
      if (!article) return { id: 0, start: 0, end: 0 };
      const start = article.text.indexOf(snippet);
      if (start < 0) throw new Error(`${file}: labelled text not found: ${snippet}`);
      return { id: article.id, start, end: start + snippet.length };
    };
    let precision = 0;
    let strongPrecision = 0;
    let recall = 0;
    let withDistractors = 0;
    let distracted = 0;
    const misses: string[] = [];
    for (const labelled of claims) {
      const at = locate([labelled.file, labelled.claim]);
      const claim = lib.db.transaction(() => createClaim(lib.db, lib.clock, { articleId: at.id, start: at.start, end: at.end }).value)();
      const found = whereElse(lib.db, claim.id, 10);
      const relevant = [...labelled.same, ...(labelled.varies ?? [])].map(locate);
      const distractors = (labelled.distractors ?? []).map(locate);
      const hits = (list: Array<{ id: number; start: number; end: number }>, s: (typeof found)[number]): boolean =>
        list.some((l) => l.id === s.articleId && s.start! < l.end && s.end! > l.start);
      const top5 = found.slice(0, 5);
      precision += top5.length === 0 ? 0 : top5.filter((s) => hits(relevant, s)).length / top5.length;
      const strong = top5.filter((s) => s.tier === 'strong');
      strongPrecision += strong.length === 0 ? 0 : strong.filter((s) => hits(relevant, s)).length / strong.length;
      recall += relevant.filter((l) => found.some((s) => hits([l], s))).length / relevant.length;
      if (distractors.length > 0) {
        withDistractors++;
        if (strong.some((s) => hits(distractors, s))) distracted++;
      }
      for (const s of top5)
        if (!hits(relevant, s)) misses.push(`${labelled.file}: "${labelled.claim.slice(0, 40)}" → unlabelled "${s.text.slice(0, 70)}"`);
      for (const l of relevant)
        if (!found.some((s) => hits([l], s))) misses.push(`${labelled.file}: "${labelled.claim.slice(0, 40)}" missed ${l.id}`);
    }
    return {
      claims: claims.length,
      precisionAt5: precision / claims.length,
      strongPrecisionAt5: strongPrecision / claims.length,
      recallAt10: recall / claims.length,
      distractorInTop5: withDistractors === 0 ? 0 : distracted / withDistractors,
      misses,
    };
  } finally {
    await pool.close();
    lib.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
