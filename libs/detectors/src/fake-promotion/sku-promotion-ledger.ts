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
  readonly stock = new StockClaims();
  sales: SalesClaimTally | null = null;
  windows: PromotionWindows[] = [];
  currency: string | null = null;

  constructor(
    readonly platformId: string,
    readonly merchantId: string,
    readonly skuId: string,
  ) {}

  addListing(l: Listing): void {
    const key = promotionKey(l);
    if (key !== null) {
      let promo = this.promotions.get(key);
      if (!promo) this.promotions.set(key, (promo = new PromotionRecord(key)));
      promo.add(l);
    }
    if (l.claimed_stock_left !== undefined) this.stock.add({ ts: l.tsMs, id: l.snapshot_id, claim: l.claimed_stock_left });
    if (l.claimed_sales_30d !== undefined && !this.sales) this.sales = new SalesClaimTally();
  }

  /** Between the first listings pass and the orders: fixes each promotion's windows. */
  prepare(rules: FakePromotionRules, calendar: PlatformCalendar): void {
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

  revisitListing(l: Listing, day: number, rules: FakePromotionRules, coverage: PlatformCoverage): void {
    const point = { ts: l.tsMs, id: l.snapshot_id, price: l.displayed_price };
    const regular = isRegular(l);
    for (const w of this.windows) w.addListing(day, point, regular);
    if (l.claimed_sales_30d !== undefined) this.sales?.judge(l.snapshot_id, l.tsMs, day, l.claimed_sales_30d, rules, coverage);
  }

  /** Promotions in start order (id as tie-break). */
  sortedPromotions(): PromotionRecord[] {
    return [...this.promotions.values()].sort((a, b) => a.startMs - b.startMs || (a.promoId < b.promoId ? -1 : 1));
  }
}
