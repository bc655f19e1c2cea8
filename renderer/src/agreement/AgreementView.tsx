import { useState } from 'react';
import { AGREEMENT_UNITS, type AgreementRow, type AgreementUnit } from '../../../electron/shared/agreement';
import { formatCount } from '../../../electron/shared/counts';
import { call } from '../client/api';
import { useCommand } from '../client/queries';
import { downloadText } from '../overview/exports';
import { SideBySide } from './SideBySide';

const UNIT_LABELS: Record<AgreementUnit, string> = { character: 'Characters', sentence: 'Sentences', paragraph: 'Paragraphs' };
const statistic = (value: number | null) => (value === null ? '–' : value.toFixed(3));

function toggle<T>(list: T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/** Compare coders: pick coders, tags and articles; the statistics per tag and overall; one article side by side. */
export function AgreementView() {
  const choices = useCommand('agreement.choices', {});
  const [picked, setPicked] = useState<string[] | null>(null);
  const [tagIds, setTagIds] = useState<number[]>([]);
  const [articleIds, setArticleIds] = useState<number[]>([]);
  const [unit, setUnit] = useState<AgreementUnit>('character');
  const [shown, setShown] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const coders = picked ?? choices.data?.coders.map((c) => c.name) ?? [];
  const args = {
    coders,
    unit,
    ...(tagIds.length > 0 ? { tagIds } : {}),
    ...(articleIds.length > 0 ? { articleIds } : {}),
  };
  const ready = coders.length >= 2;
  const report = useCommand('agreement.compute', args, { enabled: ready });
  const articles = report.data?.articles ?? [];
  const articleId = shown !== null && articles.some((a) => a.id === shown) ? shown : (articles[0]?.id ?? null);

  const exportCsv = async () => {
    try {
      const { csv } = await call('agreement.csv', args);
      downloadText(csv, 'text/csv;charset=utf-8', `agreement-${unit}.csv`);
      setNotice(`Saved agreement-${unit}.csv`);
    } catch (error) {
      setNotice(`Could not export: ${(error as Error).message}`);
    }
  };

  return (
    <section className="agreement" aria-label="Compare coders">
      <h2>Compare coders</h2>
      {choices.error ? <p role="alert">{choices.error.message}</p> : null}
      <div className="agreement-picks">
        <fieldset>
          <legend>Coders</legend>
          {choices.data?.coders.map((c) => (
            <label key={c.id}>
              <input type="checkbox" checked={coders.includes(c.name)} onChange={() => setPicked(toggle(coders, c.name))} />
              <span className="coder-swatch" style={{ background: c.colour }} aria-hidden="true" /> {c.name}
            </label>
          ))}
          {choices.data && choices.data.coders.length < 2 ? <p>Agreement needs two coders who have tagged passages.</p> : null}
        </fieldset>
        <fieldset>
          <legend>Tags (none ticked: all)</legend>
          {choices.data?.tags.map((t) => (
            <label key={t.id}>
              <input type="checkbox" checked={tagIds.includes(t.id)} onChange={() => setTagIds(toggle(tagIds, t.id))} /> {t.path}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Unit</legend>
          {AGREEMENT_UNITS.map((u) => (
            <label key={u}>
              <input type="radio" name="agreement-unit" checked={unit === u} onChange={() => setUnit(u)} /> {UNIT_LABELS[u]}
            </label>
          ))}
        </fieldset>
        {articles.length > 0 || articleIds.length > 0 ? (
          <fieldset>
            <legend>Articles coded by all (none ticked: all)</legend>
            {(report.data?.articles ?? []).map((a) => (
              <label key={a.id}>
                <input type="checkbox" checked={articleIds.includes(a.id)} onChange={() => setArticleIds(toggle(articleIds, a.id))} />{' '}
                {a.title}
              </label>
            ))}
          </fieldset>
        ) : null}
      </div>
      {!ready ? <p>Tick two or more coders to compare them.</p> : null}
      {report.error ? <p role="alert">{report.error.message}</p> : null}
      {report.isFetching && ready ? <p role="status">Counting agreement…</p> : null}
      {report.data ? (
        <>
          <StatisticsTable rows={report.data.rows} unit={unit} articles={report.data.articleIds.length} />
          <div className="agreement-actions">
            <button type="button" className="button" onClick={() => void exportCsv()}>
              Export table as CSV
            </button>
            {notice ? <span role="status">{notice}</span> : null}
          </div>
          {articleId !== null ? (
            <>
              <label className="agreement-article-pick">
                Article{' '}
                <select value={articleId} onChange={(e) => setShown(Number(e.target.value))}>
                  {articles.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.title}
                    </option>
                  ))}
                </select>
              </label>
              <SideBySide articleId={articleId} coders={coders} tagIds={tagIds} />
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function StatisticsTable({ rows, unit, articles }: { rows: AgreementRow[]; unit: AgreementUnit; articles: number }) {
  return (
    <table className="agreement-table">
      <caption>
        Agreement by {unit} over {formatCount(articles)} {articles === 1 ? 'article' : 'articles'} coded by all
      </caption>
      <thead>
        <tr>
          <th scope="col">Tag</th>
          <th scope="col" className="number">
            Agreement
          </th>
          <th scope="col" className="number">
            Cohen’s kappa
          </th>
          <th scope="col" className="number">
            Krippendorff’s alpha
          </th>
          <th scope="col" className="number">
            Units
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.tagId ?? 'all'} className={r.tag === null ? 'overall' : undefined}>
            <th scope="row">{r.tag ?? 'All tags'}</th>
            <td className="number">{r.percent === null ? '–' : `${r.percent.toFixed(1)}%`}</td>
            <td className="number">{statistic(r.kappa)}</td>
            <td className="number">{statistic(r.alpha)}</td>
            <td className="number">{formatCount(r.units)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
