/**
 * The pricing engine's log, the orders and the product pages of one platform, simulated day
 * by day so that every claim a page makes (reference price, stock left, sales of the last 30
 * days) is computed from what really happened before it.
 */
import { formatTs } from '../clock';
import type { IdRegistry } from '../id-registry';
import type { SeededRng } from '../rng';
import { WeightedTable } from '../weighted-table';
import type { MarketUser } from '../users';
import { drawInstant, lastSecondOfDay, weekdayFactor } from './diurnal';
import { listingRecord } from './listing-page';
import { isActive, startPromotion, stockLeft } from './promotion';
import { couponsFor, shippingFee, type PlatformCoupons } from './quote-pricing';
import type { SkuLedger } from './sku-ledger';

export interface TradingInput {
  platformId: string;
  days: number;
  /** Expected price quotes of this platform over the whole period. */
  quotes: number;
  users: readonly MarketUser[];
  ledgers: readonly SkuLedger[];
  coupons: PlatformCoupons;
  ids: IdRegistry;
  rng: SeededRng;
  emit(kind: 'price_quotes' | 'orders' | 'listings', record: Record<string, unknown>): void;
  onDay?(day: number): void;
}

const BASE_CONVERSION = 0.06;
const PROMOTION_CONVERSION = 0.1;
const QUANTITY_WEIGHTS = [0.8, 0.15, 0.05];
const CURRENCY = 'CNY';

interface PendingRecord {
  tsMs: number;
  record: Record<string, unknown>;
}

export function simulateTrading(input: TradingInput): void {
  const { platformId, days, ledgers, users, rng, ids } = input;
  const userTable = new WeightedTable(users.map((u) => u.activity));
  const totalPopularity = ledgers.reduce((sum, l) => sum + l.sku.popularity, 0);
  const perSkuDay = ledgers.map((l) => (input.quotes / days) * (l.sku.popularity / totalPopularity));

  for (let day = 0; day < days; day++) {
    ledgers.forEach((ledger, i) => {
      const promo = ledger.promo;
      if (promo && promo.startDay === day) {
        const expectedUnits = perSkuDay[i] * promo.length * PROMOTION_CONVERSION * 1.3;
        if (!startPromotion(promo, ledger.sku, ledger.history, expectedUnits)) ledger.promo = null;
      }
      ledger.history.displayed[day] = ledger.priceOn(day);
    });

    // Pages are snapshotted at midnight, when prices change.
    for (const ledger of ledgers) input.emit('listings', listingRecord(platformId, ids, ledger, day));

    const quotes: PendingRecord[] = [];
    const orders: PendingRecord[] = [];
    ledgers.forEach((ledger, i) => {
      const n = rng.poisson(perSkuDay[i] * weekdayFactor(day));
      for (let q = 0; q < n; q++) quoteOnce(input, ledger, day, users[userTable.draw(rng)], quotes, orders);
    });
    emitInTimeOrder(quotes, 'quote_id', `${platformId}-q`, input);
    emitInTimeOrder(orders, 'order_id', `${platformId}-o`, input);
    input.onDay?.(day);
  }
}

function quoteOnce(input: TradingInput, ledger: SkuLedger, day: number, user: MarketUser, quotes: PendingRecord[], orders: PendingRecord[]): void {
  const { rng, platformId } = input;
  const sku = ledger.sku;
  const tsMs = drawInstant(rng, day);
  const price = ledger.priceOn(day);
  const coupons = couponsFor(user.traits, ledger, day, input.coupons);
  const finalPrice = price - coupons.reduce((sum, c) => sum + c.amount, 0);
  quotes.push({
    tsMs,
    record: {
      platform_id: platformId,
      quote_id: '',
      ts: formatTs(tsMs),
      sku_id: sku.sku_id,
      merchant_id: sku.merchant.merchant_id,
      user_id: user.user_id,
      user: user.traits,
      list_price: sku.listPrice,
      price,
      coupons,
      final_price: finalPrice,
      shipping_fee: shippingFee(user.traits.region, finalPrice),
      currency: CURRENCY,
    },
  });

  const promo = isActive(ledger.promo, day) ? ledger.promo : null;
  if (!rng.bool(promo ? PROMOTION_CONVERSION : BASE_CONVERSION)) return;
  const quantity = Math.min(1 + rng.weighted(QUANTITY_WEIGHTS), promo ? stockLeft(promo) : Infinity);
  if (quantity < 1) return; // sold out: the page already says so
  if (promo) promo.sold += quantity;
  ledger.recordOrder(day, finalPrice, quantity);
  const orderMs = Math.min(tsMs + rng.int(20, 900) * 1000, lastSecondOfDay(day));
  // The platform tops up some flash-sale orders; the buyer's price already covers cost.
  const subsidy = promo?.type === 'flash_sale' && rng.bool(0.5) ? Math.round(finalPrice * 0.03) : 0;
  orders.push({
    tsMs: orderMs,
    record: {
      platform_id: platformId,
      order_id: '',
      ts: formatTs(orderMs),
      sku_id: sku.sku_id,
      merchant_id: sku.merchant.merchant_id,
      user_id: user.user_id,
      quantity,
      unit_price: finalPrice,
      platform_subsidy: subsidy,
      currency: CURRENCY,
    },
  });
}

/** Logs are written in time order; ids are handed out in that order too. */
function emitInTimeOrder(pending: PendingRecord[], idField: string, idPrefix: string, input: TradingInput): void {
  pending.sort((a, b) => a.tsMs - b.tsMs);
  const kind = idField === 'quote_id' ? 'price_quotes' : 'orders';
  for (const p of pending) {
    p.record[idField] = input.ids.next(idPrefix);
    input.emit(kind, p.record);
  }
}

