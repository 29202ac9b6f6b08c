/**
 * The plug-in point for planted cases. The base generator builds an honest marketplace
 * (platforms, merchants of both kinds, skus in categories, users with correlated
 * characteristics, weeks of quotes, orders, listings, costs, impressions, merchant events,
 * documents and truthful algorithm declarations). Each detector adds a Scenario that plants
 * violations and look-alike legitimate cases *on entities it creates itself*, so scenarios
 * cannot disturb each other, and writes one Label per case.
 */
import type { DetectorName, FileKind } from '@fairmarket/contract';
import type { RulePackName } from '@fairmarket/rules';

/** What the detector must report for a planted case, under each rule pack. */
export type Expectation = 'alert' | 'info' | 'none';

export interface Label {
  /** Unique within the dataset, e.g. `pd-ios-markup-1`. */
  case_id: string;
  detector: DetectorName;
  /** The finding's `kind` (fake_promotion kinds) or null. */
  kind: string | null;
  platform_id: string;
  /** Subject fields a matching finding must have with these exact values (e.g. merchant_id, attribute). */
  match: Record<string, string | number | boolean>;
  expected: Record<RulePackName, Expectation>;
  /** Why this case exists: the rule, exception or threshold it plants. */
  note: string;
}

export interface GeneratedUser {
  user_id: string;
  /** The user object as it appears in price_quotes and impressions. */
  traits: Record<string, unknown>;
}

/** Deterministic random numbers: every draw comes from the seed. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  int(minInclusive: number, maxInclusive: number): number;
  normal(mean?: number, sd?: number): number;
  pick<T>(items: readonly T[]): T;
  bool(pTrue: number): boolean;
}

export interface ScenarioContext {
  seed: number;
  /** Volume multiplier of the run (1 = the demo size). Scenarios keep their cases detectable at any scale ≥ 0.1. */
  scale: number;
  rng: Rng;
  /** First day of the generated period (00:00 in the platform's tz) and its length. */
  startMs: number;
  days: number;
  /** Formats an instant as RFC 3339 with the +08:00 offset the generator uses throughout. */
  ts(ms: number): string;
  /** Formats an instant's calendar date (in +08:00) as YYYY-MM-DD. */
  date(ms: number): string;
  /** A fresh id with this prefix, unique in the dataset. */
  id(prefix: string): string;
  /** The platforms of the honest background market. */
  platformIds: readonly string[];
  /** Creates a platform of the scenario's own (for detectors whose finding is per platform). */
  newPlatform(prefix: string): string;
  /** The background users of a platform (their characteristics are correlated as in life). */
  users(platformId: string): readonly GeneratedUser[];
  /** Writes one raw record (platform_id included) to the dataset file of that kind. */
  emit(kind: FileKind, record: Record<string, unknown>): void;
  label(label: Label): void;
}

export interface Scenario {
  name: string;
  detectors: readonly DetectorName[];
  plant(ctx: ScenarioContext): void;
}
