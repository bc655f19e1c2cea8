import { useCallback, useDeferredValue, useEffect, useState } from 'react';
import { formatCount, plural } from '../../electron/shared/counts';
import { call, transport } from './client/api';
import { useCommand, useLibraryEvents } from './client/queries';
import { ArticleList } from './components/ArticleList';
import { Codebook } from './components/codebook/Codebook';
import { EmptyState } from './components/EmptyState';
import { ExportDialog } from './components/ExportDialog';
import { ImportButtons } from './components/ImportButtons';
import { ImportPanel } from './components/ImportPanel';
import { modalOpen } from './components/modal-stack';
import { PassagesView, type PassageFilter } from './components/passages/PassagesView';
import { SearchPalette } from './components/search/SearchPalette';
import { ShortcutsSheet } from './components/ShortcutsSheet';
import { useDropImport } from './components/useDropImport';
import { articleCount, useImport } from './components/useImport';
import { ArticleReader } from './reader/ArticleReader';

type View = 'reader' | 'passages';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  // The reader's text is contenteditable only for its caret; it keeps the app's shortcuts.
  if (target.closest('[data-reader-text]')) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

export function App() {
  useLibraryEvents();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query.trim());
  const [view, setView] = useState<View>('reader');
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [focusPassageId, setFocusPassageId] = useState<number | null>(null);
  const [passagesTag, setPassagesTag] = useState<number | null>(null);
  const [overlay, setOverlay] = useState<'search' | 'shortcuts' | 'export' | null>(null);
  const [passageFilter, setPassageFilter] = useState<PassageFilter>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const info = useCommand('library.info', {});
  const editState = useCommand('edit.state', {});
  const list = useCommand('articles.list', deferredQuery ? { query: deferredQuery, limit: 100_000 } : { limit: 100_000 });
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

  const openArticle = useCallback((id: number, passageId: number | null = null) => {
    setView('reader');
    setSelectedId(id);
    setFocusPassageId(passageId);
    setOverlay(null);
  }, []);

  // App-wide keys; text fields keep their own undo and typing.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Under a modal dialog the app's keys stay quiet: no second dialog, no undo behind it.
      if (modalOpen()) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && (key === 'k' || key === 'e')) {
        event.preventDefault();
        setOverlay(key === 'k' ? 'search' : 'export');
        return;
      }
      if (isEditable(event.target)) return;
      if (mod && (key === 'z' || key === 'y')) {
        event.preventDefault();
        void runEdit(key === 'y' || event.shiftKey ? 'redo' : 'undo');
      } else if (!mod && event.key === '?') {
        event.preventDefault();
        setOverlay('shortcuts');
      }
    };
    window.addEventListener('keydown', onKey);
    const offMenu = transport.on('menu.action', ({ action }) => {
      if (action === 'undo' || action === 'redo') {
        if (isEditable(document.activeElement)) document.execCommand(action);
        else void runEdit(action);
      } else if (action === 'find') setOverlay('search');
      else if (action === 'shortcuts') setOverlay('shortcuts');
      else if (action === 'export') setOverlay('export');
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      offMenu();
    };
  }, [runEdit]);

  const articles = list.data?.items ?? [];
  const empty = list.data !== undefined && list.data.total === 0 && !deferredQuery;
  const loadError = info.error ?? list.error ?? article.error;
  const edits = editState.data;
  const codebook = (
    <Codebook
      onShowPassages={(tagId) => {
        setPassagesTag(tagId);
        setView('passages');
      }}
    />
  );

  return (
    <div className="app">
      <header className="toolbar">
        <span className="library-name" title={library?.path}>
          {library ? library.name : 'Marginalia'}
        </span>
        <div className="view-switch" role="group" aria-label="View">
          <button type="button" className="button" aria-pressed={view === 'reader'} onClick={() => setView('reader')}>
            Reader
          </button>
          <button type="button" className="button" aria-pressed={view === 'passages'} onClick={() => setView('passages')}>
            Passages
          </button>
        </div>
        <button type="button" className="button" onClick={() => setOverlay('search')} aria-keyshortcuts="Control+K Meta+K">
          Search…
        </button>
        <button
          type="button"
          className="button"
          disabled={!edits?.canUndo}
          onClick={() => void runEdit('undo')}
          title={edits?.undoLabel ? `Undo ${edits.undoLabel}` : undefined}
          aria-keyshortcuts="Control+Z Meta+Z"
        >
          Undo
        </button>
        <button
          type="button"
          className="button"
          disabled={!edits?.canRedo}
          onClick={() => void runEdit('redo')}
          title={edits?.redoLabel ? `Redo ${edits.redoLabel}` : undefined}
          aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
        >
          Redo
        </button>
        <ImportButtons onFiles={imports.start} />
        <button type="button" className="button" onClick={() => setOverlay('export')} aria-keyshortcuts="Control+E Meta+E">
          Export…
        </button>
        <button type="button" className="button" aria-label="Keyboard shortcuts" onClick={() => setOverlay('shortcuts')}>
          ?
        </button>
      </header>
      <nav className="sidebar" aria-label="Library">
        <input
          className="search"
          type="search"
          placeholder="Search articles"
          aria-label="Search articles"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <div className="count" role="status">
          {deferredQuery
            ? list.data
              ? `${formatCount(list.data.total)} matching`
              : 'Loading…'
            : count !== undefined
              ? plural(count, 'article')
              : 'Loading…'}
        </div>
        <ArticleList articles={articles} selectedId={selectedId} onSelect={(id) => openArticle(id)} />
      </nav>
      <main className="main">
        {view === 'passages' ? (
          <PassagesView
            key={passagesTag ?? 'all'}
            initialTagId={passagesTag}
            onOpenPassage={(articleId, passageId) => openArticle(articleId, passageId)}
            onFilterChange={setPassageFilter}
          />
        ) : empty ? (
          <EmptyState onFiles={imports.start} />
        ) : article.data && selectedId !== null ? (
          <ArticleReader key={article.data.id} article={article.data} focusPassageId={focusPassageId} side={codebook} onError={setError} />
        ) : (
          <div className="reader-layout">
            <div className="empty">
              <h1>{library?.name ?? 'Marginalia'}</h1>
              <p>{articles.length ? 'Choose an article to read.' : deferredQuery ? 'No article matches this search.' : ''}</p>
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
        onOpenArticle={(id) => openArticle(id)}
        onOpenPassage={(articleId, passageId) => openArticle(articleId, passageId)}
      />
      {overlay === 'shortcuts' ? <ShortcutsSheet onClose={() => setOverlay(null)} /> : null}
      {overlay === 'export' ? (
        <ExportDialog filter={view === 'passages' ? passageFilter : null} onClose={() => setOverlay(null)} onDone={setNotice} />
      ) : null}
      {notice ? (
        <div className="notice" role="status">
          {notice}
          <button type="button" className="button small" onClick={() => setNotice(null)} aria-label="Dismiss">
            ✕
          </button>
        </div>
      ) : null}
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
  );
}
