import { useCommand } from '../../client/queries';

interface Props {
  value: number | null;
  onChange(id: number | null): void;
}

/** "Only mine" / "Only X": one coder's passages. Shown once the library has a coder to pick. */
export function CoderSelect({ value, onChange }: Props) {
  const coders = useCommand('coders.list', {});
  const current = useCommand('coders.current', {});
  const mine = current.data?.id ?? null;
  const others = (coders.data ?? []).filter((c) => c.id !== mine);
  if (!coders.data?.length) return null;
  return (
    <select aria-label="Coder" value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}>
      <option value="">All coders</option>
      {mine !== null ? <option value={mine}>Only mine</option> : null}
      {others.map((c) => (
        <option key={c.id} value={c.id}>
          {`Only ${c.name}`}
        </option>
      ))}
    </select>
  );
}
