import { useCallback, useDeferredValue, useEffect, useState } from 'react';
import { call, transport } from './client/api';
import { useCommand, useLibraryEvents } from './client/queries';
import { ArticleList } from './components/ArticleList';
import { EmptyState } from './components/EmptyState';
import { ImportButtons } from './components/ImportButtons';
import { ImportPanel } from './components/ImportPanel';
import { Reader } from './components/Reader';
import { useDropImport } from './components/useDropImport';
import { useImport } from './components/useImport';

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

export function App() {
  useLibraryEvents();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query.trim());
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const info = useCommand('library.info', {});
  const list = useCommand('articles.list', deferredQuery ? { query: deferredQuery, limit: 100_000 } : { limit: 100_000 });
  const article = useCommand('articles.get', { id: selectedId ?? 0 }, { enabled: selectedId !== null });
  const imports = useImport();
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

  // Library undo and redo from anywhere but a text field (which keeps its own undo).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (!mod || isEditable(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' || key === 'y') {
        event.preventDefault();
        void runEdit(key === 'y' || event.shiftKey ? 'redo' : 'undo');
      }
    };
    window.addEventListener('keydown', onKey);
    const offMenu = transport.on('menu.action', ({ action }) => {
      if (action === 'undo' || action === 'redo') {
        if (isEditable(document.activeElement)) document.execCommand(action);
        else void runEdit(action);
      }
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      offMenu();
    };
  }, [runEdit]);

  const articles = list.data?.items ?? [];
  const empty = list.data !== undefined && list.data.total === 0 && !deferredQuery;
  const loadError = info.error ?? list.error ?? article.error;

  return (
    <div className="app">
      <header className="toolbar">
        <span className="library-name" title={library?.path}>{library ? library.name : 'Marginalia'}</span>
        <ImportButtons onFiles={imports.start} />
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
          {list.data ? (deferredQuery ? `${list.data.total} matching` : `${list.data.total} ${list.data.total === 1 ? 'article' : 'articles'}`) : 'Loading…'}
        </div>
        <ArticleList articles={articles} selectedId={selectedId} onSelect={setSelectedId} />
      </nav>
      <main className="main">
        {empty ? (
          <EmptyState onFiles={imports.start} />
        ) : article.data && selectedId !== null ? (
          <Reader key={article.data.id} article={article.data} />
        ) : (
          <div className="empty"><p>{articles.length ? 'Choose an article to read.' : deferredQuery ? 'No article matches this search.' : ''}</p></div>
        )}
      </main>
      <ImportPanel state={imports.state} onCancel={() => void imports.cancel()} onDismiss={imports.dismiss} onOpenArticle={setSelectedId} />
      {dragging ? <div className="drop-overlay" aria-hidden="true">Drop files or folders to import them</div> : null}
      {error || imports.state.error || loadError ? (
        <div className="alert" role="alert">
          <span>{error ?? imports.state.error ?? loadError?.message}</span>
          <button type="button" className="button small" onClick={() => { setError(null); imports.dismiss(); }}>Dismiss</button>
        </div>
      ) : null}
    </div>
  );
}
