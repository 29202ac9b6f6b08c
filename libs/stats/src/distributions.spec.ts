/**
 * Reference values: mpmath 1.3.0 at 50 digits (src/reference/reference-values.py, section
 * "distributions"): normal via mp.ncdf, t via the regularised incomplete beta, chi-square via
 * the regularised upper incomplete gamma.
 */
import { chiSquareCdf, hypergeometricCdf, normalCdf, normalQuantile, tCdf, tQuantile } from './distributions';
import { expectRelativelyClose } from './testing/expect-close';

describe('distribution wrappers', () => {
  it('normalCdf and normalQuantile match mpmath', () => {
    expectRelativelyClose(normalCdf(-1.96), 0.024997895148220436, 1e-13);
    expectRelativelyClose(normalCdf(0.5), 0.6914624612740131, 1e-14);
    expectRelativelyClose(normalCdf(3), 0.99865010196836991, 1e-14);
    expectRelativelyClose(normalQuantile(0.975), 1.9599639845400542, 1e-14);
    expectRelativelyClose(normalQuantile(0.001), -3.0902323061678135, 1e-14);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });

  it('tCdf and tQuantile match mpmath, including fractional df and far tails', () => {
    expectRelativelyClose(tCdf(-2.5, 3), 0.043853323504032774, 1e-12);
    expectRelativelyClose(tCdf(1.3, 17.5), 0.89476811551148711, 1e-13);
    expectRelativelyClose(tCdf(-40, 5), 9.2059810858864772e-8, 1e-10);
    expectRelativelyClose(tQuantile(0.975, 4), 2.7764451051977944, 1e-12);
    expectRelativelyClose(tQuantile(0.975, 17.776), 2.1028213103802217, 1e-12);
    expectRelativelyClose(tQuantile(0.01, 2.5), -5.3531111730308743, 1e-10);
  });

  it('treats df = Infinity as the normal limit (@stdlib alone would answer 0.5 and NaN)', () => {
    expect(tCdf(-1.96, Infinity)).toBe(normalCdf(-1.96));
    expect(tQuantile(0.975, Infinity)).toBe(normalQuantile(0.975));
    // and agrees with a huge finite df (the gap is about φ(z)(z³ + z) / (4 df) ≈ 1.4e-11 here)
    expect(Math.abs(tCdf(-1.96, 1e10) - normalCdf(-1.96))).toBeLessThan(1e-10);
  });

  it('chiSquareCdf matches mpmath', () => {
    expectRelativelyClose(chiSquareCdf(3.84, 1), 0.9499564787512949, 1e-13);
    expectRelativelyClose(chiSquareCdf(10, 7), 0.81142653248654993, 1e-13);
    expectRelativelyClose(1 - chiSquareCdf(30.07, 2), 2.9538093752232096e-7, 1e-8);
  });

  it('hypergeometricCdf matches exact fractions', () => {
    // P(X <= 1), X ~ Hypergeometric(population 8, marked 4, draws 4) = (1 + 16) / 70.
    expectRelativelyClose(hypergeometricCdf(1, 8, 4, 4), 17 / 70, 1e-14);
    expect(() => hypergeometricCdf(1, 8, 9, 4)).toThrow(/cannot exceed population/);
  });

  it('refuses NaN and impossible parameters instead of returning NaN', () => {
    expect(() => normalCdf(NaN)).toThrow(RangeError);
    expect(() => normalQuantile(1.5)).toThrow(/\[0, 1\]/);
    expect(() => tCdf(1, 0)).toThrow(/df must be positive/);
    expect(() => tCdf(1, NaN)).toThrow(RangeError);
    expect(() => tQuantile(NaN, 3)).toThrow(RangeError);
    expect(() => chiSquareCdf(1, -2)).toThrow(RangeError);
    expect(() => hypergeometricCdf(1, 8.5, 4, 4)).toThrow(/integer count/);
  });
});
