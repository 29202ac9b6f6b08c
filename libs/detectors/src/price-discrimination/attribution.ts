/**
 * Which characteristic explains a merchant's price difference. Characteristics are correlated
 * (in the data as in life, iPhone owners spend more), so a markup on high spenders also shows
 * up, weaker, as a markup on iOS. detectors.md asks for the one that best explains it.
 *
 * Joint within-strata regressions decide. A characteristic is "controlled for" through all of
 * its groups (one dummy per group but a reference, plus the missing indicator): a step function
 * of spend at 5% quantiles, not only its best cut, so the part of a markup that the best cut
 * misses cannot leak into a correlated characteristic. Stepwise, starting from the strongest
 * marginal evidence (largest t):
 *  - forward: a characteristic joins when its group still pays materially more (≥ min_effect)
 *    and significantly (p ≤ q_max) given the groups of those already in;
 *  - backward: each one in must still pass given all the others; the weakest failing one leaves,
 *    until all pass. The first one never leaves alone: something explains the difference.
 * Those left out are reported as explained by the kept characteristic whose group dummy they
 * are most correlated with within strata.
 *
 * The test level here is the nominal q_max: these tests only remove findings (a characteristic
 * still needs its own marginal test to pass Benjamini-Hochberg over the whole run), and a
 * decision made per merchant keeps each platform's analysis independent of the others.
 */
import type { PriceDiscriminationRules } from '@fairmarket/rules';
import type { ColumnLayout } from './column-layout';
import { missingDummy, type GroupTest } from './group-tests';
import type { PooledWithinMoments } from './pooled-within-moments';
import type { StratumTable } from './stratum-table';
import { wellConditioned, type Dummy } from './within-design';

export interface ControlledEstimate {
  coef: number;
  se: number;
  p: number;
  df: number;
  ci95: [number, number];
}

export interface Attribution {
  attribute: string;
  kept: boolean;
  /** The estimate given the other kept characteristics; null when it was the only one kept. */
  controlled: ControlledEstimate | null;
  controlledFor: string[];
  /** Characteristics whose apparent difference this one accounts for. */
  explains: string[];
}

/** One dummy per group of a characteristic and its missing indicator, less the largest group (the reference). */
function controlDummies(layout: ColumnLayout, table: StratumTable, attribute: string): Dummy[] {
  const a = layout.attribute(attribute);
  const columns = Array.from({ length: a.groups }, (_, g) => a.offset + g);
  if (a.missingQuotes > 0) columns.push(a.missingColumn);
  let reference = columns[0];
  for (const c of columns) if (table.columnQuotes[c] > table.columnQuotes[reference]) reference = c;
  return columns.filter((c) => c !== reference).map((c) => ({ name: `${attribute}#${c}`, columns: [c] }));
}

export class AttributionModel {
  constructor(
    private readonly table: StratumTable,
    private readonly moments: PooledWithinMoments,
    private readonly rules: PriceDiscriminationRules,
  ) {}

  /** The group effect of `test` given the characteristics `others` (all their groups). */
  conditional(test: GroupTest, others: readonly GroupTest[]): ControlledEstimate | null {
    const layout = this.table.layout;
    const dummies: Dummy[] = [
      ...others.flatMap((o) => controlDummies(layout, this.table, o.attribute)),
      ...missingDummy(layout.attribute(test.attribute)),
      { name: `${test.attribute}:${test.group}`, columns: test.columns },
    ];
    const usable = wellConditioned(this.moments.matrix(dummies));
    // The group is a function of the others' groups: nothing of it is left to estimate.
    if (!usable.includes(dummies.length - 1)) return null;
    const fit = this.moments.fit(usable.map((i) => dummies[i]));
    if (!fit) return null;
    const at = fit.names.length - 1;
    return { coef: fit.coef[at], se: fit.se[at], p: fit.p[at], df: fit.df, ci95: fit.ci95[at] };
  }

  private passes(estimate: ControlledEstimate | null): boolean {
    return estimate !== null && estimate.coef > 0 && Math.expm1(estimate.coef) >= this.rules.min_effect && estimate.p <= this.rules.q_max;
  }

  /** Attributes the candidates (one best split per characteristic) of one merchant. */
  attribute(candidates: readonly GroupTest[]): Attribution[] {
    const order = [...candidates].sort((x, y) => y.t - x.t || (x.attribute < y.attribute ? -1 : 1));
    const kept: GroupTest[] = [];
    const left: GroupTest[] = [];
    for (const c of order) {
      if (kept.length === 0 || this.passes(this.conditional(c, kept))) kept.push(c);
      else left.push(c);
    }
    while (kept.length > 1) {
      const failing = kept
        .map((c) => ({ c, estimate: this.conditional(c, kept.filter((o) => o !== c)) }))
        .filter((x) => !this.passes(x.estimate));
      if (failing.length === 0) break;
      // The weakest: not estimable first, then the largest p, then the smallest marginal t.
      failing.sort((x, y) => (y.estimate?.p ?? 2) - (x.estimate?.p ?? 2) || x.c.t - y.c.t || (x.c.attribute < y.c.attribute ? -1 : 1));
      const out = failing[0].c;
      kept.splice(kept.indexOf(out), 1);
      left.push(out);
    }

    const explains = new Map<string, string[]>(kept.map((k) => [k.attribute, []]));
    for (const l of left) (explains.get(this.closest(l, kept).attribute) as string[]).push(l.attribute);
    return [
      ...kept.map((k) => {
        const others = kept.filter((o) => o !== k);
        return {
          attribute: k.attribute,
          kept: true,
          controlled: others.length > 0 ? this.conditional(k, others) : null,
          controlledFor: others.map((o) => o.attribute).sort(),
          explains: (explains.get(k.attribute) as string[]).sort(),
        };
      }),
      ...left.map((l) => ({ attribute: l.attribute, kept: false, controlled: null, controlledFor: [], explains: [] })),
    ];
  }

  /** The kept characteristic whose group dummy moves most with `test`'s within strata. */
  private closest(test: GroupTest, kept: readonly GroupTest[]): GroupTest {
    let best = kept[0];
    let bestCorr = -1;
    const a: Dummy = { name: 'a', columns: test.columns };
    for (const k of kept) {
      const b: Dummy = { name: 'b', columns: k.columns };
      const corr = Math.abs(this.moments.product(a, b)) / Math.sqrt(this.moments.product(a, a) * this.moments.product(b, b));
      if (corr > bestCorr) {
        bestCorr = corr;
        best = k;
      }
    }
    return best;
  }
}
