import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { SearchResults } from '../../../../electron/shared/types';
import { plural } from '../../../../electron/shared/counts';
import { useCommand } from '../../client/queries';
import { articleMeta } from '../../format';
import { PaletteFrame } from '../PaletteFrame';
import { Highlighted } from './Highlighted';

interface Props {
  open: boolean;
  onClose(): void;
  onOpenArticle(articleId: number): void;
  onOpenPassage(articleId: number, passageId: number): void;
  /** Claims open where the claims view is; without it, claim results are listed but not openable. */
  onOpenClaim?(claimId: number): void;
  /** Opens the memo of an article, or of the library (null). */
  onOpenMemo(articleId: number | null, about: string): void;
}

type Hit =
  | { kind: 'article'; key: string; hit: SearchResults['articles'][number] }
  | { kind: 'passage'; key: string; hit: SearchResults['passages'][number] }
  | { kind: 'note'; key: string; hit: SearchResults['notes'][number] }
  | { kind: 'claim'; key: string; hit: SearchResults['claims'][number] }
  | { kind: 'memo'; key: string; hit: SearchResults['memos'][number] };

const DEBOUNCE_MS = 100;
const LIMIT = 20;

/** Ctrl+K search over articles, passages (quotes and notes), claims and memos, grouped by kind. */
export function SearchPalette(props: Props) {
  return props.open ? <Palette {...props} /> : null;
}

