/**
 * Everything the market remembers about one sku while it simulates the period day by day:
 * its everyday price for each day, the store coupons it runs, its promotion, and what it sold
 * (the listing pages and the promotion rules read their claims from this history).
 */
import type { IdRegistry } from '../id-registry';
import type { SeededRng } from '../rng';
import type { CatalogSku } from './catalog';
import { roundPrice } from './price-rounding';
import { isActive, planPromotion, type Promotion, type SkuHistory } from './promotion';

export interface StoreCoupon {
  coupon_id: string;
  amount: number;
}

/**
 * Everyday prices move within ±1.8% of the base (plus rounding): no two days differ by 5% or
 * more, so no everyday price rise can make a later promotion look like "raise then discount".
 */
const DAILY_MOVE = 0.018;
const REPRICE_PROBABILITY = 0.3;
const STORE_COUPON_PROBABILITY = 0.12;

export class SkuLedger {
  readonly regularPrice: Int32Array;
  readonly storeCoupon: (StoreCoupon | null)[];
  readonly history: SkuHistory;
  readonly unitsByDay: Int32Array;
  promo: Promotion | null;

  constructor(readonly sku: CatalogSku, rng: SeededRng, ids: IdRegistry, platformId: string, days: number) {
    this.regularPrice = new Int32Array(days);
    let move = rng.uniform(-DAILY_MOVE, DAILY_MOVE);
    for (let d = 0; d < days; d++) {
      if (d > 0 && rng.bool(REPRICE_PROBABILITY)) move = rng.uniform(-DAILY_MOVE, DAILY_MOVE);
      this.regularPrice[d] = Math.min(sku.listPrice, roundPrice(sku.basePrice * (1 + move)));
    }
    this.storeCoupon = [];
    for (let d = 0; d < days; d++) {
      this.storeCoupon.push(
        rng.bool(STORE_COUPON_PROBABILITY)
          ? { coupon_id: ids.next(`${platformId}-cpn`), amount: Math.max(100, Math.round((sku.listPrice * rng.uniform(0.02, 0.04)) / 100) * 100) }
          : null,
      );
    }
    this.history = { displayed: new Int32Array(days), minOrderPrice: new Float64Array(days).fill(Infinity) };
    this.unitsByDay = new Int32Array(days);
    this.promo = planPromotion(rng, days, () => ids.next(`${platformId}-promo`));
  }

  inPromotion(day: number): boolean {
    return isActive(this.promo, day);
  }

  /** The price everyone is offered on `day` before coupons. */
  priceOn(day: number): number {
    return isActive(this.promo, day) ? this.promo.price : this.regularPrice[day];
  }

  /** Promotions do not stack with coupons. */
  storeCouponOn(day: number): StoreCoupon | null {
    return isActive(this.promo, day) ? null : this.storeCoupon[day];
  }

  /** Units ordered on the `window` days before `day` (not counting `day`). */
  unitsBefore(day: number, window: number): number {
    let units = 0;
    for (let d = Math.max(0, day - window); d < day; d++) units += this.unitsByDay[d];
    return units;
  }

  recordOrder(day: number, unitPrice: number, quantity: number): void {
    this.unitsByDay[day] += quantity;
    if (unitPrice < this.history.minOrderPrice[day]) this.history.minOrderPrice[day] = unitPrice;
  }
}
