/** Argument schemas of the agreement commands (the contract table in contract.ts uses them). */
import { z } from 'zod';
import { AGREEMENT_UNITS } from './agreement';

const id = z.number().int().positive();
const coders = z.array(z.string().min(1).max(200)).max(16).optional();
const tagIds = z.array(id).max(2000).optional();

export const agreementArgs = {
  choices: z.strictObject({}),
  compute: z.strictObject({ coders, tagIds, articleIds: z.array(id).max(100_000).optional(), unit: z.enum(AGREEMENT_UNITS).optional() }),
  article: z.strictObject({ coders, tagIds, articleId: id }),
};
