import { useCallback, useEffect, useState } from 'react';

const FIRST_SLICE = 40;
const NEXT_SLICE = 50;

/**
 * How many blocks of a long article are mounted: the first screen at once, the rest in slices
 * between frames once `ready`, so the reader answers input while a 1 MB article is still being
 * laid out. `mountThrough(index)` mounts at least up to a block (to show a passage far down).
 */
export function useProgressiveMount(total: number, ready: boolean) {
  const [mounted, setMounted] = useState(FIRST_SLICE);
  useEffect(() => {
    if (mounted >= total || !ready) return;
    // A macrotask, not a frame: input events get their turn between slices.
    const timer = setTimeout(() => setMounted((n) => n + NEXT_SLICE), 0);
    return () => clearTimeout(timer);
  }, [mounted, total, ready]);
  const mountThrough = useCallback((index: number) => setMounted((n) => Math.max(n, index + NEXT_SLICE)), []);
  return { mounted, mountThrough };
}
