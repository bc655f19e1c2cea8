import { randomUUID } from 'node:crypto';
import { MarginaliaError } from '../../errors';
import { connectHub, hubError } from './connect';
import { HUB_GROUP } from './schema';
import { redactHub } from './url';

export interface HubCoder {
  uid: string;
  name: string;
  colour: string;
  role: string;
}

/** A role name from a coder's name: lower-case letters, digits and underscores, as PostgreSQL likes them unquoted. */
export function roleFor(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return `coder_${slug || 'x'}`.slice(0, 63);
}

/**
 * Adds a coder to the hub (as its owner): a login role with the given password, a member of the
 * hub's coders, and their row. The coder then syncs with postgres://ROLE:PASSWORD@host/db.
 */
export async function addHubCoder(
  url: string,
  coder: { name: string; colour: string; password: string; role?: string; uid?: string },
): Promise<HubCoder> {
  const role = coder.role ?? roleFor(coder.name);
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role))
    throw new MarginaliaError('invalid-arguments', `"${role}" is not a usable role name (a–z, 0–9, _).`);
  if (coder.password.length < 8) throw new MarginaliaError('invalid-arguments', 'The password must have at least 8 characters.');
  const client = await connectHub(url);
  try {
    await client.query('BEGIN');
    const taken = await client.query('SELECT name FROM coders WHERE role = $1 OR lower(name) = lower($2)', [role, coder.name]);
    if (taken.rowCount) throw new MarginaliaError('conflict', `The hub already has the coder ${taken.rows[0].name}.`);
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    const verb = exists.rowCount ? 'ALTER' : 'CREATE';
    await client.query(`${verb} ROLE ${role} LOGIN PASSWORD ${client.escapeLiteral(coder.password)}`);
    await client.query(`GRANT ${HUB_GROUP} TO ${role}`);
    await client.query(`GRANT CONNECT ON DATABASE ${client.escapeIdentifier(client.database ?? '')} TO ${role}`);
    const uid = coder.uid ?? randomUUID();
    await client.query('INSERT INTO coders (uid, name, colour, role) VALUES ($1, $2, $3, $4)', [uid, coder.name, coder.colour, role]);
    await client.query('COMMIT');
    return { uid, name: coder.name, colour: coder.colour, role };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (error instanceof MarginaliaError) throw error;
    throw hubError(error, url, `Could not add the coder to ${redactHub(url)}`, [coder.password]);
  } finally {
    await client.end();
  }
}
