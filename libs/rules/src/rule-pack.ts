/**
 * A rule pack: the thresholds, windows and legal citations one jurisdiction applies.
 * Detectors read every number from here, never from literals in their code, and copy the
 * ones they used into each finding (`thresholds`), so a reader can see which test fired.
 */

export type RulePackName = 'cn' | 'eu';

export interface LegalCitation {
  code: string;
  title_zh: string;
  title_en: string;
  article: string;
  text_zh: string;
  text_en: string;
}

export type CharacteristicFamily = 'loyalty' | 'membership' | 'device' | 'demographic';

export interface PriceDiscriminationRules {
  window_minutes: number;
  min_effect: number;
  high_effect: number;
  q_max: number;
  min_group_quotes: number;
  families: Record<CharacteristicFamily, string[]>;
  /** Characteristics only reported as `info`. */
  info_attributes: string[];
  /** Coupon scopes that, when disclosed, are published offers and are taken out of the comparison. */
  justified_coupon_scopes: string[];
  /** Significance for the check that an experiment's arms are independent of characteristics. */
  experiment_independence_p: number;
  legal_basis: string[];
  info_legal_basis: string[];
}

export interface BelowCostRules {
  min_run_days: number;
  min_below_share: number;
  expiry_within_days: number;
  season_end_within_days: number;
  launch_within_days: number;
  dominance_share: number;
  recoupment_avc_multiplier: number;
  legal_basis: string[];
  platform_legal_basis: string[];
}

export type FakePromotionKind =
  | 'fictitious_reference_price'
  | 'raise_then_discount'
  | 'fake_countdown'
  | 'fake_scarcity'
  | 'inflated_sales';

export interface FakePromotionRules {
  /** cn: lowest order (transaction) price in the look-back; eu: lowest displayed price. */
  prior_price_basis: 'lowest_order_price' | 'lowest_displayed_price';
  prior_price_lookback_days: number;
  /** cn only: with no order in the look-back, the last order price before the start. */
  fallback_last_order_price: boolean;
  reference_high_excess: number;
  raise_min: number;
  raise_lookback_days: number;
  countdown_min_resets: number;
  countdown_overrun_days: number;
  scarcity_min_occasions: number;
  inflated_sales_ratio: number;
  inflated_sales_slack: number;
  sales_window_days: number;
  legal_basis: Record<FakePromotionKind, string[]>;
}

export type ClauseCategory = 'exclusive_dealing' | 'rival_penalty' | 'parity';

export interface ExclusivityClauseRules {
  legal_basis: Record<ClauseCategory, string[]>;
}

export interface ExclusivityConductRules {
  sanction_window_days: number;
  share_window_days: number;
  share_drop_min: number;
  min_sanctioned: number;
  fisher_p_max: number;
  legal_basis: string[];
}

export interface PersonalizationOptOutRules {
  top_k: number;
  min_jaccard_gap: number;
  p_max: number;
  min_requests: number;
  permutations: number;
  legal_basis: string[];
}

export interface SelfPreferencingRules {
  surfaces: string[];
  rating_tolerance: number;
  price_tolerance: number;
  min_rank_gap: number;
  p_max: number;
  min_requests: number;
  legal_basis: string[];
  info_legal_basis: string[];
}

export interface FilingRules {
  legal_basis: string[];
}

export interface RulePack {
  name: RulePackName;
  /** Offset in which `YYYY-MM-DD` dates and "days" are read, e.g. `+08:00` or `Z`. */
  platform_tz: string;
  price_discrimination: PriceDiscriminationRules;
  below_cost_pricing: BelowCostRules;
  fake_promotion: FakePromotionRules;
  exclusivity_clause: ExclusivityClauseRules;
  exclusivity_conduct: ExclusivityConductRules;
  personalization_opt_out: PersonalizationOptOutRules;
  self_preferencing: SelfPreferencingRules;
  filing_inconsistency: FilingRules;
  citations: Record<string, LegalCitation>;
}
