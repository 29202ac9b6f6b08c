import type { Finding } from '@fairmarket/contract';
import type { FakePromotionKind, FakePromotionRules, RulePack } from '@fairmarket/rules';
import { findingId } from '../finding-id';
import type { FakePromotionCandidate } from './fake-promotion.types';
import { fakePromotionSummaries } from './fake-promotion.summaries';

export function fakePromotionFinding(c: FakePromotionCandidate, pack: RulePack): Finding {
  const rules = pack.fake_promotion;
  const { kind: _kind, ...metrics } = c.metrics;
  const { en, zh } = fakePromotionSummaries(c, rules);
  return {
    id: findingId('fake_promotion', pack.name, c.platform_id, [c.merchant_id, c.sku_id, c.kind]),
    detector: 'fake_promotion',
    kind: c.kind,
    severity: c.severity,
    platform_id: c.platform_id,
    subject: { merchant_id: c.merchant_id, sku_id: c.sku_id },
    period: c.period,
    summary: en,
    summary_zh: zh,
    metrics: { ...metrics, currency: c.currency },
    evidence: c.evidence,
    evidence_total: c.evidence_total,
    legal_basis: rules.legal_basis[c.kind],
    method: METHOD[c.kind](rules),
    thresholds: thresholds(c.kind, rules),
  };
}

function thresholds(kind: FakePromotionKind, r: FakePromotionRules): Record<string, unknown> {
  switch (kind) {
    case 'fictitious_reference_price':
      return {
        prior_price_basis: r.prior_price_basis,
        prior_price_lookback_days: r.prior_price_lookback_days,
        fallback_last_order_price: r.fallback_last_order_price,
        reference_high_excess: r.reference_high_excess,
      };
    case 'raise_then_discount':
      return { raise_min: r.raise_min, raise_lookback_days: r.raise_lookback_days };
    case 'fake_countdown':
      return { countdown_min_resets: r.countdown_min_resets, countdown_overrun_days: r.countdown_overrun_days };
    case 'fake_scarcity':
      return { scarcity_min_occasions: r.scarcity_min_occasions };
    case 'inflated_sales':
      return { inflated_sales_ratio: r.inflated_sales_ratio, inflated_sales_slack: r.inflated_sales_slack, sales_window_days: r.sales_window_days };
  }
}

const METHOD: Record<FakePromotionKind, (r: FakePromotionRules) => string> = {
  fictitious_reference_price: (r) =>
    (r.prior_price_basis === 'lowest_order_price'
      ? `prior_price reference vs the lowest order unit_price of the ${r.prior_price_lookback_days} platform days before the promotion start` +
        (r.fallback_last_order_price ? ', else the last order price before it' : '')
      : `prior_price reference vs the lowest displayed_price of the ${r.prior_price_lookback_days} platform days before the promotion start`) +
    ` (whole platform days: the ${r.prior_price_lookback_days} calendar days in the platform time zone before the start's day, the start day itself excluded)` +
    `; start = promo_starts_at or first snapshot of the promo_id; snapshots with a promo_type but neither promo_id nor promo_starts_at form one promotion per promo_type and run of consecutive platform days; rrp and competitor references exempt; unverifiable (info) when the platform's logs do not cover the look-back or there is nothing to compare; high when >= ${r.reference_high_excess * 100}% above`,
  raise_then_discount: (r) =>
    `regular (non-promotion) displayed price rose >= ${r.raise_min * 100}% within the ${r.raise_lookback_days} whole platform days before the promotion start's day, and the lowest promotion price is not below the regular price before the rise`,
  fake_countdown: (r) =>
    `countdown_ends_at moved later >= ${r.countdown_min_resets} times for one promo_id at the same or a lower price, or every snapshot on each consecutive platform day after the last claimed end's day still at or below the promotion price until >= ${r.countdown_overrun_days} days after that end (snapshots of another promotion with its own countdown not yet ended do not count)`,
  fake_scarcity: (r) =>
    `>= ${r.scarcity_min_occasions} occasions where units ordered between consecutive stock-claiming snapshots exceed the first's claimed_stock_left while the second still claims stock left`,
  inflated_sales: (r) =>
    `claimed_sales_30d > ${r.inflated_sales_ratio} x units ordered in the ${r.sales_window_days} whole platform days before the snapshot's day (that day excluded) + ${r.inflated_sales_slack}, only where the platform's orders cover that window`,
};
