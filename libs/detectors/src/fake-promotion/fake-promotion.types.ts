import type { EvidenceItem, Severity } from '@fairmarket/contract';
import type { FakePromotionKind } from '@fairmarket/rules';

/** How the lawful reference price was found. */
export type LawfulPriceBasis = 'lowest_order_price' | 'last_order_price' | 'lowest_displayed_price';

export type UnverifiableReason = 'lookback_not_covered' | 'never_sold' | 'never_displayed';

/** The verdict on one promotion's prior-price reference. */
export interface ReferenceVerdict {
  promo_id: string;
  promotion_start: string;
  lookback_from: string;
  lookback_to: string;
  reference_price: number;
  lawful_price: number | null;
  lawful_basis: LawfulPriceBasis | null;
  /** reference / lawful - 1; null when unverifiable or the lawful price is 0. */
  excess: number | null;
  unverifiable: UnverifiableReason | null;
}

export interface RaiseVerdict {
  promo_id: string;
  promotion_start: string;
  promotion_price: number;
  regular_before: number;
  regular_after: number;
  rise: number;
  rise_date: string;
}

export interface CountdownVerdict {
  promo_id: string;
  /** Times the claimed end moved later at the same or a lower price. */
  resets: number;
  first_claimed_end: string;
  last_claimed_end: string;
  /** The last snapshot still at the promotion price, consecutively after the claimed end. */
  continued_until: string | null;
  overrun_days: number;
}

export interface ScarcityOccasion {
  from_snapshot: string;
  to_snapshot: string;
  claimed_stock_left: number;
  units_ordered: number;
  next_claimed_stock_left: number;
}

export interface InflatedSalesVerdict {
  snapshot_id: string;
  snapshot_ts: string;
  claimed_sales_30d: number;
  units_ordered: number;
  limit: number;
  window_from: string;
  window_to: string;
}

export type FakePromotionMetrics =
  | { kind: 'fictitious_reference_price'; promotions: ReferenceVerdict[]; violating: number; unverifiable: number; worst: ReferenceVerdict }
  | { kind: 'raise_then_discount'; promotions: RaiseVerdict[]; worst: RaiseVerdict }
  | { kind: 'fake_countdown'; promotions: CountdownVerdict[]; worst: CountdownVerdict }
  | { kind: 'fake_scarcity'; occasions: number; examples: ScarcityOccasion[] }
  | { kind: 'inflated_sales'; snapshots_over: number; snapshots_checked: number; worst: InflatedSalesVerdict };

/**
 * One (platform, merchant, sku, kind) verdict, decided by `analyze` within its platform:
 * every test of fake_promotion reads one sku's own listings and orders, so only these small
 * candidates travel between jobs.
 */
export interface FakePromotionCandidate {
  platform_id: string;
  merchant_id: string;
  sku_id: string;
  kind: FakePromotionKind;
  severity: Severity;
  period: { from: string; to: string };
  currency: string | null;
  metrics: FakePromotionMetrics;
  evidence: EvidenceItem[];
  evidence_total: number;
}

export interface FakePromotionPartial {
  candidates: FakePromotionCandidate[];
}
