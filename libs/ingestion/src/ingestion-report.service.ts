import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DatasetFileEntity, RejectionEntity } from '@fairmarket/persistence';
import type { FileReport } from '@fairmarket/contract';
import type { FileProgress, IngestionReport } from './ingestion-report';

/** What became of every line of a dataset: the `dataset` part of the findings document, and more. */
@Injectable()
export class IngestionReportService {
  constructor(private readonly dataSource: DataSource) {}

  progress(file: DatasetFileEntity): FileProgress {
    const size = Number(file.size_bytes);
    const percent = file.status === 'done' ? 100 : file.gzip || size === 0 ? null : Math.min(100, Math.round((Number(file.bytes_read) / size) * 1000) / 10);
    return {
      id: file.id,
      file_name: file.file_name,
      kind: file.kind,
      status: file.status,
      lines: file.lines,
      accepted: file.accepted,
      rejected: file.rejected,
      stored: file.stored,
      duplicates: file.duplicates,
      percent,
      rejection_counts: file.rejection_counts,
      error: file.error,
    };
  }

  async rejections(fileIds: string[], limit: number): Promise<RejectionEntity[]> {
    if (fileIds.length === 0) return [];
    return this.dataSource
      .getRepository(RejectionEntity)
      .createQueryBuilder('r')
      .where('r.file_id IN (:...fileIds)', { fileIds })
      .orderBy('r.file_id')
      .addOrderBy('r.line')
      .limit(limit)
      .getMany();
  }

  async report(datasetId: string, rejectionLimit = 1000): Promise<IngestionReport> {
    const files = await this.dataSource.getRepository(DatasetFileEntity).find({ where: { dataset_id: datasetId }, order: { created_at: 'ASC' } });
    const byKind: Record<string, FileReport> = {};
    const counts: Record<string, number> = {};
    for (const f of files) {
      const r = (byKind[f.kind] ??= { lines: 0, accepted: 0, rejected: 0 });
      r.lines += f.lines;
      r.accepted += f.accepted;
      r.rejected += f.rejected;
      for (const [reason, n] of Object.entries(f.rejection_counts)) counts[reason] = (counts[reason] ?? 0) + n;
    }
    const kindOf = new Map(files.map((f) => [f.id, f.kind]));
    const rejections = (await this.rejections(files.map((f) => f.id), rejectionLimit)).map((r) => ({
      file: kindOf.get(r.file_id) ?? 'unknown',
      line: r.line,
      ...(r.field ? { field: r.field } : {}),
      reason: r.reason,
    }));
    return { files: byKind, rejections, rejection_counts: counts, uploads: files.map((f) => this.progress(f)) };
  }
}
