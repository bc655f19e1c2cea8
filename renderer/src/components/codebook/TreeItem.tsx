import { memo, useRef, type DragEvent } from 'react';
import type { Tag } from '../../../../electron/shared/types';
import type { DropWhere } from './drop-placement';
import { count, plural, type TreeRow } from './tree';

export const ROW_HEIGHT = 30;
const INDENT = 16;

export const itemId = (id: number) => `codebook-tag-${id}`;

/** What a row can ask of the codebook: one stable object, so scrolling renders only new rows. */
export interface TreeActions {
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

/** A count column: the tag's own count, and in parentheses the count with its child tags where that differs. */
const ownAndAll = (own: number, all: number) => (all === own ? count(own) : `${count(own)} (${count(all)})`);

export const TreeItem = memo(function TreeItem({ row, top, active, selected, renaming, dragging, dropWhere, actions }: ItemProps) {
  const { tag, level, hasChildren, expanded } = row;
  const id = tag.id;
  const counts = `${plural(tag.passageCount, 'passage')} in ${plural(tag.articleCount, 'article')}`;
  const sums = hasChildren && (tag.passageCountWithChildren !== tag.passageCount || tag.articleCountWithChildren !== tag.articleCount);
  const withChildren = sums
    ? `; with its child tags ${plural(tag.passageCountWithChildren, 'passage')} in ${plural(tag.articleCountWithChildren, 'article')}`
    : '';
  const pinned = tag.pin === null ? '' : `Pinned to ${tag.pin}: the key ${tag.pin} applies it in the reader`;
  const className = ['tree-item', dragging ? 'dragging' : '', dropWhere ? `drop-${dropWhere}` : ''].filter(Boolean).join(' ');
  return (
    <div
      id={itemId(id)}
      role="treeitem"
      aria-label={tag.name}
      aria-description={[counts + withChildren, pinned, tag.description].filter(Boolean).join('. ')}
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
      <span className="name-cell">
        {renaming ? (
          <RenameInput tag={tag} onRename={(name) => actions.rename(id, name)} onCancel={() => actions.cancelRename(id)} />
        ) : (
          <span className="name">{tag.name}</span>
        )}
        {/* The key, drawn from a data attribute like the counts: the row's description says it. */}
        {tag.pin === null ? null : <kbd className="pin-key" aria-hidden="true" title={pinned} data-key={tag.pin} />}
      </span>
      {/* Drawn from data attributes: the counts are data, not part of the row's name (its description says them). */}
      <span
        className="count"
        aria-hidden="true"
        title={counts + withChildren}
        data-count={ownAndAll(tag.passageCount, tag.passageCountWithChildren)}
      />
      <span
        className="count"
        aria-hidden="true"
        title={counts + withChildren}
        data-count={ownAndAll(tag.articleCount, tag.articleCountWithChildren)}
      />
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
