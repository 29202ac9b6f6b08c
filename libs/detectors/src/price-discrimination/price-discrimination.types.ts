/**
 * The partial result of `analyze`: small, JSON-serialisable, and additive over platforms.
 * Per platform it carries how many tests ran and the p-values that can matter for
 * Benjamini-Hochberg at q_max (a p-value above q_max can never be rejected, nor change the
 * q-value of one that is), plus the characteristics that survived attribution, with their
 * evidence already chosen.
 */
import type { CharacteristicFamily } from '@fairmarket/rules';
import type { ControlledEstimate } from './attribution';
import type { EvidencePair } from './pair-evidence';

export interface MarginalEstimate {
  coef: number;
  se: number;
  t: number;
  p: number;
  df: number;
  ci95: [number, number];
}

export interface ExperimentNote {
  experiment_id: string;
  arms: string[];
  /** The characteristic the arms follow and the chi-square test that shows it. */
  attribute: string;
  chi_square: number;
  df: number;
  p: number;
}

export interface PdCandidate {
  merchant_id: string;
  attribute: string;
  family: CharacteristicFamily | null;
  group: string;
  marginal: MarginalEstimate;
  controlled: ControlledEstimate | null;
  controlled_for: string[];
  explains: string[];
  /** Quotes on each side in strata holding both. */
  n_group: number;
  n_rest: number;
  /** Distinct users on each side in those strata (the group-size rule counts these). */
  n_users_group: number;
  n_users_rest: number;
  /** User clusters behind the marginal standard error (df = clusters - 1). */
  clusters: number;
  n_strata: number;
  sku_ids: string[];
  evidence: EvidencePair[];
  evidence_total: number;
  period: { from: string; to: string };
  /** Declared experiments of this merchant whose arms follow this characteristic. */
  experiments: ExperimentNote[];
}

export interface PdPlatformPartial {
  platform_id: string;
  /** Every test run on this platform (each level, each cut-off, of each characteristic and merchant). */
  tests: number;
  /** The p-values <= q_max among them, ascending. */
  small_p: number[];
  candidates: PdCandidate[];
}

export interface PdPartial {
  platforms: PdPlatformPartial[];
}