function Palette({ onClose, onOpenArticle, onOpenPassage, onOpenClaim, onOpenMemo }: Props) {
  const baseId = useId();
  const listId = `${baseId}-list`;
  const list = useRef<HTMLDivElement>(null);
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<{ of: SearchResults | null; index: number }>({ of: null, index: 0 });
  /** Enter pressed before the results for the typed text arrived: open the first one when they do. */
  const openWhenReady = useRef(false);

  const typed = text.trim();
  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed), typed ? DEBOUNCE_MS : 0);
    return () => clearTimeout(timer);
  }, [typed]);

  const results = useCommand('search.query', { query, limit: LIMIT }, { enabled: query !== '', placeholderData: keepPreviousData });
  // Results count only when they answer exactly what is typed now: never an older query's.
  const current = results.data && results.data.query === typed && typed !== '' && !results.isPlaceholderData ? results.data : null;
  const pending = typed !== '' && current === null && !results.isError;

  const hits = useMemo<Hit[]>(() => {
    if (!current) return [];
    return [
      ...current.articles.map((hit) => ({ kind: 'article' as const, key: `a${hit.id}`, hit })),
      ...current.passages.map((hit) => ({ kind: 'passage' as const, key: `p${hit.id}`, hit })),
      ...current.notes.map((hit) => ({ kind: 'note' as const, key: `n${hit.id}`, hit })),
      ...current.claims.map((hit) => ({ kind: 'claim' as const, key: `c${hit.id}`, hit })),
      ...current.memos.map((hit) => ({ kind: 'memo' as const, key: `m${hit.id}`, hit })),
    ];
  }, [current]);

  // New results start at their first hit.
  const active = picked.of === current ? picked.index : 0;
  const setActive = (index: number) => setPicked({ of: current, index });
  const index = Math.min(active, hits.length - 1);
  const activeHit = index >= 0 ? hits[index] : undefined;
  const optionId = (hit: Hit) => `${baseId}-${hit.key}`;

  useEffect(() => {
    if (activeHit) document.getElementById(optionId(activeHit))?.scrollIntoView({ block: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activeHit]);

  // While the next results load, the list keeps its height (empty, never the older query's hits).
  const lastHeight = useRef(0);
  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    if (!pending) lastHeight.current = element.offsetHeight;
    element.style.minHeight = pending ? `${lastHeight.current}px` : '';
  });

  const canOpen = (hit: Hit) => hit.kind !== 'claim' || onOpenClaim !== undefined;
  const openHit = (hit: Hit) => {
    if (!canOpen(hit)) return;
    onClose();
    if (hit.kind === 'article') onOpenArticle(hit.hit.id);
    else if (hit.kind === 'passage' || hit.kind === 'note') onOpenPassage(hit.hit.articleId, hit.hit.id);
    else if (hit.kind === 'memo') onOpenMemo(hit.hit.articleId, hit.hit.articleTitle ?? 'the library');
    else onOpenClaim?.(hit.hit.id);
  };

  useEffect(() => {
    if (!openWhenReady.current || !current) return;
    openWhenReady.current = false;
    const first = hits.find(canOpen);
    if (first) openHit(first);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current, hits]);

  const groups: Array<{ kind: Hit['kind']; label: string }> = [
    { kind: 'article', label: 'Articles' },
    { kind: 'passage', label: 'Passages' },
    { kind: 'note', label: 'Notes' },
    { kind: 'claim', label: 'Claims' },
    { kind: 'memo', label: 'Memos' },
  ];

  let statusText: string;
  if (!typed) statusText = 'Search articles, passages, notes, claims and memos. ↑↓ to move, Enter to open, Esc to close.';
  else if (results.isError) statusText = '';
  else if (pending) statusText = 'Searching…';
  else if (hits.length === 0) statusText = `Nothing matches “${typed}”.`;
  else {
    const c = current as SearchResults;
    statusText = [
      plural(c.counts.articles, 'article'),
      plural(c.counts.passages, 'passage'),
      plural(c.counts.notes, 'note'),
      plural(c.counts.claims, 'claim'),
      plural(c.counts.memos, 'memo'),
    ].join(', ');
  }

  return (
    <PaletteFrame
      label="Search"
      icon="⌕"
      input={{
        label: 'Search everything',
        placeholder: 'Search everything',
        listId,
        expanded: hits.length > 0,
        activeId: activeHit ? optionId(activeHit) : undefined,
        value: text,
        onChange: (value) => {
          setText(value);
          openWhenReady.current = false;
        },
      }}
      status={statusText}
      count={hits.length}
      active={index}
      onActive={setActive}
      onEnter={() => {
        if (pending) openWhenReady.current = true;
        else if (activeHit) openHit(activeHit);
      }}
      onDismiss={onClose}
    >
      {results.isError && typed ? (
        <div className="view-alert" role="alert">
          {results.error.message}
        </div>
      ) : null}
      <div ref={list} id={listId} role="listbox" aria-label="Results" className="palette-results">
        {groups.map(({ kind, label }) => {
          const members = hits.filter((h) => h.kind === kind);
          if (members.length === 0) return null;
          const labelId = `${baseId}-${kind}-label`;
          return (
            <div key={kind} role="group" aria-labelledby={labelId} className="palette-group">
              <div id={labelId} className="palette-group-label" role="presentation">
                {label}
              </div>
              {members.map((h) => (
                <div
                  key={h.key}
                  id={optionId(h)}
                  role="option"
                  aria-selected={h === activeHit}
                  aria-disabled={!canOpen(h) || undefined}
                  className="palette-option"
                  onMouseDown={(e) => e.preventDefault()}
                  onMouseMove={() => h !== activeHit && setActive(hits.indexOf(h))}
                  onClick={() => openHit(h)}
                >
                  <HitView hit={h} />
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </PaletteFrame>
  );
}

function HitView({ hit }: { hit: Hit }) {
  if (hit.kind === 'article') {
    const meta = articleMeta(hit.hit);
    return (
      <>
        <div className="hit-title">{hit.hit.title}</div>
        {meta ? <div className="hit-meta">{meta}</div> : null}
        <div className="hit-snippet">
          <Highlighted text={hit.hit.snippet} />
        </div>
      </>
    );
  }
  if (hit.kind === 'passage' || hit.kind === 'note') {
    return (
      <>
        <div className="hit-snippet quote">
          <Highlighted text={hit.hit.snippet} />
        </div>
        <div className="hit-meta">{hit.hit.articleTitle}</div>
      </>
    );
  }
  if (hit.kind === 'memo') {
    return (
      <>
        <div className="hit-snippet">
          <Highlighted text={hit.hit.snippet} />
        </div>
        <div className="hit-meta">{hit.hit.articleTitle === null ? 'Library memo' : `Memo on ${hit.hit.articleTitle}`}</div>
      </>
    );
  }
  return (
    <div className="hit-snippet">
      <Highlighted text={hit.hit.snippet || hit.hit.statement} />
    </div>
  );
}
