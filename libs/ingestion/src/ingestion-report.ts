// Plain types, no Nest or TypeORM: the web console imports them too (type-only).
import type { FileReport, Rejection } from '../../contract/src/findings';

/** One uploaded file's ingestion progress, as GET /v1/datasets/:id shows it. */
export interface FileProgress {
  id: string;
  file_name: string;
  kind: string;
  status: string;
  lines: number;
  accepted: number;
  rejected: number;
  stored: number;
  duplicates: number;
  percent: number | null;
  rejection_counts: Record<string, number>;
  error: string | null;
}

export interface IngestionReport {
  files: Record<string, FileReport>;
  rejections: Rejection[];
  rejection_counts: Record<string, number>;
  uploads: FileProgress[];
}
