import type { Instant } from '../personalization-opt-out/request-sampler';
import type { QueryCells } from './query-cells';

/** A request that ranked own items above comparable rivals, kept as evidence. */
export interface GapEvidence {
  request_id: string;
  gap: number;
  note: string;
}

/** Who got the impressions of one algorithm: for the exposure (`info`) figures. */
export interface ExposureJSON {
  requests: number;
  items: number;
  sponsored: number;
  own: number;
  by_size: Record<string, number>;
  by_merchant: Record<string, number>;
}

/** What one (platform, algorithm) showed, aggregated over its requests. */
export interface AlgorithmPreferenceJSON {
  platform_id: string;
  algorithm_id: string;
  first: Instant;
  last: Instant;
  /** Requests on the audited surfaces (search, category). */
  requests_in_scope: number;
  /** Per-request mean rank gaps, summed by (surface, query), for the query-clustered t-test. */
  cells: QueryCells;
  pairs: number;
  own_above_pairs: number;
  /** Widest-gap requests first (ties by request id), at most 50. */
  evidence: GapEvidence[];
  /** Requests in which own items sat above comparable rivals on average. */
  evidence_total: number;
  exposure: ExposureJSON;
}

export interface SelfPreferencingPartial {
  algorithms: AlgorithmPreferenceJSON[];
  /** Every merchant of each platform, so merchants never shown count in the Gini. */
  merchants: Record<string, string[]>;
}

export const MAX_EVIDENCE = 50;
