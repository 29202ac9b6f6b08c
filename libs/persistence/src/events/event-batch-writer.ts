import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
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
  const columns = copyColumns(table).map((c) => `"${c}"`).join(', ');
  const stage = `stage_${table.table}`;
  await client.query(`CREATE TEMP TABLE IF NOT EXISTS "${stage}" (LIKE "${table.table}") ON COMMIT DELETE ROWS`);
  await copyRows(client, `COPY "${stage}" (${columns}) FROM STDIN`, rows);
  const result = await client.query(`INSERT INTO "${table.table}" (${columns}) SELECT ${columns} FROM "${stage}" ON CONFLICT DO NOTHING`);
  // No TRUNCATE: the caller commits one batch per transaction and ON COMMIT DELETE ROWS empties the stage.
  return result.rowCount ?? 0;
}

async function copyRows(client: PoolClient, sql: string, rows: string[]): Promise<void> {
  const CHUNK = 2000;
  function* chunks() {
    for (let i = 0; i < rows.length; i += CHUNK) yield rows.slice(i, i + CHUNK).join('');
  }
  await pipeline(Readable.from(chunks()), client.query(copyFrom(sql)));
}
