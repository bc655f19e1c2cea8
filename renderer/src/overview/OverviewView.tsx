import { useCallback, useMemo, useState } from 'react';
import { CHART_NAMES, type Bucket, type ChartName, type OverviewMark } from '../../../electron/shared/overview';
import type { PassagesStart } from '../components/passages/filter-state';
import { useDebounced } from '../hooks/useDebounced';
import { ChartPanel } from './ChartPanel';
import { DrillPanel, type Drill } from './DrillPanel';
import { EMPTY_FORM, OverviewFilters, toFilter } from './OverviewFilters';

interface Props {
  onOpenArticle(id: number): void;
  /** The Passages view filtered to a tag, or to the articles behind a mark. */
  onShowPassages(start: PassagesStart): void;
}

/** The corpus, the coding and the claims at a glance: every chart under one filter; a click shows the articles behind a mark. */
export function OverviewView({ onOpenArticle, onShowPassages }: Props) {
  const [form, setForm] = useState(EMPTY_FORM);
  const settled = useDebounced(form, 250);
  const filterKey = JSON.stringify(toFilter(settled));
  const filter = useMemo(() => JSON.parse(filterKey) as ReturnType<typeof toFilter>, [filterKey]);
  const [drill, setDrill] = useState<Drill | null>(null);
  const onMark = useCallback(
    (chart: ChartName, mark: OverviewMark, label: string, bucket: Bucket | undefined) => setDrill({ chart, mark, label, bucket }),
    [],
  );
  return (
    <section className="overview" aria-label="Overview">
      <OverviewFilters form={form} onChange={setForm} />
      {drill ? (
        <DrillPanel
          drill={drill}
          filter={filter}
          onOpenArticle={onOpenArticle}
          onShowPassages={onShowPassages}
          onClose={() => setDrill(null)}
        />
      ) : null}
      <div className="overview-charts">
        {CHART_NAMES.map((chart) => (
          <ChartPanel key={chart} chart={chart} filter={filter} onMark={onMark} />
        ))}
      </div>
    </section>
  );
}
