/**
 * Pearson's chi-square test of independence on an r×c table of counts, as R's
 * chisq.test(table, correct = FALSE). All-zero rows and columns are dropped first (they have
 * no expected counts and would otherwise inflate df). When fewer than two rows or columns
 * remain there is nothing to compare: statistic 0, df 0, p 1.
 *
 * p is 1 − cdf, so it bottoms out at ~1e-16; that is far below any threshold a detector uses.
 */
import { chiSquareCdf } from './distributions';
import { requireFinite } from './validate';

export interface ChiSquareResult {
  statistic: number;
  df: number;
  p: number;
}

export function chiSquareIndependence(table: number[][]): ChiSquareResult {
  if (!Array.isArray(table) || table.length === 0 || !table.every(Array.isArray)) {
    throw new RangeError('chiSquareIndependence needs a table: an array of rows of counts');
  }
  const width = table[0].length;
  table.forEach((row, i) => {
    if (row.length !== width) throw new RangeError(`row ${i} has ${row.length} cells, row 0 has ${width}`);
    row.forEach((v, j) => {
      requireFinite(v, `table[${i}][${j}]`);
      if (v < 0) throw new RangeError(`table[${i}][${j}] must be a non-negative count, got ${v}`);
    });
  });

  const rowSums = table.map((row) => row.reduce((s, v) => s + v, 0));
  const colSums = Array.from({ length: width }, (_, j) => table.reduce((s, row) => s + row[j], 0));
  const rows = rowSums.map((s, i) => i).filter((i) => rowSums[i] > 0);
  const cols = colSums.map((s, j) => j).filter((j) => colSums[j] > 0);
  const df = (rows.length - 1) * (cols.length - 1);
  if (rows.length < 2 || cols.length < 2) return { statistic: 0, df: 0, p: 1 };

  const total = rows.reduce((s, i) => s + rowSums[i], 0);
  let statistic = 0;
  for (const i of rows) {
    for (const j of cols) {
      const expected = (rowSums[i] * colSums[j]) / total;
      const d = table[i][j] - expected;
      statistic += (d * d) / expected;
    }
  }
  return { statistic, df, p: Math.max(0, 1 - chiSquareCdf(statistic, df)) };
}
