import type { Pool, PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { FILE_KINDS, type EventsByKind, type FileKind } from '@fairmarket/contract';
import type { DatasetSource } from '@fairmarket/detectors';
import { EVENT_TABLES } from '@fairmarket/persistence';

/**
 * A dataset as stored in PostgreSQL, seen by the detectors exactly as the CLI's files are:
 * the validated records (kept as jsonb at ingestion) streamed through a server-side cursor,
 * one platform at a time so that platforms can be analysed by different workers.
 */
export class PgDatasetSource implements DatasetSource {
  private constructor(
    private readonly pool: Pool,
    private readonly datasetId: string,
    private readonly platformId: string,
    private readonly present: ReadonlySet<FileKind>,
  ) {}

  static async open(pool: Pool, datasetId: string, platformId: string): Promise<PgDatasetSource> {
    const present = new Set<FileKind>();
    for (const kind of FILE_KINDS) {
      const { rows } = await pool.query(
        `SELECT 1 FROM "${EVENT_TABLES[kind].table}" WHERE dataset_id = $1 AND platform_id = $2 LIMIT 1`,
        [datasetId, platformId],
      );
      if (rows.length > 0) present.add(kind);
    }
    return new PgDatasetSource(pool, datasetId, platformId, present);
  }

  /** The platforms of a dataset, sorted. */
  static async platforms(pool: Pool, datasetId: string): Promise<string[]> {
    const union = FILE_KINDS.map((k) => `SELECT DISTINCT platform_id FROM "${EVENT_TABLES[k].table}" WHERE dataset_id = $1`).join(' UNION ');
    const { rows } = await pool.query<{ platform_id: string }>(`SELECT platform_id FROM (${union}) p ORDER BY platform_id`, [datasetId]);
    return rows.map((r) => r.platform_id);
  }

  kinds(): ReadonlySet<FileKind> {
    return this.present;
  }

  async *rows<K extends FileKind>(kind: K): AsyncIterable<EventsByKind[K]> {
    if (!this.present.has(kind)) return;
    const client: PoolClient = await this.pool.connect();
    try {
      const stream = client.query(
        new QueryStream(`SELECT doc FROM "${EVENT_TABLES[kind].table}" WHERE dataset_id = $1 AND platform_id = $2`, [this.datasetId, this.platformId], {
          batchSize: 2000,
        }),
      );
      for await (const row of stream) yield (row as { doc: EventsByKind[K] }).doc;
    } finally {
      client.release();
    }
  }
}
