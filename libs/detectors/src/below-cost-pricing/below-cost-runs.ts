import { atLeast } from './bounded-sample';

export interface TestedDay {
  day: number;
  below: boolean;
}

/** Indices (into the tested days) of the first and last below-cost day of a run. */
export interface BelowCostRun {
  first: number;
  last: number;
}

/**
 * Maximal below-cost runs, deterministically. A run is a window of at least `minRunDays`
 * calendar days, starting and ending on a below-cost day, in which at least `minBelowShare` of
 * the trading days (tested days: days with orders, a known cost and no legitimate reason) are
 * below cost. Scanning from the earliest below-cost day, each run takes the furthest end
 * that still qualifies, then the scan resumes after it: the earliest start that qualifies
 * cannot be extended to the left (an earlier start was tried and failed) nor to the right
 * (the furthest end was taken), and runs never overlap.
 *
 * `days` must be sorted by day with one entry per day. Quadratic in the trading days of one
 * sku, which a dataset of a few years keeps in the low thousands.
 */
export function findBelowCostRuns(days: readonly TestedDay[], minRunDays: number, minBelowShare: number): BelowCostRun[] {
  const belowBefore = [0];
  for (const d of days) belowBefore.push(belowBefore[belowBefore.length - 1] + (d.below ? 1 : 0));
  const runs: BelowCostRun[] = [];
  let i = 0;
  while (i < days.length) {
    if (!days[i].below) {
      i++;
      continue;
    }
    let end = -1;
    for (let j = days.length - 1; j >= i; j--) {
      // Ends are tried from the furthest back: once the window is too short, every nearer end is.
      if (days[j].day - days[i].day + 1 < minRunDays) break;
      if (!days[j].below) continue;
      const below = belowBefore[j + 1] - belowBefore[i];
      if (atLeast(below, minBelowShare * (j - i + 1))) {
        end = j;
        break;
      }
    }
    if (end < 0) {
      i++;
      continue;
    }
    runs.push({ first: i, last: end });
    i = end + 1;
  }
  return runs;
}
