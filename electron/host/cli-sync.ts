import { syncLibrary, type SyncReport } from '../core/teams/hub/sync';
import { formatCount, plural } from '../shared/counts';
import { openCliLibrary } from './cli-library';
import { CliError, type CommandRun, json } from './cli-output';

const quote = (value: unknown): string => (value === null || value === undefined ? 'nothing' : JSON.stringify(value));

/** The sync report in words: what went up and came down, and every conflict with the value that lost. */
export function syncText(library: string, r: SyncReport): string {
  const lines = [
    `Synced ${library} with ${r.hub} as ${r.coder}: ${plural(r.uploaded, 'article')} uploaded, ${plural(r.sent, 'change')} sent, ${plural(r.pulled, 'change')} received.`,
  ];
  if (r.notSent > 0) lines.push(`${plural(r.notSent, 'change')} to other coders' passages not sent: only a passage's coder may change it.`);
  if (r.skipped > 0) lines.push(`${plural(r.skipped, 'change')} not applied: what they refer to was deleted here.`);
  if (r.conflicts.length > 0) {
    lines.push(
      `${plural(r.conflicts.length, 'conflict')} (per field, the later hub sequence wins; the losing value stays in the library's sync history):`,
    );
    for (const c of r.conflicts) {
      const by = (name: string | null) => (name ? ` (${name})` : '');
      lines.push(`  ${c.entity} ${c.uid} ${c.field}: kept ${quote(c.kept)}${by(c.keptBy)}, lost ${quote(c.lost)}${by(c.lostBy)}`);
    }
  }
  return lines.join('\n') + '\n';
}

/**
 * `sync --hub URL [--coder NAME]`: the password may sit in the URL or in $PGPASSWORD (kept out of
 * the shell's history); neither is ever printed.
 */
export const syncCommand: CommandRun = async (values, positionals, out) => {
  if (positionals.length > 0) throw new CliError('sync takes no paths: name the hub with --hub postgres://….');
  const hub = (values.hub as string | undefined) ?? process.env.MARGINALIA_HUB;
  if (!hub) throw new CliError('sync needs --hub postgres://coder@host:port/database (or $MARGINALIA_HUB).');
  const lib = openCliLibrary(values);
  try {
    const tty = !values.json && process.stderr.isTTY;
    const report = await syncLibrary(lib, hub, {
      coder: values.coder as string | undefined,
      onStep: (step, done) => {
        if (tty)
          process.stderr.write(`\r${step === 'uploaded' ? 'Uploaded' : step === 'pushed' ? 'Sent' : 'Received'} ${formatCount(done)}   `);
      },
    });
    if (tty) process.stderr.write('\n');
    out.write(values.json ? json(report) : syncText(lib.name, report));
    return 0;
  } finally {
    lib.close();
  }
};
