/**
 * How one merchant's quotes are cut into groups, characteristic by characteristic, and where
 * each group is counted in a stratum's row of counts ("columns").
 *
 * - Categorical characteristic: one group per level (the MAX_LEVELS most frequent; rarer levels
 *   share an "(other)" group that is counted but never named as a disadvantaged group).
 * - Numeric characteristic: groups between consecutive cut-offs at 5% quantile steps of the
 *   merchant's own quotes, so a split is found wherever the merchant put it. Quantiles, not
 *   fixed cut-offs: nobody tells us in advance where "high spender" starts, and scanning a
 *   5% grid bounds how much of a merchant's split can fall on the wrong side of the nearest cut.
 * - Every characteristic also has a "missing" column for quotes that do not carry it.
 */
import type { PriceQuote } from '@fairmarket/contract';
import type { AttributeSpec } from './characteristics';
import { categoricalTrait, numericTrait } from './characteristics';
import { groupOfValue, type NumericCut } from './binned-histogram';

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
