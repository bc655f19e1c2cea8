import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the built pieces sit relative to this bundle (dist/electron/main.js), in dev and packaged. */
const here = dirname(fileURLToPath(import.meta.url));

export const PRELOAD_PATH = join(here, 'preload.cjs');
export const RENDERER_DIR = join(here, '..', 'renderer');
