import { RIVAL_ACTIVITY_TYPES, SANCTION_TYPES, type Impression, type Merchant, type MerchantEvent } from '@fairmarket/contract';
import { compareIds } from '../personalization-opt-out/request-sampler';
import { HOUR_MS, KEY_SEPARATOR, type ConductEvent, type PlatformConduct } from './conduct-partial';

/** Rival activity that makes a merchant rival-active (closing a rival store does not). */
export const RIVAL_ACTIVATING_TYPES: readonly string[] = ['joined_rival_campaign', 'opened_rival_store'];
const KEPT_EVENT_TYPES = new Set<string>([...RIVAL_ACTIVITY_TYPES, ...SANCTION_TYPES, 'quality_violation']);

/**
 * Streams merchants, skus, merchant events and impressions into per-platform aggregates:
 * the merchants, their relevant events, and hourly impression counts per (category, merchant).
 */
export class ConductCollector {
  private readonly platforms = new Map<string, PlatformConduct>();
  /** sku → category, by `${platform}\u0001${sku_id}`, to place impressions in their market. */
  private readonly categories = new Map<string, string>();
  /**
   * platform → sku → merchant → the hourly counts of that (category, merchant), or null for a
   * sku of no known category: impressions carry ten items each, and finding their counts this
   * way needs no key strings built per item. Rebuilt if a sku arrives late.
   */
  private readonly slots = new Map<string, Map<string, Map<string, Map<number, number> | null>>>();
  /**
   * The counts of each (category, merchant) by hour number, written into its record of the
   * partial by toJSON: an object keyed by hour strings (integer-like, so kept as sparse
   * elements) costs a string-to-index conversion and a dictionary look-up per item.
   */
  private readonly hourly = new Map<Record<string, number>, Map<number, number>>();

  addMerchant(merchant: Merchant): void {
    this.platform(merchant.platform_id).merchants[merchant.merchant_id] = { kind: merchant.kind };
  }

  addSku(sku: { platform_id: string; sku_id: string; merchant_id: string; category: string }): void {
    this.categories.set(sku.platform_id + KEY_SEPARATOR + sku.sku_id, sku.category);
    // A sku arriving after impressions (never in a run, which reads skus first) stays correct.
    this.slots.clear();
    this.knowMerchant(sku.platform_id, sku.merchant_id);
  }

  addEvent(event: MerchantEvent): void {
    this.knowMerchant(event.platform_id, event.merchant_id);
    if (!KEPT_EVENT_TYPES.has(event.type)) return;
    const events = this.platform(event.platform_id).events;
    (events[event.merchant_id] ??= []).push({ event_id: event.event_id, type: event.type, ts: event.ts, tsMs: event.tsMs });
  }

  addImpression(impression: Impression): void {
    const hour = Math.floor(impression.tsMs / HOUR_MS);
    const platformId = impression.platform_id;
    const counts = this.platform(platformId).impressions;
    let bySku = this.slots.get(platformId);
    if (!bySku) this.slots.set(platformId, (bySku = new Map()));
    for (const item of impression.items) {
      let byMerchant = bySku.get(item.sku_id);
      if (!byMerchant) bySku.set(item.sku_id, (byMerchant = new Map()));
      let byHour = byMerchant.get(item.merchant_id);
      if (byHour === undefined) {
        const category = this.categories.get(platformId + KEY_SEPARATOR + item.sku_id);
        byHour = category === undefined ? null : this.hourCounts(counts, category + KEY_SEPARATOR + item.merchant_id);
        byMerchant.set(item.merchant_id, byHour);
      }
      if (byHour === null) continue;
      byHour.set(hour, (byHour.get(hour) ?? 0) + 1);
    }
  }

  toJSON(): PlatformConduct[] {
    // Hours in the order first seen, as direct writes would have made the record's keys.
    for (const [record, byHour] of this.hourly) for (const [hour, n] of byHour) record[String(hour)] = n;
    return [...this.platforms.values()].sort((a, b) => compareIds(a.platform_id, b.platform_id));
  }

  /** The counts of a (category, merchant) key; its record enters the partial when first met, as before. */
  private hourCounts(counts: PlatformConduct['impressions'], key: string): Map<number, number> {
    const record = (counts[key] ??= {});
    let byHour = this.hourly.get(record);
    if (!byHour) this.hourly.set(record, (byHour = new Map()));
    return byHour;
  }

  private knowMerchant(platformId: string, merchantId: string): void {
    const merchants = this.platform(platformId).merchants;
    merchants[merchantId] ??= {};
  }

  private platform(platformId: string): PlatformConduct {
    let state = this.platforms.get(platformId);
    if (!state) {
      state = { platform_id: platformId, merchants: {}, events: {}, impressions: {} };
      this.platforms.set(platformId, state);
    }
    return state;
  }
}

/**
 * Adds up partials: platforms normally sit in one partial each; a split platform sums exactly.
 * A platform of one partial is returned as it is (judging it only reads it): only a split
 * platform is copied before its other parts are added in.
 */
export function mergePlatformConduct(lists: readonly PlatformConduct[][]): PlatformConduct[] {
  const merged = new Map<string, PlatformConduct>();
  const copied = new Set<string>();
  for (const list of lists) {
    for (const p of list) {
      let into = merged.get(p.platform_id);
      if (!into) {
        merged.set(p.platform_id, p);
        continue;
      }
      if (!copied.has(p.platform_id)) {
        merged.set(p.platform_id, (into = structuredClone(into)));
        copied.add(p.platform_id);
      }
      for (const [id, m] of Object.entries(p.merchants)) into.merchants[id] = { ...into.merchants[id], ...m };
      for (const [id, events] of Object.entries(p.events)) {
        const known = new Set((into.events[id] ?? []).map((e) => e.event_id));
        into.events[id] = [...(into.events[id] ?? []), ...events.filter((e) => !known.has(e.event_id))];
      }
      for (const [key, hours] of Object.entries(p.impressions)) {
        const target = (into.impressions[key] ??= {});
        for (const [hour, n] of Object.entries(hours)) target[hour] = (target[hour] ?? 0) + n;
      }
    }
  }
  return [...merged.values()].sort((a, b) => compareIds(a.platform_id, b.platform_id));
}

/** Events of a merchant in time order (ties by id), whatever order they arrived in. */
export function sortedEvents(events: readonly ConductEvent[] | undefined): ConductEvent[] {
  return [...(events ?? [])].sort((a, b) => a.tsMs - b.tsMs || compareIds(a.event_id, b.event_id));
}
