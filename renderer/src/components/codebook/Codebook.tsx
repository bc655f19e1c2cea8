import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { Tag } from '../../../../electron/shared/types';
import { call } from '../../client/api';
import { useCommand } from '../../client/queries';
import { Menu, type MenuItem } from './Menu';
import { CreateTagDialog, DeleteTagDialog, DescriptionDialog, MergeDialog, MoveDialog, RecolourDialog } from './TagDialogs';
import { buildTree, count, descendantsOf, flatten, plural, type TreeRow } from './tree';

interface Props {
  onShowPassages(tagId: number): void;
}

type DialogState =
  { kind: 'create'; parentId: number | null } | { kind: 'recolour' | 'describe' | 'move' | 'merge' | 'delete'; tagId: number };

const ROW_HEIGHT = 30;
const INDENT = 16;
const DRAG_TYPE = 'application/x-marginalia-tag';

const itemId = (id: number) => `codebook-tag-${id}`;

type DropWhere = 'before' | 'after' | 'into';

/** The codebook: a virtualised, keyboard-driven tree of tags with their counts and actions. */
export function Codebook({ onShowPassages }: Props) {
  const list = useCommand('tags.list', {});
  const tags = list.data;
  const tree = useMemo(() => buildTree(tags ?? []), [tags]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(() => new Set());
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => flatten(tree, collapsed, filter), [tree, collapsed, filter]);

  const [activeId, setActiveId] = useState<number | null>(null);
  const [renamingId, setRenamingId] = useState<number | null>(null);
  const [menu, setMenu] = useState<{ tagId: number; x: number; y: number } | null>(null);
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [drag, setDrag] = useState<{ id: number; over: number | 'top' | null; where?: DropWhere } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const typeahead = useRef({ text: '', at: 0 });

  const activeIndex = rows.findIndex((r) => r.tag.id === activeId);
  // The active row falls back to the first when it disappears (deleted, collapsed away, filtered out).
  const current = activeIndex >= 0 ? activeIndex : rows.length ? 0 : -1;
  const currentId = rows[current]?.tag.id ?? null;

  const currentRef = useRef(current);
  currentRef.current = current;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // The active row stays rendered even when scrolled away, so Tab always finds the tree.
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range);
      const active = currentRef.current;
      if (active >= 0 && active < range.count && !indexes.includes(active)) {
        indexes.push(active);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
  });

  /** Moves focus to a tag's row once it is in the tree (a new tag arrives with the next refetch). */
  const focusPending = useRef<{ id: number; until: number } | null>(null);
  const focusTag = useCallback((id: number | null) => {
    setActiveId(id);
    focusPending.current = id === null ? null : { id, until: performance.now() + 3000 };
  }, []);

  useEffect(() => {
    const pending = focusPending.current;
    if (!pending) return;
    if (performance.now() > pending.until) {
      focusPending.current = null;
      return;
    }
    const index = rows.findIndex((r) => r.tag.id === pending.id);
    if (index < 0) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    let tries = 0;
    let frame = 0;
    const attempt = () => {
      const el = document.getElementById(itemId(pending.id));
      if (el) {
        focusPending.current = null;
        el.focus({ preventScroll: true });
      } else if (tries++ < 5) frame = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  });

  // When the focused tag disappears (deleted, merged, collapsed away), focus its neighbour.
  const lastIndex = useRef(-1);
  useEffect(() => {
    if (activeIndex >= 0) {
      lastIndex.current = activeIndex;
      return;
    }
    if (activeId === null || rows.length === 0 || focusPending.current) return;
    const lost = document.activeElement === document.body || document.activeElement === null;
    let next: number | null = null;
    // Still in the codebook but hidden: its nearest visible ancestor; gone: the row now in its place.
    for (let t = tree.byId.get(activeId); t && next === null; t = t.parentId === null ? undefined : tree.byId.get(t.parentId)) {
      if (rows.some((r) => r.tag.id === t?.id)) next = t.id;
    }
    next ??= rows[Math.min(lastIndex.current, rows.length - 1)]?.tag.id ?? null;
    if (lost) focusTag(next);
    else setActiveId(next);
  }, [activeIndex, activeId, rows, tree, focusTag]);

  // Import and export reports fade after a while; errors stay until dismissed.
  useEffect(() => {
    if (!status || status.endsWith('…')) return;
    const timer = setTimeout(() => setStatus(null), 8000);
    return () => clearTimeout(timer);
  }, [status]);

  const run = useCallback(async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);

  const setExpanded = (id: number, open: boolean) =>
    setCollapsed((prev) => {
      if (prev.has(id) === !open) return prev;
      const next = new Set(prev);
      if (open) next.delete(id);
      else next.add(id);
      return next;
    });

  const rename = (tag: Tag, name: string) => {
    setRenamingId(null);
    focusTag(tag.id);
    const trimmed = name.trim();
    if (trimmed && trimmed !== tag.name) void run(() => call('tags.update', { id: tag.id, name: trimmed }));
  };

  const move = (id: number, parentId: number | null, position?: number) => {
    const tag = tree.byId.get(id);
    if (!tag || (tag.parentId === parentId && position === undefined)) return;
    if (parentId !== null) setExpanded(parentId, true);
    void run(() => call('tags.move', position === undefined ? { id, parentId } : { id, parentId, position }));
    focusTag(id);
  };

  const exportCsv = () =>
    void run(async () => {
      const { csv } = await call('tags.exportCsv', {});
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = 'codebook.csv';
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus(`Exported ${plural(tags?.length ?? 0, 'tag')} to codebook.csv.`);
    });

  const importCsv = (file: File) =>
    void run(async () => {
      setStatus(`Importing ${file.name}…`);
      try {
        const { created, updated } = await call('tags.importCsv', { csv: await file.text() });
        setStatus(`Imported ${file.name}: ${plural(created, 'tag')} created, ${count(updated)} updated.`);
      } catch (e) {
        setStatus(null);
        throw e;
      }
    });

  const isFirstSibling = (tag: Tag) => tree.children.get(tag.parentId)?.[0]?.id === tag.id;
  const isLastSibling = (tag: Tag) => tree.children.get(tag.parentId)?.at(-1)?.id === tag.id;
  const menuItems = (tag: Tag): MenuItem[] => [
    { label: 'Show passages', shortcut: 'Enter', onSelect: () => onShowPassages(tag.id) },
    { label: 'New child tag…', onSelect: () => setDialog({ kind: 'create', parentId: tag.id }) },
    { label: 'Rename', shortcut: 'F2', onSelect: () => setRenamingId(tag.id) },
    { label: 'Recolour…', onSelect: () => setDialog({ kind: 'recolour', tagId: tag.id }) },
    { label: 'Edit description…', onSelect: () => setDialog({ kind: 'describe', tagId: tag.id }) },
    { label: 'Move to…', onSelect: () => setDialog({ kind: 'move', tagId: tag.id }) },
    { label: 'Move up', shortcut: 'Alt+↑', disabled: isFirstSibling(tag), onSelect: () => reorder(tag, -1) },
    { label: 'Move down', shortcut: 'Alt+↓', disabled: isLastSibling(tag), onSelect: () => reorder(tag, 1) },
    { label: 'Merge into…', disabled: (tags?.length ?? 0) < 2, onSelect: () => setDialog({ kind: 'merge', tagId: tag.id }) },
    { label: 'Delete…', shortcut: 'Del', danger: true, onSelect: () => setDialog({ kind: 'delete', tagId: tag.id }) },
  ];

  const openMenu = (tag: Tag, x: number, y: number) => {
    setActiveId(tag.id);
    setMenu({ tagId: tag.id, x, y });
  };

  const closeMenu = useCallback(() => {
    setMenu((m) => {
      // Focus goes back to the row synchronously, so a dialog opened from the menu returns it there.
      if (m) document.getElementById(itemId(m.tagId))?.focus({ preventScroll: true });
      return null;
    });
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const row = rows[current];
    if (!row || renamingId !== null || !(event.target as HTMLElement).matches('[role="treeitem"]')) return;
    const { tag } = row;
    const go = (index: number) => focusTag(rows[Math.max(0, Math.min(rows.length - 1, index))]?.tag.id ?? null);
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 300) / ROW_HEIGHT) - 1);
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      reorder(tag, event.key === 'ArrowUp' ? -1 : 1);
      return;
    }
    switch (event.key) {
      case 'ArrowDown':
        go(current + 1);
        break;
      case 'ArrowUp':
        go(current - 1);
        break;
      case 'PageDown':
        go(current + page);
        break;
      case 'PageUp':
        go(current - page);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(rows.length - 1);
        break;
      case 'ArrowRight':
        if (row.hasChildren && !row.expanded) setExpanded(tag.id, true);
        else if (row.expanded) go(current + 1);
        break;
      case 'ArrowLeft':
        if (row.expanded && !filter) setExpanded(tag.id, false);
        else if (tag.parentId !== null) focusTag(tag.parentId);
        break;
      case '*': {
        const siblings = tree.children.get(tag.parentId) ?? [];
        setCollapsed((prev) => {
          const next = new Set(prev);
          for (const s of siblings) next.delete(s.id);
          return next;
        });
        break;
      }
      case 'Enter':
        onShowPassages(tag.id);
        break;
      case 'F2':
        setRenamingId(tag.id);
        break;
      case 'Delete':
        setDialog({ kind: 'delete', tagId: tag.id });
        break;
      case 'ContextMenu': {
        const rect = (event.target as HTMLElement).getBoundingClientRect();
        openMenu(tag, rect.left + 24, rect.bottom);
        break;
      }
      default: {
        if (event.key === 'F10' && event.shiftKey) {
          const rect = (event.target as HTMLElement).getBoundingClientRect();
          openMenu(tag, rect.left + 24, rect.bottom);
          break;
        }
        // Type-ahead: letters jump to the next visible tag whose name starts with what was typed.
        if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey || !/\S/.test(event.key)) return;
        const now = performance.now();
        const t = typeahead.current;
        t.text = now - t.at > 700 ? event.key.toLocaleLowerCase() : t.text + event.key.toLocaleLowerCase();
        t.at = now;
        const from = t.text.length === 1 ? current + 1 : current;
        for (let i = 0; i < rows.length; i++) {
          const candidate = rows[(from + i) % rows.length];
          if (candidate?.tag.name.toLocaleLowerCase().startsWith(t.text)) {
            focusTag(candidate.tag.id);
            break;
          }
        }
      }
    }
    event.preventDefault();
  };

  // Drag and drop: drop a tag on the middle of another to nest it there, on its top or bottom edge
  // to place it before or after (same parent), or on the top-level strip to un-nest it.
  const placement = (target: number | 'top', where: DropWhere): { parentId: number | null; position?: number } | null => {
    const tag = drag ? tree.byId.get(drag.id) : undefined;
    if (!tag) return null;
    if (target === 'top') return tag.parentId !== null ? { parentId: null } : null;
    const over = tree.byId.get(target);
    if (!over || target === tag.id) return null;
    const banned = descendantsOf(tree, tag.id);
    if (where === 'into') return target !== tag.parentId && !banned.has(target) ? { parentId: target } : null;
    const parentId = over.parentId;
    if (parentId !== null && (parentId === tag.id || banned.has(parentId))) return null;
    const siblings = (tree.children.get(parentId) ?? []).filter((t) => t.id !== tag.id);
    const index = siblings.findIndex((t) => t.id === target);
    return { parentId, position: where === 'before' ? index : index + 1 };
  };
  const whereIn = (event: DragEvent, target: number | 'top'): DropWhere => {
    if (target === 'top') return 'into';
    const rect = event.currentTarget.getBoundingClientRect();
    const y = (event.clientY - rect.top) / rect.height;
    return y < 0.25 ? 'before' : y > 0.75 ? 'after' : 'into';
  };
  const dropHandlers = (target: number | 'top') => ({
    onDragOver: (event: DragEvent) => {
      const where = whereIn(event, target);
      if (!placement(target, where)) {
        if (drag?.over === target) setDrag((d) => (d ? { ...d, over: null } : d));
        return;
      }
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      if (drag?.over !== target || drag.where !== where) setDrag((d) => (d ? { ...d, over: target, where } : d));
    },
    onDragLeave: (event: DragEvent) => {
      if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
      setDrag((d) => (d && d.over === target ? { ...d, over: null } : d));
    },
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      const place = placement(target, whereIn(event, target));
      const id = drag?.id;
      setDrag(null);
      if (id && place) move(id, place.parentId, place.position);
    },
  });

  /** Alt+Up / Alt+Down and the menu: one step among its siblings. */
  const reorder = (tag: Tag, step: -1 | 1) => {
    const siblings = tree.children.get(tag.parentId) ?? [];
    const index = siblings.findIndex((t) => t.id === tag.id);
    const next = index + step;
    if (index < 0 || next < 0 || next >= siblings.length) return;
    move(tag.id, tag.parentId, next);
  };

  // Rows get one stable set of actions (reading the latest state through a ref), so scrolling
  // re-renders only the rows that enter the view.
  const latest = useRef<TreeActions | null>(null);
  latest.current = {
    focus: (id) => setActiveId(id),
    toggle: (id) => {
      const row = rows.find((r) => r.tag.id === id);
      if (row?.hasChildren) setExpanded(id, !row.expanded);
    },
    showPassages: (id) => onShowPassages(id),
    menu: (id, x, y) => {
      const tag = tree.byId.get(id);
      if (tag) openMenu(tag, x, y);
    },
    rename: (id, name) => {
      const tag = tree.byId.get(id);
      if (tag) rename(tag, name);
    },
    cancelRename: (id) => {
      setRenamingId(null);
      focusTag(id);
    },
    dragStart: (id, event) => {
      const tag = tree.byId.get(id);
      event.dataTransfer.setData(DRAG_TYPE, String(id));
      if (tag) event.dataTransfer.setData('text/plain', tag.path);
      event.dataTransfer.effectAllowed = 'move';
      setDrag({ id, over: null });
    },
    dragEnd: () => setDrag(null),
    dragOver: (id, event) => dropHandlers(id).onDragOver(event),
    dragLeave: (id, event) => dropHandlers(id).onDragLeave(event),
    drop: (id, event) => dropHandlers(id).onDrop(event),
  };
  const actions = useMemo<TreeActions>(
    () => ({
      focus: (id) => latest.current?.focus(id),
      toggle: (id) => latest.current?.toggle(id),
      showPassages: (id) => latest.current?.showPassages(id),
      menu: (id, x, y) => latest.current?.menu(id, x, y),
      rename: (id, name) => latest.current?.rename(id, name),
      cancelRename: (id) => latest.current?.cancelRename(id),
      dragStart: (id, e) => latest.current?.dragStart(id, e),
      dragEnd: () => latest.current?.dragEnd(),
      dragOver: (id, e) => latest.current?.dragOver(id, e),
      dragLeave: (id, e) => latest.current?.dragLeave(id, e),
      drop: (id, e) => latest.current?.drop(id, e),
    }),
    [],
  );

  const dialogTag = dialog && dialog.kind !== 'create' ? tree.byId.get(dialog.tagId) : undefined;
  const menuTag = menu ? tree.byId.get(menu.tagId) : undefined;
  const total = tags?.length ?? 0;

  return (
    <section className="codebook" aria-label="Codebook panel">
      <div className="view-toolbar">
        <button type="button" className="button small primary" onClick={() => setDialog({ kind: 'create', parentId: null })}>
          New tag
        </button>
        <button type="button" className="button small" onClick={() => fileInput.current?.click()}>
          Import codebook…
        </button>
        <button type="button" className="button small" onClick={exportCsv} disabled={total === 0}>
          Export codebook
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".csv,text/csv"
          aria-label="Codebook CSV file"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) importCsv(file);
          }}
        />
        <input
          type="search"
          className="view-filter"
          aria-label="Filter codebook"
          placeholder="Filter tags"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      </div>
      {error ? (
        <div className="view-alert" role="alert">
          <span>{error}</span>
          <button type="button" className="button small" onClick={() => setError(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
      <div className="view-status" role="status">
        {status ?? (tags ? (filter ? `${plural(rows.length, 'tag')} shown of ${count(total)}` : plural(total, 'tag')) : '')}
      </div>
      <div className="codebook-head" aria-hidden="true">
        <span>Tag</span>
        <span title="Passages tagged with it">Passages</span>
        <span title="Articles with such passages">Articles</span>
      </div>
      {list.error ? (
        <div className="view-alert" role="alert">
          {list.error.message}
        </div>
      ) : null}
      {tags && total === 0 ? (
        <div className="view-empty">
          <p>No tags yet.</p>
          <p>
            Create one with <strong>New tag</strong> (nest with “Parent / Child”), tag text in the reader, or import a codebook CSV.
          </p>
        </div>
      ) : null}
      {tags && total > 0 && rows.length === 0 ? (
        <div className="view-empty">
          <p>No tag matches “{filter}”.</p>
        </div>
      ) : null}
      <div
        ref={scroller}
        className="codebook-tree"
        role="tree"
        aria-label="Codebook"
        aria-busy={list.isFetching && !tags}
        onKeyDown={onKeyDown}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const row = rows[v.index];
            return row ? (
              <TreeItem
                key={row.tag.id}
                row={row}
                top={v.start}
                active={row.tag.id === currentId}
                selected={row.tag.id === activeId}
                renaming={renamingId === row.tag.id}
                dragging={drag?.id === row.tag.id}
                dropWhere={drag?.over === row.tag.id ? (drag.where ?? null) : null}
                actions={actions}
              />
            ) : null;
          })}
        </div>
      </div>
      {drag && tree.byId.get(drag.id)?.parentId != null ? (
        <div className={drag.over === 'top' ? 'codebook-top-drop over' : 'codebook-top-drop'} {...dropHandlers('top')}>
          Drop here to move to the top level
        </div>
      ) : null}
      {menu && menuTag ? <Menu label={`Actions for ${menuTag.name}`} items={menuItems(menuTag)} at={menu} onClose={closeMenu} /> : null}
      {dialog?.kind === 'create' ? (
        <CreateTagDialog
          parent={dialog.parentId === null ? null : (tree.byId.get(dialog.parentId) ?? null)}
          onCreated={(tag) => {
            setFilter('');
            if (tag.parentId !== null) setExpanded(tag.parentId, true);
            focusTag(tag.id);
          }}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialogTag && dialog?.kind === 'recolour' ? <RecolourDialog tag={dialogTag} onClose={() => setDialog(null)} /> : null}
      {dialogTag && dialog?.kind === 'describe' ? <DescriptionDialog tag={dialogTag} onClose={() => setDialog(null)} /> : null}
      {dialogTag && dialog?.kind === 'move' ? <MoveDialog tag={dialogTag} tree={tree} onClose={() => setDialog(null)} /> : null}
      {dialogTag && dialog?.kind === 'merge' ? <MergeDialog tag={dialogTag} tree={tree} onClose={() => setDialog(null)} /> : null}
      {dialogTag && dialog?.kind === 'delete' ? <DeleteTagDialog tag={dialogTag} onClose={() => setDialog(null)} /> : null}
    </section>
  );
}

