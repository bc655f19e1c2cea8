// What `npm run bench` keeps: every metric of every suite as a row of bench/results.json, the
// rows with a target also as the Markdown table in bench/results.md and in README.md. A run of
// some suites (--only) replaces those suites' rows and keeps the others, each row naming the
// machine and the moment it was measured on.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, type as osType, release } from 'node:os';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';

/** A bound on the value itself or on its ratio to the baseline measured in the same run. */
export interface Target {
  op: '<' | '≤';
  limit: number;
  of: 'value' | 'ratio';
}

/** How to read one metric of a suite: its baseline (another metric of the same run), its target. */
export interface MetricSpec {
  baseline?: string;
  /** A metric holding the ratio already (e.g. the median of per-pair ratios); else value / baseline. */
  ratio?: string;
  target?: Target;
}

export interface Machine {
  measured_at: string;
  commit: string;
  cpu: string;
  cores: number;
  memory_gb: number;
  os: string;
  node: string;
  /** 1, 5 and 15 minute load averages when the suite started and when it ended. */
  load_before: string;
  load_after: string;
}

export interface Row {
  suite: string;
  metric: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
  target: string | null;
  met: boolean | null;
  machine: Machine;
}

const ROOT = join(import.meta.dirname, '..');
const RESULTS = join(ROOT, 'bench', 'results.json');
const TABLE = join(ROOT, 'bench', 'results.md');
const README = join(ROOT, 'README.md');
const START = '<!-- bench:results -->';
const END = '<!-- /bench:results -->';

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** The machine as a suite starts; `finish` adds the load when it ends. */
export function machineNow(): { finish: () => Machine } {
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  // The files a run writes itself do not make the code it measured uncommitted.
  const changed = git('status', '--porcelain', '--', '.', ':!bench/results.json', ':!bench/results.md', ':!README.md');
  const commit = git('rev-parse', '--short', 'HEAD') + (changed ? ' with uncommitted changes' : '');
  const before = load();
  const measuredAt = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  return {
    finish: () => ({
      measured_at: measuredAt,
      commit,
      cpu: cpus()[0]?.model.trim() ?? 'unknown',
      cores: cpus().length,
      memory_gb: Math.round(totalmem() / 2 ** 30),
      os: `${osType()} ${release()}`,
      node: process.version,
      load_before: before,
      load_after: load(),
    }),
  };
}

/** The unit a metric's name ends in. */
export function unitOf(metric: string): string {
  if (metric.endsWith('_per_s')) return `${metric.split('_')[0]}/s`;
  if (metric.endsWith('_ms')) return 'ms';
  if (metric.endsWith('_s')) return 's';
  if (metric.endsWith('_kb')) return 'kB';
  if (metric.endsWith('_mb')) return 'MB';
  if (metric.includes('ratio')) return '×';
  return '';
}

const describe = (t: Target, unit: string): string =>
  t.of === 'ratio' ? `ratio ${t.op} ${t.limit}` : `${t.op} ${t.limit}${unit ? ` ${unit}` : ''}`;

/** A suite's metrics as rows; text values (e.g. the slowest query) stay in the console output. */
export function toRows(
  suite: string,
  metrics: Record<string, number | string>,
  specs: Record<string, MetricSpec>,
  machine: Machine,
): Row[] {
  for (const name of Object.keys(specs)) if (typeof metrics[name] !== 'number') throw new Error(`the ${suite} suite measured no ${name}`);
  const number = (key: string | undefined): number | null => (key !== undefined && typeof metrics[key] === 'number' ? metrics[key] : null);
  return Object.entries(metrics).flatMap(([metric, value]) => {
    if (typeof value !== 'number') return [];
    const spec = specs[metric] ?? {};
    const unit = unitOf(metric);
    const baseline = number(spec.baseline);
    const ratio = number(spec.ratio) ?? (baseline ? Number((value / baseline).toFixed(2)) : null);
    const measured = spec.target?.of === 'ratio' ? ratio : value;
    const met =
      spec.target && measured !== null ? (spec.target.op === '<' ? measured < spec.target.limit : measured <= spec.target.limit) : null;
    return [{ suite, metric, value, unit, baseline, ratio, target: spec.target ? describe(spec.target, unit) : null, met, machine }];
  });
}

/** The rows with a target, as Markdown, with the machines they were measured on. */
export function markdown(rows: Row[]): string {
  const cell = (n: number | null): string => (n === null ? '' : n.toLocaleString('en-US', { maximumFractionDigits: 2 }));
  const lines = [
    '| suite | metric | value | baseline | ratio | target | met |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows
      .filter((r) => r.target)
      .map(
        (r) =>
          `| ${r.suite} | ${r.metric} | ${cell(r.value)} ${r.unit} | ${r.baseline === null ? '' : `${cell(r.baseline)} ${r.unit}`} | ${cell(r.ratio)} | ${r.target} | ${r.met ? 'yes' : '**no**'} |`,
      ),
  ];
  const runs = new Map<string, string[]>();
  for (const r of rows) {
    const m = r.machine;
    const key = `${m.measured_at}, commit ${m.commit}, ${m.cpu} (${m.cores} cores, ${m.memory_gb} GB), ${m.os}, Node ${m.node}, load ${m.load_before} → ${m.load_after}`;
    if (!runs.get(key)?.includes(r.suite)) runs.set(key, [...(runs.get(key) ?? []), r.suite]);
  }
  const machines = [...runs].map(([machine, suites]) => `- ${suites.join(', ')}: ${machine}`);
  return [...lines, '', 'Measured on (load: 1, 5, 15 minute averages as the suite started → ended):', '', ...machines, ''].join('\n');
}

/** Replaces the suites measured now in bench/results.json, then rewrites the table and README's copy. */
export async function writeResults(rows: Row[]): Promise<void> {
  const measured = new Set(rows.map((r) => r.suite));
  const kept = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Row[]).filter((r) => !measured.has(r.suite)) : [];
  const all = [...kept, ...rows];
  const options = (await resolveConfig(RESULTS)) ?? {};
  writeFileSync(RESULTS, await format(JSON.stringify(all, null, 2), { ...options, parser: 'json' }));
  const table = markdown(all);
  writeFileSync(TABLE, table);
  const readme = readFileSync(README, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} section for the table`);
  writeFileSync(README, `${readme.slice(0, start + START.length)}\n\n${table}\n${readme.slice(end)}`);
}
