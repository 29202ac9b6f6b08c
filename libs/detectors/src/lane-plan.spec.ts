import type { FileKind } from '@fairmarket/contract';
import type { Detector } from './detector';
import { planLanes } from './lane-plan';
import { DETECTORS } from './registry';

/** Bytes per kind as in a generated dataset at scale 1. */
const SCALE_1 = new Map<FileKind, number>([
  ['merchants', 48_131],
  ['skus', 286_437],
  ['algorithms', 6_631],
  ['documents', 11_188],
  ['costs', 86_732],
  ['merchant_events', 41_120],
  ['listings', 4_188_724],
  ['orders', 7_473_398],
  ['price_quotes', 140_229_837],
  ['impressions', 185_841_550],
]);

const names = (lanes: Detector[][]) => lanes.map((lane) => lane.map((d) => d.name));

function fake(name: string, inputs: FileKind[], alsoReads?: FileKind[]): Detector {
  return { name, inputs, alsoReads, analyze: async () => null, decide: () => [] } as unknown as Detector;
}

describe('planLanes', () => {
  it('keeps every reader of a large file in one lane and balances the two big files', () => {
    expect(names(planLanes(DETECTORS, SCALE_1, 2))).toEqual([
      ['exclusivity_conduct', 'personalization_opt_out', 'self_preferencing', 'filing_inconsistency'],
      ['price_discrimination', 'below_cost_pricing', 'fake_promotion', 'exclusivity_clause'],
    ]);
  });

  it('puts everything in one lane, in registry order, when given one', () => {
    expect(names(planLanes(DETECTORS, SCALE_1, 1))).toEqual([DETECTORS.map((d) => d.name)]);
  });

  it('never splits the readers of a large file, however many lanes', () => {
    for (const lanes of [2, 3, 4, 8]) {
      const plan = planLanes(DETECTORS, SCALE_1, lanes);
      expect(plan.flat().map((d) => d.name).sort()).toEqual(DETECTORS.map((d) => d.name).sort());
      for (const kind of ['price_quotes', 'impressions'] as FileKind[]) {
        const readers = plan.filter((lane) => lane.some((d) => [...d.inputs, ...(d.alsoReads ?? [])].includes(kind)));
        expect(readers).toHaveLength(1);
      }
    }
  });

  it('joins detectors transitively through the large files they share', () => {
    const sizes = new Map<FileKind, number>([['orders', 100], ['listings', 100], ['price_quotes', 100], ['skus', 1]]);
    const plan = planLanes([fake('a', ['orders']), fake('b', ['orders', 'listings']), fake('c', ['listings'], ['skus']), fake('d', ['price_quotes'])], sizes, 4);
    expect(names(plan)).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('does not join detectors through a small file, and ignores kinds the dataset lacks', () => {
    const sizes = new Map<FileKind, number>([['orders', 1000], ['listings', 1000], ['skus', 1]]);
    const plan = planLanes([fake('a', ['orders', 'skus']), fake('b', ['listings', 'skus'], ['impressions'])], sizes, 2);
    expect(names(plan)).toEqual([['a'], ['b']]);
  });
});
