import type { Pool } from 'pg';
import QueryStream from 'pg-query-stream';
import type { SqlRowStream } from './sql-query';

/**
 * A SqlRowStream over a pg pool: each read holds one connection for its cursor and gives it
 * back when the reader stops, early or not. Connections are taken with pool.connect, so the
 * tenant pool (row-level security) applies as it does to every other read.
 */
export function pgRowStream(pool: Pool, batchSize = 1000): SqlRowStream {
  return async function* stream(sql: string, params: unknown[]) {
    const client = await pool.connect();
    try {
      for await (const row of client.query(new QueryStream(sql, params, { batchSize }))) yield row as Record<string, any>;
    } finally {
      client.release();
    }
  };
}
