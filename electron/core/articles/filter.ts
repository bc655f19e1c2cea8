import type { FieldFilter } from '../../shared/contract-fields';

/** Which articles a list shows: by outlet, publication date and custom fields, as in the Passages view. */
export interface ArticleFilter {
  fields?: FieldFilter[] | undefined;
  outlets?: string[] | undefined;
  /** Bounds on the publication date: a year, month or day, both inclusive. */
  from?: string | undefined;
  to?: string | undefined;
}

export interface SqlConditions {
  clauses: string[];
  params: unknown[];
}

/** SQL conditions on the articles table under `alias` (empty when the filter holds nothing). */
export function articleConditions(filter: ArticleFilter, alias = 'a'): SqlConditions {
  const out: SqlConditions = { clauses: [], params: [] };
  if (filter.outlets && filter.outlets.length > 0) {
    out.clauses.push(`${alias}.outlet IN (SELECT value FROM json_each(?))`);
    out.params.push(JSON.stringify(filter.outlets));
  }
  if (filter.from || filter.to) {
    // Dates are partial ISO strings: compare on the bound's precision; undated and year-less articles fall outside any range.
    out.clauses.push(`${alias}.published GLOB '[0-9][0-9][0-9][0-9]*'`);
    if (filter.from) {
      out.clauses.push(`substr(${alias}.published, 1, length(?)) >= ?`);
      out.params.push(filter.from, filter.from);
    }
    if (filter.to) {
      out.clauses.push(`substr(${alias}.published, 1, length(?)) <= ?`);
      out.params.push(filter.to, filter.to);
    }
  }
  for (const field of filter.fields ?? []) {
    const parts = ['v.article_id = ' + alias + '.id', 'v.field_id = ?'];
    const params: unknown[] = [field.fieldId];
    if (field.values) {
      parts.push('v.value IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(field.values));
    }
    if (field.min !== undefined) {
      parts.push('v.value >= ?');
      params.push(field.min);
    }
    if (field.max !== undefined) {
      parts.push('v.value <= ?');
      params.push(field.max);
    }
    out.clauses.push(`EXISTS (SELECT 1 FROM article_field_values v WHERE ${parts.join(' AND ')})`);
    out.params.push(...params);
  }
  return out;
}
