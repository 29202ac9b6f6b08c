/**
 * Whether a declared price experiment really randomises. detectors.md §1: an experiment
 * excuses price differences between its arms only when arm assignment is independent of the
 * users' characteristics. For every characteristic we cross arms with the characteristic's
 * groups and run Pearson's chi-square test of independence; p < experiment_independence_p on
 * any characteristic means the arms follow it, and the experiment excuses nothing.
 *
 * The unit of the test is the user, not the quote: a user who sees twenty prices in one arm is
 * one draw of the assignment, and counting her twenty times would make chance imbalances look
 * significant. Each (characteristic, arm, group, user) is therefore counted once.
 */
import { chiSquareIndependence } from '@fairmarket/stats';
import type { AttributeSpec } from './characteristics';
import { categoricalTrait, numericTrait, valueBin } from './characteristics';
import { quantileCutBins } from './binned-histogram';
import type { PriceQuote } from '@fairmarket/contract';

export interface ExperimentDependence {
  attribute: string;
  statistic: number;
  df: number;
  p: number;
}

export interface ExperimentVerdict {
  experiment_id: string;
  arms: string[];
  /** Distinct users seen in the experiment (a user in two arms counts in both). */
  users: number;
  independent: boolean;
  /** The characteristics the arms follow (p below the rule pack's threshold), with their tests. */
  follows: ExperimentDependence[];
}

/** Quintiles of a numeric characteristic: enough groups to see a trend, each large enough for chi-square. */
const NUMERIC_GROUP_FRACTIONS = [0.2, 0.4, 0.6, 0.8];
/** Levels seen for fewer users than this are pooled, so that no expected cell count is tiny. */
const MIN_LEVEL_USERS = 10;

export class ExperimentTally {
  private readonly seen = new Set<string>();
  private readonly arms = new Set<string>();
  private readonly users = new Set<string>();
  /** attribute → arm → group key (level, or numeric bin) → distinct users. */
  private readonly cells = new Map<string, Map<string, Map<string | number, number>>>();

  constructor(
    readonly experimentId: string,
    private readonly attributes: readonly AttributeSpec[],
  ) {}

  add(quote: PriceQuote, arm: string): void {
    this.arms.add(arm);
    this.users.add(`${arm}\u0000${quote.user_id}`);
    for (const spec of this.attributes) {
      let group: string | number | undefined;
      if (spec.kind === 'numeric') {
        const v = numericTrait(quote.user, spec.name);
        group = v === undefined ? undefined : valueBin(v);
      } else {
        group = categoricalTrait(quote.user, spec.name);
      }
      if (group === undefined) continue;
      const key = `${spec.name}\u0000${arm}\u0000${typeof group}\u0000${group}\u0000${quote.user_id}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      let byArm = this.cells.get(spec.name);
      if (!byArm) this.cells.set(spec.name, (byArm = new Map()));
      let byGroup = byArm.get(arm);
      if (!byGroup) byArm.set(arm, (byGroup = new Map()));
      byGroup.set(group, (byGroup.get(group) ?? 0) + 1);
    }
  }

  verdict(independenceP: number): ExperimentVerdict {
    const arms = [...this.arms].sort();
    const follows: ExperimentDependence[] = [];
    for (const spec of this.attributes) {
      const byArm = this.cells.get(spec.name);
      if (!byArm || arms.length < 2) continue;
      const table = spec.kind === 'numeric' ? numericTable(byArm, arms) : categoricalTable(byArm, arms);
      if (table === null) continue;
      const result = chiSquareIndependence(table);
      if (result.df > 0 && result.p < independenceP) {
        follows.push({ attribute: spec.name, statistic: result.statistic, df: result.df, p: result.p });
      }
    }
    return { experiment_id: this.experimentId, arms, users: this.users.size, independent: follows.length === 0, follows };
  }
}

/** Arms × quintile groups of a numeric characteristic (quintiles over all arms' users). */
function numericTable(byArm: Map<string, Map<string | number, number>>, arms: string[]): number[][] | null {
  const binCounts = new Map<number, number>();
  for (const byGroup of byArm.values()) {
    for (const [bin, n] of byGroup) binCounts.set(bin as number, (binCounts.get(bin as number) ?? 0) + n);
  }
  const cutBins = quantileCutBins(binCounts, NUMERIC_GROUP_FRACTIONS);
  if (cutBins.length === 0) return null;
  return arms.map((arm) => {
    const row = new Array<number>(cutBins.length + 1).fill(0);
    for (const [bin, n] of byArm.get(arm) ?? []) row[cutBins.filter((c) => c <= (bin as number)).length] += n;
    return row;
  });
}

/** Arms × levels, levels with few users pooled into one column (dropped if still small). */
function categoricalTable(byArm: Map<string, Map<string | number, number>>, arms: string[]): number[][] | null {
  const totals = new Map<string, number>();
  for (const byGroup of byArm.values()) {
    for (const [level, n] of byGroup) totals.set(level as string, (totals.get(level as string) ?? 0) + n);
  }
  const levels = [...totals.keys()].filter((l) => (totals.get(l) as number) >= MIN_LEVEL_USERS).sort();
  const rare = [...totals.keys()].filter((l) => (totals.get(l) as number) < MIN_LEVEL_USERS);
  const rareTotal = rare.reduce((s, l) => s + (totals.get(l) as number), 0);
  const columns: string[][] = levels.map((l) => [l]);
  if (rareTotal >= MIN_LEVEL_USERS) columns.push(rare);
  if (columns.length < 2) return null;
  return arms.map((arm) => {
    const byGroup = byArm.get(arm);
    return columns.map((col) => col.reduce((s, level) => s + (byGroup?.get(level) ?? 0), 0));
  });
}
