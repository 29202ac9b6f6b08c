/**
 * Within-stratum cross-products of every group column of a few characteristics (and of the
 * log price), pooled over one merchant's strata once. The attribution step fits dozens of joint
 * models over the same quotes; WithinEstimator would walk every stratum for each of them
 * (O(strata · k²) per model), while here a model is a sub-matrix sum and a k×k solve
 * (solveSymmetricPositiveDefinite from @fairmarket/stats). It is the same estimator: the
 * within-stratum Gram matrix of the dummy-variable regression (Frisch–Waugh–Lovell), with df =
 * n − strata − k over strata of at least two quotes, as WithinEstimator counts them; a unit test
 * checks that both agree.
 */
import { solveSymmetricPositiveDefinite, tCdf, tQuantile } from '@fairmarket/stats';
import { LOG_UNITS } from './effective-price';
import type { StratumTable } from './stratum-table';
import type { CrossCounts, Dummy } from './within-design';

export interface PooledFit {
  names: string[];
  coef: number[];
  se: number[];
  t: number[];
  p: number[];
  ci95: [number, number][];
  df: number;
  /** Rows of the inverse within Gram matrix: a coefficient is Σ_i (row · x̃_i) ỹ_i (for clustered errors). */
  inverse: number[][];
  /** Quotes in strata of at least two quotes. */
  n: number;
}

export class PooledWithinMoments {
  private readonly local: Int32Array;
  private readonly columns: number[];
  private readonly w: Float64Array;
  private readonly wy: Float64Array;
  private readonly wyy: number;
  private readonly n: number;
  private readonly strata: number;

  /** `cross` is needed when more than one characteristic is pooled. */
  constructor(table: StratumTable, attributeIndices: readonly number[], cross?: CrossCounts) {
    const layout = table.layout;
    this.local = new Int32Array(layout.width).fill(-1);
    this.columns = [];
    for (const i of attributeIndices) {
      const a = layout.attributes[i];
      for (let c = a.offset; c <= a.missingColumn; c++) {
        this.local[c] = this.columns.length;
        this.columns.push(c);
      }
    }
    const m = this.columns.length;
    this.w = new Float64Array(m * m);
    this.wy = new Float64Array(m);
    let wyy = table.sumOfSquares / (LOG_UNITS * LOG_UNITS);
    let n = 0;
    let strata = 0;
    // Each characteristic's columns are consecutive in the layout: read as one run per stratum.
    const runs = attributeIndices.map((i) => layout.attributes[i]);
    const counts = new Float64Array(m);
    const nz = new Int32Array(m);
    const cnt = new Float64Array(m);
    const w = this.w;
    const wy = this.wy;
    for (const s of table.order) {
      const totals = table.totals(s);
      if (totals.n >= 2) {
        n += totals.n;
        strata += 1;
      }
      const ybar = totals.sum / LOG_UNITS / totals.n;
      wyy -= ybar * (totals.sum / LOG_UNITS);
      let at = 0;
      for (const a of runs) {
        const length = a.missingColumn - a.offset + 1;
        table.readCounts(s, a.offset, length, counts, at);
        at += length;
      }
      let z = 0;
      for (let i = 0; i < m; i++) {
        const k = counts[i];
        if (k !== 0) {
          nz[z] = i;
          cnt[z++] = k;
        }
      }
      for (let x = 0; x < z; x++) {
        const row = nz[x] * m;
        wy[nz[x]] -= cnt[x] * ybar;
        for (let y = x; y < z; y++) w[row + nz[y]] -= (cnt[x] * cnt[y]) / totals.n;
      }
    }
    for (let i = 0; i < m; i++) {
      const ci = this.columns[i];
      this.wy[i] += table.columnSums[ci] / LOG_UNITS;
      for (let j = i; j < m; j++) {
        const cj = this.columns[j];
        if (i === j) this.w[i * m + j] += table.columnQuotes[ci];
        else if (layout.attributeOf(ci) !== layout.attributeOf(cj)) {
          if (!cross) throw new Error('pooling several characteristics needs their co-occurrence counts');
          this.w[i * m + j] += cross.count(ci, cj);
        }
        this.w[j * m + i] = this.w[i * m + j];
      }
    }
    this.wyy = Math.max(0, wyy);
    this.n = n;
    this.strata = strata;
  }

  private at(column: number): number {
    const i = this.local[column];
    if (i < 0) throw new Error(`column ${column} is not among the pooled characteristics`);
    return i;
  }

  /** Within-stratum Σ x_u x_v of two dummies. */
  product(u: Dummy, v: Dummy): number {
    const m = this.columns.length;
    let total = 0;
    for (const a of u.columns) for (const b of v.columns) total += this.w[this.at(a) * m + this.at(b)];
    return total;
  }

  private productY(u: Dummy): number {
    let total = 0;
    for (const a of u.columns) total += this.wy[this.at(a)];
    return total;
  }

  matrix(dummies: readonly Dummy[]): number[][] {
    return dummies.map((u) => dummies.map((v) => this.product(u, v)));
  }

  /** The joint within regression of log price on these dummies, or null when it does not exist. */
  fit(dummies: readonly Dummy[]): PooledFit | null {
    const k = dummies.length;
    const df = this.n - this.strata - k;
    if (k === 0 || df < 1) return null;
    const solution = solveSymmetricPositiveDefinite(this.matrix(dummies), dummies.map((u) => this.productY(u)));
    if (!solution) return null;
    const coef = solution.x;
    const rss = Math.max(0, this.wyy - coef.reduce((s, b, i) => s + b * this.productY(dummies[i]), 0));
    const sigma2 = rss / df;
    const half = tQuantile(0.975, df);
    const se = coef.map((_, i) => Math.sqrt(Math.max(0, sigma2 * solution.inverse[i][i])));
    // Zero standard error: every quote sits exactly on the fitted prices (see @fairmarket/stats tTestResult).
    const t = coef.map((b, i) => (se[i] === 0 ? (b === 0 ? 0 : b > 0 ? Infinity : -Infinity) : b / se[i]));
    const p = t.map((ti, i) => (se[i] === 0 ? (coef[i] === 0 ? 1 : 0) : Math.min(1, 2 * tCdf(-Math.abs(ti), df))));
    return {
      names: dummies.map((d) => d.name),
      coef,
      se,
      t,
      p,
      ci95: coef.map((b, i) => [b - half * se[i], b + half * se[i]] as [number, number]),
      df,
      inverse: solution.inverse.map((row) => [...row]),
      n: this.n,
    };
  }
}
