/**
 * Fixed-effects ("within") linear regression, y = α_stratum + xᵀβ + ε, estimated from
 * sufficient statistics so that memory grows with the number of strata, never with the number
 * of observations, and partial estimators from separate jobs merge exactly.
 *
 * Kept: per stratum n_s, Σx, Σy; globally Σxxᵀ, Σxy, Σy². At fit time the within-stratum
 * cross-products are global − Σ_s (Σx)(Σx)ᵀ / n_s (and likewise for xy, yy), which equals the
 * dummy-variable OLS with one dummy per stratum (Frisch–Waugh–Lovell). df = n − strata − k.
 * A stratum with one observation is fitted exactly by its own dummy: it adds one observation
 * and one parameter, so it is left out of both n and strata and counted in singletonStrata.
 *
 * Numerics: the within part is a difference of raw sums, which in plain doubles loses
 * (level / within-stratum spread)² × 1e-16 of its value (prices of 1e5 minor units moving by
 * a few units would keep only 6 digits). Every sum and product is therefore carried in
 * double-double (compensated-sum.ts, ~30 digits), so the loss stays below double rounding
 * until level / spread reaches ~1e7, and results do not drift with n. However rows are
 * ordered or split across partial estimators, the fit agrees to the last bit (barring the
 * vanishingly rare tie described there); the fit walks strata in sorted key order for the
 * same reason.
 */
import {
  addCompensated,
  addPairProductQuotient,
  addProduct,
  compensatedDifference,
  compensatedValue,
  mergeCompensated,
} from './compensated-sum';
import { solveSymmetricPositiveDefinite } from './symmetric-solve';
import { tTestResult } from './t-test';
import { requireFinite } from './validate';

export interface WithinFit {
  names: string[];
  coef: number[];
  se: number[];
  t: number[];
  /** Two-sided p-values. */
  p: number[];
  ci95: [number, number][];
  /** Residual degrees of freedom: n − strata − k. */
  df: number;
  /** Observations in strata with at least two observations. */
  n: number;
  /** Strata with at least two observations. */
  strata: number;
  /** Strata with a single observation: they carry no within-stratum information. */
  singletonStrata: number;
  /** Residual variance estimate (residual sum of squares / df). */
  sigma2: number;
}

export interface WithinEstimatorJSON {
  names: string[];
  /** Compensated pairs: Σxᵢxⱼ (i ≤ j, row-major upper triangle), then Σxᵢy, then Σy². */
  global: number[];
  /** [stratum, [n, Σx₀ pair, …, Σx_{k−1} pair, Σy pair]], sorted by stratum. */
  strata: [string, number[]][];
}

/**
 * A regressor whose within-stratum sum of squares is below this share of its raw Σx² is
 * constant within strata (absorbed by the fixed effects). Far above the double-double noise
 * (~1e-26 at a million rows), far below any real variation (spread / level > 1e-10).
 */
const NO_WITHIN_VARIATION = 1e-20;

export class WithinEstimator {
  readonly names: string[];
  private readonly k: number;
  private readonly strataSums = new Map<string, Float64Array>();
  private readonly global: Float64Array;

  constructor(names: string[]) {
    if (!Array.isArray(names) || names.length === 0) throw new RangeError('WithinEstimator needs at least one regressor name');
    if (new Set(names).size !== names.length) throw new RangeError(`regressor names must be distinct: ${names.join(', ')}`);
    this.names = [...names];
    this.k = names.length;
    this.global = new Float64Array(2 * this.globalSlots());
  }

  /** Adds one observation of stratum `stratum`: outcome y, regressors x (in `names` order). */
  add(stratum: string, y: number, x: number[]): void {
    const k = this.k;
    if (typeof stratum !== 'string') throw new RangeError(`stratum must be a string, got ${String(stratum)}`);
    requireFinite(y, 'y');
    if (!Array.isArray(x) || x.length !== k) throw new RangeError(`x must hold ${k} values (${this.names.join(', ')})`);
    // Checked inline: this runs once per row, and building the message eagerly doubles its cost.
    for (let i = 0; i < k; i++) if (!Number.isFinite(x[i])) requireFinite(x[i], `x[${i}] (${this.names[i]})`);

    let s = this.strataSums.get(stratum);
    if (!s) {
      s = new Float64Array(1 + 2 * (k + 1));
      this.strataSums.set(stratum, s);
    }
    s[0] += 1;
    for (let i = 0; i < k; i++) addCompensated(s, 1 + 2 * i, x[i]);
    addCompensated(s, 1 + 2 * k, y);

    const g = this.global;
    let slot = 0;
    for (let i = 0; i < k; i++) {
      for (let j = i; j < k; j++) addProduct(g, 2 * slot++, x[i], x[j]);
    }
    for (let i = 0; i < k; i++) addProduct(g, 2 * slot++, x[i], y);
    addProduct(g, 2 * slot, y, y);
  }

