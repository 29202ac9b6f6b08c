import { evaluateFindings, findingMatchesLabel, generateInMemory, toValidatedSource } from '@fairmarket/generator';
import { RULE_PACKS, type RulePackName } from '@fairmarket/rules';
import { belowCostPricingDetector } from './below-cost-pricing.detector';

/** Precision and recall on generated markets (seeds 1-3, scale 0.2) under both packs. */
describe('below_cost_pricing on generated markets', () => {
  for (const seed of [1, 2, 3]) {
    it(`finds the planted cases of seed ${seed} and nothing in the honest background`, async () => {
      const { raw, labels } = generateInMemory(seed, 0.2);
      const source = toValidatedSource(raw, 'recall-spec-key-below-cost');
      for (const name of ['cn', 'eu'] as RulePackName[]) {
        const rules = RULE_PACKS[name];
        const partial = await belowCostPricingDetector.analyze(source, rules);
        const findings = belowCostPricingDetector.decide([partial], { rules, priorFindings: [] });
        const score = evaluateFindings(findings, labels, name).below_cost_pricing;
        console.log(
          `below_cost_pricing seed ${seed} ${name}: tp ${score.tp} fp ${score.fp} fn ${score.fn} precision ${score.precision.toFixed(3)} ` +
            `recall ${score.recall.toFixed(3)} info ${score.info_matched}/${score.info_labels} findings ${findings.length}`,
        );
        expect({ fp: score.false_positives, missed: score.missed, infoMissed: score.info_missed }).toEqual({ fp: [], missed: [], infoMissed: [] });
        expect(score.tp).toBeGreaterThan(0);
        // Stricter than the scores: no finding at all (info included) on a look-alike or outside the planted cases,
        // and each planted case at the severity class its label expects.
        const unexpected = findings.filter(
          (f) => !labels.some((l) => l.expected[name] === (f.severity === 'info' ? 'info' : 'alert') && findingMatchesLabel(f, l)),
        );
        expect(unexpected.map((f) => `${f.severity} ${f.summary}`)).toEqual([]);
        expect(score.precision).toBeGreaterThanOrEqual(0.95);
        expect(score.recall).toBeGreaterThanOrEqual(0.95);
      }
    }, 120_000);
  }
});
