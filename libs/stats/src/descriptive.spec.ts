/** Reference values: R's quantile(type = 7), mean and var; checked with numpy 2 (method "linear"). */
import { mean, median, quantile, variance } from './descriptive';

describe('descriptive statistics', () => {
  it('quantile is type 7, like R: quantile(1:10, c(.1, .33, .5, .9)) = 1.9 3.97 5.5 9.1', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quantile(xs, 0.1)).toBeCloseTo(1.9, 12);
    expect(quantile(xs, 0.33)).toBeCloseTo(3.97, 12);
    expect(quantile(xs, 0.5)).toBeCloseTo(5.5, 12);
    expect(quantile(xs, 0.9)).toBeCloseTo(9.1, 12);
    expect(quantile(xs, 0)).toBe(1);
    expect(quantile(xs, 1)).toBe(10);
  });

  it('quantile(c(1, 3, 7, 15), c(.25, .5, .75)) = 2.5 5 9; a single value is every quantile', () => {
    expect([0.25, 0.5, 0.75].map((q) => quantile([1, 3, 7, 15], q))).toEqual([2.5, 5, 9]);
    expect(quantile([4], 0.3)).toBe(4);
  });

  it('quantile refuses unsorted, empty or NaN input and q outside [0, 1]', () => {
    expect(() => quantile([3, 1, 2], 0.5)).toThrow(/sorted ascending/);
    expect(() => quantile([], 0.5)).toThrow(/empty/);
    expect(() => quantile([1, NaN], 0.5)).toThrow(RangeError);
    expect(() => quantile([1, 2], 1.2)).toThrow(RangeError);
  });

  it('median sorts a copy and leaves the input alone', () => {
    const xs = [9, 1, 5, 3];
    expect(median(xs)).toBe(4);
    expect(xs).toEqual([9, 1, 5, 3]);
    expect(median([7, 1, 3])).toBe(3);
  });

  it('mean and variance match R on x = c(19.1, 21.4, 20.0, 22.5, 18.9): 20.38 and 2.377', () => {
    const x = [19.1, 21.4, 20.0, 22.5, 18.9];
    expect(mean(x)).toBeCloseTo(20.38, 13);
    // Σ(x − 20.38)² = 9.508, / 4
    expect(variance(x)).toBeCloseTo(2.377, 13);
  });

  it('a constant sample has its value as mean and exactly zero variance', () => {
    const x = [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1];
    expect(mean(x)).toBe(0.1);
    expect(variance(x)).toBe(0);
  });

  it('stays accurate far from zero (the naive Σx² − (Σx)²/n formula gives garbage here)', () => {
    const x = [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16];
    expect(variance(x)).toBeCloseTo(30, 8);
  });

  it('mean of nothing and variance of fewer than two values are undefined (NaN, as in R)', () => {
    expect(mean([])).toBeNaN();
    expect(variance([5])).toBeNaN();
    expect(() => mean([1, Infinity])).toThrow(RangeError);
  });
});
