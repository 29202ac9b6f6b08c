import type { EvidenceItem } from '@fairmarket/contract';
import type { BelowCostRules } from '@fairmarket/rules';
import type { BelowCostActor, BelowCostBasis, BelowCostCandidate, RecoupmentSummary } from './below-cost-pricing.types';
import { findBelowCostRuns, type BelowCostRun } from './below-cost-runs';
import { above, formatMoney } from './bounded-sample';
import type { CategoryUnits } from './category-units';
import type { CostSchedule, DailyCost } from './cost-schedule';
import { legitimateReason, type LegitimateReason, type SkuProfile } from './legitimate-reasons';
import type { DayEvidence, OrderDay, OrderDayLedger } from './order-day-ledger';
import type { PlatformCalendar } from './platform-calendar';

const MAX_EVIDENCE = 50;

/** One trading day of a sku with its cost and, if any, the reason it is exempt. */
interface AssessedDay {
  day: number;
  sales: OrderDay;
  netRevenue: number;
  buyerPrice: number;
  cost: DailyCost | null;
  reason: LegitimateReason | null;
}

export interface SkuUnderTest {
  platformId: string;
  merchantId: string;
  skuId: string;
  profile: SkuProfile | undefined;
  ledger: OrderDayLedger;
  costs: CostSchedule;
}

/** Which days count as "below" for each basis (tested days only). */
const BELOW: Record<BelowCostBasis, (d: AssessedDay & { cost: DailyCost }) => boolean> = {
  variable_cost: (d) => d.netRevenue < d.cost.avc,
  total_cost: (d) => d.netRevenue < (d.cost.atc ?? d.cost.avc),
  subsidised_price: (d) => d.buyerPrice < d.cost.avc && d.netRevenue >= d.cost.avc,
};

/**
 * Every below-cost run of one sku, as candidates: runs below variable cost (the merchant's
 * predatory-pricing test), runs below total cost that no variable-cost run already covers
 * (info), and runs where only the platform's subsidy lifts revenue to variable cost
 * (the platform's below-cost price, info).
 */
export function skuRunCandidates(
  sku: SkuUnderTest,
  rules: BelowCostRules,
  calendar: PlatformCalendar,
  categories: CategoryUnits,
): BelowCostCandidate[] {
  const assessed: AssessedDay[] = [...sku.ledger.days.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([day, sales]) => ({
      day,
      sales,
      netRevenue: sales.netRevenue / sales.units,
      buyerPrice: sales.paid / sales.units,
      cost: sku.costs.on(day),
      reason: legitimateReason(sku.profile, day, rules),
    }));
  const tested = assessed.filter((d): d is AssessedDay & { cost: DailyCost } => d.cost !== null && d.reason === null);
  const runsOf = (basis: BelowCostBasis) => {
    const below = BELOW[basis];
    return findBelowCostRuns(tested.map((d) => ({ day: d.day, below: below(d) })), rules.min_run_days, rules.min_below_share);
  };
  const variable = runsOf('variable_cost');
  const overlapsVariable = (run: BelowCostRun) =>
    variable.some((v) => tested[v.first].day <= tested[run.last].day && tested[run.first].day <= tested[v.last].day);
  const total = runsOf('total_cost').filter((r) => !overlapsVariable(r));
  const subsidised = runsOf('subsidised_price');

  const build = (basis: BelowCostBasis, actor: BelowCostActor, runs: BelowCostRun[]) =>
    runs.map((run, k) => {
      const nextStart = k + 1 < runs.length ? tested[runs[k + 1].first].day : Number.POSITIVE_INFINITY;
      return candidate(sku, basis, actor, run, tested, assessed, nextStart, rules, calendar, categories);
    });
  return [
    ...build('variable_cost', 'merchant', variable),
    ...build('total_cost', 'merchant', total),
    ...build('subsidised_price', 'platform', subsidised),
  ];
}

