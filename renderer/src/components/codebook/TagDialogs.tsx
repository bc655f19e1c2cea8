import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { Tag } from '../../../../electron/shared/types';
import { call } from '../../client/api';
import { useCommand } from '../../client/queries';
import { Dialog } from '../Dialog';
import { TagChooser, TOP_LEVEL } from './TagChooser';
import { descendantsOf, PALETTE, plural, type TagTree } from './tree';

/** Runs an edit from a dialog: closes on success, shows the command's message on failure. */
function useSubmit(onDone: () => void) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      onDone();
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };
  return { error, busy, submit };
}

function FormError({ error }: { error: string | null }) {
  return error ? (
    <div className="form-error" role="alert">
      {error}
    </div>
  ) : null;
}

function Buttons({ busy, label, danger, onClose }: { busy: boolean; label: string; danger?: boolean; onClose(): void }) {
  return (
    <div className="buttons">
      <button type="button" className="button" onClick={onClose}>
        Cancel
      </button>
      <button type="submit" className={danger ? 'button primary danger-fill' : 'button primary'} disabled={busy}>
        {label}
      </button>
    </div>
  );
}

export function CreateTagDialog({ parent, onCreated, onClose }: { parent: Tag | null; onCreated(tag: Tag): void; onClose(): void }) {
  const [path, setPath] = useState('');
  const [description, setDescription] = useState('');
  const { error, busy, submit } = useSubmit(onClose);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const tag = await call('tags.create', {
        path,
        parentId: parent?.id ?? null,
        ...(description.trim() ? { description: description.trim() } : {}),
      });
      onCreated(tag);
    });
  };
  return (
    <Dialog title={parent ? `New tag under “${parent.name}”` : 'New tag'} onClose={onClose}>
      <form onSubmit={onSubmit}>
        <div className="form-grid">
          <label htmlFor="new-tag-name">Name</label>
          <input id="new-tag-name" value={path} onChange={(e) => setPath(e.target.value)} autoComplete="off" required />
          <div className="hint">Nest with “/”, e.g. Syria / Refugees. Missing levels are created.</div>
          <label htmlFor="new-tag-description">Description</label>
          <textarea id="new-tag-description" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
        </div>
        <FormError error={error} />
        <Buttons busy={busy} label="Create" onClose={onClose} />
      </form>
    </Dialog>
  );
}

export function RecolourDialog({ tag, onClose }: { tag: Tag; onClose(): void }) {
  const [color, setColor] = useState(tag.color.toLowerCase());
  const { error, busy, submit } = useSubmit(onClose);
  return (
    <Dialog title={`Colour of “${tag.name}”`} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit(() => call('tags.update', { id: tag.id, color }));
        }}
      >
        <div className="form-grid">
          <label htmlFor="tag-colour">Colour</label>
          <input
            id="tag-colour"
            type="color"
            className="colour-input"
            value={color}
            onChange={(e) => setColor(e.target.value.toLowerCase())}
          />
          <span>Palette</span>
          <div className="palette-swatches" role="radiogroup" aria-label="Palette">
            {PALETTE.map((c) => (
              <button
                key={c}
                type="button"
                role="radio"
                aria-checked={c === color}
                aria-label={c}
                className="palette-swatch"
                style={{ background: c }}
                onClick={() => setColor(c)}
              />
            ))}
          </div>
        </div>
        <FormError error={error} />
        <Buttons busy={busy} label="Save" onClose={onClose} />
      </form>
    </Dialog>
  );
}

export function DescriptionDialog({ tag, onClose }: { tag: Tag; onClose(): void }) {
  const [description, setDescription] = useState(tag.description);
  const { error, busy, submit } = useSubmit(onClose);
  return (
    <Dialog title={`Description of “${tag.name}”`} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit(() => call('tags.update', { id: tag.id, description: description.trim() }));
        }}
      >
        <label className="field">
          <span>Description</span>
          <textarea
            rows={6}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            placeholder="When to apply this tag, with an example"
          />
        </label>
        <FormError error={error} />
        <Buttons busy={busy} label="Save" onClose={onClose} />
      </form>
    </Dialog>
  );
}

