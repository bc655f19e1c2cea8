import cytoscape, { type Core, type ElementDefinition, type Position } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { RELATIONS, type ClaimGraph, type Relation } from '../../../../electron/shared/claims';
import { useColorScheme } from '../../hooks/useColorScheme';
import { RELATION_STYLE } from './relation-style';

cytoscape.use(fcose);

/** Laid-out positions per graph (a claim's neighbourhood, the library's), kept for the session: a graph shown again is not laid out again. */
const positions = new Map<string, Map<string, Position>>();
const LAYOUT_MARK = 'claim graph layout started';

function elementsOf(graph: ClaimGraph, centre: number | undefined): ElementDefinition[] {
  return [
    ...graph.nodes.map((n) => ({
      data: {
        id: String(n.id),
        label: n.statement.length > 60 ? `${n.statement.slice(0, 57)}…` : n.statement,
        weight: n.appearances,
        centre: n.id === centre ? 1 : 0,
      },
    })),
    ...graph.edges.map((e) => ({ data: { id: `link-${e.id}`, source: String(e.from), target: String(e.to), relation: e.relation } })),
  ];
}

/** The graph's colours, read from the design tokens of the theme shown now. */
function paletteOf(element: HTMLElement) {
  const css = getComputedStyle(element);
  const token = (name: string) => css.getPropertyValue(name).trim();
  return {
    fg: token('--fg'),
    node: token('--accent'),
    centre: token('--graph-centre'),
    bg: token('--bg-raised'),
    relation: (r: Relation) => token(`--relation-${r}`),
  };
}

function styles(palette: ReturnType<typeof paletteOf>): cytoscape.StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': 10,
        color: palette.fg,
        'text-wrap': 'wrap',
        'text-max-width': '140px',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'background-color': palette.node,
        width: 'mapData(weight, 0, 20, 14, 40)',
        height: 'mapData(weight, 0, 20, 14, 40)',
        'min-zoomed-font-size': 7,
      },
    },
    { selector: 'node[centre = 1]', style: { 'border-width': 3, 'border-color': palette.centre } },
    {
      selector: 'edge',
      style: { width: 2, 'curve-style': 'bezier', 'arrow-scale': 1.2 },
    },
    ...RELATIONS.map((relation) => ({
      selector: `edge[relation = "${relation}"]`,
      style: {
        'line-color': palette.relation(relation),
        'target-arrow-color': palette.relation(relation),
        'target-arrow-shape': RELATION_STYLE[relation].arrow,
        'line-style': RELATION_STYLE[relation].line,
      },
    })),
  ];
}

interface Props {
  graph: ClaimGraph;
  /** Which cache of positions this graph uses ("library", "claim-12"). */
  cacheKey: string;
  centre?: number | undefined;
  onOpenClaim(id: number): void;
  /** Receives the graph's PNG export, once it is drawn. */
  exportRef: { current: (() => Blob | null) | null };
}

/**
 * The graph on a canvas (cytoscape, fCoSE layout). After each layout and each pan or zoom the
 * nodes' places on screen are written to data-node-positions, so a test can click a node with the mouse.
 * A change of theme restyles the drawn graph in place: same positions, no new layout.
 */
export function CytoGraph({ graph, cacheKey, centre, onOpenClaim, exportRef }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const open = useRef(onOpenClaim);
  const drawn = useRef<Core | null>(null);
  const scheme = useColorScheme();
  useLayoutEffect(() => {
    open.current = onOpenClaim;
  });

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const cached = positions.get(cacheKey) ?? new Map<string, Position>();
    positions.set(cacheKey, cached);
    const elements = elementsOf(graph, centre);
    const allCached = graph.nodes.length > 0 && graph.nodes.every((n) => cached.has(String(n.id)));
    const cy: Core = cytoscape({
      container: element,
      elements,
      style: styles(paletteOf(element)),
      wheelSensitivity: 0.4,
      minZoom: 0.1,
      maxZoom: 4,
    });
    const publish = () => {
      const places = cy.nodes().map((n) => ({ id: Number(n.id()), ...n.renderedPosition() }));
      element.dataset.nodePositions = JSON.stringify(places);
    };
    cy.on('layoutstop', () => {
      // How long laying out took, for `npm run bench` (User Timing: nothing is kept or sent).
      performance.measure('claim graph layout', LAYOUT_MARK);
      cy.nodes().forEach((n) => void cached.set(n.id(), { ...n.position() }));
      cy.fit(undefined, 30);
      // A few claims fill the canvas at a readable size, not blown up.
      if (cy.zoom() > 1.2) {
        cy.zoom(1.2);
        cy.center();
      }
      publish();
      element.dataset.layout = 'done';
    });
    cy.on('viewport', publish);
    cy.on('tap', 'node', (event) => open.current(Number(event.target.id())));
    cy.on('mouseover', 'node', () => (element.style.cursor = 'pointer'));
    cy.on('mouseout', 'node', () => (element.style.cursor = ''));
    element.dataset.layout = 'running';
    performance.mark(LAYOUT_MARK);
    if (allCached) {
      cy.layout({ name: 'preset', positions: Object.fromEntries(cached) }).run();
    } else {
      const fixed = graph.nodes
        .filter((n) => cached.has(String(n.id)))
        .map((n) => ({ nodeId: String(n.id), position: cached.get(String(n.id))! }));
      cy.layout({
        name: 'fcose',
        animate: false,
        randomize: fixed.length === 0,
        quality: graph.nodes.length > 300 ? 'draft' : 'default',
        nodeRepulsion: () => 6000,
        idealEdgeLength: () => 150,
        ...(fixed.length > 0 && fixed.length < graph.nodes.length ? { fixedNodeConstraint: fixed } : {}),
      } as cytoscape.LayoutOptions).run();
    }
    exportRef.current = () => cy.png({ output: 'blob', full: true, scale: 2, bg: paletteOf(element).bg });
    drawn.current = cy;
    return () => {
      exportRef.current = null;
      drawn.current = null;
      cy.destroy();
    };
  }, [graph, cacheKey, centre, exportRef]);

  useEffect(() => {
    const element = container.current;
    if (!element || !drawn.current) return;
    drawn.current
      .style()
      .fromJson(styles(paletteOf(element)))
      .update();
  }, [scheme]);

  return (
    <div
      ref={container}
      className="cy-canvas"
      role="img"
      aria-label={`Graph of ${graph.nodes.length} claims and ${graph.edges.length} links`}
    />
  );
}
