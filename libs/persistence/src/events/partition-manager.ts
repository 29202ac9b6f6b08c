import type { PoolClient } from 'pg';

/** The month last asked for and its bounds [from, to) in ms: logs mostly come in time order. */
let lastMonth = { from: 0, to: 0, month: '' };

/**
 * The month of an instant, in UTC, as `YYYY-MM`. Ingestion asks once per line; formatting a
 * date each time cost ~0.4 s per million lines (bench:ingest profile), so the month of the
 * previous call is reused while the instant falls inside it.
 */
export function monthOf(tsMs: number): string {
  if (tsMs >= lastMonth.from && tsMs < lastMonth.to) return lastMonth.month;
  const date = new Date(tsMs);
  const month = date.toISOString().slice(0, 7);
  lastMonth = { from: Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1), to: Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1), month };
  return month;
}

/**
 * Creates monthly partitions of the time-stamped event tables on demand. Several workers may
 * ask for the same month at once: an advisory lock per table serialises creation, and a
 * per-process cache keeps the common case to no query at all.
 */
export class PartitionManager {
  private readonly known = new Set<string>();

  /** The months this process has not made sure of yet (no query). */
  missing(table: string, months: Iterable<string>): string[] {
    return [...months].filter((month) => !this.known.has(partitionName(table, month)));
  }

  async ensure(client: PoolClient, table: string, months: Iterable<string>): Promise<void> {
    for (const month of months) {
      const name = partitionName(table, month);
      if (this.known.has(name)) continue;
      // Only the tables' owner may add partitions: a SECURITY DEFINER function (migration
      // 1763900000000) does it, under the same advisory lock, for the application's role.
      await client.query('SELECT fm_ensure_month_partition($1, $2)', [table, month]);
      this.known.add(name);
    }
  }
}

function partitionName(table: string, month: string): string {
  return `${table}_y${month.replace('-', 'm')}`;
}
