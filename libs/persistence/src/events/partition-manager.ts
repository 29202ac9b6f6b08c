import type { PoolClient } from 'pg';

/** The first day of the month of an instant, in UTC, as `YYYY-MM`. */
export function monthOf(tsMs: number): string {
  return new Date(tsMs).toISOString().slice(0, 7);
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * Creates monthly partitions of the time-stamped event tables on demand. Several workers may
 * ask for the same month at once: an advisory lock per table serialises creation, and a
 * per-process cache keeps the common case to no query at all.
 */
export class PartitionManager {
  private readonly known = new Set<string>();

  async ensure(client: PoolClient, table: string, months: Iterable<string>): Promise<void> {
    for (const month of months) {
      const name = `${table}_y${month.replace('-', 'm')}`;
      if (this.known.has(name)) continue;
      await client.query('BEGIN');
      try {
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [table]);
        await client.query(
          `CREATE TABLE IF NOT EXISTS "${name}" PARTITION OF "${table}" FOR VALUES FROM ('${month}-01T00:00:00Z') TO ('${nextMonth(month)}-01T00:00:00Z')`,
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      this.known.add(name);
    }
  }
}
