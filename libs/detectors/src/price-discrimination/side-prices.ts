/**
 * The prices one side (group or comparison group) of one stratum was quoted, as a histogram of
 * fixed-point log prices, with the quote of the side's extreme price (dearest for the group,
 * cheapest for the comparison group; ties by quote id) for the evidence. A stratum with more
 * than MAX_PRICE_POINTS distinct prices pools them in 0.1% log buckets, so memory stays
 * bounded per stratum; pooling happens once the distinct count passes the cap, which depends
 * only on the set of prices, not on their order.
 */
/** Distinct prices kept per side of a stratum before prices are pooled in 0.1% (log) buckets. */
const MAX_PRICE_POINTS = 256;
const COARSE_SHIFT = 6;

export class SidePrices {
  /** Fixed-point log price (or its bucket when coarse) → quotes. */
  counts = new Map<number, number>();
  coarse = false;
  extremeId = '';
  extremePrice = 0;

  add(y: number, price: number, quoteId: string, dearest: boolean): void {
    const key = this.coarse ? y >> COARSE_SHIFT : y;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (!this.coarse && this.counts.size > MAX_PRICE_POINTS) this.coarsen();
    const better = this.extremeId === '' || (dearest ? price > this.extremePrice : price < this.extremePrice);
    if (better || (price === this.extremePrice && quoteId < this.extremeId)) {
      this.extremeId = quoteId;
      this.extremePrice = price;
    }
  }

  coarsen(): void {
    if (this.coarse) return;
    const fine = this.counts;
    this.counts = new Map();
    for (const [y, n] of fine) this.counts.set(y >> COARSE_SHIFT, (this.counts.get(y >> COARSE_SHIFT) ?? 0) + n);
    this.coarse = true;
  }

  /** (log price, quotes) ascending. */
  sorted(): [number, number][] {
    const scale = this.coarse ? 2 ** COARSE_SHIFT : 1;
    return [...this.counts.entries()].map(([k, n]): [number, number] => [k * scale, n]).sort((a, b) => a[0] - b[0]);
  }
}

