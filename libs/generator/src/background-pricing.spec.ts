/**
 * The background market must give detectors nothing to find under either rule pack. These
 * tests check each pricing rule of shared/spec/detectors.md directly on the generated rows.
 */
import { CN_RULE_PACK, EU_RULE_PACK } from '@fairmarket/rules';
import { generateInMemory } from './in-memory';
import type { MemorySink } from './sinks/memory-sink';
import { effectivePrice, groupBy, ms, rows, type Row } from './testing/raw-rows';

const DAY = 86_400_000;

describe('the honest background market: prices, promotions and costs', () => {
  let raw: MemorySink;
  let quotes: Row[];
  let orders: Row[];
  let listings: Row[];
  let ordersBySku: Map<string, Row[]>;
  let listingsBySku: Map<string, Row[]>;

  beforeAll(() => {
    raw = generateInMemory(2026, 0.2, { scenarios: [] }).raw;
    quotes = rows(raw, 'price_quotes');
    orders = rows(raw, 'orders').map((o) => ({ ...o, tsMs: ms(o.ts) }));
    listings = rows(raw, 'listings').map((l) => ({ ...l, tsMs: ms(l.ts) }));
    ordersBySku = groupBy(orders, (o) => `${o.platform_id}/${o.sku_id}`);
    listingsBySku = groupBy(listings, (l) => `${l.platform_id}/${l.sku_id}`);
    for (const list of listingsBySku.values()) list.sort((a, b) => a.tsMs - b.tsMs);
  }, 60_000);

  it('offers one effective price per sku and hour, whoever asks (published coupons aside)', () => {
    const window = CN_RULE_PACK.price_discrimination.window_minutes * 60_000;
    const strata = new Map<string, Set<number>>();
    for (const q of quotes) {
      const key = `${q.platform_id}/${q.sku_id}/${Math.floor(ms(q.ts) / window)}`;
      const prices = strata.get(key) ?? new Set<number>();
      prices.add(effectivePrice(q));
      strata.set(key, prices);
    }
    const mixed = [...strata.entries()].filter(([, prices]) => prices.size > 1);
    expect(mixed).toEqual([]);
    expect(quotes.every((q) => effectivePrice(q) === q.price)).toBe(true);
    // Honest differences do exist: coupons for new users and members, and shipping by region.
    expect(quotes.some((q) => q.coupons.some((c: Row) => c.scope === 'new_user'))).toBe(true);
    expect(quotes.some((q) => q.coupons.some((c: Row) => c.scope === 'member'))).toBe(true);
    expect(quotes.some((q) => q.coupons.some((c: Row) => c.scope === 'public'))).toBe(true);
    expect(new Set(quotes.map((q) => q.shipping_fee)).size).toBeGreaterThan(1);
    expect(quotes.every((q) => q.coupons.every((c: Row) => c.disclosed === true && c.scope !== 'targeted'))).toBe(true);
  });

  it('moves everyday prices a little from day to day, for everyone', () => {
    const dailyPrices = groupBy(quotes, (q) => `${q.platform_id}/${q.sku_id}`);
    const moving = [...dailyPrices.values()].filter((qs) => new Set(qs.map((q) => q.price)).size > 1).length;
    expect(moving / dailyPrices.size).toBeGreaterThan(0.8);
  });

  it('never sells below average total cost', () => {
    const costs = new Map(rows(raw, 'costs').map((c) => [`${c.platform_id}/${c.sku_id}`, c]));
    expect(costs.size).toBe(rows(raw, 'skus').length);
    const below = orders.filter((o) => o.unit_price + (o.platform_subsidy ?? 0) < costs.get(`${o.platform_id}/${o.sku_id}`)!.unit_total_cost);
    expect(below).toEqual([]);
    for (const c of costs.values()) expect(c.unit_variable_cost).toBeLessThan(c.unit_total_cost);
    expect(orders.filter((o) => o.platform_subsidy > 0).length / orders.length).toBeLessThan(0.05);
  });

  it('shows reference prices no higher than the cn 7-day order low and the eu 30-day displayed low', () => {
    const cnDays = CN_RULE_PACK.fake_promotion.prior_price_lookback_days;
    const euDays = EU_RULE_PACK.fake_promotion.prior_price_lookback_days;
    const withReference = listings.filter((l) => l.reference_price !== undefined);
    expect(withReference.length).toBeGreaterThan(20);
    for (const l of withReference) {
      const key = `${l.platform_id}/${l.sku_id}`;
      const start = ms(l.promo_starts_at);
      expect(l.reference_kind).toBe('prior_price');
      expect(start - euDays * DAY).toBeGreaterThanOrEqual(ms('2026-03-01T00:00:00+08:00'));
      const before = (ordersBySku.get(key) ?? []).filter((o) => o.tsMs < start);
      const week = before.filter((o) => o.tsMs >= start - cnDays * DAY);
      const last = before.reduce((a: Row | null, o) => (a === null || o.tsMs > a.tsMs ? o : a), null);
      const cnLawful = week.length > 0 ? Math.min(...week.map((o) => o.unit_price)) : last!.unit_price;
      const euLawful = Math.min(...listingsBySku.get(key)!.filter((s) => s.tsMs < start && s.tsMs >= start - euDays * DAY).map((s) => s.displayed_price));
      expect(l.reference_price).toBeLessThanOrEqual(cnLawful);
      expect(l.reference_price).toBeLessThanOrEqual(euLawful);
      expect(l.displayed_price).toBeLessThan(l.reference_price);
    }
  });

  it('never raises the everyday price by 5% before a promotion, and discounts below every recent price', () => {
    const rules = CN_RULE_PACK.fake_promotion;
    for (const [, snaps] of listingsBySku) {
      const promo = snaps.find((s) => s.promo_id !== undefined);
      if (!promo) continue;
      const start = ms(promo.promo_starts_at);
      const regular = snaps.filter((s) => s.promo_type === 'none' && s.tsMs < start && s.tsMs >= start - rules.raise_lookback_days * DAY);
      // The largest rise from an earlier everyday price to a later one in the look-back.
      let lowestSoFar = Infinity;
      let largestRise = 0;
      for (const s of regular) {
        largestRise = Math.max(largestRise, s.displayed_price / lowestSoFar - 1);
        lowestSoFar = Math.min(lowestSoFar, s.displayed_price);
      }
      expect(largestRise).toBeLessThan(rules.raise_min);
      expect(promo.displayed_price).toBeLessThan(Math.min(...regular.map((s) => s.displayed_price)));
    }
  });

  it('ends countdowns when they say, without resets', () => {
    const promos = groupBy(listings.filter((l) => l.promo_id !== undefined), (l) => `${l.platform_id}/${l.promo_id}`);
    expect(promos.size).toBeGreaterThan(10);
    for (const [key, snaps] of promos) {
      const ends = new Set(snaps.map((s) => s.countdown_ends_at));
      expect(ends.size).toBe(1);
      const end = snaps[0].countdown_ends_at;
      if (end === undefined) continue;
      expect(snaps.every((s) => s.tsMs <= ms(end))).toBe(true);
      const [platformId] = key.split('/');
      const after = listingsBySku.get(`${platformId}/${snaps[0].sku_id}`)!.filter((s) => s.tsMs > ms(end));
      expect(after.every((s) => s.promo_type === 'none' && s.displayed_price > snaps[0].displayed_price)).toBe(true);
    }
  });

  it('claims stock left and 30-day sales no higher than the orders show', () => {
    const salesDays = CN_RULE_PACK.fake_promotion.sales_window_days;
    let stockClaims = 0;
    for (const [key, snaps] of listingsBySku) {
      const skuOrders = ordersBySku.get(key) ?? [];
      for (let i = 0; i < snaps.length; i++) {
        const s = snaps[i];
        if (s.claimed_sales_30d !== undefined) {
          const units = skuOrders.filter((o) => o.tsMs < s.tsMs && o.tsMs >= s.tsMs - salesDays * DAY).reduce((n, o) => n + o.quantity, 0);
          expect(s.claimed_sales_30d).toBeLessThanOrEqual(units);
        }
        const next = snaps[i + 1];
        if (s.claimed_stock_left !== undefined && next !== undefined) {
          stockClaims++;
          const sold = skuOrders.filter((o) => o.tsMs >= s.tsMs && o.tsMs < next.tsMs).reduce((n, o) => n + o.quantity, 0);
          expect(sold).toBeLessThanOrEqual(s.claimed_stock_left);
        }
      }
    }
    expect(stockClaims).toBeGreaterThan(5);
  });

  it('snapshots every sku every day at midnight, when prices change', () => {
    const skuCount = rows(raw, 'skus').length;
    expect(listings.length).toBe(skuCount * 42);
    expect(listings.every((l) => (l.tsMs - ms('2026-03-01T00:00:00+08:00')) % DAY === 0)).toBe(true);
    // Quotes never fall on the snapshot instant, so "before the snapshot" is never ambiguous.
    expect(quotes.filter((q) => (ms(q.ts) - ms('2026-03-01T00:00:00+08:00')) % DAY === 0)).toEqual([]);
  });
});
