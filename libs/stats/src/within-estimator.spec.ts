import { mulberry32, shuffleInPlace } from './random';
import { gaussian } from './testing/gaussian';
import { dummyOls, type Observation } from './testing/dummy-ols';
import { tCdf, tQuantile } from './distributions';
import { WithinEstimator } from './within-estimator';

function estimate(observations: Observation[], names = ['x1', 'x2']): WithinEstimator {
  const e = new WithinEstimator(names);
  for (const o of observations) e.add(o.stratum, o.y, o.x);
  return e;
}

// Four strata of sizes 4, 3, 2 and a singleton: small enough to check by hand, uneven on purpose.
const SMALL: Observation[] = [
  { stratum: 'A', y: 3.1, x: [1, 0.5] },
  { stratum: 'A', y: 4.0, x: [2, 0.1] },
  { stratum: 'A', y: 6.2, x: [3, 0.9] },
  { stratum: 'A', y: 6.9, x: [4, 0.4] },
  { stratum: 'B', y: 10.5, x: [1, 1.5] },
  { stratum: 'B', y: 11.0, x: [0, 2.5] },
  { stratum: 'B', y: 12.8, x: [2, 1.0] },
  { stratum: 'C', y: -1.0, x: [5, 0.2] },
  { stratum: 'D', y: 0.4, x: [1, 1.1] },
  { stratum: 'D', y: 2.9, x: [3, 0.3] },
];

/** y = α_s + 0.5·x1 − 2·x2 + ε, with α_s correlated with x1 so that pooled OLS would be biased. */
function simulate(seed: number, strataCount: number): Observation[] {
  const rand = mulberry32(seed);
  const z = gaussian(rand);
  const out: Observation[] = [];
  for (let s = 0; s < strataCount; s++) {
    const alpha = 10 * z();
    const size = 1 + Math.floor(rand() * 8);
    for (let i = 0; i < size; i++) {
      const x1 = alpha / 5 + z();
      const x2 = rand() < 0.4 ? 1 : 0;
      out.push({ stratum: `s${s}`, y: alpha + 0.5 * x1 - 2 * x2 + z(), x: [x1, x2] });
    }
  }
  return out;
}

