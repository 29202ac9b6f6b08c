import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DatasetEntity, DatasetFileEntity, type DatasetScope } from '@fairmarket/persistence';
import { JobQueueService } from '@fairmarket/jobs';
import { TenantScope } from '@fairmarket/tenancy';
import type { FileKind } from '@fairmarket/contract';

export interface StoredUpload {
  fileName: string;
  kind: FileKind;
  format: 'ndjson' | 'csv';
  gzip: boolean;
  sizeBytes: number;
  sha256: string;
  storagePath: string;
}

/** Datasets and their files: creation, upload registration and readiness. */
@Injectable()
export class DatasetService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobQueueService,
    private readonly tenants: TenantScope,
  ) {}

  create(input: { name: string; scope: DatasetScope; platform_id?: string | null; rule_pack?: string }): Promise<DatasetEntity> {
    const repo = this.dataSource.getRepository(DatasetEntity);
    return repo.save(
      repo.create({ name: input.name, scope: input.scope, platform_id: input.platform_id ?? null, rule_pack: input.rule_pack ?? 'cn' }),
    );
  }

  list(): Promise<DatasetEntity[]> {
    return this.dataSource.getRepository(DatasetEntity).find({ order: { created_at: 'DESC' }, take: 200 });
  }

  async get(id: string): Promise<DatasetEntity> {
    const dataset = await this.dataSource.getRepository(DatasetEntity).findOneBy({ id });
    if (!dataset) throw new NotFoundException({ code: 'dataset_not_found', message: `No dataset ${id}`, message_zh: `数据集 ${id} 不存在` });
    return dataset;
  }

  files(datasetId: string): Promise<DatasetFileEntity[]> {
    return this.dataSource.getRepository(DatasetFileEntity).find({ where: { dataset_id: datasetId }, order: { created_at: 'ASC' } });
  }

  async file(datasetId: string, fileId: string): Promise<DatasetFileEntity> {
    const file = await this.dataSource.getRepository(DatasetFileEntity).findOneBy({ id: fileId, dataset_id: datasetId });
    if (!file) throw new NotFoundException({ code: 'file_not_found', message: `No file ${fileId} in dataset ${datasetId}`, message_zh: `数据集中没有文件 ${fileId}` });
    return file;
  }

  /** Records uploaded files and queues one ingestion job per file. */
  async addFiles(datasetId: string, uploads: StoredUpload[]): Promise<DatasetFileEntity[]> {
    const saved = await this.dataSource.transaction(async (em) => {
      const rows = uploads.map((u) =>
        em.create(DatasetFileEntity, {
          dataset_id: datasetId,
          file_name: u.fileName,
          kind: u.kind,
          format: u.format,
          gzip: u.gzip,
          size_bytes: String(u.sizeBytes),
          sha256: u.sha256,
          storage_path: u.storagePath,
        }),
      );
      const out = await em.save(rows);
      await em.update(DatasetEntity, { id: datasetId }, { status: 'ingesting', ready_at: null });
      return out;
    });
    for (const file of saved) {
      await this.jobs.enqueue('ingest-file', { datasetId, fileId: file.id }, { jobId: `ingest-${file.id}` });
    }
    return saved;
  }

  /**
   * Marks the dataset ready when none of its files is still queued or in progress. Each
   * worker commits its own file first, so the last one to finish always sees the others done.
   * Returns true for the one caller that made the transition.
   */
  markReadyIfComplete(datasetId: string): Promise<boolean> {
    return this.tenants.asOwnerOf('dataset', datasetId, () => this.markReadyAsOwner(datasetId));
  }

  private async markReadyAsOwner(datasetId: string): Promise<boolean> {
    const result = await this.dataSource.query(
      `UPDATE datasets SET status = 'ready', ready_at = now()
       WHERE id = $1 AND status <> 'ready'
         AND NOT EXISTS (SELECT 1 FROM dataset_files WHERE dataset_id = $1 AND status IN ('queued', 'processing'))
       RETURNING id`,
      [datasetId],
    );
    const rows = Array.isArray(result[0]) ? result[0] : result;
    return rows.length > 0;
  }
}
