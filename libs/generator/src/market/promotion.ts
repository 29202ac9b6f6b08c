/**
 * Honest promotions. The struck-through reference price is set from the sku's own history
 * when the promotion starts, so that it satisfies both rule packs at once:
 *  - cn: not above the lowest order price of the 7 days before the start (we look 8 days back,
 *    so calendar-day readings of the window are covered too);
 *  - eu: not above the lowest displayed price of the 30 days before the start (we look 31).
 * A sku that sold nothing in that week shows no reference price at all. The promotion price
 * is below every price of the look-back (so no "raise then discount" reading can apply) and
 * stays above average total cost. Countdowns end when they say; stock claims count down.
 */
import type { SeededRng } from '../rng';
import type { CatalogSku } from './catalog';
import { ceilPrice, roundPrice } from './price-rounding';

export type PromotionType = 'discount' | 'countdown' | 'flash_sale';

export interface Promotion {
  promo_id: string;
  type: PromotionType;
  startDay: number;
  /** Number of days the promotion price applies (startDay .. startDay + length - 1). */
  length: number;
  discount: number;
  /** Set when the promotion starts; null until then, or when the plan was dropped. */
  price: number | null;
  reference: number | null;
  referenceLabel: string;
  /** Flash sales only: the stock offered at the promotion price. */
  stock: number | null;
  sold: number;
}

/** Promotions start after day 31 so that the 30-day look-back lies inside the data. */
export const FIRST_PROMOTION_DAY = 32;
const COST_MARGIN = 1.02;
const MIN_DISCOUNT_BELOW_LOWS = 0.97;
const CN_LOOKBACK_DAYS = 8;
const EU_LOOKBACK_DAYS = 31;

export function planPromotion(rng: SeededRng, periodDays: number, nextPromoId: () => string): Promotion | null {
  if (!rng.bool(0.35) || periodDays - 2 <= FIRST_PROMOTION_DAY) return null;
  const startDay = rng.int(FIRST_PROMOTION_DAY, Math.min(periodDays - 2, FIRST_PROMOTION_DAY + 6));
  const type = (['discount', 'countdown', 'flash_sale'] as const)[rng.weighted([0.4, 0.35, 0.25])];
  return {
    promo_id: nextPromoId(),
    type,
    startDay,
    length: rng.int(2, Math.min(4, periodDays - startDay)),
    discount: rng.uniform(0.06, 0.15),
    price: null,
    reference: null,
    referenceLabel: rng.pick(['原价', '划线价']),
    stock: null,
    sold: 0,
  };
}

export interface SkuHistory {
  /** The displayed price of each past day. */
  displayed: Int32Array;
  /** The lowest order unit price of each past day (Infinity when nothing sold). */
  minOrderPrice: Float64Array;
}

/**
 * Fixes the promotion's price and reference from the history before `promo.startDay`.
 * Returns false when no honest discount above cost is possible; the caller then drops it.
 */
export function startPromotion(promo: Promotion, sku: CatalogSku, history: SkuHistory, expectedUnits: number): boolean {
  const day = promo.startDay;
  let lowestDisplayed = Infinity;
  for (let d = Math.max(0, day - EU_LOOKBACK_DAYS); d < day; d++) lowestDisplayed = Math.min(lowestDisplayed, history.displayed[d]);
  let lowestOrder = Infinity;
  for (let d = Math.max(0, day - CN_LOOKBACK_DAYS); d < day; d++) lowestOrder = Math.min(lowestOrder, history.minOrderPrice[d]);
  const lows = Math.min(lowestDisplayed, lowestOrder);
  if (!Number.isFinite(lows)) return false;

  const floor = ceilPrice(sku.atc * COST_MARGIN);
  const ceiling = Math.floor(lows * MIN_DISCOUNT_BELOW_LOWS);
  const price = Math.max(floor, roundPrice(lows * (1 - promo.discount)));
  if (price > ceiling) return false;

  promo.price = price;
  promo.reference = Number.isFinite(lowestOrder) ? lows : null;
  promo.stock = promo.type === 'flash_sale' ? Math.max(20, Math.round(expectedUnits * 1.6)) : null;
  return true;
}

export function isActive(promo: Promotion | null, day: number): promo is Promotion & { price: number } {
  return promo !== null && promo.price !== null && day >= promo.startDay && day < promo.startDay + promo.length;
}

export function stockLeft(promo: Promotion): number {
  return promo.stock === null ? Infinity : promo.stock - promo.sold;
}
