/** Dataset shapes of /v1/datasets (the ingestion library's FileProgress per file). */
// Type-only, erased by Vite. FileProgress stays declared here: the ingestion library's own sits in a
// file that imports Nest and TypeORM, which the console's type-check must not pull in; these are the
// fields of it that the console reads.
import type { FileReport, Rejection } from '../../../../libs/contract/src/findings';
export interface FileProgress {
  id: string;
  file_name: string;
  kind: string;
  status: string;
  lines: number;
  accepted: number;
  rejected: number;
  percent: number | null;
  error: string | null;
}

export interface Dataset {
  id: string;
  name: string;
  scope: 'self_audit' | 'submission';
  status: 'open' | 'ingesting' | 'ready';
  platform_id: string | null;
  rule_pack: string;
  created_at: string;
  ready_at: string | null;
  files?: FileProgress[];
}

/** GET /v1/datasets/:id/report: the findings document's `dataset` part (the contract's types) and its status. */
export interface IngestReport {
  status: string;
  files: Record<string, FileReport>;
  rejections: Rejection[];
  rejection_counts: Record<string, number>;
}

export interface DetectionRun {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  findings_count: number | null;
  error: string | null;
}
