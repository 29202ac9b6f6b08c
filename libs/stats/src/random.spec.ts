import { chiSquareCdf } from './distributions';
import { mulberry32, shuffleInPlace } from './random';

describe('mulberry32', () => {
  it("reproduces the reference algorithm's first draws (independent Python port in src/reference)", () => {
    const r1 = mulberry32(1);
    [0.6270739405881613, 0.002735721180215478, 0.5274470399599522, 0.9810509674716741, 0.9683778982143849].forEach((v) =>
      expect(r1()).toBe(v),
    );
    const r42 = mulberry32(42);
    [0.6011037519201636, 0.44829055899754167, 0.8524657934904099].forEach((v) => expect(r42()).toBe(v));
    expect(mulberry32(0xdeadbeef)()).toBe(0.9413696140982211);
  });

  it('is deterministic per seed and looks uniform (chi-square over 20 bins, 20 000 draws)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    for (let i = 0; i < 100; i++) expect(a()).toBe(b());
    const rand = mulberry32(2024);
    const bins = new Array(20).fill(0);
    for (let i = 0; i < 20000; i++) {
      const u = rand();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      bins[Math.floor(u * 20)]++;
    }
    const statistic = bins.reduce((s, c) => s + (c - 1000) ** 2 / 1000, 0);
    expect(1 - chiSquareCdf(statistic, 19)).toBeGreaterThan(0.001);
  });

  it('refuses a NaN seed', () => {
    expect(() => mulberry32(NaN)).toThrow(RangeError);
  });
});

describe('shuffleInPlace', () => {
  it('permutes in place, keeps every element, and is reproducible per seed', () => {
    const arr = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = shuffleInPlace(arr, mulberry32(3));
    expect(out).toBe(arr);
    expect([...arr].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(shuffleInPlace([1, 2, 3, 4, 5, 6, 7, 8], mulberry32(3))).toEqual(arr);
    expect(shuffleInPlace([], mulberry32(3))).toEqual([]);
  });

  it('makes all 6 orders of 3 items equally likely (chi-square, 60 000 shuffles)', () => {
    const rand = mulberry32(11);
    const counts = new Map<string, number>();
    for (let i = 0; i < 60000; i++) {
      const key = shuffleInPlace(['a', 'b', 'c'], rand).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    const statistic = [...counts.values()].reduce((s, c) => s + (c - 10000) ** 2 / 10000, 0);
    expect(1 - chiSquareCdf(statistic, 5)).toBeGreaterThan(0.001);
  });
});
