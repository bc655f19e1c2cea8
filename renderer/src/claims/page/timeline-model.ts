import type { ClaimAppearance, ClaimContext } from '../../../../electron/shared/claims';

export interface TimelinePoint {
  appearanceId: number;
  outlet: string;
  articleTitle: string;
  published: string;
  time: number;
  /** The figure this appearance states, when it differs from the one before it (by date). */
  changedFigure: string | null;
  first: boolean;
}

export interface TimelineModel {
  lanes: string[];
  points: TimelinePoint[];
  start: number;
  end: number;
  undated: number;
}

/** A year, month or day as a UTC time (the first day of the period); null when the year is unknown. */
export function timeOf(published: string | null): number | null {
  const m = published ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(published) : null;
  if (!m) return null;
  return Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1);
}

/**
 * The claim's travel: one lane per outlet in the order outlets first ran it, its dated
 * appearances in date order, who ran it first, and where the stated figure changed.
 */
export function timelineOf(appearances: readonly ClaimAppearance[], contexts: readonly ClaimContext[]): TimelineModel {
  const figures = new Map(contexts.map((c) => [c.appearanceId, c.figure]));
  const dated = appearances
    .map((a) => ({ a, time: timeOf(a.published) }))
    .filter((d): d is { a: ClaimAppearance; time: number } => d.time !== null)
    .sort((x, y) => x.time - y.time || x.a.id - y.a.id);
  const lanes: string[] = [];
  let previous: string | null = null;
  const points = dated.map(({ a, time }, i) => {
    const outlet = a.outlet ?? 'Unknown outlet';
    if (!lanes.includes(outlet)) lanes.push(outlet);
    const figure = figures.get(a.id);
    const value = figure ? `${figure.value}|${figure.unit ?? ''}` : null;
    const changed = i > 0 && value !== null && previous !== null && value !== previous;
    if (value !== null) previous = value;
    return {
      appearanceId: a.id,
      outlet,
      articleTitle: a.articleTitle,
      published: a.published!,
      time,
      changedFigure: changed ? figure!.text : null,
      first: i === 0,
    };
  });
  return {
    lanes,
    points,
    start: dated[0]?.time ?? 0,
    end: dated.at(-1)?.time ?? 0,
    undated: appearances.length - dated.length,
  };
}
