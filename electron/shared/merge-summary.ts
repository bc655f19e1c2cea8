import { plural } from './counts';
import type { MergeReport } from './merge';

const ACTIONS = { create: 'created', map: 'mapped onto', merge: 'merged into', match: 'matched' } as const;

/** A merge report in sentences, one per kind of thing (the CLI prints them; the app's report shows them). */
export function mergeSummary(r: MergeReport): string[] {
  const a = r.articles;
  const lines = [
    `Articles: ${a.matchedByUid + a.matchedByText} matched (${a.matchedByUid} by uid, ${a.matchedByText} by text), ${a.added} added` +
      (a.reanchored > 0 ? `; ${plural(a.reanchored, 'text differs', 'texts differ')} here, their passages re-anchored on ours` : '') +
      '.',
    `Codebook: ${r.codebook.matched} matched by path, ${r.codebook.mapped} mapped, ${r.codebook.created} created, ${r.codebook.merged} merged.`,
    ...r.codebook.differing.map((row) => `  ${row.path} → ${ACTIONS[row.action]} ${row.to} (${plural(row.passages, 'passage')})`),
    `Coders: ${r.coders.matched.length > 0 ? r.coders.matched.join(', ') : 'none'} matched; ${r.coders.added.length > 0 ? r.coders.added.join(', ') : 'none'} added.`,
    `Passages: ${r.passages.matched} already here, ${r.passages.added} added` +
      (r.passages.fuzzy + r.passages.orphaned > 0
        ? ` (${r.passages.fuzzy} found again approximately, ${r.passages.orphaned} orphaned)`
        : '') +
      `; ${plural(r.tagApplications.added, 'tag application')} added, ${r.tagApplications.already} already here.`,
    `Notes: ${r.notes.added} added, ${r.notes.appended} appended to ours. Memos: ${r.memos.added} added, ${r.memos.appended} appended to ours, ${r.memos.already} already here.`,
    `Claims: ${r.claims.matched} already here, ${r.claims.added} added; ${plural(r.appearances.added, 'appearance')} and ${plural(r.links.added, 'link')} added (${r.appearances.already} appearances and ${r.links.already} links already here).`,
    ...r.skipped.map((why) => `Skipped: ${why}.`),
  ];
  return lines;
}

/** The report's first line: what happened, or would happen. */
export function mergeHeadline(r: MergeReport, into: string): string {
  if (r.dryRun)
    return `Merging ${r.file} into ${into} would change ${r.changed ? 'it as follows' : 'nothing: everything in it is here already'} (nothing was written):`;
  return r.changed ? `Merged ${r.file} into ${into}:` : `Nothing to merge: everything in ${r.file} is in ${into} already.`;
}
