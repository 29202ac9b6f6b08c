import { bootstrapCI } from './bootstrap';
import { mean, median, variance } from './descriptive';
import { mulberry32 } from './random';
import { gaussian } from './testing/gaussian';

describe('bootstrapCI', () => {
  const z = gaussian(mulberry32(5));
  const values = Array.from({ length: 200 }, () => 10 + 2 * z());

  it('for a mean, is close to the normal-theory interval mean ± 1.96 s/√n', () => {
    const [lo, hi] = bootstrapCI(values, mean, { reps: 3000, seed: 9 });
    const m = mean(values);
    const half = 1.96 * Math.sqrt(variance(values) / values.length);
    expect(lo).toBeCloseTo(m - half, 1);
    expect(hi).toBeCloseTo(m + half, 1);
    expect(lo).toBeLessThan(m);
    expect(hi).toBeGreaterThan(m);
  });

  it('is reproducible for a seed, differs across seeds, and narrows with a lower level', () => {
    const a = bootstrapCI(values, median, { seed: 3 });
    expect(bootstrapCI(values, median, { seed: 3 })).toEqual(a);
    expect(bootstrapCI(values, median, { seed: 4 })).not.toEqual(a);
    const narrow = bootstrapCI(values, median, { seed: 3, level: 0.5 });
    expect(narrow[1] - narrow[0]).toBeLessThan(a[1] - a[0]);
  });

  it('covers the true mean about 95% of the time (150 simulated samples)', () => {
    const draw = gaussian(mulberry32(77));
    const sampleMean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
    let covered = 0;
    for (let s = 0; s < 150; s++) {
      const sample = Array.from({ length: 40 }, () => 3 + draw());
      const [lo, hi] = bootstrapCI(sample, sampleMean, { reps: 400, seed: s });
      if (lo <= 3 && 3 <= hi) covered++;
    }
    // The percentile interval for a mean of 40 normals covers ~93%; Binomial(150, 0.93)
    // stays within 0.85–0.99 except with probability < 1e-3.
    expect(covered / 150).toBeGreaterThan(0.85);
    expect(covered / 150).toBeLessThan(0.99);
  });

  it('gives the point itself for a constant sample, and refuses bad input', () => {
    expect(bootstrapCI([4, 4, 4], mean)).toEqual([4, 4]);
    expect(() => bootstrapCI([], mean)).toThrow(/at least one/);
    expect(() => bootstrapCI([1, NaN], mean)).toThrow(RangeError);
    expect(() => bootstrapCI([1, 2], mean, { level: 1 })).toThrow(/level/);
    expect(() => bootstrapCI([1, 2], mean, { reps: 0 })).toThrow(/reps/);
    expect(() => bootstrapCI([1, 2], () => NaN)).toThrow(/statistic/);
  });
});
