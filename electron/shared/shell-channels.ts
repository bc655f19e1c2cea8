/**
 * IPC channels between the preload and main that are not contract commands: the page never names
 * them (the preload uses them itself), and no transport but Electron has them.
 */
/** Open a web link the user clicked in the OS browser. */
export const LINK_CHANNEL = 'shell.openLink';
/** Turn files the user dropped or picked into grants (opaque ids main resolves). */
export const GRANT_CHANNEL = 'shell.grantFiles';