describe('WithinEstimator', () => {
  it('equals OLS with an explicit dummy per stratum (brute force), singletons dropped from n and strata', () => {
    const fit = estimate(SMALL).fit()!;
    const ref = dummyOls(SMALL, 2);
    expect(ref.df).toBe(10 - 4 - 2);
    expect(fit.df).toBe(ref.df);
    expect(fit.n).toBe(9);
    expect(fit.strata).toBe(3);
    expect(fit.singletonStrata).toBe(1);
    expect(fit.names).toEqual(['x1', 'x2']);
    fit.coef.forEach((b, i) => expect(b).toBeCloseTo(ref.coef[i], 11));
    fit.se.forEach((se, i) => expect(se).toBeCloseTo(ref.se[i], 11));
    fit.t.forEach((t, i) => expect(t).toBeCloseTo(ref.t[i], 9));
    expect(fit.sigma2).toBeCloseTo(ref.sigma2, 11);
    fit.p.forEach((p, i) => expect(p).toBeCloseTo(2 * tCdf(-Math.abs(ref.t[i]), ref.df), 10));
    const q = tQuantile(0.975, ref.df);
    fit.ci95.forEach(([lo, hi], i) => {
      expect(lo).toBeCloseTo(ref.coef[i] - q * ref.se[i], 10);
      expect(hi).toBeCloseTo(ref.coef[i] + q * ref.se[i], 10);
    });
  });

  it('equals the dummy-variable OLS on simulated data too, with one regressor', () => {
    const obs = simulate(21, 25).map((o) => ({ ...o, x: [o.x[0]] }));
    const fit = estimate(obs, ['x1']).fit()!;
    const ref = dummyOls(obs, 1);
    expect(fit.df).toBe(ref.df);
    expect(fit.coef[0]).toBeCloseTo(ref.coef[0], 10);
    expect(fit.se[0]).toBeCloseTo(ref.se[0], 10);
  });

  it('recovers planted coefficients where stratum effects confound x1', () => {
    const obs = simulate(4, 3000);
    const fit = estimate(obs).fit()!;
    expect(Math.abs(fit.coef[0] - 0.5)).toBeLessThan(4 * fit.se[0]);
    expect(Math.abs(fit.coef[1] + 2)).toBeLessThan(4 * fit.se[1]);
    expect(fit.se[0]).toBeLessThan(0.02);
    expect(fit.ci95[0][0]).toBeLessThan(0.5);
    expect(fit.ci95[0][1]).toBeGreaterThan(0.5);
    expect(fit.sigma2).toBeCloseTo(1, 1);
    expect(fit.p[1]).toBeLessThan(1e-100);
    // Pooled OLS without strata would put x1's slope near 0.5 + Cov(α, x1)/Var(x1) ≈ 4.3.
    const pooledSlope = (() => {
      const xs = obs.map((o) => o.x[0]);
      const ys = obs.map((o) => o.y);
      const mx = xs.reduce((s, v) => s + v, 0) / xs.length;
      const my = ys.reduce((s, v) => s + v, 0) / ys.length;
      return xs.reduce((s, v, i) => s + (v - mx) * (ys[i] - my), 0) / xs.reduce((s, v) => s + (v - mx) ** 2, 0);
    })();
    expect(pooledSlope).toBeGreaterThan(3);
  });

  it('gives the same bits whatever the row order, the split into partials and the JSON trips', () => {
    const obs = simulate(8, 400);
    const reference = estimate(obs).fit();
    for (let seed = 1; seed <= 5; seed++) {
      const rand = mulberry32(seed);
      const shuffled = shuffleInPlace([...obs], rand);
      const parts = [new WithinEstimator(['x1', 'x2']), new WithinEstimator(['x1', 'x2']), new WithinEstimator(['x1', 'x2'])];
      // Rows of one stratum may land in different partials: merge must pool them.
      for (const o of shuffled) parts[Math.floor(rand() * 3)].add(o.stratum, o.y, o.x);
      const travelled = parts.map((p) => WithinEstimator.fromJSON(JSON.parse(JSON.stringify(p))));
      const merged = travelled[seed % 3];
      travelled.filter((_, i) => i !== seed % 3).forEach((p) => merged.merge(p));
      expect(merged.fit()).toEqual(reference);
    }
  });

  it('keeps memory per stratum, not per observation', () => {
    const e = new WithinEstimator(['x']);
    const rand = mulberry32(1);
    for (let i = 0; i < 20000; i++) e.add(`s${i % 7}`, rand(), [rand()]);
    expect(e.count).toBe(20000);
    expect(e.strataCount).toBe(7);
    expect(e.toJSON().strata).toHaveLength(7);
    expect(JSON.stringify(e).length).toBeLessThan(2000);
  });

  it('stays accurate when y and x sit far from zero relative to their spread', () => {
    // Plain double sums would keep ~6 digits of se here ((1e5 / 3)² × 1e-16 ≈ 1e-7 relative).
    const shifted = SMALL.map((o) => ({ ...o, y: o.y + 1e5, x: [o.x[0] + 1e3, o.x[1] - 5e4] }));
    const fit = estimate(shifted).fit()!;
    const ref = dummyOls(SMALL, 2); // the fixed effects absorb the shift exactly
    fit.coef.forEach((b, i) => expect(b).toBeCloseTo(ref.coef[i], 11));
    fit.se.forEach((se, i) => expect(se).toBeCloseTo(ref.se[i], 11));
    expect(fit.sigma2).toBeCloseTo(ref.sigma2, 11);
  });

  it('returns null without residual df, for a regressor constant within strata, and for collinear regressors', () => {
    expect(estimate(SMALL.slice(0, 3)).fit()).toBeNull(); // n 3 − 1 stratum − 2 regressors = 0
    expect(new WithinEstimator(['x']).fit()).toBeNull();
    const stratumLevel = SMALL.map((o) => ({ ...o, x: [o.x[0], o.stratum === 'A' ? 1 : 0] }));
    expect(estimate(stratumLevel).fit()).toBeNull();
    const collinear = SMALL.map((o) => ({ ...o, x: [o.x[0], 2 * o.x[0] + 1] }));
    expect(estimate(collinear).fit()).toBeNull();
    const onlySingletons = SMALL.map((o, i) => ({ ...o, stratum: `solo${i}` }));
    expect(estimate(onlySingletons).fit()).toBeNull();
  });

  it('a perfect fit has zero residual variance: p = 0 for a non-zero slope, 1 for a zero one', () => {
    const exact = SMALL.map((o) => ({ ...o, y: (o.stratum === 'A' ? 5 : 0) + 3 * o.x[0] }));
    const fit = estimate(exact).fit()!;
    // Double-double sums make the residual exactly 0 here, so the t-test convention applies.
    expect(fit.coef).toEqual([3, 0]);
    expect(fit.sigma2).toBe(0);
    expect(fit.t).toEqual([Infinity, 0]);
    expect(fit.p).toEqual([0, 1]);
    expect(fit.ci95).toEqual([
      [3, 3],
      [0, 0],
    ]);
  });

  it('refuses NaN, wrong widths, duplicate names and merges across different regressors', () => {
    const e = new WithinEstimator(['a', 'b']);
    expect(() => e.add('s', NaN, [1, 2])).toThrow(/y must be/);
    expect(() => e.add('s', 1, [1, Infinity])).toThrow(/x\[1\] \(b\)/);
    expect(() => e.add('s', 1, [1])).toThrow(/2 values/);
    expect(() => new WithinEstimator(['a', 'a'])).toThrow(/distinct/);
    expect(() => new WithinEstimator([])).toThrow(RangeError);
    expect(() => e.merge(new WithinEstimator(['b', 'a']))).toThrow(/different regressors/);
    expect(() => WithinEstimator.fromJSON({ names: ['a'], global: [0], strata: [] })).toThrow(/global/);
    const bad = estimate(SMALL).toJSON();
    bad.strata[0][1][0] = 0;
    expect(() => WithinEstimator.fromJSON(bad)).toThrow(/at least one observation/);
  });
});
