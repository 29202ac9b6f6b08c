/**
 * The sufficient statistics of one merchant's quotes, per stratum (sku × time window, × arm of
 * a randomised experiment): how many quotes, the sums of their fixed-point log prices, and how
 * many quotes fall in each group column of every characteristic. Nothing per quote is kept, so
 * memory grows with strata × columns, never with quotes.
 *
 * Sums are of (Y - R), Y the fixed-point log price and R the first Y seen in the stratum: small
 * integers that add up exactly whatever the order. finish() rebases every stratum on its lowest
 * price, an order-independent reference, by exact integer algebra; a stratum where everyone
 * paid the same then sums to exactly zero. (Exact while a stratum's squared log-price spread
 * sums stay below 2^53: a price spread of 6x over half a million quotes in one sku-hour.)
 */
import type { ColumnLayout } from './column-layout';

/** Strata per allocation chunk (2^CHUNK_BITS): pools grow by chunks, never by copying. */
const CHUNK_BITS = 9;
const CHUNK = 1 << CHUNK_BITS;
/** Per-stratum numbers: n, R, Σ(Y-R), Σ(Y-R)², min Y, max Y. */
const STAT_WIDTH = 6;
const N = 0;
const REF = 1;
const D1 = 2;
const D2 = 3;
const MIN = 4;
const MAX = 5;

export interface StratumTotals {
  n: number;
  /** Σ(Y - min) and Σ(Y - min)² of the stratum, in fixed-point log units. */
  sum: number;
  sumSq: number;
  constant: boolean;
}

export class StratumTable {
  readonly width: number;
  private readonly plainIndex = new Map<string, Map<number, number>>();
  private readonly armIndex = new Map<string, number>();
  /** Per-stratum column counts; a chunk is widened from 16 to 32 bits if a count ever needs it. */
  private readonly counts: (Uint16Array | Uint32Array)[] = [];
  private readonly stats: Float64Array[] = [];
  private readonly skus: string[] = [];
  private readonly windows: number[] = [];
  private readonly arms: string[] = [];
  /** Per column over all strata: quotes, and Σ(Y - R) (rebased to Σ(Y - min) by finish). */
  readonly columnQuotes: Float64Array;
  readonly columnSums: Float64Array;
  private size = 0;
  private finished = false;
  private squares = 0;
  private sortedOrder: number[] = [];

  constructor(readonly layout: ColumnLayout) {
    this.width = layout.width;
    this.columnQuotes = new Float64Array(this.width);
    this.columnSums = new Float64Array(this.width);
  }

  get strataCount(): number {
    return this.size;
  }

  /** The stratum of (sku, window, arm) — arm '' outside randomised experiments — created on first use. */
  stratumOf(skuId: string, window: number, arm: string): number {
    if (arm === '') {
      let byWindow = this.plainIndex.get(skuId);
      if (!byWindow) this.plainIndex.set(skuId, (byWindow = new Map()));
      const found = byWindow.get(window);
      if (found !== undefined) return found;
      const s = this.create(skuId, window, arm);
      byWindow.set(window, s);
      return s;
    }
    const key = `${skuId}\u0000${window}\u0000${arm}`;
    const found = this.armIndex.get(key);
    if (found !== undefined) return found;
    const s = this.create(skuId, window, arm);
    this.armIndex.set(key, s);
    return s;
  }

  /** The existing stratum of (sku, window, arm), or -1 (for later passes over the same quotes). */
  find(skuId: string, window: number, arm: string): number {
    const found = arm === '' ? this.plainIndex.get(skuId)?.get(window) : this.armIndex.get(`${skuId}\u0000${window}\u0000${arm}`);
    return found ?? -1;
  }

