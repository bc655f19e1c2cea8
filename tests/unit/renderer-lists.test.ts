import { describe, expect, it } from 'vitest';
import { navigationTarget } from '../../renderer/src/components/lists/useRovingVirtualList';

describe('keyboard navigation in long lists', () => {
  it('moves by one, by a page and to either end, never past them', () => {
    const to = (key: string, from: number) => navigationTarget(key, from, 100, 9);
    expect([to('ArrowDown', 5), to('ArrowUp', 5), to('PageDown', 5), to('PageUp', 5), to('Home', 5), to('End', 5)]).toEqual([
      6, 4, 14, 0, 0, 99,
    ]);
    expect([to('ArrowDown', 99), to('PageDown', 95), to('ArrowUp', 0)]).toEqual([99, 99, 0]);
  });

  it('leaves other keys to the list, and an empty list has nowhere to go', () => {
    expect(navigationTarget('Enter', 3, 100, 9)).toBeNull();
    expect(navigationTarget('a', 3, 100, 9)).toBeNull();
    expect(navigationTarget('ArrowDown', 0, 0, 9)).toBeNull();
  });
});
