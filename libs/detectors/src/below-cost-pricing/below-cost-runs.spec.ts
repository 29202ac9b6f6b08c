import { findBelowCostRuns, type TestedDay } from './below-cost-runs';

/** Consecutive days from day 0, below except the listed ones. */
function days(count: number, above: number[] = []): TestedDay[] {
  return Array.from({ length: count }, (_, day) => ({ day, below: !above.includes(day) }));
}

describe('findBelowCostRuns', () => {
  it('needs a window of at least the minimum number of calendar days', () => {
    expect(findBelowCostRuns(days(13), 14, 0.8)).toEqual([]);
    expect(findBelowCostRuns(days(14), 14, 0.8)).toEqual([{ first: 0, last: 13 }]);
  });

  it('counts calendar days, not trading days: two trading days 14 days apart form a window', () => {
    expect(findBelowCostRuns([{ day: 0, below: true }, { day: 13, below: true }], 14, 0.8)).toEqual([{ first: 0, last: 1 }]);
    expect(findBelowCostRuns([{ day: 0, below: true }, { day: 12, below: true }], 14, 0.8)).toEqual([]);
  });

  it('accepts exactly 80% of trading days below and refuses less', () => {
    expect(findBelowCostRuns(days(15, [3, 6, 9]), 14, 0.8)).toEqual([{ first: 0, last: 14 }]);
    expect(findBelowCostRuns(days(15, [3, 6, 9, 12]), 14, 0.8)).toEqual([]);
  });

  it('takes the furthest end that still qualifies and starts and ends on below-cost days', () => {
    // Below 0..19, then above for good: the run stops at day 19 even though 20..22 would keep 80%.
    expect(findBelowCostRuns(days(30, [20, 21, 22, 23, 24, 25, 26, 27, 28, 29]), 14, 0.8)).toEqual([{ first: 0, last: 19 }]);
  });

  it('finds separate runs and never overlaps them', () => {
    const above = Array.from({ length: 20 }, (_, k) => 20 + k);
    expect(findBelowCostRuns(days(60, above), 14, 0.8)).toEqual([
      { first: 0, last: 19 },
      { first: 40, last: 59 },
    ]);
  });

  it('skips leading above-cost days', () => {
    expect(findBelowCostRuns(days(20, [0, 1]), 14, 0.8)).toEqual([{ first: 2, last: 19 }]);
  });
});
