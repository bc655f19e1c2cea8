import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import { findCoder, findCoderByUid, listCoders, registerCoder } from '../teams/coders';
import { guidFor } from './qdpx-common';
import type { QdeUser } from './qdpx-read';

/**
 * A project's <User> elements as the library's coders: the coder whose uid is the User's GUID
 * (a project Marginalia wrote, coming back), else the coder of that name, else a new coder
 * keeping the GUID as uid. Returns coder ids by User GUID.
 */
export function codersForUsers(db: Database, clock: Clock, users: readonly QdeUser[]): Map<string, number> {
  const coders = new Map<string, number>();
  for (const user of users) {
    const name = user.name || `User ${user.guid.slice(0, 8)}`;
    const coder = findCoderByUid(db, user.guid) ?? findCoder(db, name) ?? registerCoder(db, clock, { name, uid: user.guid });
    coders.set(user.guid, coder.id);
  }
  return coders;
}

export interface ExportUsers {
  /** The <Users> element. */
  xml: string;
  /** The project's creating user. */
  project: string;
  /** The User GUID of a row's coder (rows without one: the library's own user). */
  of(coderId: number | null): string;
}

/**
 * Every coder as a <User> (GUID: the coder's uid), plus one user named for the library when some
 * coding has no coder (written before the library had coders) or there are no coders at all.
 */
export function exportUsers(db: Database, libraryName: string, element: (guid: string, name: string) => string): ExportUsers {
  const coders = listCoders(db).sort((a, b) => a.id - b.id);
  const guids = new Map(coders.map((c) => [c.id, guidFor(c.uid)]));
  const anonymous = guidFor(`marginalia-user:${libraryName}`);
  const uncoded =
    coders.length === 0 ||
    db
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM passages WHERE coder_id IS NULL) OR EXISTS (SELECT 1 FROM passage_tags WHERE coder_id IS NULL)
           OR EXISTS (SELECT 1 FROM claims WHERE coder_id IS NULL)`,
      )
      .pluck()
      .get() === 1;
  const users = coders.map((c) => element(guids.get(c.id) as string, c.name));
  if (uncoded) users.push(element(anonymous, 'Marginalia'));
  return {
    xml: `<Users>${users.join('')}</Users>`,
    project: coders.length > 0 ? (guids.get(coders[0]!.id) as string) : anonymous,
    of: (coderId) => (coderId === null ? anonymous : (guids.get(coderId) ?? anonymous)),
  };
}
