import type { EvidenceItem } from '@fairmarket/contract';
import { candidate, pushEvidence, type CheckContext } from './check-context';
import type { FakePromotionCandidate, InflatedSalesVerdict } from './fake-promotion.types';
import type { SkuPromotionLedger } from './sku-promotion-ledger';

/**
 * "N sold in the last 30 days" against the units actually ordered on the window's platform
 * days before the snapshot's day (judged in SalesClaimTally). Only snapshots whose whole window
 * the platform's orders file covers are judged: a window reaching before the logs start would
 * undercount real sales.
 */
export function inflatedSalesCheck(ledger: SkuPromotionLedger, ctx: CheckContext): FakePromotionCandidate | null {
  const tally = ledger.sales;
  const worst = tally?.worst;
  if (!tally || !worst) return null;
  const { rules, calendar } = ctx;
  const windowFrom = calendar.dateOf(worst.day - rules.sales_window_days);
  const windowTo = calendar.dateOf(worst.day - 1);
  const verdict: InflatedSalesVerdict = {
    snapshot_id: worst.id,
    snapshot_ts: calendar.instant(worst.ts),
    claimed_sales_30d: worst.claim,
    units_ordered: worst.units,
    limit: worst.limit,
    window_from: windowFrom,
    window_to: windowTo,
  };
  const evidence: EvidenceItem[] = [];
  const window = `${windowFrom}..${windowTo}`;
  pushEvidence(evidence, { file: 'listings', id: worst.id, note: `claims ${worst.claim} sold in 30 days; ${worst.units} units ordered ${window}` });
  for (const id of tally.windowOrderIds) pushEvidence(evidence, { file: 'orders', id, note: `one of the ${tally.windowOrders} orders (${worst.units} units) of ${window}` });
  for (const id of tally.overSampleIds) pushEvidence(evidence, { file: 'listings', id, note: `sales claim above ${rules.inflated_sales_ratio} x units ordered in the 30 days before + ${rules.inflated_sales_slack}` });
  return candidate(
    ledger,
    'inflated_sales',
    'medium',
    { from: calendar.startOf(tally.firstOverWindowDay as number), to: calendar.instant(tally.lastOverTs as number) },
    { kind: 'inflated_sales', snapshots_over: tally.over, snapshots_checked: tally.checked, worst: verdict },
    evidence,
    tally.over + tally.windowOrders,
  );
}
