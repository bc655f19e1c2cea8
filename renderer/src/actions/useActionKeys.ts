import { useEffect } from 'react';
import { ACTIONS, isActionId } from '../../../electron/shared/actions';
import { matchesChord } from '../../../electron/shared/keys';
import { transport } from '../client/api';
import { bindingOf, runAction } from './bindings';
import { contextOf } from './context';
import { chordOf, PLATFORM } from './platform';

/** The action a key press triggers here and now: bound, enabled, its scope live. */
export function actionForKey(event: KeyboardEvent): (typeof ACTIONS)[number]['id'] | null {
  if (event.defaultPrevented || event.isComposing) return null;
  const context = contextOf(event.target);
  if (!context) return null;
  for (const action of ACTIONS) {
    if (!context.scopes.has(action.scope) || (context.typing && !('inTextFields' in action && action.inTextFields))) continue;
    if (!action.keys.some((key) => matchesChord(event, chordOf(key), PLATFORM))) continue;
    const binding = bindingOf(action.id);
    // A disabled action leaves the key to the browser (Delete with no passage selected, say).
    if (binding && (binding.enabled?.() ?? true)) return action.id;
  }
  return null;
}

/** The one keyboard handler: every key press goes through the registry; so do the menu's items. */
export function useActionKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const id = actionForKey(event);
      if (id === null) return;
      event.preventDefault();
      runAction(id);
    };
    window.addEventListener('keydown', onKey);
    const offMenu = transport.on('menu.action', ({ action }) => {
      if (isActionId(action)) runAction(action);
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      offMenu();
    };
  }, []);
}
