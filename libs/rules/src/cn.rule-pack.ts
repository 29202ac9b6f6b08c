import { CITATIONS } from './citations';
import {
  BELOW_COST_THRESHOLDS,
  EXCLUSIVITY_CONDUCT_THRESHOLDS,
  FAKE_PROMOTION_THRESHOLDS,
  PERSONALIZATION_OPT_OUT_THRESHOLDS,
  PRICE_DISCRIMINATION_THRESHOLDS,
  SELF_PREFERENCING_THRESHOLDS,
} from './common-thresholds';
import type { RulePack } from './rule-pack';

export const CN_RULE_PACK: RulePack = {
  name: 'cn',
  platform_tz: '+08:00',
  price_discrimination: {
    ...PRICE_DISCRIMINATION_THRESHOLDS,
    legal_basis: ['CN-PIPL-24', 'CN-ALGO-21', 'CN-PLATFORM-PRICE'],
    info_legal_basis: ['CN-ALGO-21'],
  },
  below_cost_pricing: {
    ...BELOW_COST_THRESHOLDS,
    legal_basis: ['CN-AML-22', 'CN-PRICE-14'],
    platform_legal_basis: ['CN-AUCL', 'CN-PLATFORM-PRICE'],
  },
  fake_promotion: {
    ...FAKE_PROMOTION_THRESHOLDS,
    prior_price_basis: 'lowest_order_price',
    prior_price_lookback_days: 7,
    fallback_last_order_price: true,
    legal_basis: {
      fictitious_reference_price: ['CN-PRICEFRAUD-16', 'CN-PROMO-21', 'CN-PRICE-14'],
      raise_then_discount: ['CN-PRICEFRAUD-17', 'CN-PRICE-14'],
      fake_countdown: ['CN-PRICEFRAUD-19', 'CN-PRICEFRAUD-20'],
      fake_scarcity: ['CN-PRICEFRAUD-19', 'CN-ECL-17'],
      inflated_sales: ['CN-ECL-17', 'CN-AUCL'],
    },
  },
  exclusivity_clause: {
    legal_basis: {
      exclusive_dealing: ['CN-ECL-35', 'CN-AML-22', 'CN-PLATFORM-GUIDE'],
      rival_penalty: ['CN-ECL-35', 'CN-AML-22', 'CN-PLATFORM-GUIDE'],
      parity: ['CN-PLATFORM-PRICE', 'CN-ECL-35'],
    },
  },
  exclusivity_conduct: {
    ...EXCLUSIVITY_CONDUCT_THRESHOLDS,
    legal_basis: ['CN-ECL-35', 'CN-AML-22', 'CN-PLATFORM-GUIDE'],
  },
  personalization_opt_out: {
    ...PERSONALIZATION_OPT_OUT_THRESHOLDS,
    legal_basis: ['CN-ALGO-17', 'CN-ECL-18', 'CN-PIPL-24'],
  },
  self_preferencing: {
    ...SELF_PREFERENCING_THRESHOLDS,
    legal_basis: ['CN-AML-22', 'CN-PLATFORM-GUIDE'],
    info_legal_basis: ['CN-ALGO-16'],
  },
  filing_inconsistency: { legal_basis: ['CN-ALGO-24', 'CN-ALGO-16'] },
  citations: CITATIONS,
};
