/**
 * Regression test: the characteristics of one (platform, algorithm) are tested together, with
 * Benjamini-Hochberg q-values, not each at p < p_max on its own.
 */
import { CN_RULE_PACK, type RulePack } from '@fairmarket/rules';
import { benjaminiHochberg } from '@fairmarket/stats';
import { MemorySource } from '../testing/memory-source';
import { withRules } from './impression.fixtures';
import { personalizationOptOutDetector as detector } from './personalization-opt-out.detector';
import { deviceOnly } from './regression.fixtures';

async function run(rules: RulePack) {
  const partial = await detector.analyze(new MemorySource({ impressions: deviceOnly(false) }), rules);
  return detector.decide([partial], { rules, priorFindings: [] });
}

describe('personalization_opt_out: multiple characteristics', () => {
  it('alerts on the Benjamini-Hochberg q-value over the eight characteristics tested', async () => {
    const [f] = await run(CN_RULE_PACK);
    const tests = f.metrics.tests as { characteristic: string; p_value: number | null; q_value: number }[];
    expect(tests).toHaveLength(8);
    expect(f.metrics.characteristic).toBe('device_os');
    expect(f.metrics.p_value).toBeCloseTo(1 / 1000, 12);
    // One test at p = 1/1000 among eight: q = 8/1000.
    expect(f.metrics.q_value).toBeCloseTo(8 / 1000, 12);
    expect(tests.map((t) => t.q_value)).toEqual(benjaminiHochberg(tests.map((t) => t.p_value ?? 1)));
    expect(f.method).toMatch(/Benjamini-Hochberg/);
  });

  it('does not alert on a p-value below p_max whose q-value is above it', async () => {
    // p = 0.001 < 0.005 on its own, but q = 0.008 > 0.005 once eight characteristics are counted.
    expect(await run(withRules('personalization_opt_out', { p_max: 0.005 }))).toEqual([]);
  });
});
