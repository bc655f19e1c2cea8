import { useRef } from 'react';
import { useBindActions } from '../actions/bindings';
import { ariaKeysOf } from '../actions/platform';

/** Hidden file inputs behind named buttons: the same picker in Electron and in a browser (also for the import actions). */
export function ImportButtons({ onFiles, primary = false }: { onFiles(files: File[]): void; primary?: boolean }) {
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const take = (input: HTMLInputElement | null) => {
    if (!input?.files) return;
    onFiles([...input.files]);
    input.value = '';
  };
  useBindActions({
    'import-files': { run: () => files.current?.click() },
    'import-folder': { run: () => folder.current?.click() },
  });
  return (
    <>
      <button
        type="button"
        className={`button${primary ? ' primary' : ''}`}
        onClick={() => files.current?.click()}
        aria-keyshortcuts={ariaKeysOf('import-files')}
      >
        Import files…
      </button>
      <button type="button" className="button" onClick={() => folder.current?.click()}>
        Import folder…
      </button>
      <input
        ref={files}
        type="file"
        multiple
        hidden
        aria-label="Choose files to import"
        accept=".txt,.md,.html,.htm,.docx,.odt,.pdf"
        onChange={(e) => take(e.currentTarget)}
      />
      <input
        ref={(el) => {
          folder.current = el;
          // React has no typed prop for directory pickers.
          el?.setAttribute('webkitdirectory', '');
        }}
        type="file"
        hidden
        aria-label="Choose a folder to import"
        onChange={(e) => take(e.currentTarget)}
      />
    </>
  );
}
