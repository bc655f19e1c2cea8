import { useRef } from 'react';
import { call } from '../../client/api';
import { count, plural } from './tree';

interface Props {
  tagCount: number;
  filter: string;
  onFilterChange(filter: string): void;
  onNewTag(): void;
  /** Runs a command, showing its error in the codebook. */
  run(work: () => Promise<unknown>): Promise<void>;
  onStatus(status: string | null): void;
}

/** The codebook's own toolbar: new tag, codebook CSV in and out, and the filter. */
export function CodebookToolbar({ tagCount, filter, onFilterChange, onNewTag, run, onStatus }: Props) {
  const fileInput = useRef<HTMLInputElement>(null);

  const exportCsv = () =>
    void run(async () => {
      const { csv } = await call('tags.exportCsv', {});
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = 'codebook.csv';
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      onStatus(`Exported ${plural(tagCount, 'tag')} to codebook.csv.`);
    });

  const importCsv = (file: File) =>
    void run(async () => {
      onStatus(`Importing ${file.name}…`);
      try {
        const { created, updated } = await call('tags.importCsv', { csv: await file.text() });
        onStatus(`Imported ${file.name}: ${plural(created, 'tag')} created, ${count(updated)} updated.`);
      } catch (e) {
        onStatus(null);
        throw e;
      }
    });

  return (
    <div className="view-toolbar">
      <button type="button" className="button small primary" onClick={onNewTag}>
        New tag
      </button>
      <button type="button" className="button small" onClick={() => fileInput.current?.click()}>
        Import codebook…
      </button>
      <button type="button" className="button small" onClick={exportCsv} disabled={tagCount === 0}>
        Export codebook
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".csv,text/csv"
        aria-label="Codebook CSV file"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) importCsv(file);
        }}
      />
      <input
        type="search"
        className="view-filter"
        aria-label="Filter codebook"
        placeholder="Filter tags"
        value={filter}
        onChange={(e) => onFilterChange(e.target.value)}
      />
    </div>
  );
}
