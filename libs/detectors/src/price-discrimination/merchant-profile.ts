/**
 * Pass 1 over one merchant's quotes: which levels its users have for each categorical
 * characteristic, a binned histogram of each numeric one, and how many quotes lack each. From
 * these the merchant's ColumnLayout is cut: levels, and cut-offs at 5% quantiles.
 */
import type { PriceQuote } from '@fairmarket/contract';
import { BinnedHistogram, type NumericCut } from './binned-histogram';
import { categoricalTrait, numericTrait, type AttributeSpec } from './characteristics';
import { ColumnLayout, CUT_FRACTIONS, MAX_LEVELS, OTHER_LEVEL, type AttributeColumns } from './column-layout';

export class MerchantProfile {
  readonly levelCounts = new Map<string, Map<string, number>>();
  readonly histograms = new Map<string, BinnedHistogram>();
  readonly missing = new Map<string, number>();

  constructor(private readonly attributes: readonly AttributeSpec[]) {}

  add(quote: PriceQuote): void {
    this.addTraits(
      this.attributes.map((spec) => (spec.kind === 'numeric' ? numericTrait(quote.user, spec.name) : categoricalTrait(quote.user, spec.name))),
      1,
    );
  }

  /**
   * `weight` quotes whose characteristics (one per attribute, in order: the numeric value or
   * the categorical level, undefined when absent) are `values`. Counts add up, so the result
   * does not depend on whether quotes come one by one or grouped (MerchantQuotes groups them).
   */
  addTraits(values: readonly (string | number | undefined)[], weight: number): void {
    this.attributes.forEach((spec, a) => {
      const value = values[a];
      if (value === undefined) this.missing.set(spec.name, (this.missing.get(spec.name) ?? 0) + weight);
      else if (spec.kind === 'numeric') {
        let h = this.histograms.get(spec.name);
        if (!h) this.histograms.set(spec.name, (h = new BinnedHistogram()));
        h.add(value as number, weight);
      } else {
        let counts = this.levelCounts.get(spec.name);
        if (!counts) this.levelCounts.set(spec.name, (counts = new Map()));
        counts.set(value as string, (counts.get(value as string) ?? 0) + weight);
      }
    });
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

