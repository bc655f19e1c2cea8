import type { InputEvent, KeyboardInputEvent, Shell, WebContents } from 'electron';
import { isWebLink } from './origin';

/** How long after the user's click or Enter a link may still open (a click takes a few ms to arrive). */
export const GESTURE_MS = 1000;

export type WatchedContents = Pick<WebContents, 'on'>;

export type LinkOutcome = 'opened' | 'not-a-web-link' | 'no-user-gesture';

/**
 * Opens web links in the OS browser only for a click (or Enter) the user just made in that window.
 * Main sees the user's input itself ('input-event'), so a page cannot fake the gesture; the preload
 * asks only for visible links the user activated (preload/links.ts). Each gesture opens one link.
 */
export class LinkOpener {
  private readonly gestures = new WeakMap<object, number>();

  constructor(
    private readonly shell: Pick<Shell, 'openExternal'>,
    private readonly now: () => number = Date.now,
  ) {}

  watch(contents: WatchedContents): void {
    contents.on('input-event', (_event, input) => {
      if (isActivation(input)) this.gestures.set(contents, this.now());
    });
  }

  async open(contents: WatchedContents, url: string): Promise<LinkOutcome> {
    if (!isWebLink(url)) return 'not-a-web-link';
    const at = this.gestures.get(contents);
    if (at === undefined || this.now() - at > GESTURE_MS) return 'no-user-gesture';
    this.gestures.delete(contents);
    await this.shell.openExternal(url);
    return 'opened';
  }
}

function isActivation(input: InputEvent): boolean {
  if (input.type === 'mouseUp') return true;
  if (input.type !== 'rawKeyDown' && input.type !== 'keyDown') return false;
  const key = (input as KeyboardInputEvent).keyCode;
  return key === 'Enter' || key === 'Return';
}
