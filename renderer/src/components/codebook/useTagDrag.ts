import { useState, type DragEvent } from 'react';
import { dropPlacement, dropZone, type DropTarget, type DropWhere, type Placement } from './drop-placement';
import type { TagTree } from './tree';

const DRAG_TYPE = 'application/x-marginalia-tag';

export interface DragState {
  id: number;
  over: DropTarget | null;
  where?: DropWhere;
}

/**
 * Dragging tags in the codebook: drop on the middle of a row to nest there, on its top or bottom
 * edge to place before or after it, or on the top-level strip to un-nest. `move` carries it out.
 */
export function useTagDrag(tree: TagTree, move: (id: number, place: Placement) => void) {
  const [drag, setDrag] = useState<DragState | null>(null);

  const whereIn = (event: DragEvent, target: DropTarget): DropWhere => {
    if (target === 'top') return 'into';
    const rect = event.currentTarget.getBoundingClientRect();
    return dropZone((event.clientY - rect.top) / rect.height);
  };
  const placementAt = (event: DragEvent, target: DropTarget) =>
    drag ? dropPlacement(tree, drag.id, target, whereIn(event, target)) : null;

  return {
    drag,
    start(id: number, event: DragEvent) {
      event.dataTransfer.setData(DRAG_TYPE, String(id));
      const tag = tree.byId.get(id);
      if (tag) event.dataTransfer.setData('text/plain', tag.path);
      event.dataTransfer.effectAllowed = 'move';
      setDrag({ id, over: null });
    },
    end: () => setDrag(null),
    over(target: DropTarget, event: DragEvent) {
      const where = whereIn(event, target);
      if (!placementAt(event, target)) {
        if (drag?.over === target) setDrag((d) => (d ? { ...d, over: null } : d));
        return;
      }
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      if (drag?.over !== target || drag.where !== where) setDrag((d) => (d ? { ...d, over: target, where } : d));
    },
    leave(target: DropTarget, event: DragEvent) {
      if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
      setDrag((d) => (d && d.over === target ? { ...d, over: null } : d));
    },
    drop(target: DropTarget, event: DragEvent) {
      event.preventDefault();
      const place = placementAt(event, target);
      const id = drag?.id;
      setDrag(null);
      if (id && place) move(id, place);
    },
  };
}
