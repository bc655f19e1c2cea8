/**
 * A note or memo of the other library beside ours: taken where ours is empty, kept out where ours
 * already holds it (so a second merge adds nothing), else appended after ours, which stays whole.
 */
export function combineText(ours: string, theirs: string): { text: string; outcome: 'same' | 'added' | 'appended' } {
  const add = theirs.trim();
  if (add === '' || ours.includes(add)) return { text: ours, outcome: 'same' };
  if (ours.trim() === '') return { text: theirs, outcome: 'added' };
  return { text: `${ours.trimEnd()}\n\n${add}`, outcome: 'appended' };
}
