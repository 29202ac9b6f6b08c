/**
 * Known values: R's fisher.test documentation (Agresti's TeaTasting: two-sided p-value =
 * 0.4857, alternative = "greater" p-value = 0.2429, odds ratio 6.408309) and exact rational
 * sums of binomial coefficients from src/reference/reference-values.py.
 */
import { fisherExact } from './fisher-exact';
import { expectRelativelyClose } from './testing/expect-close';

describe('fisherExact', () => {
  it("reproduces R's tea-tasting example [[3, 1], [1, 3]]", () => {
    const two = fisherExact([[3, 1], [1, 3]]);
    expect(two.p).toBeCloseTo(0.4857, 4);
    expectRelativelyClose(two.p, 34 / 70, 1e-14); // (1 + 16 + 16 + 1) / C(8, 4)
    expect(fisherExact([[3, 1], [1, 3]], 'greater').p).toBeCloseTo(0.2429, 4);
    expectRelativelyClose(fisherExact([[3, 1], [1, 3]], 'greater').p, 17 / 70, 1e-14);
    expectRelativelyClose(fisherExact([[3, 1], [1, 3]], 'less').p, 69 / 70, 1e-14);
    expect(two.oddsRatio).toBe(9);
    // R prints 6.408309 (its uniroot stops at ~1e-4); the exact root is 6.4083196581996743.
    expect(two.conditionalOddsRatio).toBeCloseTo(6.4083, 4);
    expectRelativelyClose(two.conditionalOddsRatio, 6.4083196581996743, 1e-10);
  });

  it('matches exact sums on asymmetric tables, in both directions', () => {
    const t1: [[number, number], [number, number]] = [[10, 2], [3, 15]];
    expectRelativelyClose(fisherExact(t1).p, 0.0005367241191434358, 1e-12);
    expectRelativelyClose(fisherExact(t1, 'greater').p, 0.00046518094336290501, 1e-12);
    expectRelativelyClose(fisherExact(t1, 'less').p, 0.99998451901868615, 1e-13);
    expectRelativelyClose(fisherExact(t1).conditionalOddsRatio, 21.305317556750337, 1e-10);

    const t2: [[number, number], [number, number]] = [[1, 9], [11, 3]];
    expectRelativelyClose(fisherExact(t2).p, 0.0027594561852200835, 1e-12);
    expectRelativelyClose(fisherExact(t2, 'less').p, 0.0013797280926100417, 1e-12);
    expectRelativelyClose(fisherExact(t2, 'greater').p, 0.99996634809530219, 1e-13);
    expectRelativelyClose(fisherExact(t2).conditionalOddsRatio, 0.03720908483238119, 1e-10);

    // Sanctions: 7 of 37 rival-active merchants vs 2 of 252 others.
    const t3: [[number, number], [number, number]] = [[7, 30], [2, 250]];
    expectRelativelyClose(fisherExact(t3, 'greater').p, 9.8165334244925309e-6, 1e-12);
    expectRelativelyClose(fisherExact(t3).p, 9.8165334244925309e-6, 1e-12);
    expectRelativelyClose(fisherExact(t3).conditionalOddsRatio, 28.488088882562461, 1e-10);
  });

  it('keeps tiny one-sided p-values accurate (no 1 − cdf cancellation)', () => {
    // P(a >= 50) with every draw marked: C(50, 50) C(950, 0) / C(1000, 50).
    const p = fisherExact([[50, 0], [0, 950]], 'greater').p;
    let expected = 1;
    for (let i = 0; i < 50; i++) expected *= (50 - i) / (1000 - i);
    expectRelativelyClose(p, expected, 1e-11);
    expect(p).toBeGreaterThan(0);
  });

  it('handles zero cells and degenerate margins', () => {
    const r = fisherExact([[5, 0], [0, 5]]);
    expect(r.oddsRatio).toBe(Infinity);
    expect(r.conditionalOddsRatio).toBe(Infinity);
    expectRelativelyClose(r.p, 2 / 252, 1e-13); // two extreme tables of 252
    expect(fisherExact([[0, 5], [5, 0]]).conditionalOddsRatio).toBe(0);
    const empty = fisherExact([[0, 0], [0, 0]]);
    expect(empty.p).toBe(1);
    expect(empty.oddsRatio).toBeNaN();
  });

  it('refuses non-integer, negative or NaN counts and unknown alternatives', () => {
    expect(() => fisherExact([[1.5, 2], [3, 4]])).toThrow(/integer count/);
    expect(() => fisherExact([[-1, 2], [3, 4]])).toThrow(RangeError);
    expect(() => fisherExact([[NaN, 2], [3, 4]])).toThrow(RangeError);
    expect(() => fisherExact([[1, 2], [3, 4]], 'both' as never)).toThrow(/alternative/);
  });
});
