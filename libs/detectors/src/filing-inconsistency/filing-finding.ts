import type { EvidenceItem, Finding } from '@fairmarket/contract';
import type { RulePack } from '@fairmarket/rules';
import { findingId } from '../finding-id';
import type { Declaration, FilingInconsistencyKind } from './filing-partial';

export const MAX_EVIDENCE = 50;

export interface FilingFindingParts {
  kind: FilingInconsistencyKind;
  summary: string;
  summary_zh: string;
  metrics: Record<string, unknown>;
  /** Evidence beyond the declaration itself (which always comes first). */
  evidence: EvidenceItem[];
  evidence_total: number;
  method: string;
  thresholds: Record<string, unknown>;
  period: Finding['period'];
}

/** A `medium` finding on one algorithm's declaration. */
export function filingFinding(declaration: Declaration, parts: FilingFindingParts, rules: RulePack): Finding {
  const declared: EvidenceItem = {
    file: 'algorithms',
    id: declaration.algorithm_id,
    note:
      `declares personal_pricing=${declaration.personal_pricing}, opt_out_available=${declaration.opt_out_available}, ` +
      `declared_features=[${declaration.declared_features.join(', ')}]`,
  };
  return {
    id: findingId('filing_inconsistency', rules.name, declaration.platform_id, [declaration.algorithm_id, parts.kind]),
    detector: 'filing_inconsistency',
    kind: parts.kind,
    severity: 'medium',
    platform_id: declaration.platform_id,
    subject: { algorithm_id: declaration.algorithm_id },
    period: parts.period,
    summary: parts.summary,
    summary_zh: parts.summary_zh,
    metrics: {
      declared_features: [...declaration.declared_features],
      personal_pricing_declared: declaration.personal_pricing,
      opt_out_available_declared: declaration.opt_out_available,
      ...parts.metrics,
    },
    evidence: [declared, ...parts.evidence].slice(0, MAX_EVIDENCE),
    evidence_total: 1 + parts.evidence_total,
    legal_basis: [...rules.filing_inconsistency.legal_basis],
    method: parts.method,
    thresholds: parts.thresholds,
  };
}

/** Whether a declaration covers a characteristic: by its own name or by its family's name. */
export function declares(declaration: Declaration, characteristic: string, rules: RulePack): boolean {
  const features = new Set(declaration.declared_features);
  if (features.has(characteristic)) return true;
  const families = rules.price_discrimination.families as Record<string, string[]>;
  return Object.keys(families).some((family) => features.has(family) && families[family].includes(characteristic));
}
