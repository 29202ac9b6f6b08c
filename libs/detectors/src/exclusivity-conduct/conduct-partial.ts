/** The JSON partial of exclusivity_conduct: per platform, what the verdict needs, aggregated. */

/** A merchant event that matters here: rival activity, a platform sanction or a quality violation. */
export interface ConductEvent {
  event_id: string;
  type: string;
  ts: string;
  tsMs: number;
}

export interface PlatformConduct {
  platform_id: string;
  /** Every merchant known on the platform, with its kind when merchants.ndjson gives it. */
  merchants: Record<string, { kind?: 'self_operated' | 'third_party' }>;
  /** Relevant events by merchant_id (order irrelevant; sorted when judged). */
  events: Record<string, ConductEvent[]>;
  /**
   * Item impressions by `${category}\u0001${merchant_id}` and clock hour (epoch ms / 3600000):
   * bounded by merchants x categories x hours, not by requests.
   */
  impressions: Record<string, Record<string, number>>;
}

export interface ConductPartial {
  platforms: PlatformConduct[];
}

export const KEY_SEPARATOR = '\u0001';
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
