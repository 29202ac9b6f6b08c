import type { FileKind, Finding } from '@fairmarket/contract';
import type { LegalCitation } from '@fairmarket/rules';

/**
 * Everything a case dossier is made of, independent of where it comes from: a dataset's
 * selected findings (stored/dataset-dossier-input.ts) or a case with its parties, timeline,
 * the platform's answers and the audit trail (stored/case-dossier-input.ts). Whoever fills
 * this model gets the same bundle.
 */
export interface DossierInput {
  case: DossierCase;
  timeline: TimelineEntry[];
  /** The findings the case alleges, in the order the dossier presents them. */
  allegations: Finding[];
  answers: PlatformAnswer[];
  /** The chain of custody: who did what to the data and when (the audit trail). */
  custody: CustodyEntry[];
  /** Legal texts by code (the rule pack's citations), quoted under each allegation. */
  citations: Record<string, LegalCitation>;
  /** The parameters that produced the findings and the bundle, recorded in the manifest. */
  parameters: Record<string, unknown>;
}

export interface DossierCase {
  number: string;
  title: string;
  title_zh?: string;
  parties: DossierParty[];
  opened_at: string;
  closed_at?: string | null;
  /** The authority or organisation the dossier is prepared for. */
  authority?: string;
  rule_pack: string;
}

export interface DossierParty {
  /** `respondent`, `complainant`, `platform`, `authority`, ... */
  role: string;
  name: string;
  id?: string;
}

export interface TimelineEntry {
  at: string;
  event: string;
  event_zh?: string;
}

export interface PlatformAnswer {
  at: string;
  from: string;
  text: string;
  finding_id?: string;
  /** Files the platform sent with the answer, as received (the files themselves stay in the case file). */
  files?: AnswerFile[];
}

export interface AnswerFile {
  name: string;
  sha256: string;
  bytes: number;
}

export interface CustodyEntry {
  at: string;
  actor: string;
  action: string;
  detail?: string;
  /** A hash the step produced or checked (an upload's SHA-256, a file's content hash). */
  sha256?: string;
}

/** One stored input line behind a finding, as the ingestion stored it. */
export interface EvidenceRow {
  file: FileKind;
  natural_id: string;
  line_no: number | null;
  /** The ingestion hash of the input line, hex; empty when the line is not in the stored data. */
  line_hash: string;
  doc: Record<string, unknown> | null;
  /** What the finding says about this line (its evidence note). */
  note?: string;
}

/** The rows behind one finding, streamed: a dossier never holds a finding's rows in memory. */
export type EvidenceRowSource = (finding: Finding) => AsyncIterable<EvidenceRow>;