  /** Folds in another estimator over the same regressors (strata present in both are pooled). */
  merge(other: WithinEstimator): void {
    if (other.names.join('\u0000') !== this.names.join('\u0000')) {
      throw new RangeError(`cannot merge estimators over different regressors: [${this.names}] vs [${other.names}]`);
    }
    for (const [key, theirs] of other.strataSums) {
      const mine = this.strataSums.get(key);
      if (!mine) {
        this.strataSums.set(key, new Float64Array(theirs));
        continue;
      }
      mine[0] += theirs[0];
      for (let at = 1; at < mine.length; at += 2) mergeCompensated(mine, at, theirs, at);
    }
    for (let at = 0; at < this.global.length; at += 2) mergeCompensated(this.global, at, other.global, at);
  }

  /** Total observations added (singletons included). */
  get count(): number {
    let n = 0;
    for (const s of this.strataSums.values()) n += s[0];
    return n;
  }

  /** Distinct strata seen (singletons included). */
  get strataCount(): number {
    return this.strataSums.size;
  }

  /** The estimate, or null when it does not exist: no residual df, or regressors collinear or constant within strata. */
  fit(): WithinFit | null {
    const k = this.k;
    const between = new Float64Array(this.global.length);
    let n = 0;
    let strata = 0;
    let singletonStrata = 0;
    for (const key of [...this.strataSums.keys()].sort()) {
      const s = this.strataSums.get(key) as Float64Array;
      const ns = s[0];
      if (ns >= 2) {
        n += ns;
        strata += 1;
      } else {
        singletonStrata += 1;
      }
      // (Σxᵢ)(Σxⱼ)/n_s and the like, in double-double; sum pairs sit at 1 + 2i (y at i = k).
      const at = (i: number) => 1 + 2 * i;
      let slot = 0;
      for (let i = 0; i < k; i++) {
        for (let j = i; j < k; j++) addPairProductQuotient(between, 2 * slot++, s, at(i), at(j), ns);
      }
      for (let i = 0; i < k; i++) addPairProductQuotient(between, 2 * slot++, s, at(i), at(k), ns);
      addPairProductQuotient(between, 2 * slot, s, at(k), at(k), ns);
    }

    const df = n - strata - k;
    if (df < 1) return null;

    const within = (slot: number) => compensatedDifference(this.global, 2 * slot, between, 2 * slot);
    const sxx: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    let slot = 0;
    for (let i = 0; i < k; i++) {
      for (let j = i; j < k; j++) {
        sxx[i][j] = within(slot);
        sxx[j][i] = sxx[i][j];
        if (i === j && !(sxx[i][i] > NO_WITHIN_VARIATION * compensatedValue(this.global, 2 * slot))) return null;
        slot++;
      }
    }
    const sxy = Array.from({ length: k }, () => within(slot++));
    const syy = within(slot);

    const solution = solveSymmetricPositiveDefinite(sxx, sxy);
    if (!solution) return null;
    const coef = solution.x;
    const rss = Math.max(0, syy - coef.reduce((s, b, i) => s + b * sxy[i], 0));
    const sigma2 = rss / df;

    const tests = coef.map((b, i) => tTestResult(b, Math.sqrt(sigma2 * solution.inverse[i][i]), df));
    return {
      names: [...this.names],
      coef,
      se: tests.map((r) => r.se),
      t: tests.map((r) => r.t),
      p: tests.map((r) => r.p),
      ci95: tests.map((r) => r.ci95),
      df,
      n,
      strata,
      singletonStrata,
      sigma2,
    };
  }

  toJSON(): WithinEstimatorJSON {
    return {
      names: [...this.names],
      global: Array.from(this.global),
      strata: [...this.strataSums.keys()].sort().map((key) => [key, Array.from(this.strataSums.get(key) as Float64Array)]),
    };
  }

  static fromJSON(json: WithinEstimatorJSON): WithinEstimator {
    if (typeof json !== 'object' || json === null || !Array.isArray(json.strata) || !Array.isArray(json.global)) {
      throw new RangeError('WithinEstimator JSON must be { names, global, strata }');
    }
    const estimator = new WithinEstimator(json.names);
    if (json.global.length !== estimator.global.length) {
      throw new RangeError(`WithinEstimator JSON global must hold ${estimator.global.length} numbers, got ${json.global.length}`);
    }
    json.global.forEach((v, i) => (estimator.global[i] = requireFinite(v, `global[${i}]`)));
    const width = 1 + 2 * (estimator.k + 1);
    for (const entry of json.strata) {
      const [key, values] = Array.isArray(entry) ? entry : [undefined, undefined];
      if (typeof key !== 'string' || !Array.isArray(values) || values.length !== width) {
        throw new RangeError(`each WithinEstimator JSON stratum must be [name, ${width} numbers]`);
      }
      if (estimator.strataSums.has(key)) throw new RangeError(`stratum "${key}" appears twice in WithinEstimator JSON`);
      values.forEach((v, i) => requireFinite(v, `stratum "${key}" value ${i}`));
      if (!Number.isSafeInteger(values[0]) || values[0] < 1) {
        throw new RangeError(`stratum "${key}" must count at least one observation, got ${values[0]}`);
      }
      estimator.strataSums.set(key, Float64Array.from(values));
    }
    return estimator;
  }

  /** Compensated pairs kept globally: k(k+1)/2 for Σxxᵀ, k for Σxy, one for Σy². */
  private globalSlots(): number {
    return (this.k * (this.k + 1)) / 2 + this.k + 1;
  }
}
