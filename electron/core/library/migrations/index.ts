import { migration001 } from './001-articles-passages-tags';
import { migration002 } from './002-claims-search';
import { migration003 } from './003-passage-order';
import { migration004 } from './004-article-index-writes';
import { migration005 } from './005-article-index-merges';
import { migration006 } from './006-article-sort-keys';
import { migration007 } from './007-claims-core';
import { migration008 } from './008-library-identity-import-jobs';
import { migration009 } from './009-stemmed-search';
import { migration010 } from './010-change-log';
import { migration011 } from './011-memos';
import { migration012 } from './012-reprints';
import { migration013 } from './013-sentence-queue-by-writer';
import { migration014 } from './014-candidate-dismissals';
import { migration015 } from './015-coders';
import { migration016 } from './016-article-fields';
import { migration017 } from './017-hub-sync';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
  migration015,
  migration016,
  migration017,
];
export const SCHEMA_VERSION = MIGRATIONS.length;
