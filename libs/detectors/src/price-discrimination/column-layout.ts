/**
 * How one merchant's quotes are cut into groups, characteristic by characteristic, and where
 * each group is counted in a stratum's row of counts ("columns").
 *
 * - Categorical characteristic: one group per level (the MAX_LEVELS most frequent; rarer levels
 *   share an "(other)" group that is counted but never named as a disadvantaged group).
 * - Numeric characteristic: groups between consecutive cut-offs at 5% quantile steps of the
 *   merchant's own quotes, so a split is found wherever the merchant put it. Quantiles, not
 *   fixed cut-offs: nobody tells us in advance where "high spender" starts, and scanning a
 *   5% grid bounds how much of a planted split can fall on the wrong side of the nearest cut.
 * - Every characteristic also has a "missing" column for quotes that do not carry it.
 */
import type { PriceQuote } from '@fairmarket/contract';
import type { AttributeSpec } from './characteristics';
import { categoricalTrait, numericTrait } from './characteristics';
import { BinnedHistogram, groupOfValue, type NumericCut } from './binned-histogram';

export const CUT_FRACTIONS: readonly number[] = Array.from({ length: 19 }, (_, i) => (i + 1) / 20);
export const MAX_LEVELS = 40;
export const OTHER_LEVEL = '(other)';

export interface AttributeColumns {
  spec: AttributeSpec;
  /** First column of this characteristic; groups are offset..offset+groups-1, then missing. */
  offset: number;
  groups: number;
  missingColumn: number;
  /** Categorical: the level of each group ('(other)' last when rare levels were pooled). */
  levels: string[];
  levelIndex: Map<string, number>;
  /** Numeric: ascending cut-offs; group g holds values at or above g cuts. */
  cuts: NumericCut[];
  /** Quotes of the merchant lacking this characteristic (pass 1). */
  missingQuotes: number;
}

/** Pass 1 tally of one merchant: level counts, numeric histograms, missing counts. */
export class MerchantProfile {
  readonly levelCounts = new Map<string, Map<string, number>>();
  readonly histograms = new Map<string, BinnedHistogram>();
  readonly missing = new Map<string, number>();

  constructor(private readonly attributes: readonly AttributeSpec[]) {}

  add(quote: PriceQuote): void {
    for (const spec of this.attributes) {
      if (spec.kind === 'numeric') {
        const v = numericTrait(quote.user, spec.name);
        if (v === undefined) this.missing.set(spec.name, (this.missing.get(spec.name) ?? 0) + 1);
        else {
          let h = this.histograms.get(spec.name);
          if (!h) this.histograms.set(spec.name, (h = new BinnedHistogram()));
          h.add(v);
        }
      } else {
        const level = categoricalTrait(quote.user, spec.name);
        if (level === undefined) this.missing.set(spec.name, (this.missing.get(spec.name) ?? 0) + 1);
        else {
          let counts = this.levelCounts.get(spec.name);
          if (!counts) this.levelCounts.set(spec.name, (counts = new Map()));
          counts.set(level, (counts.get(level) ?? 0) + 1);
        }
      }
    }
  }

  layout(): ColumnLayout {
    let offset = 0;
    const attributes = this.attributes.map((spec): AttributeColumns => {
      let levels: string[] = [];
      let cuts: NumericCut[] = [];
      if (spec.kind === 'numeric') {
        cuts = this.histograms.get(spec.name)?.cuts(CUT_FRACTIONS) ?? [];
      } else {
        const counts = this.levelCounts.get(spec.name) ?? new Map<string, number>();
        const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
        levels = ranked.slice(0, MAX_LEVELS).map(([level]) => level).sort();
        if (ranked.length > MAX_LEVELS) levels.push(OTHER_LEVEL);
      }
      const groups = spec.kind === 'numeric' ? cuts.length + 1 : levels.length;
      const columns: AttributeColumns = {
        spec,
        offset,
        groups,
        missingColumn: offset + groups,
        levels,
        levelIndex: new Map(levels.map((l, i) => [l, i])),
        cuts,
        missingQuotes: this.missing.get(spec.name) ?? 0,
      };
      offset += groups + 1;
      return columns;
    });
    return new ColumnLayout(attributes, offset);
  }
}

export class ColumnLayout {
  private readonly owner: Int32Array;

  constructor(
    readonly attributes: readonly AttributeColumns[],
    /** Columns per stratum. */
    readonly width: number,
  ) {
    this.owner = new Int32Array(width);
    attributes.forEach((a, i) => this.owner.fill(i, a.offset, a.missingColumn + 1));
  }

  /** Index (in `attributes`) of the characteristic a column belongs to. */
  attributeOf(column: number): number {
    return this.owner[column];
  }

  /** Writes the column of each characteristic of `quote` into `out` (one entry per attribute). */
  columnsOf(quote: PriceQuote, out: Int32Array): void {
    this.attributes.forEach((a, i) => {
      if (a.spec.kind === 'numeric') {
        const v = numericTrait(quote.user, a.spec.name);
        out[i] = v === undefined ? a.missingColumn : a.offset + groupOfValue(v, a.cuts);
      } else {
        const level = categoricalTrait(quote.user, a.spec.name);
        // A level pass 1 did not see cannot occur on a re-read of the same rows; count it as missing if it does.
        const group = level === undefined ? undefined : (a.levelIndex.get(level) ?? a.levelIndex.get(OTHER_LEVEL));
        out[i] = group === undefined ? a.missingColumn : a.offset + group;
      }
    });
  }

  attribute(name: string): AttributeColumns {
    const found = this.attributes.find((a) => a.spec.name === name);
    if (!found) throw new Error(`no characteristic "${name}" in this layout`);
    return found;
  }
}
