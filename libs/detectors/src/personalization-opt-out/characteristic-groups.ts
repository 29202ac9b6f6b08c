import type { UserTraits } from '@fairmarket/contract';
import type { SampledRequest, TraitValue } from './cell-sample';

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

/** How the requests of one characteristic are split into groups of users. */
export interface Grouping {
  characteristic: string;
  /** The group of a request's user, or undefined when the user object lacks the characteristic. */
  groupOf(request: SampledRequest): string | undefined;
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
export function groupingFor(characteristic: string, requests: readonly SampledRequest[], bins = 2): Grouping | null {
  const values = requests.map((r) => r.traits[characteristic]).filter((v) => v !== undefined);
  if (values.length === 0) return null;
  const numeric = values.every((v) => typeof v === 'number');
  if (numeric) {
    const sorted = (values as number[]).slice().sort((a, b) => a - b);
    const cuts = [...new Set(
      Array.from({ length: bins - 1 }, (_, i) => sorted[Math.floor(((sorted.length - 1) * (i + 1)) / bins)]),
    )].filter((c) => c < sorted[sorted.length - 1]);
    if (cuts.length === 0) return null;
    return {
      characteristic,
      cut: cuts.length === 1 ? cuts[0] : undefined,
      groupOf: (r) => {
        const v = r.traits[characteristic];
        if (typeof v !== 'number') return undefined;
        const above = cuts.filter((c) => v > c).length;
        return above === 0 ? `<=${cuts[0]}` : `>${cuts[above - 1]}`;
      },
    };
  }
  const distinct = new Set(values.map(String));
  if (distinct.size < 2) return null;
  return {
    characteristic,
    groupOf: (r) => {
      const v = r.traits[characteristic];
      return v === undefined ? undefined : String(v);
    },
  };
}

/**
 * The stratum of a request under a set of characteristics: the tuple of their groups. Used to
 * permute one characteristic only among users who agree on the others (a conditional test).
 */
export function stratumKey(groupings: readonly Grouping[], request: SampledRequest): string {
  return groupings.map((g) => g.groupOf(request) ?? '?').join('|');
}
