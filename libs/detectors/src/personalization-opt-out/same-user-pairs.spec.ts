/**
 * Regression tests: two requests of the same user are never paired. A user who repeats a
 * query within the hour sees the same list twice (a sticky session); pairing those requests
 * made "same group" look alike for every characteristic, on data where nothing depends on
 * who asks.
 */
import { CN_RULE_PACK } from '@fairmarket/rules';
import { MemorySource } from '../testing/memory-source';
import { CellSample, type SampledRequest } from './cell-sample';
import { overlapGapTest } from './overlap-test';
import { personalizationOptOutDetector } from './personalization-opt-out.detector';
import { stickySessions } from './regression.fixtures';

describe('same-user requests', () => {
  it('personalization_opt_out finds nothing when only each user’s own session repeats', async () => {
    const source = new MemorySource({ impressions: stickySessions(false) });
    const partial = await personalizationOptOutDetector.analyze(source, CN_RULE_PACK);
    expect(personalizationOptOutDetector.decide([partial], { rules: CN_RULE_PACK, priorFindings: [] })).toEqual([]);
  });

  it('keeps one request per user in a cell, the same whatever the order', () => {
    const requests: SampledRequest[] = Array.from({ length: 12 }, (_, i) => ({ request_id: `r${i}`, user_id: `u${i % 4}`, traits: {}, top: [] }));
    const forward = new CellSample(10, 10);
    requests.forEach((r) => forward.add('c', r));
    const backward = new CellSample(10, 10);
    [...requests].reverse().forEach((r) => backward.add('c', r));
    const [cell] = forward.toJSON().cells;
    expect(cell.total).toBe(12);
    expect(cell.requests.map((r) => r.user_id).sort()).toEqual(['u0', 'u1', 'u2', 'u3']);
    expect(backward.toJSON()).toEqual(forward.toJSON());
  });

  it('never forms a pair from two requests of one user', () => {
    // Two users per group, each with two requests: only the 2 + 4 pairs of different users count.
    const cell = {
      key: 'c',
      total: 8,
      requests: Array.from({ length: 8 }, (_, i) => ({ request_id: `r${i}`, user_id: `u${i >> 1}`, traits: { g: i < 4 ? 'a' : 'b' }, top: [`s${i >> 1}`] })),
    };
    const result = overlapGapTest([cell], { groupOf: (r) => String(r.traits.g), permutations: 0, seed: 1, shouldPermute: () => false, evidencePairs: 0 });
    expect(result.n_requests).toBe(4);
    expect(result.within_pairs).toBe(2);
    expect(result.between_pairs).toBe(4);
    expect(result.within_overlap).toBe(0);
  });
});
