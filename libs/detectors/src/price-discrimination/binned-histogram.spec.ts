import { mulberry32, shuffleInPlace } from '@fairmarket/stats';
import { BinnedHistogram, groupOfValue } from './binned-histogram';
import { valueBin } from './characteristics';

describe('valueBin', () => {
  it('gives every small integer its own bin and is monotone', () => {
    const bins = Array.from({ length: 29 }, (_, v) => valueBin(v));
    expect(new Set(bins).size).toBe(29);
    for (let v = 1; v < 100_000; v = Math.ceil(v * 1.01)) expect(valueBin(v + 1)).toBeGreaterThanOrEqual(valueBin(v));
    expect(valueBin(-3)).toBeLessThan(valueBin(0));
  });

  it('keeps large values apart when they differ by more than ~3.5%', () => {
    expect(valueBin(500_000)).not.toBe(valueBin(520_000));
  });
});

describe('BinnedHistogram', () => {
  const values = Array.from({ length: 1000 }, (_, i) => 1000 + i * 37);

  it('cuts at quantiles, with the exact smallest value of each upper group', () => {
    const h = new BinnedHistogram();
    values.forEach((v) => h.add(v));
    const cuts = h.cuts([0.25, 0.5, 0.75]);
    expect(cuts).toHaveLength(3);
    cuts.forEach((cut, i) => {
      const below = values.filter((v) => v < cut.value).length / values.length;
      expect(below).toBeGreaterThanOrEqual([0.25, 0.5, 0.75][i]);
      expect(below).toBeLessThan([0.25, 0.5, 0.75][i] + 0.05);
      // The group "at or above" the cut is exactly the values >= cut.value.
      for (const v of values) expect(groupOfValue(v, cuts) > i).toBe(v >= cut.value);
    });
  });

  it('gives one cut for quantiles that fall on the same value, and none at the bottom', () => {
    const h = new BinnedHistogram();
    for (let i = 0; i < 90; i++) h.add(0);
    for (let i = 0; i < 10; i++) h.add(5);
    expect(h.cuts([0.05, 0.1, 0.5, 0.85, 0.95])).toEqual([{ bin: valueBin(5), value: 5 }]);
  });

  it('does not depend on the order values arrive in', () => {
    const a = new BinnedHistogram();
    const b = new BinnedHistogram();
    values.forEach((v) => a.add(v));
    shuffleInPlace([...values], mulberry32(3)).forEach((v) => b.add(v));
    expect(b.cuts([0.1, 0.3, 0.9])).toEqual(a.cuts([0.1, 0.3, 0.9]));
  });
});
