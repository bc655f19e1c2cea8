import type { Migration } from './types';

/** The passages view opens newest first: this index pages that order without sorting every passage. */
export const migration003: Migration = {
  version: 3,
  name: 'passages by creation time',
  up: `CREATE INDEX passages_created ON passages(created_at);`,
};
