import type { UserTraits } from '@fairmarket/contract';
import type { TraitValue } from './cell-sample';
import type { RequestTable } from './request-table';

/** The named characteristics of a user object that have scalar values, as kept in a sample. */
export function scalarTraits(user: UserTraits | undefined, names: readonly string[]): Record<string, TraitValue> {
  const out: Record<string, TraitValue> = {};
  if (!user) return out;
  for (const name of names) {
    const value = user[name];
    if (typeof value === 'string' || typeof value === 'boolean') out[name] = value;
    else if (typeof value === 'number' && Number.isFinite(value)) out[name] = value;
  }
  return out;
}

/** How the requests of a table are split into groups of users by one characteristic. */
export interface Grouping {
  characteristic: string;
  /**
   * The group of each request of the table, as an index into `names`, or -1 when the user
   * object lacks the characteristic. Equal codes are equal group names: tests compare codes.
   */
  codes: Int32Array;
  names: string[];
  /** For numeric characteristics, the cut between the two groups (at or below / above). */
  cut?: number;
}

/**
 * Splits users by one characteristic without knowing the platform's cut-offs in advance:
 * booleans and strings by value; numbers at the median of the values seen (at or below the
 * median vs above), so that both groups are large, or at quartiles with `bins` = 4 (used for
 * characteristics that are conditioned on, where finer strata leave less confounding).
 * Returns null when fewer than two groups exist, since nothing can then be compared.
 */
export function groupingFor(characteristic: string, table: RequestTable, bins = 2): Grouping | null {
  const count = table.requests.length;
  const column = table.column(characteristic);
  const values: TraitValue[] = [];
  let numeric = true;
  for (let i = 0; i < count; i++) {
    const v = column[i];
    if (v === undefined) continue;
    values.push(v);
    if (typeof v !== 'number') numeric = false;
  }
  if (values.length === 0) return null;
  const codes = new Int32Array(count).fill(-1);
  if (numeric) {
    const sorted = Float64Array.from(values as number[]).sort();
    const cuts = [...new Set(
      Array.from({ length: bins - 1 }, (_, i) => sorted[Math.floor(((sorted.length - 1) * (i + 1)) / bins)]),
    )].filter((c) => c < sorted[sorted.length - 1]);
    if (cuts.length === 0) return null;
    // Cuts ascend: a value's group is the number of cuts below it.
    const names = cuts.map((c, i) => (i === 0 ? [`<=${c}`, `>${c}`] : [`>${c}`])).flat();
    for (let i = 0; i < count; i++) {
      const v = column[i];
      if (typeof v !== 'number') continue;
      let above = 0;
      while (above < cuts.length && v > cuts[above]) above++;
      codes[i] = above;
    }
    return { characteristic, cut: cuts.length === 1 ? cuts[0] : undefined, codes, names };
  }
  const index = new Map<string, number>();
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const v = column[i];
    if (v === undefined) continue;
    const name = String(v);
    let code = index.get(name);
    if (code === undefined) {
      code = names.push(name) - 1;
      index.set(name, code);
    }
    codes[i] = code;
  }
  if (names.length < 2) return null;
  return { characteristic, codes, names };
}

/**
 * The stratum of each request under a set of characteristics: the tuple of their groups (as
 * the text `group|group|...`, '?' for a missing one, interned to a code). Used to permute one
 * characteristic only among users who agree on the others (a conditional test).
 */
export function stratumCodes(groupings: readonly Grouping[], count: number): Int32Array {
  const index = new Map<string, number>();
  const codes = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const key = groupings.map((g) => (g.codes[i] < 0 ? '?' : g.names[g.codes[i]])).join('|');
    let code = index.get(key);
    if (code === undefined) index.set(key, (code = index.size));
    codes[i] = code;
  }
  return codes;
}
