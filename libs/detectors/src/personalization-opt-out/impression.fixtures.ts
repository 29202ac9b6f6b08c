/**
 * Builders of validated records for the hand-made datasets of this folder's tests and of
 * the other conduct and algorithm detectors' tests (not used by detector code).
 */
import type { Impression, ImpressionItem, UserTraits } from '@fairmarket/contract';
import { CN_RULE_PACK, type RulePack } from '@fairmarket/rules';

export const T0 = Date.parse('2026-03-01T00:00:00+08:00');
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** An instant as the platform writes it: RFC 3339 with the +08:00 offset. */
export function tsAt(ms: number): string {
  return new Date(ms + 8 * HOUR).toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

export interface ImpressionSpec {
  request_id: string;
  tsMs: number;
  /** sku ids in rank order, or full items. */
  items: readonly (string | ImpressionItem)[];
  user?: UserTraits;
  personalized?: boolean;
  surface?: string;
  query?: string;
  algorithm_id?: string;
  platform_id?: string;
}

export function impression(spec: ImpressionSpec): Impression {
  return {
    platform_id: spec.platform_id ?? 'p1',
    request_id: spec.request_id,
    ts: tsAt(spec.tsMs),
    tsMs: spec.tsMs,
    user_id: `u_${spec.request_id}`,
    user: spec.user,
    personalized: spec.personalized ?? false,
    surface: spec.surface ?? 'search',
    query: spec.query,
    algorithm_id: spec.algorithm_id ?? 'a-search',
    items: spec.items.map((item, i) =>
      typeof item === 'string' ? { rank: i + 1, sku_id: item, merchant_id: `m-${item}`, sponsored: false } : item,
    ),
  };
}

/** `n` sku ids `${prefix}0` … */
export function skuList(prefix: string, n = 10): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${i}`);
}

/** A deterministic shuffle for order-independence tests (no Math.random in tests). */
export function shuffled<T>(items: readonly T[], seed = 7): T[] {
  const out = [...items];
  let state = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The cn pack with some thresholds of one section replaced. */
export function withRules<K extends keyof RulePack>(section: K, patch: Partial<RulePack[K]>, base: RulePack = CN_RULE_PACK): RulePack {
  return { ...base, [section]: { ...(base[section] as object), ...patch } } as RulePack;
}
