import type { ChartName, OverviewMark } from '../../../electron/shared/overview';

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const id = (value: unknown) => (typeof value === 'number' ? value : undefined);

/** The mark (label values) of a chart's row, and how to name it ("Syria · BBC"). */
export function markOf(chart: ChartName, row: Record<string, unknown>): { mark: OverviewMark; label: string } {
  const pick = (mark: OverviewMark, ...parts: unknown[]) => ({
    mark: Object.fromEntries(Object.entries(mark).filter(([, v]) => v !== undefined)) as OverviewMark,
    label: parts.filter((p) => p !== undefined).join(' · '),
  });
  switch (chart) {
    case 'articles-over-time':
      return pick({ period: text(row.period), outlet: text(row.outlet) }, row.period, row.outlet);
    case 'tags-by-outlet':
      return pick({ tagId: id(row.tagId), outlet: text(row.outlet) }, row.tag, row.outlet);
    case 'tags-by-month':
      return pick({ tagId: id(row.tagId), month: text(row.month) }, row.tag, row.month);
    case 'tag-cooccurrence':
      return pick({ tagId: id(row.tagId), otherTagId: id(row.otherTagId) }, row.tag, row.otherTag);
    case 'claim-timeline':
      return pick({ claimId: id(row.claimId), day: text(row.day), outlet: text(row.outlet) }, row.claim, row.day, row.outlet);
    case 'coverage':
      return pick({ outlet: text(row.outlet) }, row.outlet);
  }
}
