/**
 * How often two groups of different characteristics occur on the same quote (e.g. iOS and
 * spend in the top group), over one merchant's quotes: the cross-products a joint regression of
 * several characteristics needs and the per-stratum table does not hold. Kept only for the
 * characteristics that are candidates for attribution, so it stays a small dense matrix.
 */
import type { ColumnLayout } from './column-layout';
import type { CrossCounts } from './within-design';

export class CoOccurrence implements CrossCounts {
  private readonly local: Int32Array;
  private readonly size: number;
  private readonly counts: Float64Array;

  /** `attributeIndices`: positions in layout.attributes of the characteristics to cross. */
  constructor(
    layout: ColumnLayout,
    private readonly attributeIndices: readonly number[],
  ) {
    this.local = new Int32Array(layout.width).fill(-1);
    let next = 0;
    for (const i of attributeIndices) {
      const a = layout.attributes[i];
      for (let c = a.offset; c <= a.missingColumn; c++) this.local[c] = next++;
    }
    this.size = next;
    this.counts = new Float64Array(next * next);
  }

  /** `columns`: one column per characteristic of the layout, as ColumnLayout.columnsOf writes them. */
  add(columns: Int32Array): void {
    const idx = this.attributeIndices;
    for (let x = 0; x < idx.length; x++) {
      const cx = this.local[columns[idx[x]]];
      for (let y = x + 1; y < idx.length; y++) {
        const cy = this.local[columns[idx[y]]];
        this.counts[cx * this.size + cy] += 1;
        this.counts[cy * this.size + cx] += 1;
      }
    }
  }

  count(columnA: number, columnB: number): number {
    const a = this.local[columnA];
    const b = this.local[columnB];
    if (a < 0 || b < 0) throw new Error(`co-occurrence of columns ${columnA} and ${columnB} was not tallied`);
    return this.counts[a * this.size + b];
  }
}
