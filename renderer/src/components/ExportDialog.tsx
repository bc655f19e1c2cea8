import { useState } from 'react';
import { transport } from '../client/api';
import { useCommand } from '../client/queries';
import type { ExportCommand, ExportFile } from '../client/transport';
import type { PassageFilter } from './passages/PassagesView';
import { Dialog } from './Dialog';
import { FormFooter } from './FormFooter';

type Kind = 'passages' | 'claims' | 'claims-jsonld' | 'links' | 'memos' | 'annotations' | 'qdpx';

const KINDS: Array<{ kind: Kind; label: string; hint: string; command: ExportCommand; file: ExportFile }> = [
  {
    kind: 'passages',
    label: 'Tagged passages (CSV)',
    hint: 'For Excel, LibreOffice, pandas and R: quote, article, outlet, date, tags, note, context.',
    command: 'export.passagesCsv',
    file: { title: 'Export passages', defaultName: 'passages.csv', filters: [{ name: 'CSV', extensions: ['csv'] }] },
  },
  {
    kind: 'claims',
    label: 'Claims (CSV)',
    hint: 'Every claim with its kind, speaker, value and appearances.',
    command: 'export.claimsCsv',
    file: { title: 'Export claims', defaultName: 'claims.csv', filters: [{ name: 'CSV', extensions: ['csv'] }] },
  },
  {
    kind: 'claims-jsonld',
    label: 'Claims (schema.org JSON-LD)',
    hint: 'Every claim as a schema.org Claim, the vocabulary of fact-checkers: speaker, each appearance, the first one, and links to other claims.',
    command: 'export.claimsJsonLd',
    file: {
      title: 'Export claims as JSON-LD',
      defaultName: 'claims.jsonld',
      filters: [{ name: 'JSON-LD', extensions: ['jsonld', 'json'] }],
    },
  },
  {
    kind: 'links',
    label: 'Claim links (CSV)',
    hint: 'Which claims support, contradict or vary each other.',
    command: 'export.linksCsv',
    file: { title: 'Export claim links', defaultName: 'claim-links.csv', filters: [{ name: 'CSV', extensions: ['csv'] }] },
  },
  {
    kind: 'memos',
    label: 'Memos (CSV)',
    hint: 'The library’s memo and every article’s, in Markdown, with the article’s title, outlet and date.',
    command: 'export.memosCsv',
    file: { title: 'Export memos', defaultName: 'memos.csv', filters: [{ name: 'CSV', extensions: ['csv'] }] },
  },
  {
    kind: 'annotations',
    label: 'Web annotations (W3C JSON-LD)',
    hint: 'One annotation per passage with quote and position selectors, tags and notes.',
    command: 'export.annotations',
    file: {
      title: 'Export annotations',
      defaultName: 'annotations.jsonld',
      filters: [{ name: 'JSON-LD', extensions: ['jsonld', 'json'] }],
    },
  },
  {
    kind: 'qdpx',
    label: 'REFI-QDA project (.qdpx)',
    hint: 'The whole library for ATLAS.ti, NVivo, MAXQDA or QualCoder: sources, codebook, coded passages, notes, links.',
    command: 'export.qdpx',
    file: {
      title: 'Export REFI-QDA project',
      defaultName: 'marginalia.qdpx',
      filters: [{ name: 'REFI-QDA project', extensions: ['qdpx'] }],
    },
  },
];

/**
 * File ▸ Export…: what to export and how. From the Passages view it offers exactly the passages
 * its filter shows.
 */
export function ExportDialog({
  filter,
  onClose,
  onDone,
}: {
  filter: PassageFilter | null;
  onClose(): void;
  onDone(message: string): void;
}) {
  const [kind, setKind] = useState<Kind>('passages');
  const [layout, setLayout] = useState<'wide' | 'long'>('wide');
  const [bom, setBom] = useState(true);
  const [onlyShown, setOnlyShown] = useState(filter !== null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Claims and memos files are offered once the library has some: before that they could hold no rows.
  const stats = useCommand('stats.get', {}).data;
  const empty = new Set<Kind>([
    ...((stats?.claims ?? 0) > 0 ? [] : (['claims', 'claims-jsonld', 'links'] as const)),
    ...((stats?.memos ?? 0) > 0 ? [] : (['memos'] as const)),
  ]);
  const kinds = KINDS.filter((k) => !empty.has(k.kind));
  const chosen = kinds.find((k) => k.kind === kind) ?? kinds[0]!;

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const args =
        chosen.kind === 'passages'
          ? { layout, bom, ...(onlyShown && filter ? { filter } : {}) }
          : chosen.kind === 'claims'
            ? { layout, bom }
            : chosen.kind === 'links' || chosen.kind === 'memos'
              ? { bom }
              : {};
      const where = await transport.saveExport(chosen.command, args as never, chosen.file);
      if (where === null) {
        setBusy(false);
        return;
      }
      onDone(`Exported ${chosen.label.replace(/ \(.*\)$/, '').toLowerCase()} to ${where}`);
      onClose();
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <Dialog title="Export" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <fieldset className="export-kinds">
          <legend>What to export</legend>
          {kinds.map((k) => (
            <label key={k.kind} className="export-kind">
              <input type="radio" name="kind" value={k.kind} checked={chosen.kind === k.kind} onChange={() => setKind(k.kind)} />
              <span>
                <strong>{k.label}</strong>
                <span className="muted small"> — {k.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {chosen.kind === 'passages' ? (
          <fieldset className="export-options">
            <legend>Passages</legend>
            <label>
              <input type="checkbox" checked={onlyShown} disabled={filter === null} onChange={(e) => setOnlyShown(e.target.checked)} />
              Only the passages the Passages view shows{filter === null ? ' (open the Passages view to filter)' : ''}
            </label>
            <label>
              Layout{' '}
              <select value={layout} onChange={(e) => setLayout(e.target.value as 'wide' | 'long')} aria-label="Layout">
                <option value="wide">Wide: one row per passage, tags joined by “; ”</option>
                <option value="long">Long: one row per passage and tag</option>
              </select>
            </label>
          </fieldset>
        ) : null}
        {chosen.kind === 'claims' ? (
          <fieldset className="export-options">
            <legend>Claims</legend>
            <label>
              Layout{' '}
              <select value={layout} onChange={(e) => setLayout(e.target.value as 'wide' | 'long')} aria-label="Layout">
                <option value="wide">Wide: one row per claim</option>
                <option value="long">Long: one row per appearance</option>
              </select>
            </label>
          </fieldset>
        ) : null}
        {chosen.kind === 'passages' || chosen.kind === 'claims' || chosen.kind === 'links' || chosen.kind === 'memos' ? (
          <label className="export-bom">
            <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} />
            Byte-order mark, so Excel on Windows reads accents and Cyrillic right (turn off for tools that dislike it)
          </label>
        ) : null}
        <FormFooter error={error} onCancel={onClose} submit={busy ? 'Exporting…' : 'Export…'} disabled={busy} />
      </form>
    </Dialog>
  );
}