  add(stratum: number, y: number, columns: Int32Array): void {
    if (this.finished) throw new Error('StratumTable.add after finish');
    const st = this.stats[stratum >> CHUNK_BITS];
    const at = (stratum & (CHUNK - 1)) * STAT_WIDTH;
    if (st[at + N] === 0) {
      st[at + REF] = y;
      st[at + MIN] = y;
      st[at + MAX] = y;
    }
    const d = y - st[at + REF];
    st[at + N] += 1;
    st[at + D1] += d;
    st[at + D2] += d * d;
    if (y < st[at + MIN]) st[at + MIN] = y;
    if (y > st[at + MAX]) st[at + MAX] = y;
    let ct = this.counts[stratum >> CHUNK_BITS];
    const base = (stratum & (CHUNK - 1)) * this.width;
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i];
      if (ct[base + c] === 0xffff && ct instanceof Uint16Array) ct = this.counts[stratum >> CHUNK_BITS] = Uint32Array.from(ct);
      ct[base + c] += 1;
      this.columnQuotes[c] += 1;
      this.columnSums[c] += d;
    }
  }

  /** Rebases every stratum on its lowest price (see the file comment) and fixes the stratum order. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    for (let s = 0; s < this.size; s++) {
      const st = this.stats[s >> CHUNK_BITS];
      const at = (s & (CHUNK - 1)) * STAT_WIDTH;
      const shift = st[at + MIN] - st[at + REF];
      if (shift === 0) continue;
      const n = st[at + N];
      st[at + D2] = st[at + D2] - 2 * shift * st[at + D1] + n * shift * shift;
      st[at + D1] = st[at + D1] - n * shift;
      const ct = this.counts[s >> CHUNK_BITS];
      const base = (s & (CHUNK - 1)) * this.width;
      for (let c = 0; c < this.width; c++) {
        const k = ct[base + c];
        if (k !== 0) this.columnSums[c] -= k * shift;
      }
    }
    for (let s = 0; s < this.size; s++) this.squares += this.stats[s >> CHUNK_BITS][(s & (CHUNK - 1)) * STAT_WIDTH + D2];
    const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    this.sortedOrder = Array.from({ length: this.size }, (_, i) => i).sort(
      (a, b) => cmp(this.skus[a], this.skus[b]) || this.windows[a] - this.windows[b] || cmp(this.arms[a], this.arms[b]),
    );
  }

  /** Strata in canonical (key) order: iterate in this order so results never depend on arrival order. */
  get order(): readonly number[] {
    if (!this.finished) throw new Error('StratumTable.order before finish');
    return this.sortedOrder;
  }

  /** Σ over strata of Σ(Y - min)²: the outcome's sum of squares after the per-stratum shift. */
  get sumOfSquares(): number {
    return this.squares;
  }

  /** A name of the stratum, unique in the table: sku, window and arm. */
  key(stratum: number): string {
    return `${this.skus[stratum]}\u0000${this.windows[stratum]}\u0000${this.arms[stratum]}`;
  }

  sku(stratum: number): string {
    return this.skus[stratum];
  }

  totals(stratum: number): StratumTotals {
    const st = this.stats[stratum >> CHUNK_BITS];
    const at = (stratum & (CHUNK - 1)) * STAT_WIDTH;
    return { n: st[at + N], sum: st[at + D1], sumSq: st[at + D2], constant: st[at + MIN] === st[at + MAX] };
  }

  /** The stratum's lowest fixed-point log price: the origin of its sums after finish(). */
  minimum(stratum: number): number {
    return this.stats[stratum >> CHUNK_BITS][(stratum & (CHUNK - 1)) * STAT_WIDTH + MIN];
  }

  /** Quotes of `stratum` in column `column`. */
  count(stratum: number, column: number): number {
    return this.counts[stratum >> CHUNK_BITS][(stratum & (CHUNK - 1)) * this.width + column];
  }

  /** Quotes of `stratum` in columns from..from+length-1, written to out[at..at+length-1]. */
  readCounts(stratum: number, from: number, length: number, out: Float64Array, at = 0): void {
    const ct = this.counts[stratum >> CHUNK_BITS];
    const base = (stratum & (CHUNK - 1)) * this.width + from;
    for (let i = 0; i < length; i++) out[at + i] = ct[base + i];
  }

  /** Quotes of `stratum` in any of `columns`. */
  countIn(stratum: number, columns: readonly number[]): number {
    const ct = this.counts[stratum >> CHUNK_BITS];
    const base = (stratum & (CHUNK - 1)) * this.width;
    let k = 0;
    for (const c of columns) k += ct[base + c];
    return k;
  }

  private create(skuId: string, window: number, arm: string): number {
    const s = this.size++;
    if (s >> CHUNK_BITS >= this.stats.length) {
      this.stats.push(new Float64Array(CHUNK * STAT_WIDTH));
      this.counts.push(new Uint16Array(CHUNK * this.width));
    }
    this.skus.push(skuId);
    this.windows.push(window);
    this.arms.push(arm);
    return s;
  }
}
