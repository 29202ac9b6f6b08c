import type { Listing, Order } from '@fairmarket/contract';
import type { FakePromotionRules } from '@fairmarket/rules';
import type { PlatformCalendar } from '../below-cost-pricing/platform-calendar';
import type { PlatformCoverage } from './check-context';
import { PromotionRecord } from './promotion-record';
import { PromotionWindows } from './promotion-windows';
import { SalesClaimTally } from './sales-claim-tally';
import { StockClaims } from './stock-claims';

/** The promotion key of a snapshot: its promo_id, or its claimed start when it has no id. */
export function promotionKey(l: Listing): string | null {
  if (l.promo_type === 'none') return null;
  if (l.promo_id) return l.promo_id;
  return l.promo_starts_at ? `starts@${l.promo_starts_at}` : null;
}

/**
 * The promo_type of a snapshot that shows a promotion but names neither a promo_id nor a start.
 * Such snapshots are a promotion all the same: one promotion per (sku, promo_type) and run of
 * consecutive platform days showing it (see SkuPromotionLedger.prepare), started at its first
 * snapshot.
 */
export function anonymousPromotionType(l: Listing): string | null {
  if (l.promo_type === undefined || l.promo_type === 'none') return null;
  return promotionKey(l) === null ? l.promo_type : null;
}

/** A regular snapshot shows no promotion at all; the regular price series is made of these. */
export function isRegular(l: Listing): boolean {
  return promotionKey(l) === null && (l.promo_type === undefined || l.promo_type === 'none');
}

/**
 * Everything fake_promotion keeps about one (platform, merchant, sku), filled in three passes:
 *  1. listings: one summary per promotion, the stock claims, whether sales are claimed;
 *  2. orders: the look-back orders of each promotion, units between stock claims, units per
 *     day (only for skus that claim sales);
 *  3. listings again: each promotion's displayed and regular prices around it, and each
 *     sales claim judged on the spot.
 * Nothing is kept per dataset day except units sold, and that only for skus claiming sales.
 */
export class SkuPromotionLedger {
  readonly promotions = new Map<string, PromotionRecord>();
  /** Id-less promotions by promo_type and platform day, until prepare() joins consecutive days. */
  private readonly anonymousDays = new Map<string, Map<number, PromotionRecord>>();
  /** After prepare(): the key of the id-less promotion of each (promo_type, day). */
  private readonly anonymousKeys = new Map<string, Map<number, string>>();
  readonly stock = new StockClaims();
  sales: SalesClaimTally | null = null;
  windows: PromotionWindows[] = [];
  currency: string | null = null;

  constructor(
    readonly platformId: string,
    readonly merchantId: string,
    readonly skuId: string,
  ) {}

  addListing(l: Listing, day: number): void {
    const key = promotionKey(l);
    if (key !== null) {
      let promo = this.promotions.get(key);
      if (!promo) this.promotions.set(key, (promo = new PromotionRecord(key)));
      promo.add(l);
    }
    const type = anonymousPromotionType(l);
    if (type !== null) {
      let byDay = this.anonymousDays.get(type);
      if (!byDay) this.anonymousDays.set(type, (byDay = new Map()));
      let promo = byDay.get(day);
      if (!promo) byDay.set(day, (promo = new PromotionRecord('')));
      promo.add(l);
    }
    if (l.claimed_stock_left !== undefined) this.stock.add({ ts: l.tsMs, id: l.snapshot_id, claim: l.claimed_stock_left });
    if (l.claimed_sales_30d !== undefined && !this.sales) this.sales = new SalesClaimTally();
  }

  /** Between the first listings pass and the orders: fixes each promotion's windows. */
  prepare(rules: FakePromotionRules, calendar: PlatformCalendar): void {
    this.joinAnonymousDays(calendar);
    this.stock.seal();
    this.windows = this.sortedPromotions().map((p) => new PromotionWindows(p, rules, calendar));
  }

  addOrder(o: Order, day: number): void {
    const point = { ts: o.tsMs, id: o.order_id, price: o.unit_price };
    for (const w of this.windows) w.addOrder(day, point);
    this.stock.addOrder(o.tsMs, o.quantity, o.order_id);
    this.sales?.addOrder(day, o.quantity);
    if (this.currency === null || o.currency < this.currency) this.currency = o.currency;
  }

  /** The promotion a snapshot belongs to (after prepare), or null for a regular snapshot. */
  promotionOf(l: Listing, day: number): string | null {
    const type = anonymousPromotionType(l);
    return type === null ? promotionKey(l) : (this.anonymousKeys.get(type)?.get(day) ?? null);
  }

  revisitListing(l: Listing, day: number, rules: FakePromotionRules, coverage: PlatformCoverage): void {
    const point = { ts: l.tsMs, id: l.snapshot_id, price: l.displayed_price };
    const regular = isRegular(l);
    const endMs = l.countdown_ends_at_ms ?? (l.countdown_ends_at ? Date.parse(l.countdown_ends_at) : NaN);
    const shown = { promotion: this.promotionOf(l, day), liveCountdown: Number.isFinite(endMs) && endMs >= l.tsMs };
    for (const w of this.windows) w.addListing(day, point, regular, shown);
    if (l.claimed_sales_30d !== undefined) this.sales?.judge(l.snapshot_id, l.tsMs, day, l.claimed_sales_30d, rules, coverage);
  }

  /** One promotion per run of consecutive days of each id-less promo_type, keyed `type@first date`. */
  private joinAnonymousDays(calendar: PlatformCalendar): void {
    for (const [type, byDay] of [...this.anonymousDays].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const keys = new Map<number, string>();
      let run: PromotionRecord | null = null;
      let previous = Number.NEGATIVE_INFINITY;
      for (const day of [...byDay.keys()].sort((a, b) => a - b)) {
        if (run === null || day !== previous + 1) {
          const key = `${type}@${calendar.dateOf(day)}`;
          run = this.promotions.get(key) ?? new PromotionRecord(key);
          this.promotions.set(key, run);
        }
        run.merge(byDay.get(day) as PromotionRecord);
        keys.set(day, run.promoId);
        previous = day;
      }
      this.anonymousKeys.set(type, keys);
    }
    this.anonymousDays.clear();
  }

  /** Promotions in start order (id as tie-break). */
  sortedPromotions(): PromotionRecord[] {
    return [...this.promotions.values()].sort((a, b) => a.startMs - b.startMs || (a.promoId < b.promoId ? -1 : 1));
  }
}
