import { gini, jaccard } from './inequality';

describe('jaccard', () => {
  it('is |A ∩ B| / |A ∪ B| on sets or arrays (duplicates ignored)', () => {
    expect(jaccard(['a', 'b', 'c'], ['b', 'c', 'd'])).toBeCloseTo(2 / 4, 15);
    expect(jaccard(new Set([1, 2]), new Set([3]))).toBe(0);
    expect(jaccard([1, 1, 2], [2, 1])).toBe(1);
    expect(jaccard(new Set(['x']), ['x', 'y', 'z', 'w'])).toBeCloseTo(1 / 4, 15);
  });

  it('is 1 when both are empty and 0 when only one is', () => {
    expect(jaccard([], [])).toBe(1);
    expect(jaccard([], ['a'])).toBe(0);
  });
});

describe('gini', () => {
  it('matches ineq::Gini on known vectors', () => {
    expect(gini([5, 5, 5, 5])).toBe(0);
    // Σ(2i − 6)xᵢ / (5 · 15) = 20 / 75
    expect(gini([1, 2, 3, 4, 5])).toBeCloseTo(4 / 15, 15);
    // one holder of everything among n: (n − 1)/n
    expect(gini([0, 0, 0, 1])).toBeCloseTo(0.75, 15);
    expect(gini([0, 0, 0, 0, 0, 0, 0, 0, 0, 100])).toBeCloseTo(0.9, 15);
    // sorted 1, 1, 3, 5: (−3·1 − 1·1 + 1·3 + 3·5) / (4 · 10) = 14/40; by the mean absolute
    // difference Σᵢⱼ|xᵢ − xⱼ| / (2n²·mean) = 28 / 80, the same.
    expect(gini([3, 1, 5, 1])).toBeCloseTo(14 / 40, 15);
  });

  it('ignores order and scale', () => {
    expect(gini([5, 1, 4, 2, 3])).toBeCloseTo(gini([1, 2, 3, 4, 5]), 15);
    expect(gini([10, 20, 30, 40, 50])).toBeCloseTo(gini([1, 2, 3, 4, 5]), 15);
  });

  it('is 0 for nothing to share, and refuses negative or NaN amounts', () => {
    expect(gini([])).toBe(0);
    expect(gini([0, 0])).toBe(0);
    expect(() => gini([1, -1])).toThrow(/non-negative/);
    expect(() => gini([1, NaN])).toThrow(RangeError);
  });
});
