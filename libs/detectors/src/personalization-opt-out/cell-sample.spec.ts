import { mulberry32, shuffleInPlace } from '@fairmarket/stats';
import { CellSample, type SampledRequest } from './cell-sample';
import { compareHashed, stableHash } from './stable-hash';
import { overlapGapTest } from './overlap-test';
import { shuffled, skuList } from './impression.fixtures';

function request(id: string, device: string, top: string[]): SampledRequest {
  return { request_id: id, user_id: `u-${id}`, traits: { device_os: device }, top };
}

describe('CellSample', () => {
  const rows: [string, SampledRequest][] = [];
  for (let c = 0; c < 40; c++) for (let i = 0; i < 9; i++) rows.push([`cell-${c}`, request(`r-${c}-${i}`, 'ios', [])]);

  it('keeps at most maxCells cells of at most perCell requests, and counts every request of a kept cell', () => {
    const sample = new CellSample(10, 4);
    rows.forEach(([cell, r]) => sample.add(cell, r));
    const json = sample.toJSON();
    expect(json.cells).toHaveLength(10);
    expect(json.cells.every((c) => c.requests.length === 4 && c.total === 9)).toBe(true);
    expect(json.seen).toBe(360);
  });

  it('keeps the same sample whatever the row order, and merging halves gives the whole', () => {
    const forward = new CellSample(10, 4);
    rows.forEach(([cell, r]) => forward.add(cell, r));
    const backward = new CellSample(10, 4);
    shuffled(rows, 3).forEach(([cell, r]) => backward.add(cell, r));
    expect(backward.toJSON()).toEqual(forward.toJSON());
    const a = new CellSample(10, 4);
    const b = new CellSample(10, 4);
    rows.forEach(([cell, r], i) => (i % 2 ? a : b).add(cell, r));
    a.merge(b.toJSON());
    expect(a.toJSON()).toEqual(forward.toJSON());
  });

  it('keeps per cell the perCell least users, each by its least request, whatever the order (users asking again)', () => {
    // Few users asking many times: once a cell is full, later requests of users past its last
    // kept user are only counted, and a kept user's later, lesser request must still replace hers.
    const repeats: [string, SampledRequest][] = [];
    for (let c = 0; c < 6; c++) {
      for (let i = 0; i < 300; i++) {
        repeats.push([`cell-${c}`, { request_id: `q-${c}-${i}`, user_id: `u-${(i * 7) % 23}`, traits: {}, top: [] }]);
      }
    }
    const byHash = (a: string, b: string) => compareHashed(stableHash(a), a, stableHash(b), b);
    for (const order of [repeats, shuffled(repeats, 5), [...repeats].reverse()]) {
      const sample = new CellSample(4, 5);
      order.forEach(([cell, r]) => sample.add(cell, r));
      const json = sample.toJSON();
      const keptCells = [...new Set(repeats.map(([cell]) => cell))].sort(byHash).slice(0, 4);
      expect(json.cells.map((c) => c.key)).toEqual(keptCells);
      for (const cell of json.cells) {
        const mine = repeats.filter(([key]) => key === cell.key).map(([, r]) => r);
        const users = [...new Set(mine.map((r) => r.user_id))].sort(byHash).slice(0, 5);
        const expected = users.map((u) => mine.filter((r) => r.user_id === u).map((r) => r.request_id).sort(byHash)[0]);
        expect(cell.requests.map((r) => r.request_id)).toEqual(expected);
        expect(cell.total).toBe(300);
      }
      expect(json.seen).toBe(1800);
    }
  });
});

describe('overlapGapTest', () => {
  const run = (cells: ReturnType<CellSample['toJSON']>['cells']) =>
    overlapGapTest(cells, {
      groupOf: (r) => r.traits.device_os as string,
      permutations: 199,
      seed: 1,
      shouldPermute: () => true,
      evidencePairs: 3,
    });

  it('finds no gap when results are random whoever asks', () => {
    const rand = mulberry32(42);
    const pool = skuList('s', 30);
    const sample = new CellSample(100, 20);
    for (let c = 0; c < 40; c++) {
      for (let i = 0; i < 8; i++) {
        const top = shuffleInPlace([...pool], rand).slice(0, 10);
        sample.add(`c${c}`, request(`r${c}-${i}`, i % 2 ? 'ios' : 'android', top));
      }
    }
    const result = run(sample.toJSON().cells);
    expect(Math.abs(result.gap)).toBeLessThan(0.03);
    expect(result.p_value!).toBeGreaterThan(0.01);
    expect(result.n_requests).toBe(320);
  });

  it('measures within and between overlap exactly, and shows the least alike pairs first', () => {
    const sample = new CellSample(10, 10);
    const a = skuList('a');
    const b = [...a.slice(0, 5), ...skuList('b', 5)]; // Jaccard 5/15
    for (let i = 0; i < 4; i++) sample.add('c', request(`r${i}`, i < 2 ? 'ios' : 'android', i < 2 ? a : b));
    const result = run(sample.toJSON().cells);
    expect(result.within_pairs).toBe(2);
    expect(result.between_pairs).toBe(4);
    expect(result.within_overlap).toBe(1);
    expect(result.between_overlap).toBeCloseTo(1 / 3, 12);
    expect(result.gap).toBeCloseTo(2 / 3, 12);
    expect(result.dissimilar).toHaveLength(3);
    expect(result.dissimilar[0].overlap).toBeCloseTo(1 / 3, 12);
    expect(result.dissimilar[0].groupA).not.toBe(result.dissimilar[0].groupB);
  });

  it('skips cells where only one group asked', () => {
    const sample = new CellSample(10, 10);
    for (let i = 0; i < 4; i++) sample.add('only-ios', request(`r${i}`, 'ios', skuList('a')));
    const result = run(sample.toJSON().cells);
    expect(result.n_requests).toBe(0);
    expect(result.p_value).toBeNull();
  });
});
