/** Dataset shapes of /v1/datasets. Type-only imports, erased by Vite. */
import type { FileReport, Rejection } from '../../../../libs/contract/src/findings';
import type { FileProgress } from '../../../../libs/ingestion/src/ingestion-report';
export type { FileProgress };

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
