import { useRef, useState } from 'react';
import type { CodebookChoice, CodebookMapping, MergeReport } from '../../../electron/shared/merge';
import { mergeHeadline, mergeSummary } from '../../../electron/shared/merge-summary';
import { plural } from '../../../electron/shared/counts';
import { call, transport } from '../client/api';
import { useCommand } from '../client/queries';
import { Dialog } from './Dialog';
import { notify } from './Notices';

type Step =
  { kind: 'pick' } | { kind: 'working'; what: string } | { kind: 'preview'; report: MergeReport } | { kind: 'done'; report: MergeReport };

/** The counts a preview leads with: what will be matched and what added. */
function counts(r: MergeReport): string[] {
  return [
    `${plural(r.articles.matchedByUid + r.articles.matchedByText, 'article')} matched, ${r.articles.added} added`,
    `${plural(r.passages.added, 'passage')} and ${plural(r.tagApplications.added, 'tag application')} added (${r.passages.matched} already here)`,
    `${plural(r.codebook.matched, 'tag')} matched by path, ${r.codebook.created} to create, ${r.codebook.mapped} mapped, ${r.codebook.merged} merged`,
    `${plural(r.claims.added, 'claim')}, ${plural(r.appearances.added, 'appearance')} and ${plural(r.links.added, 'link')} added`,
    `${plural(r.memos.added + r.memos.appended, 'memo')} and ${plural(r.notes.added + r.notes.appended, 'note')} added or appended`,
    `Coders: ${[...r.coders.matched.map((n) => `${n} (here)`), ...r.coders.added.map((n) => `${n} (new)`)].join(', ') || 'none'}`,
  ];
}

/**
 * File ▸ Merge library…: pick another library (or a REFI-QDA project), see what the merge would
 * match and add, choose for each tag whose path is not here whether to create it, map it onto one
 * of ours or merge it into one, then merge (one undo step) and read the report.
 */
