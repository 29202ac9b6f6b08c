import type { Listing } from '@fairmarket/contract';
import { offerSample } from '../below-cost-pricing/bounded-sample';
import { cheaper, dearer, earlier, later, type SnapshotPoint } from './snapshot-point';

const SAMPLES_PER_REFERENCE = 5;
/** A promotion shows a handful of reference prices; more than this is noise we do not keep. */
const MAX_REFERENCE_VALUES = 32;

export interface ReferenceShown {
  count: number;
  sampleIds: string[];
}

/** The snapshots of one claimed countdown end. */
export interface CountdownEnd {
  endMs: number;
  endIso: string;
  first: SnapshotPoint;
  last: SnapshotPoint;
}

/** One promotion (`promo_id`) of one sku, summarised while its snapshots stream past. */
export class PromotionRecord {
  /** Earliest `promo_starts_at` any snapshot claims. */
  claimedStartMs: number | null = null;
  first: SnapshotPoint | null = null;
  last: SnapshotPoint | null = null;
  lowest: SnapshotPoint | null = null;
  highest: SnapshotPoint | null = null;
  /** Prior-price references shown (rrp and competitor references are exempt), by price. */
  readonly references = new Map<number, ReferenceShown>();
  readonly ends = new Map<number, CountdownEnd>();

  constructor(readonly promoId: string) {}

  add(l: Listing): void {
    const point = { ts: l.tsMs, id: l.snapshot_id, price: l.displayed_price };
    this.first = earlier(this.first, point);
    this.last = later(this.last, point);
    this.lowest = cheaper(this.lowest, point);
    this.highest = dearer(this.highest, point);
    const startMs = l.promo_starts_at_ms ?? (l.promo_starts_at ? Date.parse(l.promo_starts_at) : NaN);
    if (Number.isFinite(startMs) && (this.claimedStartMs === null || startMs < this.claimedStartMs)) this.claimedStartMs = startMs;
    if (l.reference_price !== undefined && (l.reference_kind ?? 'prior_price') === 'prior_price') {
      this.addReference(l.reference_price, l.snapshot_id);
    }
    const endMs = l.countdown_ends_at_ms ?? (l.countdown_ends_at ? Date.parse(l.countdown_ends_at) : NaN);
    if (Number.isFinite(endMs) && l.countdown_ends_at) {
      const end = this.ends.get(endMs);
      if (!end) this.ends.set(endMs, { endMs, endIso: l.countdown_ends_at, first: point, last: point });
      else {
        end.first = earlier(end.first, point);
        end.last = later(end.last, point);
        if (l.countdown_ends_at < end.endIso) end.endIso = l.countdown_ends_at;
      }
    }
  }

  /**
   * Folds another record of the same promotion into this one (the day records of an id-less
   * promotion, see SkuPromotionLedger): the same summary as if one record had seen every snapshot.
   */
  merge(other: PromotionRecord): void {
    for (const p of [other.first, other.last, other.lowest, other.highest]) {
      if (!p) continue;
      this.first = earlier(this.first, p);
      this.last = later(this.last, p);
      this.lowest = cheaper(this.lowest, p);
      this.highest = dearer(this.highest, p);
    }
    if (other.claimedStartMs !== null && (this.claimedStartMs === null || other.claimedStartMs < this.claimedStartMs)) {
      this.claimedStartMs = other.claimedStartMs;
    }
    for (const [price, shown] of other.references) {
      for (const id of shown.sampleIds) this.addReference(price, id);
      // addReference counted the sampled ids; the rest of the other's count is added as is.
      const mine = this.references.get(price);
      if (mine) mine.count += shown.count - shown.sampleIds.length;
    }
    for (const [endMs, end] of other.ends) {
      const mine = this.ends.get(endMs);
      if (!mine) this.ends.set(endMs, { ...end });
      else {
        mine.first = earlier(mine.first, end.first);
        mine.last = later(mine.last, end.last);
        if (end.endIso < mine.endIso) mine.endIso = end.endIso;
      }
    }
  }

  /** The latest end the countdown claimed, or null without a countdown. */
  lastEnd(): CountdownEnd | null {
    let last: CountdownEnd | null = null;
    for (const end of this.ends.values()) if (!last || end.endMs > last.endMs) last = end;
    return last;
  }

  /** The promotion start: as claimed by the page, else its first snapshot. */
  get startMs(): number {
    return this.claimedStartMs ?? (this.first as SnapshotPoint).ts;
  }

  private addReference(price: number, snapshotId: string): void {
    let shown = this.references.get(price);
    if (!shown) {
      if (this.references.size >= MAX_REFERENCE_VALUES) {
        // Keep the highest references: they are the ones that can exceed the lawful price.
        const lowest = Math.min(...this.references.keys());
        if (price < lowest) return;
        this.references.delete(lowest);
      }
      this.references.set(price, (shown = { count: 0, sampleIds: [] }));
    }
    shown.count++;
    offerSample(shown.sampleIds, snapshotId, SAMPLES_PER_REFERENCE);
  }
}
