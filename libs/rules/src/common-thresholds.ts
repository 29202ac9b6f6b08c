/** Thresholds that detectors.md fixes identically for both rule packs. */
import type { CharacteristicFamily } from './rule-pack';

export const CHARACTERISTIC_FAMILIES: Record<CharacteristicFamily, string[]> = {
  loyalty: ['new_user', 'tenure_days', 'orders_90d', 'spend_90d'],
  membership: ['member_tier'],
  device: ['device_os'],
  demographic: ['gender', 'age_band'],
};

export const PRICE_DISCRIMINATION_THRESHOLDS = {
  window_minutes: 60,
  min_effect: 0.02,
  high_effect: 0.05,
  q_max: 0.01,
  min_group_quotes: 20,
  families: CHARACTERISTIC_FAMILIES,
  info_attributes: ['region', 'channel'],
  justified_coupon_scopes: ['public', 'new_user', 'member'],
  experiment_independence_p: 0.01,
};

export const BELOW_COST_THRESHOLDS = {
  min_run_days: 14,
  min_below_share: 0.8,
  expiry_within_days: 30,
  season_end_within_days: 14,
  launch_within_days: 30,
  dominance_share: 0.3,
  recoupment_avc_multiplier: 1.2,
};

export const FAKE_PROMOTION_THRESHOLDS = {
  reference_high_excess: 0.1,
  raise_min: 0.05,
  raise_lookback_days: 30,
  countdown_min_resets: 2,
  countdown_overrun_days: 3,
  scarcity_min_occasions: 3,
  inflated_sales_ratio: 1.5,
  inflated_sales_slack: 10,
  sales_window_days: 30,
};

export const EXCLUSIVITY_CONDUCT_THRESHOLDS = {
  sanction_window_days: 30,
  share_window_days: 14,
  share_drop_min: 0.3,
  min_sanctioned: 3,
  fisher_p_max: 0.01,
};

export const PERSONALIZATION_OPT_OUT_THRESHOLDS = {
  top_k: 10,
  min_jaccard_gap: 0.1,
  p_max: 0.01,
  min_requests: 200,
  permutations: 999,
};

export const SELF_PREFERENCING_THRESHOLDS = {
  surfaces: ['search', 'category'],
  rating_tolerance: 0.2,
  price_tolerance: 0.2,
  min_rank_gap: 2,
  p_max: 0.01,
  min_requests: 100,
};
