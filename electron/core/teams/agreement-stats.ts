/**
 * The agreement statistics over nominal data. The library's data are binary per tag (a unit is
 * coded with the tag by a coder, or not) and arrive as a tally: for each set of coders that coded
 * a unit (a bit mask over the coders), how many units had exactly that set. Krippendorff's alpha
 * is also defined here for any nominal values with missing data (his published examples), through
 * the same coincidence matrix.
 */

/** Units per coder mask: bit i set = coder i coded the unit. */
export type MaskTally = Map<number, number>;

export function addTally(into: MaskTally, mask: number, weight: number): void {
  if (weight > 0) into.set(mask, (into.get(mask) ?? 0) + weight);
}

export function mergeTallies(into: MaskTally, from: MaskTally): void {
  for (const [mask, weight] of from) addTally(into, mask, weight);
}

function popcount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

export function tallyUnits(tally: MaskTally): number {
  let n = 0;
  for (const weight of tally.values()) n += weight;
  return n;
}

/** Share (0–100) of units on which all `coders` agree: none coded the unit, or all did. */
export function percentAgreement(tally: MaskTally, coders: number): number | null {
  const total = tallyUnits(tally);
  if (total === 0) return null;
  const all = (1 << coders) - 1;
  return (100 * ((tally.get(0) ?? 0) + (tally.get(all) ?? 0))) / total;
}

/** Cohen's kappa of coders 0 and 1: (p_o − p_e) / (1 − p_e); null when p_e is 1 (no variation). */
export function cohenKappa(tally: MaskTally): number | null {
  const total = tallyUnits(tally);
  if (total === 0) return null;
  const both = tally.get(3) ?? 0;
  const neither = tally.get(0) ?? 0;
  const first = both + (tally.get(1) ?? 0);
  const second = both + (tally.get(2) ?? 0);
  const observed = (both + neither) / total;
  const expected = (first * second + (total - first) * (total - second)) / (total * total);
  return expected === 1 ? null : (observed - expected) / (1 - expected);
}

/** A unit's values: how many coders gave each value, and how many such units there were. */
export interface ValueProfile {
  counts: ReadonlyMap<string | number, number>;
  weight: number;
}

/**
 * Krippendorff's alpha, nominal: 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k over the coincidence
 * matrix o, where a unit with m_u ≥ 2 values adds n_uc·n_uk / (m_u − 1) to o_ck (n_uc·(n_uc − 1) /
 * (m_u − 1) on the diagonal). Units with fewer than two values are not pairable and drop out.
 * Null when the pairable values do not vary (the expected disagreement is zero).
 */
export function alphaFromProfiles(profiles: Iterable<ValueProfile>): number | null {
  let disagreeing = 0;
  const marginals = new Map<string | number, number>();
  for (const { counts, weight } of profiles) {
    let m = 0;
    for (const n of counts.values()) m += n;
    if (m < 2 || weight === 0) continue;
    let pairs = 0;
    for (const n of counts.values()) pairs += n * (m - n);
    disagreeing += (weight * pairs) / (m - 1);
    for (const [value, n] of counts) marginals.set(value, (marginals.get(value) ?? 0) + weight * n);
  }
  let total = 0;
  let squares = 0;
  for (const n of marginals.values()) {
    total += n;
    squares += n * n;
  }
  const expected = total * total - squares;
  return expected === 0 ? null : 1 - ((total - 1) * disagreeing) / expected;
}

/** Alpha over a binary tally of `coders` coders, every coder judging every unit. */
export function alphaFromTally(tally: MaskTally, coders: number): number | null {
  const profiles: ValueProfile[] = [];
  for (const [mask, weight] of tally) {
    const coded = popcount(mask);
    profiles.push({
      counts: new Map([
        [1, coded],
        [0, coders - coded],
      ]),
      weight,
    });
  }
  return alphaFromProfiles(profiles);
}

/** Alpha over a reliability matrix: one row per coder, one column per unit, null where a coder gave no value. */
export function alphaNominal(matrix: ReadonlyArray<ReadonlyArray<string | number | null>>): number | null {
  const units = Math.max(0, ...matrix.map((row) => row.length));
  const profiles: ValueProfile[] = [];
  for (let u = 0; u < units; u++) {
    const counts = new Map<string | number, number>();
    for (const row of matrix) {
      const value = row[u];
      if (value !== null && value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    profiles.push({ counts, weight: 1 });
  }
  return alphaFromProfiles(profiles);
}
