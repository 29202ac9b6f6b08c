/**
 * Known values: R's chisq.test documentation (party affiliation by gender: X-squared = 30.07,
 * df = 2, p-value = 2.954e-07) and mpmath (src/reference/reference-values.py).
 */
import { chiSquareIndependence } from './chi-square';
import { expectRelativelyClose } from './testing/expect-close';

describe('chiSquareIndependence', () => {
  it("reproduces R's chisq.test example", () => {
    const r = chiSquareIndependence([
      [762, 327, 468],
      [484, 239, 477],
    ]);
    expect(r.statistic).toBeCloseTo(30.07, 2);
    expect(r.df).toBe(2);
    expect(r.p).toBeCloseTo(2.954e-7, 10);
    expectRelativelyClose(r.statistic, 30.070149095754672, 1e-13);
    expectRelativelyClose(r.p, 2.953589183211758e-7, 1e-7);
  });

  it('is the uncorrected test on a 2×2 table (chisq.test(correct = FALSE)): X² = 100/91', () => {
    const r = chiSquareIndependence([
      [20, 15],
      [30, 35],
    ]);
    expectRelativelyClose(r.statistic, 100 / 91, 1e-14);
    expect(r.df).toBe(1);
    expectRelativelyClose(r.p, 0.29450739368011019, 1e-12);
  });

  it('drops all-zero rows and columns before counting df', () => {
    const r = chiSquareIndependence([
      [12, 5, 0],
      [0, 0, 0],
      [7, 9, 0],
      [3, 11, 0],
    ]);
    expect(r.df).toBe(2);
    expectRelativelyClose(r.statistic, 7.5430242551566081, 1e-13);
    expectRelativelyClose(r.p, 0.023017231967928299, 1e-12);
  });

  it('has nothing to test when fewer than two rows or columns carry counts', () => {
    expect(chiSquareIndependence([[4, 6], [0, 0]])).toEqual({ statistic: 0, df: 0, p: 1 });
    expect(chiSquareIndependence([[0, 0]])).toEqual({ statistic: 0, df: 0, p: 1 });
  });

  it('refuses ragged, negative or NaN tables', () => {
    expect(() => chiSquareIndependence([[1, 2], [3]])).toThrow(/row 1/);
    expect(() => chiSquareIndependence([[1, -2], [3, 4]])).toThrow(/non-negative/);
    expect(() => chiSquareIndependence([[1, NaN], [3, 4]])).toThrow(RangeError);
    expect(() => chiSquareIndependence([])).toThrow(RangeError);
  });
});
