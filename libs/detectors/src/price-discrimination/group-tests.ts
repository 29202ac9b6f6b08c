/**
 * The marginal tests of one merchant: for every characteristic, every candidate group against
 * the rest of the users whose value is known, within strata.
 *
 * - Categorical: each level against the other levels (with two levels, one test: they mirror).
 * - Numeric: each cut-off, "at or above" against "below"; the sign of the estimate says which
 *   side pays more. Every cut tested is one test in the run's multiple-testing set, so scanning
 *   cut-offs cannot manufacture significance.
 * A test runs only when both sides have at least min_group_quotes distinct users in strata
 * holding both (a condition on counts alone, so it does not bias the p-values of the tests
 * kept; users, not quotes, because a user quoted ten times is still one person). The estimate
 * is the within regression on quotes; its standard error is clustered by user (user-clusters.ts),
 * so the t-test's p-value reflects how many people, not how many quotes, show the difference.
 * Hence two steps: prepareGroupTests fits every contrast with enough quotes, a pass over the
 * quotes tallies the clustered scores, then finishGroupTest gives the test.
 */
import type { PriceDiscriminationRules } from '@fairmarket/rules';
import type { AttributeColumns } from './column-layout';
import { OTHER_LEVEL } from './column-layout';
import { tCdf, tQuantile } from '@fairmarket/stats';
import { PooledWithinMoments } from './pooled-within-moments';
import type { StratumTable } from './stratum-table';
import type { ClusteredFit, ClusterTally } from './user-clusters';
import { wellConditioned, type Dummy } from './within-design';

export interface GroupTest {
  attribute: string;
  /** The disadvantaged side when the estimate is positive, as a label: `ios`, `>=52000`, `<30`. */
  group: string;
  /** Columns of that group (for the attribution models and the evidence pass). */
  columns: number[];
  /** Columns of the comparison group: the other known values. */
  restColumns: number[];
  /** Log-price difference of the group against the rest, within strata, and its test. */
  coef: number;
  se: number;
  t: number;
  p: number;
  df: number;
  ci95: [number, number];
  /** Quotes on each side in strata holding both sides. */
  n_group: number;
  n_rest: number;
  /** Distinct users on each side in those strata: the group-size rule counts these. */
  users_group: number;
  users_rest: number;
  /** User clusters (hash buckets) behind the standard error; df = clusters - 1. */
  clusters: number;
  n_strata: number;
  /** exp(coef) - 1 ≥ min_effect: the group pays materially more. */
  material: boolean;
}

export interface Contrast {
  group: string;
  complement: string;
  columns: number[];
  restColumns: number[];
}

/** Candidate contrasts of one characteristic, before orientation. */
function contrasts(a: AttributeColumns): Contrast[] {
  const known = Array.from({ length: a.groups }, (_, g) => a.offset + g);
  if (a.spec.kind === 'numeric') {
    return a.cuts.slice(0, a.groups - 1).map((cut, i) => ({
      group: `>=${cut.value}`,
      complement: `<${cut.value}`,
      columns: known.slice(i + 1),
      restColumns: known.slice(0, i + 1),
    }));
  }
  const real = a.levels.map((level, g) => ({ level, g })).filter((l) => l.level !== OTHER_LEVEL);
  if (real.length < 2) return [];
  const tested = real.length === 2 ? real.slice(0, 1) : real;
  return tested.map(({ level, g }) => ({
    group: level,
    complement: real.length === 2 ? real[1].level : '',
    columns: [a.offset + g],
    restColumns: known.filter((c) => c !== a.offset + g),
  }));
}

/**
 * For every contrast at once: quotes on each side within strata that hold both sides, and how
 * many such strata (one walk over the strata per characteristic). Every contrast splits the
 * known values in two (its rest is the known columns outside its group), so a stratum's known
 * counts are read once, a stratum where only one group is present is skipped at once (most
 * strata of a sku-hour hold a handful of quotes), and the rest is the known total minus the group.
 */
function overlaps(table: StratumTable, a: AttributeColumns, all: readonly Contrast[]): { group: number; rest: number; strata: number }[] {
  const out = all.map(() => ({ group: 0, rest: 0, strata: 0 }));
  // A group is a run of consecutive known values (a numeric "at or above" or one level), so its
  // count is a difference of running totals; counts are integers, so any order of sums is exact.
  const from = Int32Array.from(all, (c) => Math.min(...c.columns) - a.offset);
  const to = Int32Array.from(all, (c) => Math.max(...c.columns) - a.offset + 1);
  all.forEach((c, i) => {
    if (to[i] - from[i] !== c.columns.length) throw new Error(`group ${c.group} of ${a.spec.name} is not a run of consecutive values`);
  });
  const counts = new Float64Array(a.groups);
  const running = new Float64Array(a.groups + 1);
  const groups = a.groups;
  for (const s of table.order) {
    table.readCounts(s, a.offset, groups, counts);
    let present = 0;
    for (let g = 0; g < groups; g++) {
      running[g + 1] = running[g] + counts[g];
      if (counts[g] !== 0) present++;
    }
    if (present < 2) continue;
    const total = running[groups];
    for (let i = 0; i < out.length; i++) {
      const g = running[to[i]] - running[from[i]];
      if (g === 0 || g === total) continue;
      const o = out[i];
      o.group += g;
      o.rest += total - g;
      o.strata += 1;
    }
  }
  return out;
}

