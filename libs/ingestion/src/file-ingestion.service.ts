import { Inject, Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { Pseudonymizer, readDatasetFileBatches, type FileKind } from '@fairmarket/contract';
import { APP_CONFIG, type Environment } from '@fairmarket/config';
import { TenantScope } from '@fairmarket/tenancy';
import {
  DatasetEntity,
  DatasetFileEntity,
  EVENT_TABLES,
  PartitionManager,
  monthOf,
  writeEventChunks,
  type EventTable,
} from '@fairmarket/persistence';
import { ndjsonPhysicalLines } from '../../contract/src/reading/ndjson-lines';
import { datasetRule } from './dataset-rule';
import { encodeEventRow } from './encode-event-row';
import { EncoderPool, slicesOf } from './encoder-pool';
import { IngestionBatch } from './ingestion-batch';
import { IngestionTimer } from './ingestion-timer';
import { COPY_CONNECTIONS, OrderedBatchLanes, type BatchOrder } from './ordered-batch-lanes';
import { mergeRejectionCounts } from './rejection-counts';

/**
 * The files that get encoder threads (EncoderPool, INGEST_ENCODER_THREADS of them) and lines per
 * slice sent to a thread. Threads add cores to the per-line work, which is what limited a large
 * file's throughput; the batches they feed are still written by this thread in file order.
 */
const THREADS_FROM_BYTES = 8 * 1024 * 1024;
const SLICE_LINES = 2000;

export interface IngestionProgress {
  lines: number;
  accepted: number;
  rejected: number;
  percent: number | null;
}

/** What is known of a file while it is ingested (committed batches only, plus the dedupe mode). */
interface FileState {
  lines: number;
  accepted: number;
  rejected: number;
  bytes: number;
  counts: Record<string, number>;
  expectNew: boolean;
}

/**
 * Streams one uploaded file into its event table. Lines are validated, user ids
 * pseudonymised, and accepted rows COPYed in batches; each batch commits together with the
 * file's counters and checkpoint, so a job retried after a crash resumes after the last
 * committed line and every valid line is stored exactly once.
 */
@Injectable()
export class FileIngestionService {
  private readonly logger = new Logger(FileIngestionService.name);
  private readonly partitions = new PartitionManager();
  private readonly pseudonymizer: Pseudonymizer;
  /** True while a file of this process is encoded on threads (see encoderPoolFor). */
  private threadedFile = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: Environment,
    private readonly tenants: TenantScope,
  ) {
    this.pseudonymizer = new Pseudonymizer(config.PSEUDONYM_KEY);
  }

  /** Runs as the dataset's owner: row-level security lets the job see and write that dataset only. */
  ingest(fileId: string, onProgress: (p: IngestionProgress) => Promise<void>): Promise<DatasetFileEntity> {
    return this.tenants.asOwnerOf('file', fileId, () => this.ingestAsOwner(fileId, onProgress));
  }

  private async ingestAsOwner(fileId: string, onProgress: (p: IngestionProgress) => Promise<void>): Promise<DatasetFileEntity> {
    const files = this.dataSource.getRepository(DatasetFileEntity);
    const file = await files.findOneBy({ id: fileId });
    if (!file) throw new UnrecoverableError(`dataset file ${fileId} does not exist`);
    if (file.status === 'done' || file.status === 'failed') return file;
    if (!existsSync(file.storage_path)) {
      await files.update(file.id, { status: 'failed', error: `the uploaded file is gone from ${file.storage_path}`, finished_at: new Date() });
      throw new UnrecoverableError(`uploaded file ${file.storage_path} is missing`);
    }
    const dataset = await this.dataSource.getRepository(DatasetEntity).findOneByOrFail({ id: file.dataset_id });
    await files.update(file.id, { status: 'processing', started_at: file.started_at ?? new Date() });

    const runners = Array.from({ length: COPY_CONNECTIONS }, () => this.dataSource.createQueryRunner());
    try {
      const clients: PoolClient[] = [];
      for (const runner of runners) clients.push((await runner.connect()) as PoolClient);
      await this.stream(clients, file, dataset, onProgress);
    } finally {
      for (const runner of runners) await runner.release();
    }
    await files.update(file.id, { status: 'done', finished_at: new Date() });
    return files.findOneByOrFail({ id: file.id });
  }

  private async stream(
    clients: readonly PoolClient[],
    file: DatasetFileEntity,
    dataset: DatasetEntity,
    onProgress: (p: IngestionProgress) => Promise<void>,
  ): Promise<void> {
    const table = EVENT_TABLES[file.kind as FileKind] as EventTable;
    const state: FileState = {
      lines: file.lines,
      accepted: file.accepted,
      rejected: file.rejected,
      bytes: Number(file.bytes_read),
      counts: { ...file.rejection_counts },
      // Lines after the checkpoint were never committed, so a first upload (or a retry) has
      // only new rows until the database says otherwise (writeEventChunks).
      expectNew: true,
    };
    const size = Number(file.size_bytes);
    const timer = new IngestionTimer();
    let batch = new IngestionBatch();
    // While the next batch is read and encoded, the previous ones are written (OrderedBatchLanes).
    const lanes = new OrderedBatchLanes(clients, timer);
    const flush = async (b: IngestionBatch) => {
      if (table.timed && this.partitions.missing(table.table, b.months).length > 0) {
        // A new month's partition is created with no batch of this file in flight. Creating it
        // locks the parent table, and a later batch already staged on the other connection
        // holds a lock on that table inside its transaction while it waits for this batch's
        // move: a deadlock PostgreSQL cannot see (it hung the complaints e2e test). New months
        // are rare (once per month and table per process), so the pause costs nothing.
        await lanes.drain();
        await this.partitions.ensure(clients[0], table.table, b.months);
      }
      return lanes.submit(
        (client, previous, onMoved) => this.commit(client, table, file, b, state, previous, onMoved),
        () => onProgress(this.progress(state, file.gzip ? null : size)),
      );
    };

    const pool = this.encoderPoolFor(file, dataset);
    if (pool) {
      try {
        const lines = ndjsonPhysicalLines(file.storage_path, file.gzip);
        const slices = slicesOf(lines, Math.min(SLICE_LINES, this.config.INGEST_BATCH_LINES), file.checkpoint_line);
        for await (const slice of pool.encode(slices)) {
          batch.addSlice(slice, this.config.MAX_REJECTIONS_KEPT - state.rejected);
          if (batch.lines >= this.config.INGEST_BATCH_LINES) {
            await flush(batch);
            batch = new IngestionBatch();
          }
        }
      } finally {
        await pool.close();
        this.threadedFile = false;
      }
    } else {
      const batches = readDatasetFileBatches(file.storage_path, {
        kind: file.kind as FileKind,
        format: file.format as 'ndjson' | 'csv',
        gzip: file.gzip,
        pseudonymize: this.pseudonymizer.pseudonymize,
        datasetDir: dirname(file.storage_path),
      });
      const ids = { datasetId: file.dataset_id, fileId: file.id, line: 0, raw: '' };
      for await (const results of batches) {
        for (const result of results) {
          if (result.line <= file.checkpoint_line) continue;
          const bytes = Buffer.byteLength(result.raw) + 1;
          const keep = state.rejected + batch.rejected < this.config.MAX_REJECTIONS_KEPT;
          const problem = result.rejection ?? datasetRule(table.timed, dataset.platform_id, result.record as Record<string, unknown> | undefined);
          if (problem || !result.record) {
            batch.reject(result.line, bytes, problem?.field ?? null, problem?.reason ?? 'rejected', keep);
          } else {
            const tsMs = (result.record as { tsMs?: number }).tsMs;
            ids.line = result.line;
            ids.raw = result.raw;
            batch.accept(encodeEventRow(table, result.record, ids), result.line, bytes, table.timed ? monthOf(tsMs as number) : null);
          }
          if (batch.lines >= this.config.INGEST_BATCH_LINES) {
            await flush(batch);
            batch = new IngestionBatch();
          }
        }
      }
    }
    await flush(batch);
    await lanes.drain();
    this.logger.log(timer.summary(file.id, state.lines - file.lines));
  }

  /**
   * Encoder threads for a large NDJSON file; null for the rest (CSV, documents read from files,
   * small files where starting threads would cost more than it saves), and for a second large
   * file while this process already encodes one on threads: a worker running two jobs at once
   * would otherwise hold two pools, and its memory (goal < 512 MB) two pools' heaps, for no
   * gain in speed on a machine whose cores the first pool already keeps busy.
   */
  private encoderPoolFor(file: DatasetFileEntity, dataset: DatasetEntity): EncoderPool | null {
    const threads = this.config.INGEST_ENCODER_THREADS;
    if (threads === 0 || this.threadedFile || file.format !== 'ndjson' || file.kind === 'documents' || Number(file.size_bytes) < THREADS_FROM_BYTES) return null;
    const pool = new EncoderPool(
      {
        kind: file.kind as FileKind,
        datasetId: file.dataset_id,
        fileId: file.id,
        datasetPlatformId: dataset.platform_id,
        pseudonymKey: this.config.PSEUDONYM_KEY,
      },
      threads,
    );
    this.threadedFile = true;
    return pool;
  }

  private async commit(
    client: PoolClient,
    table: EventTable,
    file: DatasetFileEntity,
    batch: IngestionBatch,
    state: FileState,
    previous: BatchOrder,
    onMoved: () => void,
  ): Promise<void> {
    if (batch.lines === 0) {
      await previous.moved;
      onMoved();
      return previous.committed;
    }
    await client.query('BEGIN');
    try {
      // A batch's commit need not wait for its WAL to reach the disk: the rows, the counters and
      // the checkpoint are one transaction, so a database crash can only lose whole batches,
      // the checkpoint with them, and the retried job redoes exactly those lines (idempotently,
      // by natural key). The "done" update that ends the file is an ordinary synchronous
      // commit, and flushing its WAL flushes every earlier batch's too: once a file is done it
      // is durable. This spares a disk flush per batch on the critical path.
      await client.query('SET LOCAL synchronous_commit = off');
      // Staging (COPY, the costlier half) overlaps with the batch before; moving and committing
      // wait for it (see BatchWrite).
      const written = await writeEventChunks(client, table, batch.rows.finish(), {
        expectNew: state.expectNew,
        beforeMove: () => previous.moved,
      });
      onMoved();
      if (written.metDuplicates) state.expectNew = false;
      const stored = written.stored;
      // Batches commit in file order, so the checkpoint never passes a line not yet stored.
      await previous.committed;
      if (batch.rejections.length > 0) {
        await client.query(
          `INSERT INTO rejections (file_id, line, field, reason)
           SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[]) ON CONFLICT DO NOTHING`,
          [file.id, batch.rejections.map((r) => r.line), batch.rejections.map((r) => r.field), batch.rejections.map((r) => r.reason)],
        );
      }
      const counts = mergeRejectionCounts(state.counts, batch.rejectionCounts);
      await client.query(
        `UPDATE dataset_files SET lines = lines + $2, accepted = accepted + $3, rejected = rejected + $4,
           stored = stored + $5, duplicates = duplicates + $6, checkpoint_line = $7, bytes_read = bytes_read + $8,
           rejection_counts = $9::jsonb
         WHERE id = $1 AND checkpoint_line < $7`,
        [file.id, batch.lines, batch.accepted, batch.rejected, stored, batch.accepted - stored, batch.lastLine, batch.bytes, JSON.stringify(counts)],
      );
      await client.query('COMMIT');
      state.lines += batch.lines;
      state.accepted += batch.accepted;
      state.rejected += batch.rejected;
      state.bytes += batch.bytes;
      state.counts = counts;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      this.logger.error(`batch ending at line ${batch.lastLine} of file ${file.id} failed: ${(error as Error).message}`);
      throw error;
    }
  }

  private progress(state: FileState, size: number | null): IngestionProgress {
    const percent = size && size > 0 ? Math.min(100, Math.round((state.bytes / size) * 1000) / 10) : null;
    return { lines: state.lines, accepted: state.accepted, rejected: state.rejected, percent };
  }
}