export function MoveDialog({ tag, tree, onClose }: { tag: Tag; tree: TagTree; onClose(): void }) {
  const exclude = useMemo(() => new Set([tag.id, ...descendantsOf(tree, tag.id)]), [tag.id, tree]);
  const [value, setValue] = useState('');
  const { error, busy, submit } = useSubmit(onClose);
  const tags = useMemo(() => [...tree.byId.values()], [tree]);
  return (
    <Dialog title={`Move “${tag.name}”`} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!value) return;
          void submit(() => call('tags.move', { id: tag.id, parentId: value === TOP_LEVEL ? null : Number(value) }));
        }}
      >
        <p className="dialog-text">Choose its new parent. Its child tags move with it.</p>
        <TagChooser tags={tags} exclude={exclude} value={value} onChange={setValue} label="New parent" topLevel={tag.parentId !== null} />
        <FormError error={error} />
        <Buttons busy={busy || !value} label="Move" onClose={onClose} />
      </form>
    </Dialog>
  );
}

export function MergeDialog({ tag, tree, onClose }: { tag: Tag; tree: TagTree; onClose(): void }) {
  const exclude = useMemo(() => new Set([tag.id, ...descendantsOf(tree, tag.id)]), [tag.id, tree]);
  const [value, setValue] = useState('');
  const { error, busy, submit } = useSubmit(onClose);
  const tags = useMemo(() => [...tree.byId.values()], [tree]);
  const target = value ? tree.byId.get(Number(value)) : undefined;
  const children = tree.children.get(tag.id)?.length ?? 0;
  return (
    <Dialog title={`Merge “${tag.name}” into…`} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!target) return;
          void submit(() => call('tags.merge', { sourceId: tag.id, targetId: target.id }));
        }}
      >
        <p className="dialog-text">
          The passages tagged “{tag.name}” ({plural(tag.passageCount, 'passage')}) take the tag you choose instead; a passage that already
          has both keeps it once.{' '}
          {children
            ? `Its ${plural(children, 'child tag')} move under the tag you choose (a child named like one already there is merged into it). `
            : ''}
          “{tag.name}” is then removed. You can undo this.
        </p>
        <TagChooser tags={tags} exclude={exclude} value={value} onChange={setValue} label="Merge into" topLevel={false} />
        {target ? (
          <p className="dialog-text">
            Merge into <strong>{target.path}</strong>.
          </p>
        ) : null}
        <FormError error={error} />
        <Buttons busy={busy || !target} label="Merge" onClose={onClose} />
      </form>
    </Dialog>
  );
}

export function DeleteTagDialog({ tag, onClose }: { tag: Tag; onClose(): void }) {
  const usage = useCommand('tags.usage', { id: tag.id });
  const { error, busy, submit } = useSubmit(onClose);
  let text: ReactNode = 'Counting what it touches…';
  if (usage.data) {
    const { passages, articles, descendants } = usage.data;
    text = (
      <>
        {passages === 0
          ? `“${tag.name}” is not applied to any passage.`
          : `“${tag.name}” is applied to ${plural(passages, 'passage')} in ${plural(articles, 'article')}; they lose this tag but stay in the library.`}
        {descendants > 0 ? ` Its ${plural(descendants, 'child tag')} ${descendants === 1 ? 'is' : 'are'} deleted with it.` : ''} You can
        undo this.
      </>
    );
  } else if (usage.error) text = usage.error.message;
  return (
    <Dialog title={`Delete “${tag.name}”?`} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit(() => call('tags.delete', { id: tag.id }));
        }}
      >
        <p className="dialog-text">{text}</p>
        <FormError error={error} />
        <Buttons busy={busy || !usage.data} label="Delete" danger onClose={onClose} />
      </form>
    </Dialog>
  );
}
