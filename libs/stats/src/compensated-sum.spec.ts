import {
  addCompensated,
  addPairProductQuotient,
  addProduct,
  compensatedDifference,
  compensatedSum,
  compensatedValue,
  mergeCompensated,
  productError,
} from './compensated-sum';

describe('compensated summation', () => {
  it('recovers what plain addition loses (reference: Python math.fsum)', () => {
    // fsum([1e100, 1.0, -1e100]) == 1.0; plain left-to-right addition gives 0.
    expect(compensatedSum([1e100, 1, -1e100])).toBe(1);
    // fsum([0.1] * 10) == 1.0; plain addition gives 0.9999999999999999.
    expect(compensatedSum(new Array(10).fill(0.1))).toBe(1);
  });

  it('gives the same bits whatever the order of the terms', () => {
    const terms = [1e16, 3.3, -1e16, 2.2e-8, 7, -0.5, 1e-20, 12345.678];
    const forward = compensatedSum(terms);
    expect(compensatedSum([...terms].reverse())).toBe(forward);
    expect(compensatedSum([terms[3], terms[0], terms[6], terms[1], terms[7], terms[2], terms[5], terms[4]])).toBe(forward);
  });

  it('merges partial accumulators exactly', () => {
    const a = new Float64Array(2);
    const b = new Float64Array(2);
    [1e100, 0.5].forEach((v) => addCompensated(a, 0, v));
    [-1e100, 0.25].forEach((v) => addCompensated(b, 0, v));
    mergeCompensated(a, 0, b, 0);
    expect(compensatedValue(a, 0)).toBe(0.75);
  });

  it('keeps the exact product: (1 + 2⁻³⁰)² = 1 + 2⁻²⁹ + 2⁻⁶⁰, whose last term a double drops', () => {
    const a = 1 + 2 ** -30;
    expect(a * a).toBe(1 + 2 ** -29);
    expect(productError(a, a, a * a)).toBe(2 ** -60);
    const acc = new Float64Array(2);
    addProduct(acc, 0, a, a);
    addCompensated(acc, 0, -(1 + 2 ** -29));
    expect(compensatedValue(acc, 0)).toBe(2 ** -60);
  });

  it('divides a pair product without losing the low part: (3 + 2⁻⁶⁰)² / 3 − 3 = 2·2⁻⁶⁰ + 2⁻¹²⁰/3', () => {
    const source = Float64Array.from([3, 2 ** -60]);
    const acc = new Float64Array(2);
    addPairProductQuotient(acc, 0, source, 0, 0, 3);
    const minusThree = Float64Array.from([3, 0]);
    expect(compensatedDifference(acc, 0, minusThree, 0)).toBeCloseTo(2 * 2 ** -60, 30);
    expect(compensatedDifference(acc, 0, minusThree, 0) / 2 ** -59).toBeCloseTo(1, 14);
  });
});