function candidate(
  sku: SkuUnderTest,
  basis: BelowCostBasis,
  actor: BelowCostActor,
  run: BelowCostRun,
  tested: (AssessedDay & { cost: DailyCost })[],
  assessed: AssessedDay[],
  nextRunStart: number,
  rules: BelowCostRules,
  calendar: PlatformCalendar,
  categories: CategoryUnits,
): BelowCostCandidate {
  const fromDay = tested[run.first].day;
  const toDay = tested[run.last].day;
  const window = tested.slice(run.first, run.last + 1);
  const belowDays = window.filter(BELOW[basis]);
  const units = belowDays.reduce((s, d) => s + d.sales.units, 0);
  const weighted = (f: (d: AssessedDay & { cost: DailyCost }) => number) =>
    belowDays.reduce((s, d) => s + f(d) * d.sales.units, 0) / units;
  const atcDays = belowDays.filter((d) => d.cost.atc !== null);
  const category = sku.profile?.category ?? null;
  const share = category ? categories.share(category, sku.merchantId, fromDay, toDay) : { merchant: 0, category: 0 };
  const { evidence, evidenceTotal } = runEvidence(basis, belowDays, calendar, sku.ledger.currency);
  return {
    platform_id: sku.platformId,
    merchant_id: sku.merchantId,
    sku_id: sku.skuId,
    category,
    actor,
    basis,
    from_date: calendar.dateOf(fromDay),
    to_date: calendar.dateOf(toDay),
    days_tested: window.length,
    days_below: belowDays.length,
    days_below_variable: belowDays.filter(BELOW.variable_cost).length,
    days_exempt: assessed.filter((d) => d.day >= fromDay && d.day <= toDay && d.reason !== null).length,
    market_share: share.category > 0 ? share.merchant / share.category : null,
    merchant_category_units: share.merchant,
    category_units: share.category,
    mean_net_revenue: Math.round(weighted((d) => d.netRevenue)),
    mean_buyer_price: Math.round(weighted((d) => d.buyerPrice)),
    mean_variable_cost: Math.round(weighted((d) => d.cost.avc)),
    mean_total_cost:
      atcDays.length === belowDays.length ? Math.round(weighted((d) => d.cost.atc as number)) : null,
    recoupment: actor === 'merchant' ? recoupment(assessed, toDay, nextRunStart, rules, calendar) : null,
    currency: sku.ledger.currency,
    evidence,
    evidence_total: evidenceTotal,
  };
}

/**
 * Recoupment: after the run (until the next run of the same kind), days on which buyers paid
 * more than ATC, or the rule pack's multiple of AVC where no ATC is declared.
 */
function recoupment(
  assessed: AssessedDay[],
  toDay: number,
  nextRunStart: number,
  rules: BelowCostRules,
  calendar: PlatformCalendar,
): RecoupmentSummary | null {
  const after = assessed.filter((d) => d.day > toDay && d.day < nextRunStart && d.cost !== null);
  let summary: RecoupmentSummary | null = null;
  for (const d of after) {
    const cost = d.cost as DailyCost;
    const threshold = cost.atc ?? Math.round(rules.recoupment_avc_multiplier * cost.avc);
    if (!above(d.buyerPrice, threshold)) continue;
    const price = Math.round(d.buyerPrice);
    if (!summary) {
      summary = { first_day: calendar.dateOf(d.day), days_above: 0, days_after_run: after.length, max_price: price, threshold };
    }
    summary.days_above++;
    summary.max_price = Math.max(summary.max_price, price);
  }
  return summary;
}

/** Where a run's evidence orders come from: orders below the cost that run compares with. */
const POOL: Record<BelowCostBasis, keyof DayEvidence> = {
  variable_cost: 'belowVariable',
  total_cost: 'belowTotal',
  subsidised_price: 'subsidised',
};

/** Declared costs cited at most: the rest of the 50 items go to orders, the facts of the run. */
const MAX_COST_EVIDENCE = 10;

function runEvidence(
  basis: BelowCostBasis,
  belowDays: (AssessedDay & { cost: DailyCost })[],
  calendar: PlatformCalendar,
  currency: string | null,
): { evidence: EvidenceItem[]; evidenceTotal: number } {
  const money = (v: number) => formatMoney(Math.round(v), currency ?? undefined);
  const costIds = [...new Set(belowDays.map((d) => d.cost.id))].sort();
  const evidence: EvidenceItem[] = costIds
    .slice(0, MAX_COST_EVIDENCE)
    .map((id) => ({ file: 'costs', id, note: 'declared unit cost used for the comparison' }));
  let total = costIds.length;
  const pools = belowDays.map((d) => d.sales.evidence[POOL[basis]]);
  const notes = belowDays.map((d, k) => {
    total += pools[k]?.orders ?? 0;
    const date = calendar.dateOf(d.day);
    if (basis === 'subsidised_price') {
      return `${date}: buyers paid ${money(d.buyerPrice)} < AVC ${money(d.cost.avc)}; with the platform subsidy the merchant received ${money(d.netRevenue)} (${d.sales.units} units)`;
    }
    if (basis === 'total_cost') {
      return `${date}: net revenue ${money(d.netRevenue)} < ATC ${money(d.cost.atc ?? d.cost.avc)} (AVC ${money(d.cost.avc)}, ${d.sales.units} units)`;
    }
    return `${date}: net revenue ${money(d.netRevenue)} < AVC ${money(d.cost.avc)} (${d.sales.units} units)`;
  });
  // One order per below-cost day first, then a second one, ...: a long run keeps every day in view.
  for (let round = 0; evidence.length < MAX_EVIDENCE; round++) {
    let added = false;
    belowDays.forEach((_, k) => {
      const id = pools[k]?.sample[round];
      if (id === undefined || evidence.length >= MAX_EVIDENCE) return;
      evidence.push({ file: 'orders', id, note: notes[k] });
      added = true;
    });
    if (!added) break;
  }
  return { evidence, evidenceTotal: total };
}
