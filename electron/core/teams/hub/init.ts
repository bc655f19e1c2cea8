import type pg from 'pg';
import { MarginaliaError } from '../../errors';
import { connectHub, hubError } from './connect';
import { HUB_STEPS, HUB_VERSION } from './schema';
import { redactHub } from './url';

export interface HubInitResult {
  hub: string;
  from: number;
  to: number;
}

/** The hub's schema version, 0 for a database without one. */
export async function hubVersion(client: pg.Client): Promise<number> {
  const exists = await client.query(`SELECT to_regclass('hub_schema') IS NOT NULL AS e`);
  if (!exists.rows[0].e) return 0;
  const { rows } = await client.query('SELECT coalesce(max(version), 0) AS v FROM hub_schema');
  return Number(rows[0].v);
}

/**
 * Creates or upgrades the hub's schema (as the database's owner or a superuser). Concurrent
 * inits wait for each other on an advisory lock; a hub newer than this program is refused.
 */
export async function initHub(url: string): Promise<HubInitResult> {
  const client = await connectHub(url);
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('marginalia hub schema'))`);
    const from = await hubVersion(client);
    if (from > HUB_VERSION) {
      throw new MarginaliaError(
        'unsupported',
        `The hub's schema is version ${from}, newer than this Marginalia (${HUB_VERSION}): update Marginalia.`,
      );
    }
    for (const step of HUB_STEPS.filter((s) => s.version > from)) {
      await client.query(step.sql);
      await client.query('INSERT INTO hub_schema (version) VALUES ($1)', [step.version]);
    }
    await client.query('COMMIT');
    return { hub: redactHub(url), from, to: HUB_VERSION };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (error instanceof MarginaliaError) throw error;
    throw hubError(error, url, `Could not set up the hub ${redactHub(url)}`);
  } finally {
    await client.end();
  }
}
