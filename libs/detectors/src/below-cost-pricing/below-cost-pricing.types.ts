import type { EvidenceItem } from '@fairmarket/contract';

/** Who sells below cost: the merchant, or the platform when only its subsidy keeps the merchant whole. */
export type BelowCostActor = 'merchant' | 'platform';

/**
 * What a run falls below:
 *  - `variable_cost`: the merchant's net revenue is below AVC (the predatory-pricing test);
 *  - `total_cost`: net revenue is below ATC (AVC where no ATC is declared) on enough days of a
 *    window that no variable-cost run overlaps; some of its days may still fall below AVC, just
 *    not enough for a variable-cost run (worth a look, never an alert);
 *  - `subsidised_price`: the buyer pays less than AVC but the platform's subsidy lifts the
 *    merchant's revenue to AVC or more (the platform's below-cost price).
 */
export type BelowCostBasis = 'variable_cost' | 'total_cost' | 'subsidised_price';

export interface RecoupmentSummary {
  /** First day after the run whose buyer price exceeds the recoupment threshold. */
  first_day: string;
  days_above: number;
  days_after_run: number;
  max_price: number;
  /** ATC of that day, or the AVC multiplier × AVC when no ATC is declared. */
  threshold: number;
}

/**
 * One run of one sku, fully decided within its platform by `analyze` (no legal test here
 * crosses platforms), so partials are small: only these candidates travel between jobs.
 */
export interface BelowCostCandidate {
  platform_id: string;
  merchant_id: string;
  sku_id: string;
  category: string | null;
  actor: BelowCostActor;
  basis: BelowCostBasis;
  /** First and last below-cost trading day of the run (platform-zone dates). */
  from_date: string;
  to_date: string;
  days_tested: number;
  days_below: number;
  /** Of days_below, those whose net revenue is also below AVC (a total-cost run may hold some). */
  days_below_variable: number;
  days_exempt: number;
  /** Merchant's share of units sold in the category on the platform over the run; null without a category. */
  market_share: number | null;
  merchant_category_units: number;
  category_units: number;
  mean_net_revenue: number;
  mean_buyer_price: number;
  mean_variable_cost: number;
  mean_total_cost: number | null;
  /** Recoupment after the run; only looked for when the merchant is the actor. */
  recoupment: RecoupmentSummary | null;
  currency: string | null;
  evidence: EvidenceItem[];
  evidence_total: number;
}

export interface BelowCostPartial {
  candidates: BelowCostCandidate[];
}
