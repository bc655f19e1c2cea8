import { useCallback, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { Article, Passage, Tag } from '../../../electron/shared/types';
import { useBindActions } from '../actions/bindings';
import { SCOPE_ATTRIBUTE } from '../actions/context';
import { keysOf } from '../actions/platform';
import { call } from '../client/api';
import { useCommand } from '../client/queries';
import { formatCount, plural } from '../../../electron/shared/counts';
import { ArticleDetailsDialog } from '../components/ArticleDetailsDialog';
import { MemoDialog } from '../components/memos/MemoDialog';
import { notify } from '../components/Notices';
import { citation } from './citation';
import { useCandidateMarks } from './claims/useCandidateMarks';
import { useReaderClaims } from './claims/useReaderClaims';
import type { TextRange } from './dom-offsets';
import { EditTextDialog } from './EditTextDialog';
import { FloatingTagPicker } from './FloatingTagPicker';
import { Inspector } from './Inspector';
import { OrphanList, ReaderHeader } from './ReaderHeader';
import { ReaderText } from './ReaderText';
import { SelectionToolbar } from './SelectionToolbar';
import { useArticleModel } from './useArticleModel';
import { useSavingPassages } from './useSavingPassages';
import { usePassageWrites, type TagChoice } from './usePassageWrites';
import { useCaretMode } from './useCaretMode';
import { HitBar } from './HitBar';
import { HiddenMarksNotice } from './HiddenMarksNotice';
import { useSearchHits } from './useSearchHits';
import { useProgressiveMount } from './useProgressiveMount';
import { useQuickTags } from './useQuickTags';
import { useTextSelection, type Floating } from './useTextSelection';

interface Props {
  article: Article;
  /** Open at this passage (from the passages view or search). */
  focusPassageId: number | null;
  /** The search it was opened from (Ctrl+K or the article filter): its hits are marked, F3 steps through them. */
  searchQuery?: string | null;
  /** Shown in the side column while no passage is selected (the codebook). */
  side: ReactNode;
  onError(message: string): void;
  /** Opens another article (a reprint of this one). */
  onOpenArticle(id: number): void;
}

/** While loading: the same empty list every render (the model rebuilds when its inputs change). */
const NO_TAGS: Tag[] = [];

/**
 * The reader: the article with its passages as highlights and marginalia, a selection toolbar
 * (Tag, Note, Make claim, Add to claim, Copy with citation), the quick tag picker, the passage
 * inspector, and candidate claims marked in the margin.
 */
export function ArticleReader({ article, focusPassageId, searchQuery = null, side, onError, onOpenArticle }: Props) {
  // No structural sharing: a deep compare of thousands of passages costs more than it saves (blocks compare by signature).
  const passagesQuery = useCommand('passages.forArticle', { articleId: article.id }, { structuralSharing: false });
  const tagsQuery = useCommand('tags.list', {});
  const { passages, save, savedId, stableKey } = useSavingPassages(article.id, passagesQuery.data);
  const tags = tagsQuery.data ?? NO_TAGS;
  const model = useArticleModel(article, passages, tags);

  const body = useRef<HTMLElement>(null);
  const [selectedId, setSelected] = useState<number | null>(null);
  // Counts the user's picks (clicks, keys, Escape…), so a passage saved later does not take the
  // selection from one picked meanwhile, even the same one again.
  const picks = useRef(0);
  const setSelectedId = useCallback((id: number | null) => {
    picks.current += 1;
    setSelected(id);
  }, []);
  const { floating, setFloating, liveSelection, clearSelectionOf, restoreSelection } = useTextSelection(body, article.text);
  const [picker, setPicker] = useState<Floating | null>(null);
  const [noteFocus, setNoteFocus] = useState(0);
  const [editing, setEditing] = useState<'details' | 'text' | 'memo' | null>(null);
  const { caret, setCaret, start: startCaret, toggle: toggleCaret, resumeAt } = useCaretMode(body);
  const caretWhenPicking = useRef(false);
  const selected = passages.find((p) => p.id === selectedId) ?? null;

  const candidates = useCandidateMarks(article, body, model);
  const { mounted, mountThrough: mountBlock } = useProgressiveMount(
    model.blocks.length,
    passagesQuery.data !== undefined && !candidates.loading,
  );
  const mountThrough = useCallback((passageId: number) => mountBlock(Math.max(0, ...model.blocksOf(passageId))), [model, mountBlock]);
  const blockOf = useCallback(
    (offset: number) =>
      Math.max(
        0,
        model.blocks.findIndex((b) => b.block.end > offset),
      ),
    [model],
  );
  const hits = useSearchHits({
    articleId: article.id,
    query: searchQuery,
    body,
    mounted,
    blockOf,
    mountThrough: mountBlock,
    goToFirst: focusPassageId === null,
  });

  const selectPassage = useCallback(
    (id: number | null) => {
      setSelectedId(id);
      if (id === null) return;
      mountThrough(id);
      requestAnimationFrame(() => {
        const first = body.current?.querySelector(`mark[data-passages~="${id}"]`);
        first?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      });
    },
    [mountThrough, setSelectedId],
  );

  // Opened at a passage (from the passages view or search): select it once the passages are here.
  const [focusApplied, setFocusApplied] = useState<number | null>(null);
  if (focusPassageId !== null && focusPassageId !== focusApplied && passagesQuery.data) {
    setFocusApplied(focusPassageId);
    setSelected(focusPassageId);
    mountThrough(focusPassageId);
  }
  const focusTarget = focusPassageId !== null && (model.blocksOf(focusPassageId)[0] ?? Infinity) < mounted ? focusPassageId : null;
  const selectedBlocks = selectedId === null ? [] : model.blocksOf(selectedId);
  useLayoutEffect(() => {
    if (focusTarget !== null) body.current?.querySelector(`mark[data-passages~="${focusTarget}"]`)?.scrollIntoView({ block: 'center' });
  }, [focusTarget]);

  const { createPassage, applyTag } = usePassageWrites({ article, save, savedId, setSelected });

  const isSelected = (range: TextRange) => selected !== null && selected.start === range.start && selected.end === range.end;

  /** From the picker opened on a fresh selection: the first tag creates the passage, later ones add to it. */
  const applyToSelection = async (choice: TagChoice) => {
    if (!picker) return;
    if (selected && isSelected(picker.range)) {
      await applyTag(selected.id, choice);
      return;
    }
    const range = picker.range;
    const before = picks.current;
    const created = await createPassage(range, choice);
    selectCreated(created.id, before);
    clearSelectionOf(range);
  };

  // After a number key in caret mode: the caret goes where the tagged words end once the new
  // highlight is rendered (rendering it remakes the words' text nodes), ready for the next words.
  const [caretAfterTag, setCaretAfterTag] = useState<{ offset: number } | null>(null);
  useLayoutEffect(() => {
    if (caretAfterTag) resumeAt(caretAfterTag.offset, true);
  }, [caretAfterTag, resumeAt]);

  /** A number key or R: the selected words become a passage with the tag, or the selected passage gets it; no picker. */
  const quickTag = (tag: Tag) => {
    const fail = (e: Error) => onError(e.message);
    const range = liveSelection()?.range ?? null;
    if (range === null || isSelected(range)) {
      if (!selected) return;
      if (selected.tagIds.includes(tag.id)) notify(`The passage already has ${tag.path}`);
      else void applyTag(selected.id, { tagId: tag.id }).catch(fail);
      return;
    }
    window.getSelection()?.removeAllRanges();
    if (caret) setCaretAfterTag({ offset: range.end });
    // The passage selected before is no target for a key pressed while this one is being saved.
    setSelectedId(null);
    const before = picks.current;
    void createPassage(range, { tagId: tag.id })
      .then((created) => selectCreated(created.id, before))
      .catch(fail);
  };
  useQuickTags({ tags, selected, hasSelection: () => liveSelection() !== null, apply: quickTag });

  /** Selects a passage just created, unless the user selected another one while it was being made. */
  const selectCreated = (id: number, picksBefore: number) => {
    if (picks.current === picksBefore) setSelected(id);
  };

  const openPicker = (on: Floating) => {
    caretWhenPicking.current = caret;
    setPicker(on);
    setFloating(null);
  };

  const addNote = async (range: TextRange) => {
    const before = picks.current;
    try {
      const created = await createPassage(range, null);
      clearSelectionOf(range);
      selectCreated(created.id, before);
      setNoteFocus((n) => n + 1);
    } catch (e) {
      onError((e as Error).message);
    }
  };

  const copyCitation = async () => {
    const range = liveSelection()?.range;
    if (!range) return;
    await navigator.clipboard.writeText(citation(article.text.slice(range.start, range.end), article));
    notify('Copied with citation');
  };

  const step = (direction: 1 | -1) => {
    const list = model.ordered;
    const index = list.findIndex((p) => p.id === selectedId);
    const next = index < 0 ? (direction === 1 ? list[0] : list[list.length - 1]) : list[(index + direction + list.length) % list.length];
    if (next) selectPassage(next.id);
  };

  const deleteSelected = async () => {
    if (!selected) return;
    try {
      await call('passages.delete', { ids: [await savedId(selected.id)] });
      setSelectedId(null);
      notify(`Passage deleted — ${keysOf('undo')[0]} brings it back`, {
        label: 'Undo',
        run: () => void call('edit.undo', {}).catch((e: Error) => onError(e.message)),
      });
    } catch (e) {
      onError((e as Error).message);
    }
  };

  const claims = useReaderClaims({
    article,
    liveRange: () => liveSelection()?.range ?? null,
    selected,
    savedId,
    onDone: (range, passageId) => {
      if (range) clearSelectionOf(range);
      setSelectedId(passageId);
    },
    onCancel: restoreSelection,
    onError,
  });

  const hasPassages = () => model.ordered.length > 0;
  // Actions read the selection as the page has it now (liveSelection): the toolbar's state follows
  // it a frame late, and a key pressed right after the last Shift+→, or a command run from the
  // palette, must act on all of it.
  const tagSelection = () => {
    const live = liveSelection();
    if (live) openPicker(live);
    else if (selected) {
      caretWhenPicking.current = caret;
      setPicker({ range: { start: selected.start, end: selected.end }, top: 0, left: 0 });
    }
  };
  const noteSelection = () => {
    const live = liveSelection();
    if (live) void addNote(live.range);
    else if (selected) setNoteFocus((n) => n + 1);
  };
  useBindActions({
    'caret-mode': { enabled: () => document.activeElement === body.current, run: toggleCaret },
    tag: { enabled: () => liveSelection() !== null || selected !== null, run: tagSelection },
    note: { enabled: () => liveSelection() !== null || selected !== null, run: noteSelection },
    'next-passage': { enabled: hasPassages, run: () => step(1) },
    'previous-passage': { enabled: hasPassages, run: () => step(-1) },
    'next-hit': { enabled: () => hits.count > 0, run: hits.next },
    'previous-hit': { enabled: () => hits.count > 0, run: hits.previous },
    'delete-passage': { enabled: () => selected !== null && liveSelection() === null, run: () => void deleteSelected() },
    'article-memo': { run: () => setEditing('memo') },
    ...claims.bindings,
    'toggle-candidates': { run: candidates.toggle },
    // Always enabled: Escape also means "select nothing" for a passage still being saved.
    'clear-selection': {
      run: () => {
        setPicker(null);
        setFloating(null);
        setSelectedId(null);
        window.getSelection()?.removeAllRanges();
      },
    },
  });

  /** A click on a highlight selects its innermost passage; clicking again cycles through the overlapping ones. */
  const onClickText = (event: React.MouseEvent) => {
    // A control in the text (a margin note, a candidate's Make claim) acts itself: its click must not deselect.
    if (window.getSelection()?.isCollapsed === false || (event.target as HTMLElement).closest('button, a')) return;
    const mark = (event.target as HTMLElement).closest('mark');
    const ids = mark?.getAttribute('data-passages')?.split(' ').map(Number) ?? [];
    if (ids.length === 0) {
      setSelectedId(null);
      return;
    }
    const byLength = ids
      .map((id) => passages.find((p) => p.id === id))
      .filter((p): p is Passage => p !== undefined)
      .sort((a, b) => a.end - a.start - (b.end - b.start));
    const current = byLength.findIndex((p) => p.id === selectedId);
    const next = byLength[(current + 1) % byLength.length];
    if (next) setSelectedId(next.id);
  };

  return (
    <div className="reader-layout" {...{ [SCOPE_ATTRIBUTE]: 'reader' }}>
      <div className="reader">
        <ReaderHeader article={article} onEdit={setEditing} onOpenArticle={onOpenArticle} candidates={candidates} />
        <HitBar hits={hits} />
        <HiddenMarksNotice text={article.text} />
        <OrphanList orphans={model.orphans} selectedId={selectedId} onSelect={setSelectedId} />
        <div className="reader-body-wrap">
          <ReaderText
            bodyRef={body}
            label={article.title}
            text={article.text}
            model={model}
            mounted={mounted}
            loading={
              passagesQuery.isError
                ? `Passages could not be loaded: ${passagesQuery.error.message}`
                : passagesQuery.data === undefined
                  ? 'Loading passages…'
                  : candidates.loading
                    ? 'Finding candidate claims…'
                    : null
            }
            selectedId={selectedId}
            selectedBlocks={selectedBlocks}
            caret={caret}
            onCaretFocus={startCaret}
            onCaretBlur={() => setCaret(false)}
            onSelectPassage={selectPassage}
            onClick={onClickText}
            candidates={candidates.byBlock}
            onCandidate={claims.onCandidate}
          />
          {floating && !picker ? (
            <SelectionToolbar
              at={floating}
              onTag={tagSelection}
              onNote={noteSelection}
              onMakeClaim={claims.bindings['make-claim'].run}
              onAddToClaim={claims.bindings['add-to-claim'].run}
              onCopyCitation={() => void copyCitation()}
            />
          ) : null}
          {picker ? (
            <FloatingTagPicker
              body={body}
              range={picker.range}
              tags={tags}
              applied={selected && selected.start === picker.range.start && selected.end === picker.range.end ? selected.tagIds : []}
              onApply={(choice) => applyToSelection(choice)}
              onRemove={(tagId) =>
                selected &&
                void savedId(selected.id)
                  .then((passageId) => call('passages.untag', { passageId, tagId }))
                  .catch((e: Error) => onError(e.message))
              }
              onClose={(how) => {
                setPicker(null);
                // Escape: back to the text where the words end; blur: focus is where the user clicked or tabbed.
                if (how === 'key') resumeAt(picker.range.end, caretWhenPicking.current);
              }}
            />
          ) : null}
        </div>
      </div>
      <div className="side-column">
        {selected ? (
          <Inspector
            key={stableKey(selected.id)}
            article={article}
            passage={selected}
            tags={tags}
            selection={floating?.range ?? null}
            focusNote={noteFocus > 0}
            onApplyTag={applyTag}
            savedId={savedId}
            onDeleted={() => setSelectedId(null)}
            onError={onError}
            onClaim={claims.forPassage}
          />
        ) : (
          side
        )}
      </div>
      {claims.dialog}
      {editing === 'details' ? <ArticleDetailsDialog article={article} onClose={() => setEditing(null)} /> : null}
      {editing === 'memo' ? <MemoDialog articleId={article.id} about={article.title} onClose={() => setEditing(null)} /> : null}
      {editing === 'text' ? (
        <EditTextDialog
          article={article}
          onClose={() => setEditing(null)}
          onSaved={(counts) =>
            notify(
              `Text saved: ${plural(counts.exact, 'passage')} in place, ${formatCount(counts.fuzzy)} moved, ${formatCount(counts.orphan)} orphaned`,
            )
          }
        />
      ) : null}
    </div>
  );
}
