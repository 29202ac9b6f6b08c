import { tCdf, tQuantile, type TTestResult } from '@fairmarket/stats';

/**
 * Per-request rank gaps summed by (surface, query). Repeating a query repeats much of its
 * result list, so the requests of one query are not independent draws: a t-test over requests
 * would take 40 repeats of one query for 40 observations. The test below clusters by query.
 * Memory grows with the distinct (surface, query) pairs that showed a comparable pair, not
 * with requests.
 */
export interface QueryCell {
  /** Requests of the cell with at least one comparable pair. */
  n: number;
  /** Sum of their per-request mean gaps. */
  sum: number;
}

export type QueryCells = Record<string, QueryCell>;

export function queryCellKey(surface: string, query: string | undefined): string {
  return `${surface}\u0001${query ?? ''}`;
}

export function addToCell(cells: QueryCells, key: string, gap: number): void {
  const cell = (cells[key] ??= { n: 0, sum: 0 });
  cell.n++;
  cell.sum += gap;
}

export function mergeCells(into: QueryCells, from: QueryCells): void {
  for (const [key, cell] of Object.entries(from)) {
    const target = (into[key] ??= { n: 0, sum: 0 });
    target.n += cell.n;
    target.sum += cell.sum;
  }
}

export function requestCount(cells: QueryCells): number {
  return Object.values(cells).reduce((n, c) => n + c.n, 0);
}

/**
 * Mean gap over requests with a cluster-robust (CR1) standard error, clusters = (surface,
 * query) cells: V = G/(G-1) x sum_g (S_g - n_g x mean)^2 / N^2, t on G - 1 degrees of freedom,
 * two-sided p. With cells of equal size this is the one-sample t-test over cell means. Null
 * with fewer than 2 cells: one query, however often repeated, cannot show a pattern across
 * queries. Zero variance gives p = 0 (or 1 for a zero mean), as @fairmarket/stats' t-tests.
 */
export function clusterRobustMeanTest(cells: QueryCells): TTestResult | null {
  // Cells in key order: the sums do not depend on the order rows or partials arrived in.
  const list = Object.keys(cells)
    .sort()
    .map((k) => cells[k])
    .filter((c) => c.n > 0);
  const g = list.length;
  if (g < 2) return null;
  const n = list.reduce((s, c) => s + c.n, 0);
  const diff = list.reduce((s, c) => s + c.sum, 0) / n;
  const squares = list.reduce((s, c) => s + (c.sum - c.n * diff) ** 2, 0);
  const se = Math.sqrt((g / (g - 1)) * squares) / n;
  const df = g - 1;
  if (se === 0) {
    const t = diff === 0 ? 0 : diff > 0 ? Infinity : -Infinity;
    return { diff, se, t, df, p: diff === 0 ? 1 : 0, ci95: [diff, diff] };
  }
  const t = diff / se;
  const half = tQuantile(0.975, df) * se;
  return { diff, se, t, df, p: Math.min(1, 2 * tCdf(-Math.abs(t), df)), ci95: [diff - half, diff + half] };
}
