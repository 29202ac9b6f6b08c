/**
 * Regression tests of the undeclared_feature check: same-user requests are never paired, and
 * the undeclared characteristics are tested together (Benjamini-Hochberg), not each at p < p_max.
 */
import type { AlgorithmDeclaration, Impression } from '@fairmarket/contract';
import { CN_RULE_PACK, type RulePack } from '@fairmarket/rules';
import { withRules } from '../personalization-opt-out/impression.fixtures';
import { deviceOnly, stickySessions } from '../personalization-opt-out/regression.fixtures';
import { MemorySource } from '../testing/memory-source';
import { filingInconsistencyDetector as detector } from './filing-inconsistency.detector';

const declaration: AlgorithmDeclaration = {
  platform_id: 'p1',
  algorithm_id: 'a1',
  name: 'a1',
  type: 'ranking_selection',
  surfaces: ['search'],
  declared_features: ['query'],
  personal_pricing: false,
  opt_out_available: false,
};

async function run(impressions: Impression[], rules: RulePack = CN_RULE_PACK) {
  const partial = await detector.analyze(new MemorySource({ impressions, algorithms: [declaration] }), rules);
  return detector.decide([partial], { rules, priorFindings: [] });
}

describe('filing_inconsistency: undeclared_feature regressions', () => {
  it('finds no undeclared dependence when only each user’s own session repeats', async () => {
    expect(await run(stickySessions(true))).toEqual([]);
  });

  it('alerts on the Benjamini-Hochberg q-value over the undeclared characteristics', async () => {
    const [f] = await run(deviceOnly(true));
    expect(f).toMatchObject({ kind: 'undeclared_feature', metrics: { characteristic: 'device_os' } });
    expect(f.metrics.q_value).toBeCloseTo(8 / 1000, 12);
    // p = 0.001 < 0.005 on its own, but q = 0.008 > 0.005 once eight characteristics are counted.
    expect(await run(deviceOnly(true), withRules('personalization_opt_out', { p_max: 0.005 }))).toEqual([]);
  });
});
