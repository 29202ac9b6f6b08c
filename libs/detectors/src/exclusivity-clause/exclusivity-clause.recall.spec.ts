import { evaluateFindings, findingMatchesLabel, generateInMemory, toValidatedSource } from '@fairmarket/generator';
import { RULE_PACKS, type RulePackName } from '@fairmarket/rules';
import { exclusivityClauseDetector } from './exclusivity-clause.detector';

/** Precision and recall on generated markets (seeds 1-3, scale 0.2) under both packs. */
describe('exclusivity_clause on generated markets', () => {
  for (const seed of [1, 2, 3]) {
    it(`finds the planted clauses of seed ${seed} and nothing in look-alikes or the honest background`, async () => {
      const { raw, labels } = generateInMemory(seed, 0.2);
      const source = toValidatedSource(raw, 'recall-spec-key-exclusivity-clause');
      const mine = labels.filter((l) => l.detector === 'exclusivity_clause');
      for (const name of ['cn', 'eu'] as RulePackName[]) {
        const rules = RULE_PACKS[name];
        const partial = await exclusivityClauseDetector.analyze(source, rules);
        const findings = exclusivityClauseDetector.decide([partial], {
          rules,
          priorFindings: [],
        });
        const score = evaluateFindings(findings, labels, name).exclusivity_clause;
        console.log(
          `exclusivity_clause seed ${seed} ${name}: tp ${score.tp} fp ${score.fp} fn ${score.fn} precision ${score.precision.toFixed(3)} ` +
            `recall ${score.recall.toFixed(3)} findings ${findings.length} documents ${partial.documents} clauses ${partial.clauses} ` +
            `labels ${mine.filter((l) => l.expected[name] === 'alert').length} alert / ${mine.filter((l) => l.expected[name] === 'none').length} look-alike`,
        );
        expect({ fp: score.false_positives, missed: score.missed }).toEqual({
          fp: [],
          missed: [],
        });
        expect(score.tp).toBeGreaterThan(0);
        // Every planted category in both languages is found.
        const found = new Set(findings.map((f) => `${f.metrics.language}:${f.subject.category}`));
        for (const l of ['zh', 'en'])
          for (const c of ['exclusive_dealing', 'rival_penalty', 'parity']) expect(found).toContain(`${l}:${c}`);
        // No finding on a document that only holds look-alikes.
        const lookAlikeOnly = mine.filter(
          (l) => l.expected[name] === 'none' && !mine.some((a) => a.expected[name] === 'alert' && sameDocument(a, l)),
        );
        for (const l of lookAlikeOnly)
          expect(findings.filter((f) => findingMatchesLabel(f, l)).map((f) => f.summary)).toEqual([]);
        expect(score.precision).toBeGreaterThanOrEqual(0.95);
        expect(score.recall).toBeGreaterThanOrEqual(0.95);
      }
    }, 120_000);
  }
});

/** Two labels about the same document. */
function sameDocument(a: { match: Record<string, unknown> }, b: { match: Record<string, unknown> }): boolean {
  return a.match.document_id === b.match.document_id;
}
