import pg from 'pg';
import { MarginaliaError } from '../../errors';
import { redactHub, redactSecret } from './url';

/** Opens a connection to the hub; a failure says where (without the password) and why. */
export async function connectHub(url: string): Promise<pg.Client> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new MarginaliaError('invalid-arguments', 'The hub must be a PostgreSQL URL such as postgres://coder@host:5432/hub.');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new MarginaliaError('invalid-arguments', `The hub must be a postgres:// URL, not ${parsed.protocol}//…`);
  }
  const client = new pg.Client({ connectionString: url, application_name: 'marginalia' });
  client.on('error', () => undefined); // a dropped connection surfaces as the failing query's error
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw hubError(error, url, `Could not connect to the hub ${redactHub(url)}`);
  }
  return client;
}

/** A driver error as a readable one, with the password taken out of its message. */
export function hubError(error: unknown, url: string, context: string, secrets: readonly string[] = []): MarginaliaError {
  let message = redactSecret((error as Error).message ?? String(error), url);
  for (const secret of secrets) message = message.split(secret).join('***');
  const code = (error as { code?: string }).code;
  // 42501: refused by a privilege or row-level security; 28xxx: authentication.
  const kind = code === '42501' || code?.startsWith('28') ? 'forbidden' : 'io';
  return new MarginaliaError(kind, `${context}: ${message}`);
}
