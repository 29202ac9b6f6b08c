/** The findings document of shared/spec/findings.md. */
import type { FileKind } from './events';

export type Severity = 'high' | 'medium' | 'low' | 'info';
export const SEVERITY_ORDER: readonly Severity[] = ['high', 'medium', 'low', 'info'];

export type DetectorName =
  | 'price_discrimination'
  | 'below_cost_pricing'
  | 'fake_promotion'
  | 'exclusivity_clause'
  | 'exclusivity_conduct'
  | 'personalization_opt_out'
  | 'self_preferencing'
  | 'filing_inconsistency';

export const DETECTOR_NAMES: readonly DetectorName[] = [
  'price_discrimination',
  'below_cost_pricing',
  'fake_promotion',
  'exclusivity_clause',
  'exclusivity_conduct',
  'personalization_opt_out',
  'self_preferencing',
  'filing_inconsistency',
];

export interface EvidenceItem {
  file: FileKind;
  id: string;
  note?: string;
}

export interface Finding {
  /** Stable: a prefix of the detector and a hash of (detector, kind, platform, subject key). */
  id: string;
  detector: DetectorName;
  kind: string | null;
  severity: Severity;
  platform_id: string;
  subject: Record<string, unknown>;
  period: { from: string; to: string } | null;
  summary: string;
  /** A Chinese version of the summary, for regulators and platforms that read Chinese. */
  summary_zh?: string;
  metrics: Record<string, unknown>;
  evidence: EvidenceItem[];
  evidence_total: number;
  legal_basis: string[];
  method: string;
  /** The thresholds of the rule pack that produced this finding. */
  thresholds?: Record<string, unknown>;
}

export interface FileReport {
  lines: number;
  accepted: number;
  rejected: number;
}

export interface Rejection {
  file: FileKind | string;
  /** 1-based physical line of the file (blank lines count as lines here, though not in FileReport). */
  line: number;
  field?: string;
  /** `field: what was wrong`, e.g. `price: must be an integer >= 0`. Never quotes the rejected value. */
  reason: string;
  /** The file's own name (`price_quotes.csv`), for datasets with two files of one kind. */
  file_name?: string;
}

export interface FindingsDocument {
  schema: 'fairmarket.findings/v1';
  rule_pack: string;
  generated_at: string;
  dataset: {
    files: Partial<Record<FileKind, FileReport>>;
    rejections: Rejection[];
  };
  findings: Finding[];
}
