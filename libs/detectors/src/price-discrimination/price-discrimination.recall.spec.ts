/**
 * Precision and recall of price_discrimination on generated datasets (the honest background
 * plus every scenario's planted cases), seeds 1-3, both rule packs, at scale 0.2.
 */
import { evaluateFindings, generateInMemory, toValidatedSource } from '@fairmarket/generator';
import { RULE_PACKS, type RulePackName } from '@fairmarket/rules';
import { priceDiscriminationDetector } from './price-discrimination.detector';

const SEEDS = [1, 2, 3];
const PACKS: RulePackName[] = ['cn', 'eu'];

describe('price_discrimination on generated data (scale 0.2)', () => {
  it.each(SEEDS)('seed %i: precision and recall >= 0.95 under both packs', async (seed) => {
    const { raw, labels } = generateInMemory(seed, 0.2);
    const source = toValidatedSource(raw, `recall-spec-key-${seed}-0123456789`);
    for (const name of PACKS) {
      const pack = RULE_PACKS[name];
      const partial = await priceDiscriminationDetector.analyze(source, pack);
      const findings = priceDiscriminationDetector.decide([partial], { rules: pack, priorFindings: [] });
      const score = evaluateFindings(findings, labels, name).price_discrimination;
      console.log(
        `price_discrimination seed ${seed} ${name}: precision ${score.precision.toFixed(3)} recall ${score.recall.toFixed(3)} ` +
          `(tp ${score.tp}, fp ${score.fp}, fn ${score.fn}; info ${score.info_matched}/${score.info_labels})` +
          (score.false_positives.length ? `\n  false: ${score.false_positives.join('\n  false: ')}` : '') +
          (score.missed.length ? `\n  missed: ${score.missed.join(', ')}` : '') +
          (score.info_missed.length ? `\n  info missed: ${score.info_missed.join(', ')}` : ''),
      );
      expect(score.tp).toBeGreaterThan(0);
      expect(score.precision).toBeGreaterThanOrEqual(0.95);
      expect(score.recall).toBeGreaterThanOrEqual(0.95);
      expect(score.info_matched).toBe(score.info_labels);
    }
  }, 120_000);
});
