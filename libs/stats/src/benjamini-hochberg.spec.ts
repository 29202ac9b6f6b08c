/** Expected q-values computed by hand (shown) and checked with scipy.stats.false_discovery_control. */
import { benjaminiHochberg } from './benjamini-hochberg';

describe('benjaminiHochberg', () => {
  it('matches p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.20), "BH") = 0.025 0.05 0.05 0.025 0.2', () => {
    // sorted: 0.005·5/1, 0.01·5/2, 0.03·5/3, 0.04·5/4, 0.2·5/5 = .025 .025 .05 .05 .2; cummin from the top.
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.2]);
    [0.025, 0.05, 0.05, 0.025, 0.2].forEach((v, i) => expect(q[i]).toBeCloseTo(v, 15));
  });

  it('handles ties and enforces monotonicity: p.adjust(c(.9, .8, .01, .01, .5, .03), "BH")', () => {
    // sorted ×6/rank: .06 .03 .06 .75 .96 .9 → cummin from the top: .03 .03 .06 .75 .9 .9
    const q = benjaminiHochberg([0.9, 0.8, 0.01, 0.01, 0.5, 0.03]);
    [0.9, 0.9, 0.03, 0.03, 0.75, 0.06].forEach((v, i) => expect(q[i]).toBeCloseTo(v, 15));
  });

  it('keeps q in [p, 1], ordered like p, and does not depend on input order', () => {
    const p = [0.5, 1, 0.0001, 0.2, 0.2, 0.049, 0.9, 0.003];
    const q = benjaminiHochberg(p);
    p.forEach((v, i) => {
      expect(q[i]).toBeGreaterThanOrEqual(v);
      expect(q[i]).toBeLessThanOrEqual(1);
      p.forEach((w, j) => {
        if (v <= w) expect(q[i]).toBeLessThanOrEqual(q[j]);
      });
    });
    const reversed = benjaminiHochberg([...p].reverse());
    expect(reversed.reverse()).toEqual(q);
  });

  it('returns nothing for nothing and refuses NaN or values outside [0, 1]', () => {
    expect(benjaminiHochberg([])).toEqual([]);
    expect(benjaminiHochberg([0.3])).toEqual([0.3]);
    expect(() => benjaminiHochberg([0.1, NaN])).toThrow(/pValues\[1\]/);
    expect(() => benjaminiHochberg([1.2])).toThrow(RangeError);
  });
});
