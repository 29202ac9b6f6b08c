/**
 * Detector 4, `exclusivity_clause`: 二选一 written into agreements, platform rules, campaign
 * rules, notices and messages. Every violating clause is one finding of severity high.
 *
 * analyze keeps only the violating clauses (never the documents), so a partial grows with
 * the number of findings; decide builds the findings, drops duplicates (the same document
 * submitted twice) and orders them.
 */
import type { Finding } from '@fairmarket/contract';
import type { RulePack } from '@fairmarket/rules';
import type { DatasetSource, Detector, DetectorContext } from '../detector';
import { sortFindings } from '../run-detectors';
import { clauseFinding, type ClauseMatchRecord } from './clause-finding';
import { scanDocument } from './document-scanner';

export interface ExclusivityClausePartial {
  matches: ClauseMatchRecord[];
  documents: number;
  clauses: number;
}

export async function analyzeExclusivityClauses(
  source: DatasetSource,
  _rules: RulePack,
): Promise<ExclusivityClausePartial> {
  const partial: ExclusivityClausePartial = {
    matches: [],
    documents: 0,
    clauses: 0,
  };
  for await (const doc of source.rows('documents')) {
    if (typeof doc.text !== 'string' || doc.text.length === 0) continue;
    const { clauses, violations } = scanDocument(doc.text);
    partial.documents++;
    partial.clauses += clauses;
    for (const v of violations) {
      partial.matches.push({
        platform_id: doc.platform_id,
        document_id: doc.document_id,
        document_kind: doc.kind,
        title: doc.title ?? null,
        issued_at: doc.issued_at ?? null,
        language: v.verdict.language,
        span: v.span,
        category: v.verdict.category,
        rule: v.verdict.rule,
        cues: v.verdict.cues,
        clause_text: v.text,
        lead_in: v.leadIn,
        other_categories: v.verdict.also,
      });
    }
  }
  return partial;
}

export function decideExclusivityClauses(partials: ExclusivityClausePartial[], context: DetectorContext): Finding[] {
  const byId = new Map<string, { finding: Finding; key: string }>();
  for (const partial of partials) {
    for (const match of partial.matches) {
      const finding = clauseFinding(match, context.rules);
      const key = JSON.stringify(match);
      // The same document id sent twice: keep one, the same one whatever the row order.
      const kept = byId.get(finding.id);
      if (!kept || key < kept.key) byId.set(finding.id, { finding, key });
    }
  }
  return sortFindings([...byId.values()].map((v) => v.finding));
}

export const exclusivityClauseDetector: Detector<ExclusivityClausePartial> = {
  name: 'exclusivity_clause',
  inputs: ['documents'],
  analyze: analyzeExclusivityClauses,
  decide: decideExclusivityClauses,
};
