import { useEffect, useMemo, useState } from 'react';
import type { CodingUnit } from '../../../../electron/shared/types';
import { formatCount, plural } from '../../../../electron/shared/counts';
import { keysOf } from '../../actions/platform';
import { call, transport } from '../../client/api';
import { useCommand } from '../../client/queries';
import { TagChooser } from '../codebook/TagChooser';
import { Dialog } from '../Dialog';
import { notify } from '../Notices';
import { HitChecklist, type Choice } from './HitChecklist';

interface Props {
  query: string;
  onClose(): void;
}

const NO_TAGS = new Set<number>();

/**
 * Code all hits at once: the sentences (or paragraphs) around every hit of a search in the chosen
 * articles (all of them, or those ticked) get one tag, in one step that Undo takes back. Finding
 * the hits in a large library takes a while: progress shows, and Cancel stops it, changing nothing.
 */
export function CodeHitsDialog({ query, onClose }: Props) {
  const tags = useCommand('tags.list', {});
  const [choice, setChoice] = useState<Choice>({ all: true, ids: new Set() });
  const [unit, setUnit] = useState<CodingUnit>('sentence');
  const [tagValue, setTagValue] = useState('');
  const [job, setJob] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [total, setTotal] = useState(0);

  useEffect(() => {
    if (!job) return;
    return transport.on('search.codingProgress', (p) => {
      if (p.jobId === job) setProgress({ done: p.done, total: p.total });
    });
  }, [job]);

  const chosen = choice.all ? total - choice.ids.size : choice.ids.size;
  const tag = useMemo(() => tags.data?.find((t) => String(t.id) === tagValue), [tags.data, tagValue]);
  const unitWord = unit === 'sentence' ? 'matching sentence' : 'matching paragraph';

  const run = async () => {
    if (!tag || chosen === 0) return;
    const jobId = crypto.randomUUID();
    setJob(jobId);
    setError(null);
    try {
      const result = await call('search.codeHits', {
        query,
        unit,
        tagId: tag.id,
        jobId,
        ...(choice.all ? (choice.ids.size > 0 ? { exceptArticleIds: [...choice.ids] } : {}) : { articleIds: [...choice.ids] }),
      });
      if (result.tagged === 0) notify(`No hit of “${query}” in the text of those articles (only their titles or details matched).`);
      else
        notify(
          `Tagged ${plural(result.tagged, unitWord)} in ${plural(result.articles, 'article')} with ${tag.path}. ${keysOf('undo')[0]} takes it back.`,
          {
            label: 'Undo',
            run: () => void call('edit.undo', {}).catch((e: Error) => notify(e.message)),
          },
        );
      onClose();
    } catch (e) {
      setError((e as Error).message);
      setJob(null);
      setProgress(null);
    }
  };

  const busy = job !== null;
  return (
    <Dialog
      title={`Code the hits of “${query}”`}
      onClose={() => (busy ? void call('search.cancelCoding', { jobId: job }) : onClose())}
      wide
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <fieldset disabled={busy}>
          <legend>Articles</legend>
          <HitChecklist query={query} choice={choice} onChange={setChoice} onTotal={setTotal} />
        </fieldset>
        <fieldset disabled={busy} className="code-hits-unit">
          <legend>Tag around each hit</legend>
          <label>
            <input type="radio" name="unit" checked={unit === 'sentence'} onChange={() => setUnit('sentence')} /> Its sentence
          </label>
          <label>
            <input type="radio" name="unit" checked={unit === 'paragraph'} onChange={() => setUnit('paragraph')} /> Its paragraph
          </label>
        </fieldset>
        <fieldset disabled={busy}>
          <legend>Tag</legend>
          <TagChooser
            tags={tags.data ?? []}
            exclude={NO_TAGS}
            value={tagValue}
            onChange={setTagValue}
            label="Tag with"
            topLevel={false}
            onCreate={async (path) => {
              const created = await call('tags.create', { path });
              await tags.refetch();
              return created;
            }}
          />
        </fieldset>
        {progress ? (
          <div className="code-hits-progress">
            <progress max={progress.total} value={progress.done} aria-label="Finding the hits" />
            <span role="status">
              Finding the hits: {formatCount(progress.done)} of {plural(progress.total, 'article')}
            </span>
          </div>
        ) : null}
        {error ? (
          <div className="form-error" role="alert">
            {error}
          </div>
        ) : null}
        <div className="buttons">
          {busy ? (
            <button type="button" className="button" onClick={() => void call('search.cancelCoding', { jobId: job })}>
              Cancel coding
            </button>
          ) : (
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
          )}
          <button type="submit" className="button primary" disabled={busy || !tag || chosen === 0}>
            {`Tag the hits in ${plural(chosen, 'article')}`}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
