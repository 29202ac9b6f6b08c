import { mulberry32 } from '@fairmarket/stats';
import { bitCount, cellOverlaps, pairIndex } from './cell-overlaps';
import type { SampledCell, SampledRequest } from './cell-sample';
import { groupingFor, stratumCodes } from './characteristic-groups';
import { RequestTable } from './request-table';
import { layOut } from './test-layout';

function request(id: string, user: string, traits: SampledRequest['traits'], top: string[] = []): SampledRequest {
  return { request_id: id, user_id: user, traits, top };
}

/** Jaccard of two lists as sets, the plain way. */
function jaccard(a: string[], b: string[]): number {
  const x = new Set(a);
  const y = new Set(b);
  if (x.size === 0 && y.size === 0) return 1;
  const shared = [...x].filter((s) => y.has(s)).length;
  return shared / (x.size + y.size - shared);
}

describe('cellOverlaps', () => {
  it('counts bits of any 32-bit word', () => {
    for (const [word, bits] of [[0, 0], [1, 1], [-1, 32], [0x80000000 | 0, 1], [0x55555555, 16], [0x0f0f0f0f, 16]]) {
      expect(bitCount(word)).toBe(bits);
    }
  });

  it('gives exactly the Jaccard index of every pair, past 32 skus a cell and with repeated skus', () => {
    const rand = mulberry32(7);
    const pool = Array.from({ length: 90 }, (_, i) => `s${i}`);
    const requests = Array.from({ length: 11 }, (_, i) =>
      request(`r${i}`, `u${i}`, {}, i === 3 ? [] : Array.from({ length: 10 }, () => pool[Math.floor(rand() * (i < 5 ? 12 : 90))])),
    );
    requests.push(request('r-empty', 'u-empty', {}, []));
    const overlaps = cellOverlaps({ key: 'c', total: requests.length, requests });
    const n = requests.length;
    expect(overlaps).toHaveLength((n * (n - 1)) / 2);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) expect(overlaps[pairIndex(n, i, j)]).toBe(jaccard(requests[i].top, requests[j].top));
    }
  });
});

describe('RequestTable and groupings', () => {
  const cells: SampledCell[] = [
    { key: 'a', total: 3, requests: [request('1', 'u1', { os: 'ios', spend: 5 }), request('2', 'u2', { os: 'android', spend: 1 }), request('3', 'u3', { spend: 9 })] },
    { key: 'b', total: 2, requests: [request('4', 'u4', { os: 'ios', spend: 3 }), request('5', 'u5', { os: true, spend: 7 })] },
  ];

  it('lays cells end to end and reads traits by column', () => {
    const table = new RequestTable(cells, ['os']);
    expect(Array.from(table.start)).toEqual([0, 3, 5]);
    expect(table.column('os')).toEqual(['ios', 'android', undefined, 'ios', true]);
    expect(table.column('spend')).toEqual([5, 1, 9, 3, 7]);
  });

  it('codes groups so that equal codes are equal group names', () => {
    const table = new RequestTable(cells);
    const os = groupingFor('os', table)!;
    expect(Array.from(os.codes).map((c) => (c < 0 ? undefined : os.names[c]))).toEqual(['ios', 'android', undefined, 'ios', 'true']);
    const spend = groupingFor('spend', table)!;
    expect(spend.cut).toBe(5);
    expect(Array.from(spend.codes).map((c) => spend.names[c])).toEqual(['<=5', '<=5', '>5', '<=5', '>5']);
    const quartiles = groupingFor('spend', table, 4)!;
    expect(Array.from(quartiles.codes).map((c) => quartiles.names[c])).toEqual(['>3', '<=3', '>7', '<=3', '>5']);
    expect(groupingFor('missing', table)).toBeNull();
  });

  it('codes strata as the tuple of their groups', () => {
    const table = new RequestTable(cells);
    const strata = stratumCodes([groupingFor('os', table)!, groupingFor('spend', table)!], table.requests.length);
    // ios|<=5, android|<=5, ?|>5, ios|<=5, true|>5
    expect(Array.from(strata)).toEqual([0, 1, 2, 0, 3]);
  });
});

describe('layOut', () => {
  it('keeps informative cells only, one request per user, with their pairs in order', () => {
    const cells: SampledCell[] = [
      // Informative: two ios users and one android user; u1 asks twice (kept once).
      {
        key: 'a',
        total: 4,
        requests: [
          request('1', 'u1', { os: 'ios' }, ['x', 'y']),
          request('2', 'u1', { os: 'ios' }, ['x']),
          request('3', 'u2', { os: 'ios' }, ['x', 'y']),
          request('4', 'u3', { os: 'android' }, ['z']),
        ],
      },
      // Not informative: one group only.
      { key: 'b', total: 3, requests: ['5', '6', '7'].map((id) => request(id, `v${id}`, { os: 'ios' }, ['x'])) },
    ];
    const table = new RequestTable(cells);
    const layout = layOut(table, groupingFor('os', table)!, null);
    expect(Array.from(layout.slotRequest)).toEqual([0, 2, 3]);
    expect(Array.from(layout.first)).toEqual([0, 3]);
    expect(Array.from(layout.overlap)).toEqual([1, 0, 0]);
    expect(Array.from(layout.blockStart)).toEqual([0, 3]);
    expect(layout.groupNames.sort()).toEqual(['android', 'ios']);
  });

  it('shuffles within strata of a cell, strata in order of first appearance, single slots left out', () => {
    const cells: SampledCell[] = [
      {
        key: 'a',
        total: 5,
        requests: [
          request('1', 'u1', { os: 'ios', tier: 'gold' }),
          request('2', 'u2', { os: 'android', tier: 'basic' }),
          request('3', 'u3', { os: 'ios', tier: 'basic' }),
          request('4', 'u4', { os: 'android', tier: 'gold' }),
          request('5', 'u5', { os: 'ios', tier: 'silver' }),
        ],
      },
    ];
    const table = new RequestTable(cells);
    const strata = stratumCodes([groupingFor('tier', table)!], table.requests.length);
    const layout = layOut(table, groupingFor('os', table)!, strata);
    expect(Array.from(layout.blockSlots)).toEqual([0, 3, 1, 2]);
    expect(Array.from(layout.blockStart)).toEqual([0, 2, 4]);
  });
});
