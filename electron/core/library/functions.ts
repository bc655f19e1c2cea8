import type Database from 'better-sqlite3';
import { naturalKey } from '../../shared/natural-sort';
import { termsText } from '../claims/terms';
import { numberTokensOf } from '../search/numbers';
import { stemTokensOf } from '../text/stem';

/** Functions the schema's triggers call; registered on every connection before any write. */
export function registerFunctions(db: Database.Database): void {
  const strings = (parts: unknown[]) => parts.filter((part): part is string => typeof part === 'string');
  db.function('marginalia_numbers', { deterministic: true, varargs: true }, (...parts: unknown[]) => numberTokensOf(...strings(parts)));
  db.function('marginalia_stems', { deterministic: true, varargs: true }, (...parts: unknown[]) => stemTokensOf(...strings(parts)));
  db.function('marginalia_sort_key', { deterministic: true }, (text: unknown) => naturalKey(typeof text === 'string' ? text : ''));
  db.function('marginalia_terms', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? termsText(text) : ''));
}
