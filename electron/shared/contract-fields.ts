/** Custom article fields (attributes of the analyst's own): shapes, argument schemas and value checks. */
import { z } from 'zod';
import { PARTIAL_DATE } from './filter-date';

export const FIELD_TYPES = ['text', 'number', 'date', 'choice'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface ArticleField {
  id: number;
  uid: string;
  name: string;
  type: FieldType;
  /** The choices of a choice field, in order (empty for the other types). */
  options: string[];
  position: number;
}

/** A field's value as stored and sent: numbers as numbers, everything else as text. */
export type FieldValue = string | number;

const id = z.number().int().positive();
const fieldName = z
  .string()
  .trim()
  .min(1, 'give the field a name')
  .max(200)
  .refine((name) => !/[\t\r\n]/.test(name), 'a field name is one line');
const option = z.string().trim().min(1, 'a choice cannot be empty').max(200);
const options = z
  .array(option)
  .max(500)
  .refine((list) => new Set(list.map((o) => o.toLowerCase())).size === list.length, 'each choice once');

/** Values to set, by field id (as JSON object keys); null or "" removes the value. */
export const fieldValues = z.record(z.string().regex(/^\d+$/), z.union([z.string().max(10_000), z.number(), z.null()]));
export type FieldValuesInput = z.infer<typeof fieldValues>;

const filterValue = z.union([z.string().max(10_000), z.number()]);
/** One field's condition in an article filter: its value is one of `values`, or at least `min` and at most `max`. */
export const fieldFilter = z.strictObject({
  fieldId: id,
  values: z.array(filterValue).max(1000).optional(),
  min: filterValue.optional(),
  max: filterValue.optional(),
});
export type FieldFilter = z.infer<typeof fieldFilter>;

export const fieldArgs = {
  create: z
    .strictObject({ name: fieldName, type: z.enum(FIELD_TYPES), options: options.optional() })
    .refine((f) => f.type !== 'choice' || (f.options?.length ?? 0) > 0, {
      message: 'a choice field needs at least one choice',
      path: ['options'],
    }),
  update: z.strictObject({ id, name: fieldName.optional(), options: options.optional() }),
  remove: z.strictObject({ id }),
  forArticle: z.strictObject({ articleId: id }),
};

/**
 * A value checked against its field: the number of "1,5" or "12.5", a partial ISO date, one of the
 * choices (matched without regard to case, stored as defined). Throws a sentence naming the field.
 */
export function checkFieldValue(field: Pick<ArticleField, 'name' | 'type' | 'options'>, raw: FieldValue): FieldValue {
  const text = typeof raw === 'number' ? String(raw) : raw.trim();
  switch (field.type) {
    case 'number': {
      const value = typeof raw === 'number' ? raw : Number(text.replace(/^([+-]?\d+),(\d+)$/, '$1.$2'));
      if (text === '' || !Number.isFinite(value)) throw new Error(`${field.name}: "${text}" is not a number`);
      return value;
    }
    case 'date':
      if (!PARTIAL_DATE.test(text)) throw new Error(`${field.name}: "${text}" is not a date (use 2020-11-09, 2020-11 or 2020)`);
      return text;
    case 'choice': {
      const found = field.options.find((o) => o.toLowerCase() === text.toLowerCase());
      if (found === undefined) throw new Error(`${field.name}: "${text}" is not one of its choices (${field.options.join(', ')})`);
      return found;
    }
    case 'text':
      return text;
  }
}
