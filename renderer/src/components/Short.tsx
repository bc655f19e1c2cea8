/**
 * A toolbar label that gives way to a shorter one in a narrow window (1024 px), so every toolbar
 * button still fits on one line. The button keeps its full name as its aria-label.
 */
export function Short({ wide, narrow }: { wide: string; narrow: string }) {
  return (
    <>
      <span className="label-wide" aria-hidden="true">
        {wide}
      </span>
      <span className="label-narrow" aria-hidden="true">
        {narrow}
      </span>
    </>
  );
}
