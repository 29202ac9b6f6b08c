import type { PoolClient } from 'pg';

/** The first day of the month of an instant, in UTC, as `YYYY-MM`. */
export function monthOf(tsMs: number): string {
  return new Date(tsMs).toISOString().slice(0, 7);
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
      // Only the tables' owner may add partitions: a SECURITY DEFINER function (migration
      // 1763900000000) does it, under the same advisory lock, for the application's role.
      await client.query('SELECT fm_ensure_month_partition($1, $2)', [table, month]);
      this.known.add(name);
    }
  }
}