/** The missing-value indicator of a characteristic, when some quotes lack it. */
export function missingDummy(a: AttributeColumns): Dummy[] {
  return a.missingQuotes > 0 ? [{ name: `${a.spec.name}:missing`, columns: [a.missingColumn] }] : [];
}

/** A contrast fitted on quotes, waiting for its clustered standard error. */
export interface PreparedTest extends ClusteredFit {
  contrast: Contrast;
  numeric: boolean;
  /** The tested coefficient, and the model's observations (quotes in strata of two or more) and regressors. */
  coef: number;
  n: number;
  k: number;
  sizes: { group: number; rest: number; strata: number };
}

/**
 * Every contrast of one characteristic (`attributeIndex` in the table's layout) with enough
 * quotes on both sides. The within moments of its group columns are pooled over the strata
 * once; each fit is then a small solve (see PooledWithinMoments).
 */
export function prepareGroupTests(table: StratumTable, attributeIndex: number, rules: PriceDiscriminationRules): PreparedTest[] {
  const a = table.layout.attributes[attributeIndex];
  const all = contrasts(a);
  if (all.length === 0) return [];
  const sizes = overlaps(table, a, all);
  // Fewer quotes than min_group_quotes means fewer users too: no need to fit.
  const runnable = all.map((c, i) => ({ c, size: sizes[i] })).filter(({ size }) => size.group >= rules.min_group_quotes && size.rest >= rules.min_group_quotes);
  if (runnable.length === 0) return [];
  const moments = new PooledWithinMoments(table, [attributeIndex]);
  const out: PreparedTest[] = [];
  for (const { c, size } of runnable) {
    // With missing values the indicator enters too, so the group is compared with known values only.
    const dummies = [...missingDummy(a), { name: `${a.spec.name}:${c.group}`, columns: c.columns }];
    const usable = wellConditioned(moments.matrix(dummies));
    if (!usable.includes(dummies.length - 1)) continue;
    const used = usable.map((i) => dummies[i]);
    const fit = moments.fit(used);
    if (!fit) continue;
    const at = fit.names.length - 1;
    out.push({
      attributeIndex,
      dummies: used,
      beta: fit.coef,
      weights: fit.inverse[at],
      columns: c.columns,
      restColumns: c.restColumns,
      contrast: c,
      numeric: a.spec.kind === 'numeric',
      coef: fit.coef[at],
      n: fit.n,
      k: used.length,
      sizes: size,
    });
  }
  return out;
}

/**
 * The test of a prepared contrast given its clustered scores, or null when a side has fewer
 * than min_group_quotes users or fewer than two user clusters carry the estimate.
 */
export function finishGroupTest(prepared: PreparedTest, tally: ClusterTally, rules: PriceDiscriminationRules, attribute: string): GroupTest | null {
  const { contrast: c, sizes } = prepared;
  if (tally.usersGroup < rules.min_group_quotes || tally.usersRest < rules.min_group_quotes) return null;
  const g = tally.clusters;
  if (g < 2 || prepared.n - prepared.k < 1) return null;
  const df = g - 1;
  // CR1: G/(G-1) · (N-1)/(N-K), K the regressors of the within model.
  const correction = (g / (g - 1)) * ((prepared.n - 1) / (prepared.n - prepared.k));
  const se = Math.sqrt(Math.max(0, correction * tally.scoreSquares));
  const raw = prepared.coef;
  // Zero standard error: every quote sits exactly on the fitted prices (see @fairmarket/stats tTestResult).
  const tRaw = se === 0 ? (raw === 0 ? 0 : raw > 0 ? Infinity : -Infinity) : raw / se;
  const p = se === 0 ? (raw === 0 ? 1 : 0) : Math.min(1, 2 * tCdf(-Math.abs(tRaw), df));
  const half = tQuantile(0.975, df) * se;
  // A categorical level that pays less is not a disadvantaged group (its rest is no group);
  // a numeric split or a two-level characteristic is turned round to name the side that pays more.
  const flip = raw < 0 && (prepared.numeric || c.complement !== '');
  const sign = flip ? -1 : 1;
  const coef = sign * raw;
  return {
    attribute,
    group: flip ? c.complement : c.group,
    columns: flip ? c.restColumns : c.columns,
    restColumns: flip ? c.columns : c.restColumns,
    coef,
    se,
    t: sign * tRaw,
    p,
    df,
    ci95: [coef - half, coef + half],
    n_group: flip ? sizes.rest : sizes.group,
    n_rest: flip ? sizes.group : sizes.rest,
    users_group: flip ? tally.usersRest : tally.usersGroup,
    users_rest: flip ? tally.usersGroup : tally.usersRest,
    clusters: g,
    n_strata: sizes.strata,
    material: Math.expm1(coef) >= rules.min_effect,
  };
}

/**
 * The split that best explains a characteristic's price difference: among material tests
 * significant at the nominal level q_max (a superset of what BH will keep), the largest t.
 * The largest t, rather than the largest effect, because a narrower group inside the real one
 * shows the same effect on fewer quotes: the largest t finds the cut-off the merchant used,
 * which the attribution model then needs to separate correlated characteristics.
 */
export function bestSplit(tests: readonly GroupTest[], qMax: number): GroupTest | null {
  const eligible = tests.filter((t) => t.material && t.p <= qMax);
  eligible.sort(
    (x, y) => y.t - x.t || y.n_group + y.n_rest - (x.n_group + x.n_rest) || (x.group < y.group ? -1 : x.group > y.group ? 1 : 0),
  );
  return eligible[0] ?? null;
}
