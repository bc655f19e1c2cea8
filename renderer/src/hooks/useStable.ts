import { useState } from 'react';

/**
 * The same object for as long as its JSON is the same: a filter rebuilt on every keystroke keeps
 * its identity until it really changes, so effects and queries keyed on it run only then.
 */
export function useStable<T>(value: T): T {
  const key = JSON.stringify(value);
  const [kept, setKept] = useState({ key, value });
  if (kept.key === key) return kept.value;
  // Adjusting state while rendering (React's pattern for values derived from earlier renders).
  setKept({ key, value });
  return value;
}
