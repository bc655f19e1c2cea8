import type { ClaimAppearance, ClaimContext } from '../../../../electron/shared/claims';
import { formatPublished } from '../../format';
import { timelineOf } from './timeline-model';

const LANE = 30;
const LEFT = 130;
const RIGHT = 24;
const WIDTH = 720;
const TOP = 16;
const AXIS = 26;

/** The claim's appearances by outlet over time (SVG): who ran it first, who picked it up, where the figure changed. */
export function Timeline({ appearances, contexts }: { appearances: readonly ClaimAppearance[]; contexts: readonly ClaimContext[] }) {
  const model = timelineOf(appearances, contexts);
  if (model.points.length === 0) {
    return (
      <section className="claim-section" aria-labelledby="claim-timeline">
        <h2 id="claim-timeline">Timeline</h2>
        <p className="muted">No dated appearance yet.</p>
      </section>
    );
  }
  const span = Math.max(model.end - model.start, 1);
  const x = (time: number) =>
    model.end === model.start ? LEFT + (WIDTH - LEFT - RIGHT) / 2 : LEFT + ((time - model.start) / span) * (WIDTH - LEFT - RIGHT);
  const y = (outlet: string) => TOP + model.lanes.indexOf(outlet) * LANE + LANE / 2;
  const height = TOP + model.lanes.length * LANE + AXIS;
  const first = model.points[0]!;
  const pickups = model.points.filter((p, i) => i > 0 && model.points.findIndex((q) => q.outlet === p.outlet) === i);
  const changes = model.points.filter((p) => p.changedFigure !== null);
  const summary = [
    `First: ${first.outlet}, ${formatPublished(first.published)}.`,
    ...pickups.map((p) => `Picked up by ${p.outlet}, ${formatPublished(p.published)}.`),
    ...changes.map((p) => `Figure changed to ${p.changedFigure} at ${p.outlet}, ${formatPublished(p.published)}.`),
    ...(model.undated ? [`${model.undated} undated.`] : []),
  ];
  return (
    <section className="claim-section" aria-labelledby="claim-timeline">
      <h2 id="claim-timeline">Timeline</h2>
      <svg
        className="timeline"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={`Timeline of appearances by outlet. ${summary.join(' ')}`}
      >
        {model.lanes.map((lane) => (
          <g key={lane} className="timeline-lane">
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(lane)} y2={y(lane)} />
            <text x={LEFT - 10} y={y(lane)} dominantBaseline="middle" textAnchor="end">
              {lane.length > 18 ? `${lane.slice(0, 17)}…` : lane}
            </text>
          </g>
        ))}
        <g className="timeline-axis">
          <text x={LEFT} y={height - 8}>
            {formatPublished(first.published)}
          </text>
          {model.end !== model.start ? (
            <text x={WIDTH - RIGHT} y={height - 8} textAnchor="end">
              {formatPublished(model.points.at(-1)!.published)}
            </text>
          ) : null}
        </g>
        {model.points.map((p) => (
          <g key={p.appearanceId} className={`timeline-point${p.first ? ' first' : ''}${p.changedFigure ? ' changed' : ''}`}>
            <circle cx={x(p.time)} cy={y(p.outlet)} r={p.first ? 7 : 5}>
              <title>{`${p.outlet}, ${formatPublished(p.published)}: ${p.articleTitle}${p.changedFigure ? ` (figure: ${p.changedFigure})` : ''}`}</title>
            </circle>
            {p.first ? (
              <text x={x(p.time)} y={y(p.outlet) - 10} textAnchor="middle">
                first
              </text>
            ) : p.changedFigure ? (
              <text x={x(p.time)} y={y(p.outlet) - 10} textAnchor="middle">
                {p.changedFigure}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
      <ul className="timeline-summary">
        {summary.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
