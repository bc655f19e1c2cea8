import { ImportButtons } from './ImportButtons';

/** First run: what Marginalia is for and the one thing to do next. */
export function EmptyState({ onFiles }: { onFiles(files: File[]): void }) {
  return (
    <div className="empty">
      <h1>Your library is empty</h1>
      <p>
        Import the articles you are working on — plain text saved from news sites, web pages, Word, OpenDocument and PDF files, in any
        language or encoding. Then read them, mark passages and tag them with your codebook.
      </p>
      <div className="actions">
        <ImportButtons onFiles={onFiles} primary />
      </div>
      <p>You can also drop files or folders anywhere on this window.</p>
    </div>
  );
}