export function MergeDialog({ libraryName, onClose }: { libraryName: string; onClose(): void }) {
  const input = useRef<HTMLInputElement>(null);
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [path, setPath] = useState<string | null>(null);
  const [choices, setChoices] = useState<Record<string, { action: CodebookChoice; to: string }>>({});
  const [error, setError] = useState<string | null>(null);
  // What is under way (reading the file, updating the preview, merging), shown with a progress bar.
  const [working, setWorking] = useState<string | null>(null);
  const ourTags = (useCommand('tags.list', {}).data ?? []).map((t) => t.path);

  const mappings = (all: typeof choices): CodebookMapping[] =>
    Object.entries(all).map(([from, c]) => (c.action === 'create' ? { from, action: 'create' } : { from, action: c.action, to: c.to }));

  /** Runs one step of the dialog with its progress shown; an error is shown and the dialog stays where it was. */
  const work = async (what: string, body: () => Promise<void>) => {
    setError(null);
    setWorking(what);
    try {
      await body();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setWorking(null);
    }
  };

  const preview = (at: string, all: typeof choices, what: string) =>
    work(what, async () => setStep({ kind: 'preview', report: await call('merge.preview', { path: at, mappings: mappings(all) }) }));

  const picked = (file: File | undefined) =>
    file &&
    work(`Reading ${file.name}…`, async () => {
      const at = await transport.handOver(file);
      const report = await call('merge.preview', { path: at, mappings: [] });
      setPath(at);
      setChoices({});
      setStep({ kind: 'preview', report });
    });

  const choose = (from: string, action: CodebookChoice, to: string) => {
    const next = { ...choices, [from]: { action, to } };
    setChoices(next);
    if (path) void preview(path, next, 'Updating the preview…');
  };

  const merge = () =>
    path &&
    work('Merging…', async () => {
      const done = await call('merge.run', { path, mappings: mappings(choices) });
      setStep({ kind: 'done', report: done });
      notify(
        done.changed
          ? `Merged ${done.file}: ${plural(done.passages.added, 'passage')} added. Undo takes it all back.`
          : `Nothing to merge from ${done.file}.`,
      );
    });

  const progress = working ? (
    <div className="merge-working">
      <div className="progress" role="progressbar" aria-label={working} />
      <p role="status">{working}</p>
    </div>
  ) : null;

  return (
    <Dialog title="Merge library" onClose={onClose} wide>
      {step.kind === 'pick' ? (
        <>
          <p>
            Bring another library’s articles, codebook, passages, notes, memos and claims into {libraryName}, each with its coder. Nothing
            of this library is overwritten, and the other file is not changed.
          </p>
          <input
            ref={input}
            type="file"
            accept=".marginalia,.qdpx"
            hidden
            aria-label="Library to merge"
            onChange={(e) => void picked(e.target.files?.[0])}
          />
          {progress}
          {error ? (
            <div className="form-error" role="alert">
              {error}
            </div>
          ) : null}
          <div className="buttons">
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button
              type="button"
              className="button primary"
              data-autofocus
              disabled={working !== null}
              onClick={() => input.current?.click()}
            >
              Choose a library or project…
            </button>
          </div>
        </>
      ) : null}
      {step.kind === 'preview' ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void merge();
          }}
        >
          {/* One status at a time: while the merge runs, its progress line is the status. */}
          <p role={working ? undefined : 'status'}>{mergeHeadline(step.report, libraryName)}</p>
          <ul className="merge-counts" aria-label="What the merge does">
            {counts(step.report).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {step.report.codebook.differing.length > 0 ? (
            <table className="merge-codebook">
              <caption>Their tags whose path is not in this library</caption>
              <thead>
                <tr>
                  <th scope="col">Their tag</th>
                  <th scope="col">Passages</th>
                  <th scope="col">What to do</th>
                  <th scope="col">Tag here</th>
                </tr>
              </thead>
              <tbody>
                {step.report.codebook.differing.map((row) => {
                  const choice = choices[row.path];
                  const action = choice?.action ?? (row.action === 'match' ? 'create' : row.action);
                  return (
                    <tr key={row.path}>
                      <th scope="row">{row.path}</th>
                      <td>{row.passages}</td>
                      <td>
                        <select
                          aria-label={`What to do with ${row.path}`}
                          value={action}
                          onChange={(e) => choose(row.path, e.target.value as CodebookChoice, choice?.to ?? ourTags[0] ?? '')}
                        >
                          <option value="create">Create it</option>
                          <option value="map" disabled={ourTags.length === 0}>
                            Map onto…
                          </option>
                          <option value="merge" disabled={ourTags.length === 0}>
                            Merge into…
                          </option>
                        </select>
                      </td>
                      <td>
                        {action === 'create' ? (
                          <span className="muted">{row.to}</span>
                        ) : (
                          <select
                            aria-label={`Tag for ${row.path}`}
                            value={choice?.to ?? row.to}
                            onChange={(e) => choose(row.path, action, e.target.value)}
                          >
                            {ourTags.map((tag) => (
                              <option key={tag} value={tag}>
                                {tag}
                              </option>
                            ))}
                          </select>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : null}
          {progress}
          {error ? (
            <div className="form-error" role="alert">
              {error}
            </div>
          ) : null}
          <div className="buttons">
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button primary" disabled={!step.report.changed || working !== null}>
              Merge
            </button>
          </div>
        </form>
      ) : null}
      {step.kind === 'done' ? (
        <>
          <p role="status">{mergeHeadline(step.report, libraryName)}</p>
          <ul className="merge-counts" aria-label="Merge report">
            {mergeSummary(step.report).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p className="muted small">Undo (Ctrl+Z) takes the whole merge back.</p>
          <div className="buttons">
            <button type="button" className="button primary" data-autofocus onClick={onClose}>
              Close
            </button>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}
