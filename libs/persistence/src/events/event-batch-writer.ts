import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { EventTable } from './event-tables';
import { copyColumns } from './event-tables';

const UNIQUE_VIOLATION = '23505';

/**
 * Loads one batch of encoded event rows into its table inside the caller's transaction.
 * The fast path COPYs straight into the table. When a row is already stored (a file sent
 * twice, a line repeated), the batch goes through a temporary staging table and
 * `INSERT … ON CONFLICT DO NOTHING`, so nothing is stored twice and nothing valid is lost.
 * Returns how many rows were new.
 */
export async function writeEventBatch(client: PoolClient, table: EventTable, rows: string[]): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = copyColumns(table).map((c) => `"${c}"`).join(', ');
  await client.query('SAVEPOINT event_batch');
  try {
    await copyRows(client, `COPY "${table.table}" (${columns}) FROM STDIN`, rows);
    await client.query('RELEASE SAVEPOINT event_batch');
    return rows.length;
  } catch (error) {
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
    await client.query('ROLLBACK TO SAVEPOINT event_batch');
  }
  const stage = `stage_${table.table}`;
  await client.query(`CREATE TEMP TABLE IF NOT EXISTS "${stage}" (LIKE "${table.table}") ON COMMIT DELETE ROWS`);
  await copyRows(client, `COPY "${stage}" (${columns}) FROM STDIN`, rows);
  const result = await client.query(`INSERT INTO "${table.table}" (${columns}) SELECT ${columns} FROM "${stage}" ON CONFLICT DO NOTHING`);
  await client.query(`TRUNCATE "${stage}"`);
  return result.rowCount ?? 0;
}

async function copyRows(client: PoolClient, sql: string, rows: string[]): Promise<void> {
  const CHUNK = 2000;
  function* chunks() {
    for (let i = 0; i < rows.length; i += CHUNK) yield rows.slice(i, i + CHUNK).join('');
  }
  await pipeline(Readable.from(chunks()), client.query(copyFrom(sql)));
}
