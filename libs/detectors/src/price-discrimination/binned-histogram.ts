/**
 * Counts of a numeric characteristic per logarithmic bin (see valueBin), with the smallest
 * value seen in each bin. It answers quantile cut-offs without holding the values: memory is
 * bounded by the number of bins (a few hundred), not by the number of quotes, and the result
 * does not depend on the order values arrive in.
 */
import { valueBin } from './characteristics';

/** A cut-off: the group "at or above" holds every value in bins >= bin, i.e. every value >= value. */
export interface NumericCut {
  bin: number;
  /** The smallest value observed in that bin: the group is exactly `value >= this`. */
  value: number;
}

export class BinnedHistogram {
  private readonly bins = new Map<number, { count: number; min: number }>();
  private total = 0;

  add(value: number, count = 1): void {
    const bin = valueBin(value);
    const cell = this.bins.get(bin);
    if (cell) {
      cell.count += count;
      if (value < cell.min) cell.min = value;
    } else {
      this.bins.set(bin, { count, min: value });
    }
    this.total += count;
  }

  get count(): number {
    return this.total;
  }

  /**
   * Cut-offs at the given quantile fractions (each in (0, 1)): for fraction f, the first bin
   * whose lower neighbours already hold at least f of the values. Fractions that land on the
   * same bin give one cut; a cut at the lowest bin (everyone above it) is not a split.
   */
  cuts(fractions: readonly number[]): NumericCut[] {
    const counts = new Map<number, number>();
    for (const [bin, cell] of this.bins) counts.set(bin, cell.count);
    return quantileCutBins(counts, fractions).map((bin) => ({ bin, value: (this.bins.get(bin) as { min: number }).min }));
  }
}

/**
 * The bins at which quantile fractions (each in (0, 1)) of a bin histogram fall: for fraction
 * f, the first bin whose lower neighbours already hold at least f of the count. Fractions that
 * land on the same bin give one cut; the lowest bin is never a cut (everyone would be above).
 */
export function quantileCutBins(counts: ReadonlyMap<number, number>, fractions: readonly number[]): number[] {
  const bins = [...counts.keys()].sort((a, b) => a - b);
  let total = 0;
  for (const n of counts.values()) total += n;
  const targets = [...fractions].sort((a, b) => a - b);
  const out: number[] = [];
  let before = 0;
  let f = 0;
  for (let i = 0; i < bins.length && f < targets.length; i++) {
    while (f < targets.length && before >= targets[f] * total) {
      if (i > 0 && out[out.length - 1] !== bins[i]) out.push(bins[i]);
      f++;
    }
    before += counts.get(bins[i]) as number;
  }
  return out;
}

/** The group index of a value given ascending cuts: how many cuts it is at or above (0..cuts.length). */
export function groupOfValue(value: number, cuts: readonly NumericCut[]): number {
  return groupOfBin(valueBin(value), cuts);
}

/** The group index of a value's bin (valueBin): cuts are bin edges, so the bin decides the group. */
export function groupOfBin(bin: number, cuts: readonly NumericCut[]): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cuts[mid].bin <= bin) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
