/** Runs price_discrimination over in-memory quotes, as runDetectors would (analyze, then decide). */
import type { Finding, PriceQuote } from '@fairmarket/contract';
import { CN_RULE_PACK, type RulePack } from '@fairmarket/rules';
import { MemorySource } from '../../testing/memory-source';
import { priceDiscriminationDetector } from '../price-discrimination.detector';

export async function detect(quotes: PriceQuote[], pack: RulePack = CN_RULE_PACK): Promise<Finding[]> {
  const partial = await priceDiscriminationDetector.analyze(new MemorySource({ price_quotes: quotes }), pack);
  // Partials travel between jobs as JSON: go through it, as the worker does.
  return priceDiscriminationDetector.decide([JSON.parse(JSON.stringify(partial))], { rules: pack, priorFindings: [] });
}

/** The findings of one merchant, by characteristic. */
export function byAttribute(findings: Finding[], merchantId: string): Record<string, Finding> {
  return Object.fromEntries(findings.filter((f) => f.subject.merchant_id === merchantId).map((f) => [f.subject.attribute as string, f]));
}
