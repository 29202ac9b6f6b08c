import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { EventTable } from './event-tables';
import { copyColumns } from './event-tables';

/**
 * Loads one batch of encoded event rows into its table inside the caller's transaction.
 * PostgreSQL refuses COPY into a table with row-level security, so rows are COPYed into a
 * temporary staging table (no policies, private to the session) and moved with one
 * `INSERT … SELECT … ON CONFLICT DO NOTHING`, where the tenant policy checks every row.
 * A row already stored (a file sent twice, a line repeated) is skipped, so nothing is stored
 * twice and nothing valid is lost. Returns how many rows were new.
 */
export async function writeEventBatch(client: PoolClient, table: EventTable, rows: string[]): Promise<number> {
  if (rows.length === 0) return 0;
  const CHUNK = 2000;
  const chunks: Buffer[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) chunks.push(Buffer.from(rows.slice(i, i + CHUNK).join('')));
  return (await writeEventChunks(client, table, chunks, { expectNew: false })).stored;
}

export interface EventChunksWritten {
  /** Rows that were new (the others were already stored). */
  stored: number;
  /** The plain INSERT met a row already stored (and the batch was redone with ON CONFLICT). */
  metDuplicates: boolean;
}

/**
 * writeEventBatch for rows already gathered into COPY-text Buffers (CopyChunks).
 *
 * With `expectNew`, the rows are first moved with a plain INSERT inside a savepoint: the
 * speculative insertion of ON CONFLICT costs PostgreSQL an extra index probe and an extra WAL
 * record per row, paid on every line of every file although a first upload has no duplicate.
 * The primary key still refuses a duplicate, so the INSERT then fails as a whole, is rolled
 * back to the savepoint and redone with ON CONFLICT DO NOTHING: the outcome is the same,
 * only slower for that one batch.
 */
export async function writeEventChunks(
  client: PoolClient,
  table: EventTable,
  chunks: readonly Buffer[],
  options: {
    expectNew: boolean;
    /** Awaited after the rows are staged and before they are moved (see FileIngestionService). */
    beforeMove?: () => Promise<void>;
  },
): Promise<EventChunksWritten> {
  if (chunks.length === 0) {
    await options.beforeMove?.();
    return { stored: 0, metDuplicates: false };
  }
  const columns = copyColumns(table).map((c) => `"${c}"`).join(', ');
  const stage = `stage_${table.table}`;
  await client.query(`CREATE TEMP TABLE IF NOT EXISTS "${stage}" (LIKE "${table.table}") ON COMMIT DELETE ROWS`);
  await copyChunks(client, `COPY "${stage}" (${columns}) FROM STDIN`, chunks);
  await options.beforeMove?.();
  const move = `INSERT INTO "${table.table}" (${columns}) SELECT ${columns} FROM "${stage}"`;
  // No TRUNCATE: the caller commits one batch per transaction and ON COMMIT DELETE ROWS empties the stage.
  if (options.expectNew) {
    await client.query('SAVEPOINT fm_new_rows');
    try {
      const result = await client.query(move);
      await client.query('RELEASE SAVEPOINT fm_new_rows');
      return { stored: result.rowCount ?? 0, metDuplicates: false };
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      await client.query('ROLLBACK TO SAVEPOINT fm_new_rows');
    }
  }
  const result = await client.query(`${move} ON CONFLICT DO NOTHING`);
  return { stored: result.rowCount ?? 0, metDuplicates: options.expectNew };
}

const UNIQUE_VIOLATION = '23505';

/** Writes the chunks to a COPY … FROM STDIN, waiting whenever the socket is behind. */
async function copyChunks(client: PoolClient, sql: string, chunks: readonly Buffer[]): Promise<void> {
  const stream = client.query(copyFrom(sql));
  const done = finished(stream);
  // Handled below (awaited); this only keeps an early failure from counting as unhandled.
  done.catch(() => undefined);
  try {
    for (const chunk of chunks) {
      if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), done]);
    }
    stream.end();
  } catch (error) {
    stream.destroy(error as Error);
  }
  await done;
}
