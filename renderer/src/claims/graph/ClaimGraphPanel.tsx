import { keepPreviousData } from '@tanstack/react-query';
import { lazy, Suspense, useRef, useState } from 'react';
import { RELATIONS, type Relation } from '../../../../electron/shared/claims';
import { useCommand } from '../../client/queries';
import { plural } from '../../components/codebook/tree';
import { notify } from '../../components/Notices';
import type { ClaimQuery } from '../ClaimFilters';
import { relationColor, RELATION_STYLE } from './relation-style';

interface Props {
  /** A claim's neighbourhood; absent: the library's linked claims. */
  claimId?: number;
  /** The Claims view's filters; the graph uses tag, outlet and dates. */
  filter: ClaimQuery;
  onOpenClaim(id: number): void;
}

/** cytoscape is a large library: loaded the first time a graph is shown. */
const CytoGraph = lazy(() => import('./CytoGraph').then((m) => ({ default: m.CytoGraph })));

const DASH = { solid: undefined, dashed: '6 4', dotted: '2 3' } as const;

/** A legend entry's line as the graph draws it: colour (its theme's token), line style, arrow head. */
function LegendLine({ relation }: { relation: Relation }) {
  const s = RELATION_STYLE[relation];
  const stroke = { stroke: relationColor(relation) };
  const fill = { fill: relationColor(relation) };
  return (
    <svg width="28" height="12" viewBox="0 0 34 12" aria-hidden="true">
      <line x1="2" y1="6" x2="26" y2="6" style={stroke} strokeWidth="2" strokeDasharray={DASH[s.line]} />
      {s.arrow === 'triangle' ? <path d="M26 1 L33 6 L26 11 Z" style={fill} /> : null}
      {s.arrow === 'vee' ? <path d="M25 1 L33 6 L25 11 L28 6 Z" style={fill} /> : null}
      {s.arrow === 'tee' ? <line x1="30" y1="0" x2="30" y2="12" style={stroke} strokeWidth="3" /> : null}
    </svg>
  );
}

/** The claim graph (region "Claim graph"): filter by relation, legend, export as PNG, click a claim to open it. */
export function ClaimGraphPanel({ claimId, filter, onOpenClaim }: Props) {
  const [shown, setShown] = useState<Relation[]>([...RELATIONS]);
  const exportPng = useRef<(() => Blob | null) | null>(null);
  const args = {
    ...(claimId !== undefined ? { claimId, depth: 2 } : {}),
    ...(filter.tagId !== undefined ? { tagId: filter.tagId } : {}),
    ...(filter.outlet !== undefined ? { outlet: filter.outlet } : {}),
    ...(filter.from !== undefined ? { from: filter.from } : {}),
    ...(filter.to !== undefined ? { to: filter.to } : {}),
    ...(shown.length < RELATIONS.length ? { relations: shown } : {}),
    limit: 500,
  };
  const graph = useCommand('claims.graph', args, { placeholderData: keepPreviousData });
  const toggle = (r: Relation) =>
    setShown((s) => (s.includes(r) ? s.filter((x) => x !== r) : RELATIONS.filter((x) => x === r || s.includes(x))));
  const data = graph.data;

  const save = () => {
    const blob = exportPng.current?.();
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const a = Object.assign(document.createElement('a'), {
      href: url,
      download: claimId ? `claim-${claimId}-graph.png` : 'claim-graph.png',
    });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    notify(`Saved the graph as ${a.download}.`);
  };

  return (
    <section className="claim-graph" aria-label="Claim graph">
      <div className="graph-toolbar">
        <fieldset className="graph-legend">
          <legend>Relations</legend>
          {RELATIONS.map((r) => (
            <label key={r} className="check legend-item">
              <input type="checkbox" checked={shown.includes(r)} onChange={() => toggle(r)} />
              <LegendLine relation={r} />
              {r}
            </label>
          ))}
        </fieldset>
      </div>
      <div className="graph-status-row">
        <div className="view-status" role="status">
          {data
            ? data.nodes.length === 0
              ? claimId !== undefined
                ? 'This claim has no confirmed link yet.'
                : 'No linked claims match. Link claims on their pages to see them here.'
              : `${plural(data.nodes.length, 'claim')}, ${plural(data.edges.length, 'link')}${data.total > data.nodes.length ? ` (the ${data.nodes.length} most linked of ${data.total})` : ''}`
            : graph.error
              ? ''
              : 'Loading the graph…'}
        </div>
        <button type="button" className="button small" onClick={save} disabled={!data || data.nodes.length === 0}>
          Export PNG
        </button>
      </div>
      {graph.error ? (
        <div className="view-alert" role="alert">
          {graph.error.message}
        </div>
      ) : null}
      {data && data.nodes.length > 0 ? (
        <>
          <Suspense fallback={<div className="cy-canvas loading">Drawing the graph…</div>}>
            <CytoGraph
              graph={data}
              cacheKey={claimId !== undefined ? `claim-${claimId}` : 'library'}
              centre={claimId}
              onOpenClaim={onOpenClaim}
              exportRef={exportPng}
            />
          </Suspense>
          <details className="graph-list">
            <summary>The graph’s claims as a list</summary>
            <ul>
              {data.nodes.map((n) => (
                <li key={n.id}>
                  <button type="button" className="link-button" onClick={() => onOpenClaim(n.id)}>
                    {n.statement}
                  </button>
                </li>
              ))}
            </ul>
          </details>
        </>
      ) : null}
    </section>
  );
}
