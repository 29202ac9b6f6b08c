import { SeededRng, deriveSeed } from './rng';
import { WeightedTable } from './weighted-table';
import { IdRegistry } from './id-registry';

describe('SeededRng', () => {
  it('repeats its stream for the same seed and differs for another', () => {
    const draw = (seed: number) => {
      const rng = new SeededRng(seed);
      return Array.from({ length: 50 }, () => rng.next());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('derives independent streams per label', () => {
    expect(deriveSeed(1, 'users:p1')).not.toBe(deriveSeed(1, 'users:p2'));
    expect(deriveSeed(1, 'users:p1')).not.toBe(deriveSeed(2, 'users:p1'));
    expect(deriveSeed(1, 'users:p1')).toBe(deriveSeed(1, 'users:p1'));
  });

  it('draws uniforms in [0, 1), integers in range, normals with the asked moments', () => {
    const rng = new SeededRng(42);
    const n = 20_000;
    let sum = 0;
    let sumSq = 0;
    let lowest = Infinity;
    let highest = -Infinity;
    const ints = new Set<number>();
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      lowest = Math.min(lowest, u);
      highest = Math.max(highest, u);
      ints.add(rng.int(3, 5));
      const z = rng.normal(10, 2);
      sum += z;
      sumSq += z * z;
    }
    expect(lowest).toBeGreaterThanOrEqual(0);
    expect(highest).toBeLessThan(1);
    expect([...ints].sort()).toEqual([3, 4, 5]);
    const mean = sum / n;
    expect(mean).toBeCloseTo(10, 1);
    expect(Math.sqrt(sumSq / n - mean * mean)).toBeCloseTo(2, 1);
  });

  it('draws Poisson counts with the asked mean, small and large', () => {
    const rng = new SeededRng(3);
    for (const mean of [0.7, 12, 90]) {
      let total = 0;
      for (let i = 0; i < 5000; i++) total += rng.poisson(mean);
      expect(total / 5000).toBeGreaterThan(mean * 0.95);
      expect(total / 5000).toBeLessThan(mean * 1.05);
    }
  });

  it('refuses empty picks and reversed ranges', () => {
    const rng = new SeededRng(1);
    expect(() => rng.pick([])).toThrow(/non-empty/);
    expect(() => rng.int(5, 3)).toThrow(/min <= max/);
  });
});

describe('WeightedTable', () => {
  it('draws indices in proportion to their weights', () => {
    const rng = new SeededRng(9);
    const table = new WeightedTable([1, 0, 3]);
    const counts = [0, 0, 0];
    for (let i = 0; i < 8000; i++) counts[table.draw(rng)]++;
    expect(counts[1]).toBe(0);
    expect(counts[2] / counts[0]).toBeGreaterThan(2.7);
    expect(counts[2] / counts[0]).toBeLessThan(3.3);
  });
});

describe('IdRegistry', () => {
  it('numbers ids per prefix and keeps different prefixes apart', () => {
    const ids = new IdRegistry();
    expect([ids.next('a'), ids.next('a'), ids.next('a-1')]).toEqual(['a-1', 'a-2', 'a-1-1']);
  });

  it('refuses prefixes with characters ids may not hold', () => {
    expect(() => new IdRegistry().next('bad id')).toThrow(/\[A-Za-z0-9._:-\]/);
  });
});
