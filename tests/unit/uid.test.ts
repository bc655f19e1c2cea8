import { describe, expect, it } from 'vitest';
import { newUid } from '../../electron/core/uid';

describe('row identities', () => {
  it('are version 7 UUIDs, unique, and ordered by the time they were made', () => {
    const made = Array.from({ length: 10_000 }, (_, i) => newUid(1_700_000_000_000 + Math.floor(i / 10)));
    for (const uid of made.slice(0, 50)) expect(uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(made).size).toBe(made.length);
    // Millisecond by millisecond, later ids sort after earlier ones (so an index on them grows at its end).
    const firstOfEachMs = made.filter((_, i) => i % 10 === 0);
    expect([...firstOfEachMs].sort()).toEqual(firstOfEachMs);
    expect(newUid(Date.UTC(2026, 10, 28)).slice(0, 13)).toBe(
      `${Date.UTC(2026, 10, 28).toString(16).padStart(12, '0').slice(0, 8)}-${Date.UTC(2026, 10, 28).toString(16).padStart(12, '0').slice(8)}`,
    );
  });
});
