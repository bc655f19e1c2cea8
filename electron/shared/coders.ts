/** Coders (Teams): who coded what. Plain shapes and the argument schemas of the coders commands. */
import { z } from 'zod';

/** A person working on the library; their highlights take `colour` in other coders' readers. */
export interface Coder {
  id: number;
  /** Stable across libraries (REFI-QDA's User guid, merges, the team hub). */
  uid: string;
  name: string;
  colour: string;
  createdAt: string;
}

/** A name and colour, as a coder profile keeps them (before the library has a row for them). */
export interface CoderIdentity {
  name: string;
  colour: string;
}

/**
 * Who this session records as the coder of its edits. `id` is null until their first edit
 * registers them in this library. `needsProfile`: the host has no saved profile and no coder was
 * given, so the UI should ask (first run); `name` is then the OS user name.
 */
export interface CurrentCoder extends CoderIdentity {
  id: number | null;
  needsProfile: boolean;
}

export const MAX_CODER_NAME = 100;
const name = z.string().trim().min(1, 'the name cannot be empty').max(MAX_CODER_NAME);
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'use a colour such as #0072b2');

export const coderArgs = {
  none: z.strictObject({}),
  switch: z.strictObject({ name, colour: colour.optional() }),
  update: z.strictObject({ id: z.number().int().positive(), name: name.optional(), colour: colour.optional() }),
  setBlindCoding: z.strictObject({ on: z.boolean() }),
};
