import { OTHER_REASONS, mergeRejectionCounts } from './rejection-counts';

describe('mergeRejectionCounts', () => {
  it('adds counts by reason', () => {
    expect(mergeRejectionCounts({ a: 1 }, { a: 2, b: 1 })).toEqual({ a: 3, b: 1 });
  });

  it('folds reasons past the cap into one key', () => {
    const many = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`r${i}`, 1]));
    const merged = mergeRejectionCounts(many, { fresh: 4, r1: 1 });
    expect(merged[OTHER_REASONS]).toBe(4);
    expect(merged.r1).toBe(2);
  });
});
