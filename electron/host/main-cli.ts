import { main } from './cli';
import type { Launcher } from './cli-output';

/** The CLI bundle's entry, called by bin/marginalia.mjs with what only the launcher can do. */
export async function run(launcher: Launcher): Promise<void> {
  // Exit through process.exitCode: process.exit() right after a large write to a pipe loses output.
  process.exitCode = await main(
    process.argv.slice(2),
    {
      write: (text) => process.stdout.write(text),
      error: (text) => process.stderr.write(text),
      stdout: process.stdout,
    },
    launcher,
  );
}
