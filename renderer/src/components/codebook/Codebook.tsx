import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Tag } from '../../../../electron/shared/types';
import { useBindActions } from '../../actions/bindings';
import { SCOPE_ATTRIBUTE } from '../../actions/context';
import { keysOf } from '../../actions/platform';
import { call } from '../../client/api';
import { useCommand } from '../../client/queries';
import { useRovingVirtualList } from '../lists/useRovingVirtualList';
import { CodebookToolbar } from './CodebookToolbar';
import type { Placement } from './drop-placement';
import { Menu, type MenuItem } from './Menu';
import { CreateTagDialog, DeleteTagDialog, DescriptionDialog, MergeDialog, MoveDialog, RecolourDialog } from './TagDialogs';
import { buildTree, count, flatten, plural, type TagTree, type TreeRow } from './tree';
import { ROW_HEIGHT, TreeItem, itemId, type TreeActions } from './TreeItem';
import { useTagDrag } from './useTagDrag';
import { pinning } from './pinning';
import { fileStem, requestReport } from '../report/report-request';

interface Props {
  onShowPassages(tagId: number): void;
}

type DialogState =
  { kind: 'create'; parentId: number | null } | { kind: 'recolour' | 'describe' | 'move' | 'merge' | 'delete'; tagId: number };

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

  // When the active tag's row disappears (deleted, merged, collapsed away, filtered out), its
  // neighbour becomes active in the same render (React's "adjusting state when a prop changes"),
  // and focus follows it once the old row has left the page (see the effect below).
  const [shownRows, setShownRows] = useState(rows);
  const [replacement, setReplacement] = useState<{ id: number | null } | null>(null);
  if (shownRows !== rows) {
    setShownRows(rows);
    const before = activeId === null ? -1 : shownRows.findIndex((r) => r.tag.id === activeId);
    if (activeId !== null && before >= 0 && rows.length > 0 && !rows.some((r) => r.tag.id === activeId)) {
      const next = neighbourOf(tree, rows, activeId, before);
      setActiveId(next);
      setReplacement({ id: next });
    }
  }

  const activeIndex = rows.findIndex((r) => r.tag.id === activeId);
  // The active row falls back to the first when it disappears (deleted, collapsed away, filtered out).
  const current = activeIndex >= 0 ? activeIndex : rows.length ? 0 : -1;
  const currentId = rows[current]?.tag.id ?? null;

  const { scroller, virtualizer, focusRow, onKeyDown } = useRovingVirtualList<number>({
    count: rows.length,
    rowHeight: ROW_HEIGHT,
    overscan: 12,
    activeIndex: current,
    indexOf: (id) => rows.findIndex((r) => r.tag.id === id),
    elementId: itemId,
    rowRole: 'treeitem',
    onMove: (index) => focusTag(rows[index]?.tag.id ?? null),
    nameAt: (index) => rows[index]?.tag.name,
    tree: {
      hasChildren: (index) => rows[index]?.hasChildren ?? false,
      isExpanded: (index) => rows[index]?.expanded ?? false,
      canCollapse: !filter,
      parentIndex: (index) => rows.findIndex((r) => r.tag.id === rows[index]?.tag.parentId),
      setExpanded: (index, open) => {
        const id = rows[index]?.tag.id;
        if (id !== undefined) setExpanded(id, open);
      },
      expandSiblings: (index) => {
        const siblings = tree.children.get(rows[index]?.tag.parentId ?? null) ?? [];
        setCollapsed((prev) => {
          const next = new Set(prev);
          for (const s of siblings) next.delete(s.id);
          return next;
        });
      },
    },
  });

  /** Makes a tag the active row and moves focus to it once it is in the tree. */
  const focusTag = useCallback(
    (id: number | null) => {
      setActiveId(id);
      if (id !== null) focusRow(id);
    },
    [focusRow],
  );

  // Focus was on the row that disappeared (the page put it on the body): it moves to the neighbour.
  // A layout effect, so the list's own effect that focuses rows finds the request in this commit.
  useLayoutEffect(() => {
    const lost = document.activeElement === document.body || document.activeElement === null;
    if (replacement?.id != null && lost) focusRow(replacement.id);
  }, [replacement, focusRow]);

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

  const move = (id: number, { parentId, position }: Placement) => {
    const tag = tree.byId.get(id);
    if (!tag || (tag.parentId === parentId && position === undefined)) return;
    if (parentId !== null) setExpanded(parentId, true);
    void run(() => call('tags.move', position === undefined ? { id, parentId } : { id, parentId, position }));
    focusTag(id);
  };
  const drag = useTagDrag(tree, move);

  /** Alt+Up / Alt+Down and the menu: one step among its siblings. */
  const reorder = (tag: Tag, step: -1 | 1) => {
    const siblings = tree.children.get(tag.parentId) ?? [];
    const index = siblings.findIndex((t) => t.id === tag.id);
    const next = index + step;
    if (index < 0 || next < 0 || next >= siblings.length) return;
    move(tag.id, { parentId: tag.parentId, position: next });
  };

  const { pinItem, pinBindings } = pinning(tags, run, setStatus);

  const isFirstSibling = (tag: Tag) => tree.children.get(tag.parentId)?.[0]?.id === tag.id;
  const isLastSibling = (tag: Tag) => tree.children.get(tag.parentId)?.at(-1)?.id === tag.id;
  const menuItems = (tag: Tag): MenuItem[] => [
    { label: 'Show passages', shortcut: keysOf('tag-show-passages')[0], onSelect: () => onShowPassages(tag.id) },
    {
      label: 'Report…',
      onSelect: () =>
        requestReport({ scope: { filter: { tagIds: [tag.id], includeChildren: true } }, label: tag.path, name: fileStem(tag.path) }),
    },
    pinItem(tag),
    { label: 'New child tag…', onSelect: () => setDialog({ kind: 'create', parentId: tag.id }) },
    { label: 'Rename', shortcut: keysOf('tag-rename')[0], onSelect: () => setRenamingId(tag.id) },
    { label: 'Recolour…', onSelect: () => setDialog({ kind: 'recolour', tagId: tag.id }) },
    { label: 'Edit description…', onSelect: () => setDialog({ kind: 'describe', tagId: tag.id }) },
    { label: 'Move to…', onSelect: () => setDialog({ kind: 'move', tagId: tag.id }) },
    { label: 'Move up', shortcut: keysOf('tag-move-up')[0], disabled: isFirstSibling(tag), onSelect: () => reorder(tag, -1) },
    { label: 'Move down', shortcut: keysOf('tag-move-down')[0], disabled: isLastSibling(tag), onSelect: () => reorder(tag, 1) },
    { label: 'Merge into…', disabled: (tags?.length ?? 0) < 2, onSelect: () => setDialog({ kind: 'merge', tagId: tag.id }) },
    { label: 'Delete…', shortcut: keysOf('tag-delete')[0], danger: true, onSelect: () => setDialog({ kind: 'delete', tagId: tag.id }) },
  ];

  const openMenu = (tag: Tag, x: number, y: number) => {
    setActiveId(tag.id);
    setMenu({ tagId: tag.id, x, y });
  };

  const closeMenu = useCallback(() => {
    // Focus goes back to the row now, before an item's action opens a dialog, so the dialog records
    // the row as where to return focus. Not in a state updater: React may run that only while
    // rendering, after the dialog has already taken the menu item as where focus was.
    if (menu) document.getElementById(itemId(menu.tagId))?.focus({ preventScroll: true });
    setMenu(null);
  }, [menu]);

  const focused = () => (renamingId === null ? rows[current]?.tag : undefined);
  const onFocused = (act: (tag: Tag) => void, enabled: (tag: Tag) => boolean = () => true) => ({
    enabled: () => {
      const tag = focused();
      return tag !== undefined && enabled(tag);
    },
    run: () => {
      const tag = focused();
      if (tag) act(tag);
    },
  });
  useBindActions({
    ...pinBindings(onFocused),
    'tag-new': { run: () => setDialog({ kind: 'create', parentId: null }) },
    'tag-show-passages': onFocused((tag) => onShowPassages(tag.id)),
    'tag-rename': onFocused((tag) => setRenamingId(tag.id)),
    'tag-move-up': onFocused(
      (tag) => reorder(tag, -1),
      (tag) => !isFirstSibling(tag),
    ),
    'tag-move-down': onFocused(
      (tag) => reorder(tag, 1),
      (tag) => !isLastSibling(tag),
    ),
    'tag-delete': onFocused((tag) => setDialog({ kind: 'delete', tagId: tag.id })),
    'tag-menu': onFocused((tag) => {
      const rect = document.getElementById(itemId(tag.id))?.getBoundingClientRect();
      openMenu(tag, (rect?.left ?? 0) + 24, rect?.bottom ?? 0);
    }),
  });

  // Rows get one stable set of actions (reading the latest state through a ref), so scrolling
  // re-renders only the rows that enter the view.
  const latest = useRef<TreeActions | null>(null);
  // Set after each render (not during it): rows call these from events, which come after.
  useLayoutEffect(() => {
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
      dragStart: (id, event) => drag.start(id, event),
      dragEnd: () => drag.end(),
      dragOver: (id, event) => drag.over(id, event),
      dragLeave: (id, event) => drag.leave(id, event),
      drop: (id, event) => drag.drop(id, event),
    };
  });
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
  const dragging = drag.drag;

  return (
    <section className="codebook" aria-label="Codebook panel">
      <CodebookToolbar
        tagCount={total}
        filter={filter}
        onFilterChange={setFilter}
        onNewTag={() => setDialog({ kind: 'create', parentId: null })}
        run={run}
        onStatus={setStatus}
      />
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
        <span title="Passages tagged with it (in brackets: with its child tags)">Passages</span>
        <span title="Articles with such passages (in brackets: with its child tags)">Articles</span>
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
        {...{ [SCOPE_ATTRIBUTE]: 'codebook' }}
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
                dragging={dragging?.id === row.tag.id}
                dropWhere={dragging?.over === row.tag.id ? (dragging.where ?? null) : null}
                actions={actions}
              />
            ) : null;
          })}
        </div>
      </div>
      {dragging && tree.byId.get(dragging.id)?.parentId != null ? (
        <div
          className={dragging.over === 'top' ? 'codebook-top-drop over' : 'codebook-top-drop'}
          onDragOver={(e) => drag.over('top', e)}
          onDragLeave={(e) => drag.leave('top', e)}
          onDrop={(e) => drag.drop('top', e)}
        >
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

/** The row to make active when `id` left the rows: its nearest visible ancestor, or the row now where it was. */
function neighbourOf(tree: TagTree, rows: readonly TreeRow[], id: number, before: number): number | null {
  for (let t = tree.byId.get(id); t; t = t.parentId === null ? undefined : tree.byId.get(t.parentId)) {
    if (rows.some((r) => r.tag.id === t?.id)) return t.id;
  }
  return rows[Math.min(before, rows.length - 1)]?.tag.id ?? null;
}
