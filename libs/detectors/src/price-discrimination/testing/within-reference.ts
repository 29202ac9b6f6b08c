/**
 * The reference the detector's pooled within moments are checked against: the state
 * WithinEstimator (@fairmarket/stats) would reach if fed every quote of a StratumTable, built
 * in its documented JSON form from the table's sufficient statistics.
 */
import { WithinEstimator, type WithinEstimatorJSON, type WithinFit } from '@fairmarket/stats';
import { LOG_UNITS } from '../effective-price';
import type { StratumTable } from '../stratum-table';
import type { CrossCounts, Dummy } from '../within-design';

function globalProduct(table: StratumTable, u: Dummy, v: Dummy, cross: CrossCounts | undefined): number {
  let total = 0;
  for (const a of u.columns) {
    for (const b of v.columns) {
      if (a === b) total += table.columnQuotes[a];
      else if (table.layout.attributeOf(a) !== table.layout.attributeOf(b)) total += (cross as CrossCounts).count(a, b);
    }
  }
  return total;
}

export function withinState(table: StratumTable, dummies: readonly Dummy[], cross?: CrossCounts): WithinEstimatorJSON {
  const global: number[] = [];
  for (let i = 0; i < dummies.length; i++) {
    for (let j = i; j < dummies.length; j++) global.push(globalProduct(table, dummies[i], dummies[j], cross), 0);
  }
  for (const u of dummies) global.push(u.columns.reduce((s, c) => s + table.columnSums[c], 0) / LOG_UNITS, 0);
  global.push(table.sumOfSquares / (LOG_UNITS * LOG_UNITS), 0);
  const strata: [string, number[]][] = table.order.map((s) => {
    const totals = table.totals(s);
    return [table.key(s), [totals.n, ...dummies.flatMap((u) => [table.countIn(s, u.columns), 0]), totals.sum / LOG_UNITS, 0]];
  });
  return { names: dummies.map((d) => d.name), global, strata };
}

export function referenceFit(table: StratumTable, dummies: readonly Dummy[], cross?: CrossCounts): WithinFit | null {
  return WithinEstimator.fromJSON(withinState(table, dummies, cross)).fit();
}