interface TreeActions {
  focus(id: number): void;
  toggle(id: number): void;
  showPassages(id: number): void;
  menu(id: number, x: number, y: number): void;
  rename(id: number, name: string): void;
  cancelRename(id: number): void;
  dragStart(id: number, event: DragEvent): void;
  dragEnd(): void;
  dragOver(id: number, event: DragEvent): void;
  dragLeave(id: number, event: DragEvent): void;
  drop(id: number, event: DragEvent): void;
}

interface ItemProps {
  row: TreeRow;
  top: number;
  /** Keyboard focus lands here (the first row until the user picks one). */
  active: boolean;
  /** The user picked this tag. */
  selected: boolean;
  renaming: boolean;
  dragging: boolean;
  /** Where a dragged tag would land relative to this one. */
  dropWhere: DropWhere | null;
  actions: TreeActions;
}

const TreeItem = memo(function TreeItem({ row, top, active, selected, renaming, dragging, dropWhere, actions }: ItemProps) {
  const { tag, level, hasChildren, expanded } = row;
  const id = tag.id;
  const counts = `${plural(tag.passageCount, 'passage')} in ${plural(tag.articleCount, 'article')}`;
  const withChildren =
    hasChildren && tag.passageCountWithChildren !== tag.passageCount
      ? `; ${plural(tag.passageCountWithChildren, 'passage')} with its child tags`
      : '';
  const className = ['tree-item', dragging ? 'dragging' : '', dropWhere ? `drop-${dropWhere}` : ''].filter(Boolean).join(' ');
  return (
    <div
      id={itemId(id)}
      role="treeitem"
      aria-label={tag.name}
      aria-description={[counts + withChildren, tag.description].filter(Boolean).join('. ')}
      aria-level={level}
      aria-posinset={row.posInSet}
      aria-setsize={row.setSize}
      aria-expanded={hasChildren ? expanded : undefined}
      aria-selected={selected}
      tabIndex={active ? 0 : -1}
      className={className}
      style={{ top, height: ROW_HEIGHT, paddingLeft: 4 + (level - 1) * INDENT }}
      title={tag.description ? `${tag.path}\n${tag.description}` : tag.path}
      draggable={!renaming}
      onFocus={(event) => event.target === event.currentTarget && actions.focus(id)}
      onClick={() => actions.focus(id)}
      onDoubleClick={(event) => !renaming && !(event.target as HTMLElement).closest('.twisty, .row-menu') && actions.showPassages(id)}
      onContextMenu={(event) => {
        event.preventDefault();
        actions.menu(id, event.clientX, event.clientY);
      }}
      onDragStart={(event) => actions.dragStart(id, event)}
      onDragEnd={() => actions.dragEnd()}
      onDragOver={(event) => actions.dragOver(id, event)}
      onDragLeave={(event) => actions.dragLeave(id, event)}
      onDrop={(event) => actions.drop(id, event)}
    >
      <span
        className={hasChildren ? (expanded ? 'twisty open' : 'twisty') : 'twisty leaf'}
        aria-hidden="true"
        onClick={(event) => {
          event.stopPropagation();
          actions.toggle(id);
          actions.focus(id);
        }}
      />
      <span className="swatch" style={{ background: tag.color }} aria-hidden="true" />
      {renaming ? (
        <RenameInput tag={tag} onRename={(name) => actions.rename(id, name)} onCancel={() => actions.cancelRename(id)} />
      ) : (
        <span className="name">{tag.name}</span>
      )}
      <span className="count" aria-hidden="true" title={counts + withChildren}>
        {hasChildren && !expanded && tag.passageCountWithChildren !== tag.passageCount
          ? `${count(tag.passageCount)} (${count(tag.passageCountWithChildren)})`
          : count(tag.passageCount)}
      </span>
      <span className="count" aria-hidden="true">
        {count(tag.articleCount)}
      </span>
      <button
        type="button"
        className="row-menu"
        tabIndex={-1}
        aria-label={`Actions for ${tag.name}`}
        aria-haspopup="menu"
        onClick={(event) => {
          event.stopPropagation();
          const rect = event.currentTarget.getBoundingClientRect();
          actions.menu(id, rect.left, rect.bottom + 2);
        }}
      >
        ⋯
      </button>
    </div>
  );
});

function RenameInput({ tag, onRename, onCancel }: { tag: Tag; onRename(name: string): void; onCancel(): void }) {
  const done = useRef(false);
  const finish = (fn: () => void) => {
    if (done.current) return;
    done.current = true;
    fn();
  };
  return (
    <input
      className="rename"
      aria-label={`New name for ${tag.name}`}
      defaultValue={tag.name}
      ref={(el) => {
        if (el && !done.current && document.activeElement !== el) {
          el.focus();
          el.select();
        }
      }}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Enter') {
          event.preventDefault();
          const value = event.currentTarget.value;
          finish(() => onRename(value));
        } else if (event.key === 'Escape') {
          event.preventDefault();
          finish(onCancel);
        }
      }}
      onBlur={(event) => {
        const value = event.currentTarget.value;
        finish(() => onRename(value));
      }}
      onClick={(event) => event.stopPropagation()}
      onDoubleClick={(event) => event.stopPropagation()}
    />
  );
}
