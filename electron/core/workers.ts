import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread. Bundled (the Electron app), the worker is `<name>.js` beside the bundle.
 * From TypeScript sources (tests, the CLI, benchmarks) it is the .ts module at `source`, and Node 20
 * does not apply `--import` loader hooks to a worker's entry module: so the worker first registers
 * tsx, then imports its entry.
 */
export function startWorker(source: URL, name: string, options: WorkerOptions = {}): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, import.meta.url), options);
  const entry = JSON.stringify(source.href);
  const bootstrap = `import(${JSON.stringify(tsxApi())}).then((tsx) => { tsx.register(); return import(${entry}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/**
 * Stops a worker and resolves once it has exited. Until then a timer keeps the process: a worker
 * unreferenced while it stops (the parse pool unrefs an idle worker when a late message arrives)
 * would otherwise let the process end before the exit, with whatever awaited it never settled (a
 * CLI import ended with code 13 and no word).
 */
export async function stopWorker(worker: Worker): Promise<number> {
  const keep = setInterval(() => {}, 60_000);
  try {
    return await worker.terminate();
  } finally {
    clearInterval(keep);
  }
}

function tsxApi(): string {
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    // Some test runners transform modules and drop import.meta.resolve.
    return pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
  }
}
