interface Props {
  /** The tag's whole path ("Syria / Refugees"). */
  path: string;
  color: string | undefined;
  className: string;
}

const SEPARATOR = ' / ';

/**
 * A tag as a chip: its whole path where the space allows, the parents cut first (with an ellipsis)
 * so the tag's own name stays whole, and the whole path on hover. The text is the whole path, so
 * the accessible name of whatever holds the chip carries it too.
 */
export function TagChip({ path, color, className }: Props) {
  const cut = path.lastIndexOf(SEPARATOR);
  return (
    <span className={`${className} path-chip`} title={path}>
      <span className="swatch" style={{ background: color }} aria-hidden="true" />
      {cut >= 0 ? (
        <>
          <span className="chip-parents">{path.slice(0, cut)}</span>
          <span className="chip-separator">{SEPARATOR}</span>
        </>
      ) : null}
      <span className="chip-leaf">{cut >= 0 ? path.slice(cut + SEPARATOR.length) : path}</span>
    </span>
  );
}
