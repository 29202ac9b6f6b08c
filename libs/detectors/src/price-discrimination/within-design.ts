/**
 * The regressors of the within-stratum models: group dummies. A dummy is a union of group
 * columns of one characteristic ("device_os = ios", "spend_90d in the groups at or above cut
 * 14"); its products with other dummies and with the log price are sums of the per-column
 * statistics the StratumTable and a CoOccurrence tally hold (see PooledWithinMoments).
 */

export interface Dummy {
  name: string;
  columns: readonly number[];
}

/** How many quotes fall in both of two columns of different characteristics, over all strata. */
export interface CrossCounts {
  count(columnA: number, columnB: number): number;
}

/**
 * Indices of the dummies, taken in order, that keep the within cross-product matrix well
 * conditioned: a dummy is skipped when it has no within-stratum variation or when the earlier
 * kept ones explain it (1 - R² below `tolerance`, the pivot test of
 * solveSymmetricPositiveDefinite, stricter so the solve never refuses the kept set).
 * Incremental Cholesky on the unit-diagonal (correlation) matrix.
 */
export function wellConditioned(matrix: readonly (readonly number[])[], tolerance = 1e-8): number[] {
  const kept: number[] = [];
  const rows: number[][] = []; // Cholesky rows of the kept set
  for (let j = 0; j < matrix.length; j++) {
    const djj = matrix[j][j];
    if (!(djj > 1e-9)) continue;
    const row: number[] = [];
    let pivot = 1;
    for (let a = 0; a < kept.length; a++) {
      const i = kept[a];
      let s = matrix[j][i] / Math.sqrt(djj * matrix[i][i]);
      for (let b = 0; b < a; b++) s -= row[b] * rows[a][b];
      const l = s / rows[a][a];
      row.push(l);
      pivot -= l * l;
    }
    if (!(pivot > tolerance)) continue;
    row.push(Math.sqrt(pivot));
    rows.push(row);
    kept.push(j);
  }
  return kept;
}
