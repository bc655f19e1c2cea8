import { lazy, Suspense, useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { formatCount, plural } from '../../electron/shared/counts';
import { useBindActions } from './actions/bindings';
import { typingInTextField } from './actions/context';
import { ariaKeysOf } from './actions/platform';
import { useActionKeys } from './actions/useActionKeys';
import { call } from './client/api';
import { useCommand, useLibraryEvents } from './client/queries';
import { ARTICLE_PAGE, ArticleList } from './components/ArticleList';
import { CommandPalette } from './components/CommandPalette';
import { useFirstPage } from './components/lists/usePages';
import { Codebook } from './components/codebook/Codebook';
import { EmptyState } from './components/EmptyState';
import { ExportDialog } from './components/ExportDialog';
import { MergeDialog } from './components/MergeDialog';
import { ImportButtons } from './components/ImportButtons';
import { ImportPanel } from './components/ImportPanel';
import { MemoDialog } from './components/memos/MemoDialog';
import { Notices, notify } from './components/Notices';
import { ReportHost } from './components/report/ReportDialog';
import { PassagesView, type PassageFilter, type PassagesStart } from './components/passages/PassagesView';
import { CodeHitsDialog } from './components/search/CodeHitsDialog';
import { SearchHelp } from './components/search/SearchHelp';
import { SearchPalette } from './components/search/SearchPalette';
import { ShortcutsSheet } from './components/ShortcutsSheet';
import { Short } from './components/Short';
import { useDropImport } from './components/useDropImport';
import { articleCount, useImport } from './components/useImport';
import { ArticleReader } from './reader/ArticleReader';
import { ClaimNavigationContext } from './claims/navigation';
import { ClaimsView } from './claims/ClaimsView';

// Vega is large: the charts load when the Overview is first opened.
const OverviewView = lazy(async () => ({ default: (await import('./overview/OverviewView')).OverviewView }));

const AgreementView = lazy(async () => ({ default: (await import('./agreement/AgreementView')).AgreementView }));

// Compare coders is reached through the action registry (View menu, command palette, Ctrl+Alt+5):
// the toolbar has no room left at 1024 px.
type View = 'reader' | 'passages' | 'claims' | 'overview' | 'agreement';

const VIEWS: Array<{
  view: View;
  label: string;
  action: 'view-reader' | 'view-passages' | 'view-claims' | 'view-overview' | 'view-agreement';
}> = [
  { view: 'reader', label: 'Reader', action: 'view-reader' },
  { view: 'passages', label: 'Passages', action: 'view-passages' },
  { view: 'claims', label: 'Claims', action: 'view-claims' },
  { view: 'overview', label: 'Overview', action: 'view-overview' },
];

export function App() {
  useLibraryEvents();
  useActionKeys();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query.trim());
  const [view, setView] = useState<View>('reader');
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [focusPassageId, setFocusPassageId] = useState<number | null>(null);
  // The search the open article was found with (Ctrl+K or the filter above the list): the reader marks its hits.
  const [readerQuery, setReaderQuery] = useState<string | null>(null);
  const [coding, setCoding] = useState<string | null>(null);
  const [claimId, setClaimId] = useState<number | null>(null);
  // Where the Passages view starts, and a key that starts it afresh each time it is asked for.
  const [passagesStart, setPassagesStart] = useState<{ start: PassagesStart; key: number }>({ start: {}, key: 0 });
  const showPassages = (start: PassagesStart) => {
    setPassagesStart((current) => ({ start, key: current.key + 1 }));
    setView('passages');
  };
  const [overlay, setOverlay] = useState<'search' | 'shortcuts' | 'export' | 'palette' | 'merge' | null>(null);
  const [memo, setMemo] = useState<{ articleId: number | null; about: string } | null>(null);
  const [passageFilter, setPassageFilter] = useState<PassageFilter>({});
  const [error, setError] = useState<string | null>(null);
  const info = useCommand('library.info', {});
  const editState = useCommand('edit.state', {});
  const articleQuery = useMemo(() => (deferredQuery ? { query: deferredQuery } : {}), [deferredQuery]);
  const articlePages = useFirstPage('articles.list', articleQuery, ARTICLE_PAGE);
  const list = articlePages.first;
  const article = useCommand('articles.get', { id: selectedId ?? 0 }, { enabled: selectedId !== null });
  // Fetched alongside the article (the reader reads the same cache entry), not after it renders.
  useCommand('passages.forArticle', { articleId: selectedId ?? 0 }, { enabled: selectedId !== null, structuralSharing: false });
  const imports = useImport();
  const count = articleCount(imports.state, info.data?.stats, info.dataUpdatedAt);
  const dragging = useDropImport(imports.start);

  const library = info.data;
  useEffect(() => {
    if (library) document.title = `${library.name} — Marginalia`;
  }, [library]);

  const runEdit = useCallback(async (kind: 'undo' | 'redo') => {
    try {
      await call(kind === 'undo' ? 'edit.undo' : 'edit.redo', {});
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);

  const openArticle = useCallback((id: number, passageId: number | null = null, foundWith: string | null = null) => {
    setView('reader');
    setSelectedId(id);
    setFocusPassageId(passageId);
    setReaderQuery(foundWith);
    setOverlay(null);
  }, []);

  const openClaim = useCallback((id: number) => {
    setView('claims');
    setClaimId(id);
    setOverlay(null);
  }, []);
  const claimNavigation = useMemo(() => ({ openClaim }), [openClaim]);

  // From the menu, undo in a text field undoes the typing; its keys never reach here (text fields keep them).
  const edit = (kind: 'undo' | 'redo') => () => {
    if (typingInTextField()) document.execCommand(kind);
    else void runEdit(kind);
  };
  useBindActions({
    undo: { enabled: () => typingInTextField() || editState.data?.canUndo === true, run: edit('undo') },
    redo: { enabled: () => typingInTextField() || editState.data?.canRedo === true, run: edit('redo') },
    search: { run: () => setOverlay('search') },
    'command-palette': { run: () => setOverlay('palette') },
    export: { run: () => setOverlay('export') },
    'merge-library': { run: () => setOverlay('merge') },
    'library-memo': { run: () => setMemo({ articleId: null, about: library?.name ?? 'the library' }) },
    shortcuts: { run: () => setOverlay('shortcuts') },
    'view-reader': { run: () => setView('reader') },
    'view-passages': { run: () => setView('passages') },
    'view-overview': { run: () => setView('overview') },
    'view-agreement': { run: () => setView('agreement') },
    'view-claims': {
      run: () => {
        setView('claims');
        setClaimId(null);
      },
    },
  });

  const articleTotal = articlePages.total;
  const empty = list.data !== undefined && articleTotal === 0 && !deferredQuery;
  const loadError = info.error ?? list.error ?? article.error;
  const edits = editState.data;
  const codebook = <Codebook onShowPassages={(tagId) => showPassages({ tagIds: [tagId] })} />;

  return (
    <ClaimNavigationContext.Provider value={claimNavigation}>
      <div className="app">
        <header className="toolbar">
          <span className="library-name" title={library?.path}>
            {library ? library.name : 'Marginalia'}
          </span>
          <div className="view-switch" role="group" aria-label="View">
            {VIEWS.map((v) => (
              <button
                key={v.view}
                type="button"
                className="button"
                aria-pressed={view === v.view}
                aria-keyshortcuts={ariaKeysOf(v.action)}
                onClick={() => {
                  setView(v.view);
                  if (v.view === 'claims') setClaimId(null);
                }}
              >
                {v.label}
              </button>
            ))}
          </div>
          <button type="button" className="button" onClick={() => setOverlay('search')} aria-keyshortcuts={ariaKeysOf('search')}>
            Search…
          </button>
          <button
            type="button"
            className="button"
            disabled={!edits?.canUndo}
            onClick={() => void runEdit('undo')}
            title={edits?.undoLabel ? `Undo ${edits.undoLabel}` : undefined}
            aria-keyshortcuts={ariaKeysOf('undo')}
            aria-label="Undo"
          >
            <Short wide="Undo" narrow="↶" />
          </button>
          <button
            type="button"
            className="button"
            disabled={!edits?.canRedo}
            onClick={() => void runEdit('redo')}
            title={edits?.redoLabel ? `Redo ${edits.redoLabel}` : undefined}
            aria-keyshortcuts={ariaKeysOf('redo')}
            aria-label="Redo"
          >
            <Short wide="Redo" narrow="↷" />
          </button>
          <ImportButtons onFiles={imports.start} />
          <button type="button" className="button" onClick={() => setOverlay('export')} aria-keyshortcuts={ariaKeysOf('export')}>
            Export…
          </button>
          <button
            type="button"
            className="button"
            aria-label="Library memo…"
            onClick={() => setMemo({ articleId: null, about: library?.name ?? 'the library' })}
          >
            <Short wide="Library memo…" narrow="Memo…" />
          </button>
          <button
            type="button"
            className="button"
            aria-label="Keyboard shortcuts"
            aria-keyshortcuts={ariaKeysOf('shortcuts')}
            onClick={() => setOverlay('shortcuts')}
          >
            ?
          </button>
        </header>
        <nav className="sidebar" aria-label="Library">
          <input
            className="search"
            type="search"
            placeholder="Search articles"
            aria-label="Search articles"
            aria-describedby="article-search-help"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <SearchHelp id="article-search-help" compact />
          <div className="count-row">
            <div className="count" role="status">
              {deferredQuery
                ? list.data
                  ? `${formatCount(articleTotal)} matching`
                  : 'Loading…'
                : count !== undefined
                  ? plural(count, 'article')
                  : 'Loading…'}
            </div>
            {deferredQuery && list.data && articleTotal > 0 ? (
              <button type="button" className="button small" onClick={() => setCoding(deferredQuery)}>
                Code all hits…
              </button>
            ) : null}
          </div>
          <ArticleList
            pages={articlePages}
            queryKey={deferredQuery}
            selectedId={selectedId}
            onSelect={(id) => openArticle(id, null, deferredQuery || null)}
          />
        </nav>
        <main className="main">
          {view === 'agreement' ? (
            <Suspense fallback={<p role="status">Loading the comparison…</p>}>
              <AgreementView />
            </Suspense>
          ) : view === 'overview' ? (
            <Suspense fallback={<p role="status">Loading the charts…</p>}>
              <OverviewView onOpenArticle={(id) => openArticle(id)} onShowPassages={showPassages} />
            </Suspense>
          ) : view === 'claims' ? (
            <ClaimsView
              claimId={claimId}
              onOpenClaim={openClaim}
              onBack={() => setClaimId(null)}
              onOpenPassage={(articleId, passageId) => openArticle(articleId, passageId)}
            />
          ) : view === 'passages' ? (
            <PassagesView
              key={passagesStart.key}
              start={passagesStart.start}
              onOpenPassage={(articleId, passageId) => openArticle(articleId, passageId)}
              onFilterChange={setPassageFilter}
            />
          ) : empty ? (
            <EmptyState onFiles={imports.start} />
          ) : article.data && selectedId !== null ? (
            <ArticleReader
              key={article.data.id}
              article={article.data}
              focusPassageId={focusPassageId}
              searchQuery={readerQuery}
              side={codebook}
              onError={setError}
              onOpenArticle={openArticle}
            />
          ) : (
            <div className="reader-layout">
              <div className="empty">
                <h1>{library?.name ?? 'Marginalia'}</h1>
                <p>{articleTotal ? 'Choose an article to read.' : deferredQuery ? 'No article matches this search.' : ''}</p>
              </div>
              <div className="side-column">{codebook}</div>
            </div>
          )}
        </main>
        <ImportPanel
          state={imports.state}
          onCancel={() => void imports.cancel()}
          onDismiss={imports.dismiss}
          onOpenArticle={(id) => openArticle(id)}
        />
        <SearchPalette
          open={overlay === 'search'}
          onClose={() => setOverlay(null)}
          onOpenArticle={(id, foundWith) => openArticle(id, null, foundWith)}
          onOpenPassage={(articleId, passageId, foundWith) => openArticle(articleId, passageId, foundWith)}
          onOpenMemo={(articleId, about) => {
            if (articleId !== null) openArticle(articleId);
            setMemo({ articleId, about });
          }}
          onCodeHits={(query) => {
            setOverlay(null);
            setCoding(query);
          }}
        />
        {coding !== null ? <CodeHitsDialog query={coding} onClose={() => setCoding(null)} /> : null}
        {overlay === 'shortcuts' ? <ShortcutsSheet onClose={() => setOverlay(null)} /> : null}
        {overlay === 'palette' ? <CommandPalette onClose={() => setOverlay((o) => (o === 'palette' ? null : o))} /> : null}
        {memo ? <MemoDialog articleId={memo.articleId} about={memo.about} onClose={() => setMemo(null)} /> : null}
        {overlay === 'export' ? (
          <ExportDialog
            filter={view === 'passages' ? passageFilter : null}
            onClose={() => setOverlay(null)}
            onDone={(message) => notify(message)}
          />
        ) : null}
        {overlay === 'merge' ? <MergeDialog libraryName={library?.name ?? 'this library'} onClose={() => setOverlay(null)} /> : null}
        <ReportHost />
        <Notices />
        {dragging ? (
          <div className="drop-overlay" aria-hidden="true">
            Drop files or folders to import them
          </div>
        ) : null}
        {error || imports.state.error || loadError ? (
          <div className="alert" role="alert">
            <span>{error ?? imports.state.error ?? loadError?.message}</span>
            <button
              type="button"
              className="button small"
              onClick={() => {
                setError(null);
                imports.dismiss();
              }}
            >
              Dismiss
            </button>
          </div>
        ) : null}
      </div>
    </ClaimNavigationContext.Provider>
  );
}
