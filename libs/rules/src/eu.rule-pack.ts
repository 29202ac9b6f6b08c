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

export const EU_RULE_PACK: RulePack = {
  name: 'eu',
  platform_tz: 'Z',
  price_discrimination: {
    ...PRICE_DISCRIMINATION_THRESHOLDS,
    legal_basis: ['EU-UCPD'],
    info_legal_basis: ['EU-UCPD'],
  },
  below_cost_pricing: {
    ...BELOW_COST_THRESHOLDS,
    legal_basis: ['EU-TFEU-102'],
    platform_legal_basis: ['EU-TFEU-102'],
  },
  fake_promotion: {
    ...FAKE_PROMOTION_THRESHOLDS,
    prior_price_basis: 'lowest_displayed_price',
    prior_price_lookback_days: 30,
    fallback_last_order_price: false,
    legal_basis: {
      fictitious_reference_price: ['EU-PID-6A'],
      raise_then_discount: ['EU-PID-6A', 'EU-UCPD'],
      fake_countdown: ['EU-UCPD'],
      fake_scarcity: ['EU-UCPD'],
      inflated_sales: ['EU-UCPD'],
    },
  },
  exclusivity_clause: {
    legal_basis: {
      exclusive_dealing: ['EU-TFEU-102'],
      rival_penalty: ['EU-TFEU-102'],
      parity: ['EU-DMA-5-3'],
    },
  },
  exclusivity_conduct: { ...EXCLUSIVITY_CONDUCT_THRESHOLDS, legal_basis: ['EU-TFEU-102'] },
  personalization_opt_out: { ...PERSONALIZATION_OPT_OUT_THRESHOLDS, legal_basis: ['EU-DSA-38'] },
  self_preferencing: {
    ...SELF_PREFERENCING_THRESHOLDS,
    legal_basis: ['EU-DMA-6-5'],
    info_legal_basis: ['EU-DSA-27'],
  },
  filing_inconsistency: { legal_basis: ['EU-DSA-27'] },
  citations: CITATIONS,
};
