import { migration001 } from './001-articles-passages-tags';
import { migration002 } from './002-claims-search';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [migration001, migration002];
export const SCHEMA_VERSION = MIGRATIONS.length;
