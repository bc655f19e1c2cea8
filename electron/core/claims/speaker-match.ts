import { isContentWord, wordsOf } from '../text/stem';
import { nameKey, sameName } from '../text/translit';

const TITLES = /^(?:mr|mrs|ms|miss|dr|prof|sir|lord|lady|dame|baroness|the|a|an|г-н|г-жа)$/iu;
const LINK = /^(?:for|of|at|from|в|во)$/iu;

/** The words that identify a speaker: a name's words, or a description's head ("spokesman" in "spokesman for Mr Blair"). */
function keys(speaker: string): { head: string; all: string[] } {
  const words = wordsOf(speaker.replace(/['’]s\b/gu, ''))
    .map((w) => w.text)
    .filter((w) => !TITLES.test(w));
  const link = words.findIndex((w) => LINK.test(w));
  const core = (link > 0 ? words.slice(0, link) : words).filter((w) => isContentWord(w) || /^\p{Lu}/u.test(w));
  const all = words.filter((w) => isContentWord(w)).map((w) => nameKey(w));
  const russian = /[\u0400-\u04ff]/u.test(core[0] ?? '') && /^\p{Ll}/u.test(core[0] ?? '');
  const head = (russian ? core[0] : core.at(-1)) ?? '';
  return { head: nameKey(head), all };
}

/**
 * Whether two speaker strings name the same speaker: "Vladimir Putin" / "Putin" / "Путин", or
 * "Mr Blair's spokesman" / "spokesman for Tony Blair". Heads must agree (a surname, or a
 * description's role word); any other names they both give must not disagree.
 */
export function sameSpeaker(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  const x = keys(a);
  const y = keys(b);
  if (!x.head || !y.head) return false;
  if (sameName(x.head, y.head)) return true;
  // "United board" / "Manchester United": a shared name with no conflicting head is not enough.
  return false;
}
