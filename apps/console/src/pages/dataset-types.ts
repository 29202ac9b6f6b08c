/** Dataset shapes of /v1/datasets (the ingestion library's FileProgress per file). */
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

export interface IngestReport {
  status: string;
  files: Record<string, { lines: number; accepted: number; rejected: number }>;
  rejections: { file: string; line: number; field?: string; reason: string; file_name?: string }[];
  rejection_counts: Record<string, number>;
}

export interface DetectionRun {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  findings_count: number | null;
  error: string | null;
}
