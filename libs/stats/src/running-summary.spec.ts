import { mean, variance } from './descriptive';
import { mulberry32 } from './random';
import { RunningSummary, summarize } from './running-summary';
import { gaussian } from './testing/gaussian';

function sample(n: number, seed: number, level: number): number[] {
  const z = gaussian(mulberry32(seed));
  return Array.from({ length: n }, () => level + 3 * z());
}

describe('RunningSummary', () => {
  it('agrees with the two-pass mean and variance (R: mean 20.38, var 2.377)', () => {
    const s = summarize([19.1, 21.4, 20.0, 22.5, 18.9]);
    expect(s.n).toBe(5);
    expect(s.mean).toBeCloseTo(20.38, 13);
    expect(s.variance).toBeCloseTo(2.377, 13);
  });

  it('merging partial summaries equals one pass over everything (Chan et al.)', () => {
    const xs = sample(1000, 7, 50);
    const whole = RunningSummary.of(xs);
    const parts = [xs.slice(0, 1), xs.slice(1, 400), xs.slice(400, 401), xs.slice(401)].map((p) => RunningSummary.of(p));
    const merged = new RunningSummary();
    for (const p of parts) merged.merge(p);
    merged.merge(new RunningSummary()); // merging an empty summary changes nothing
    const a = merged.summary();
    const b = whole.summary();
    expect(a.n).toBe(1000);
    expect(a.mean).toBeCloseTo(b.mean, 11);
    expect(a.variance).toBeCloseTo(b.variance, 10);
    expect(a.mean).toBeCloseTo(mean(xs), 11);
    expect(a.variance).toBeCloseTo(variance(xs), 10);
  });

  it('is stable far from zero, where Σx² − (Σx)²/n loses every digit', () => {
    const xs = sample(500, 3, 1e9);
    // x − 1e9 is exact (Sterbenz), so the variance of the shifted values is the reference.
    const reference = variance(xs.map((v) => v - 1e9));
    expect(summarize(xs).variance / reference).toBeCloseTo(1, 7);
    const naiveSum = xs.reduce((s, v) => s + v, 0);
    const naive = (xs.reduce((s, v) => s + v * v, 0) - (naiveSum * naiveSum) / xs.length) / (xs.length - 1);
    expect(Math.abs(naive / reference - 1)).toBeGreaterThan(1e-3);
  });

  it('survives a JSON round trip, so partials can travel between jobs', () => {
    const s = RunningSummary.of([1, 2, 3.5]);
    const back = RunningSummary.fromJSON(JSON.parse(JSON.stringify(s)));
    expect(back.summary()).toEqual(s.summary());
    back.add(10);
    expect(back.count).toBe(4);
    expect(back.summary().mean).toBeCloseTo(4.125, 14);
  });

  it('reports an empty mean and a one-value variance as NaN, and refuses bad input', () => {
    expect(new RunningSummary().summary()).toEqual({ n: 0, mean: NaN, variance: NaN });
    expect(summarize([4])).toEqual({ n: 1, mean: 4, variance: NaN });
    expect(() => new RunningSummary().add(NaN)).toThrow(RangeError);
    expect(() => RunningSummary.fromJSON({ n: 2, mean: 1, m2: -1 })).toThrow(/negative/);
    expect(() => RunningSummary.fromJSON({ n: 1.5, mean: 1, m2: 0 })).toThrow(RangeError);
  });

  it('gives exactly zero variance for a constant stream', () => {
    expect(summarize([0.7, 0.7, 0.7, 0.7]).variance).toBe(0);
  });
});
