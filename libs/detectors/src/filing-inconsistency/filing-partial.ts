import type { AlgorithmDeclaration } from '@fairmarket/contract';
import type { AlgorithmSampleJSON } from '../personalization-opt-out/request-sampler';

/** What a declaration says, as the checks need it. */
export type Declaration = Pick<
  AlgorithmDeclaration,
  'platform_id' | 'algorithm_id' | 'name' | 'type' | 'surfaces' | 'declared_features' | 'personal_pricing' | 'opt_out_available'
>;

export interface FilingPartial {
  declarations: Declaration[];
  /** Per declared (platform, algorithm): a bounded sample of its personalized requests. */
  personalized: AlgorithmSampleJSON[];
}

/** The three ways a declaration can contradict the logs; the finding's `kind`. */
export type FilingInconsistencyKind = 'personal_pricing' | 'opt_out' | 'undeclared_feature';
