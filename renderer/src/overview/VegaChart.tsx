import { useEffect, useRef } from 'react';
import embed, { type Result } from 'vega-embed';
import { expressionInterpreter } from 'vega-interpreter';
import type { TopLevelSpec } from 'vega-lite';

export interface ChartHandle {
  svg(): Promise<string>;
  png(): Promise<string>;
}

interface Props {
  spec: TopLevelSpec;
  /** What the chart shows, for screen readers (the data table below holds the numbers). */
  label: string;
  onMark(datum: Record<string, unknown>): void;
  handle: React.RefObject<ChartHandle | null>;
}

/**
 * One Vega-Lite chart drawn as SVG. The app's CSP forbids eval, so Vega's expressions run through
 * its interpreter (`ast: true`). A click on a mark hands its row to onMark.
 */
export function VegaChart({ spec, label, onMark, handle }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const onMarkRef = useRef(onMark);
  useEffect(() => {
    onMarkRef.current = onMark;
  }, [onMark]);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let result: Result | null = null;
    let cancelled = false;
    void embed(element, spec, {
      renderer: 'svg',
      actions: false,
      ast: true,
      expr: expressionInterpreter,
      defaultStyle: false,
    }).then((embedded) => {
      if (cancelled) {
        embedded.finalize();
        return;
      }
      result = embedded;
      element.dataset.rendered = 'true';
      embedded.view.addEventListener('click', (_event, item) => {
        const datum = (item as { datum?: Record<string, unknown> } | null | undefined)?.datum;
        if (datum) onMarkRef.current(datum);
      });
      handle.current = {
        svg: () => embedded.view.toSVG(),
        png: () => embedded.view.toImageURL('png', 2),
      };
    });
    return () => {
      cancelled = true;
      delete element.dataset.rendered;
      result?.finalize();
      handle.current = null;
    };
  }, [spec, handle]);

  return <div ref={box} className="vega-chart" role="img" aria-label={label} />;
}
