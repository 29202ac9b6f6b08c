/**
 * Planted cases for fake_promotion (detectors.md §3): each of the five kinds, and a look-alike
 * for each exception and threshold, every case on a merchant and sku of its own on a
 * background platform. Pages are snapshotted daily at 12:00 (+08:00) and at every change;
 * orders fall between 12:30 and 21:00, after that day's snapshot. Both are the same calendar
 * date in UTC, so a case means the same under the cn (+08:00) and eu (UTC) calendars, except
 * where a case is about the packs' different rules.
 *
 * Timeline: the background period is 42 days (day 0 = 2026-03-01); promotions start from day
 * 33, so the eu 30-day look-back lies inside the platform's logs, except in the one case that
 * is about a look-back the logs do not cover.
 */
import type { FakePromotionKind } from '@fairmarket/rules';
import type { Expectation, Scenario, ScenarioContext } from '../scenario';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const REGULAR = 10000;
const PROMO = 8900;

/** What a case can do on its sku: snapshot the page, sell. */
interface Shop {
  snap(day: number, price: number, fields?: Record<string, unknown>, hour?: number): void;
  /** Emits orders on a day; returns the units sold. `orders` is a count at scale 1 unless `fixed`. */
  sell(day: number, orders: number, unitPrice: number, fixed?: boolean): number;
  regular(from: number, to: number, price: number, orders?: number): void;
  /** Days of one promotion; pass `promo_id` (a case-local key) and `starts` to continue one across calls. */
  promo(from: number, to: number, price: number, fields: Record<string, unknown>, orders?: number): void;
}

interface PromotionCase {
  name: string;
  kind: FakePromotionKind;
  expected: Record<'cn' | 'eu', Expectation>;
  note: string;
  plant(shop: Shop, ctx: ScenarioContext): void;
}

const ORDERS_PER_DAY = 10;
/** A countdown claiming to end at 23:59:59 of `day`. */
const late = (day: number) => ({ countdown_ends_at_day: day });

const CASES: PromotionCase[] = [
  {
    name: 'fictitious-reference',
    kind: 'fictitious_reference_price',
    expected: { cn: 'alert', eu: 'alert' },
    note: 'reference 159.00 while the sku sold and was displayed at 100.00 for weeks: high in both packs',
    plant: (s) => {
      s.regular(0, 34, REGULAR);
      s.promo(35, 38, PROMO, { promo_type: 'discount', reference_price: 15900, reference_label: '原价' });
      s.regular(39, 41, REGULAR);
    },
  },
  {
    name: 'honest-reference',
    kind: 'fictitious_reference_price',
    expected: { cn: 'none', eu: 'none' },
    note: 'look-alike: reference equal to the price sold and displayed over the 30 days before',
    plant: (s) => {
      s.regular(0, 34, REGULAR);
      s.promo(35, 38, PROMO, { promo_type: 'discount', reference_price: REGULAR, reference_label: '划线价' });
      s.regular(39, 41, REGULAR);
    },
  },
  {
    name: 'rrp-reference',
    kind: 'fictitious_reference_price',
    expected: { cn: 'none', eu: 'none' },
    note: 'look-alike: a manufacturer RRP above the prior price, labelled as RRP (exempt)',
    plant: (s) => {
      s.regular(0, 34, REGULAR);
      s.promo(35, 38, PROMO, { promo_type: 'discount', reference_price: 15900, reference_label: 'RRP', reference_kind: 'rrp' });
      s.regular(39, 41, REGULAR);
    },
  },
  {
    name: 'uncovered-lookback',
    kind: 'fictitious_reference_price',
    expected: { cn: 'info', eu: 'info' },
    note: 'promotion on day 4: neither the 7-day nor the 30-day look-back lies inside the logs (unverifiable, info)',
    plant: (s) => {
      s.regular(0, 3, REGULAR);
      s.promo(4, 7, PROMO, { promo_type: 'discount', reference_price: 12900, reference_label: '原价' });
      s.regular(8, 41, REGULAR);
    },
  },
  {
    name: 'never-sold',
    kind: 'fictitious_reference_price',
    expected: { cn: 'info', eu: 'none' },
    note: 'a sku displayed at 100.00 that never sold: cn cannot verify a transaction price (info); eu compares displayed prices (lawful)',
    plant: (s) => {
      s.regular(0, 34, REGULAR, 0);
      s.promo(35, 38, PROMO, { promo_type: 'discount', reference_price: REGULAR, reference_label: '原价' }, 0);
      s.regular(39, 41, REGULAR, 0);
    },
  },
  {
    name: 'split-cn-lawful',
    kind: 'fictitious_reference_price',
    expected: { cn: 'none', eu: 'alert' },
    note: 'a flash sale at 79.00 on days 12-14: the reference 100.00 is the lowest order price of the 7 days (cn lawful) but not the lowest displayed price of the 30 days (eu unlawful)',
    plant: (s) => {
      s.regular(0, 11, REGULAR);
      s.promo(12, 14, 7900, { promo_type: 'flash_sale' });
      s.regular(15, 34, REGULAR);
      s.promo(35, 38, 9500, { promo_type: 'discount', reference_price: REGULAR, reference_label: 'was' });
      s.regular(39, 41, REGULAR);
    },
  },
  {
    name: 'split-eu-lawful',
    kind: 'fictitious_reference_price',
    expected: { cn: 'alert', eu: 'none' },
    note: 'displayed at 100.00 but every order paid 89.00 with a store coupon: the reference 100.00 exceeds the lowest transaction price (cn unlawful) but not the lowest displayed price (eu lawful)',
    plant: (s) => {
      for (let day = 0; day <= 34; day++) {
        s.snap(day, REGULAR, { promo_type: 'none' });
        s.sell(day, ORDERS_PER_DAY, 8900);
      }
      s.promo(35, 38, 9500, { promo_type: 'discount', reference_price: REGULAR, reference_label: '原价' });
      s.regular(39, 41, REGULAR);
    },
  },
  {
    name: 'raise-then-discount',
    kind: 'raise_then_discount',
    expected: { cn: 'alert', eu: 'alert' },
    note: 'regular price raised 100.00 -> 120.00 on day 20, then a promotion at 105.00 on days 35-38',
    plant: (s) => {
      s.regular(0, 19, REGULAR);
      s.regular(20, 34, 12000);
      s.promo(35, 38, 10500, { promo_type: 'discount' });
      s.regular(39, 41, 12000);
    },
  },
  {
    name: 'rise-below-threshold',
    kind: 'raise_then_discount',
    expected: { cn: 'none', eu: 'none' },
    note: 'look-alike: a 4% regular price rise, then a promotion at the old price',
    plant: (s) => {
      s.regular(0, 19, REGULAR);
      s.regular(20, 34, 10400);
      s.promo(35, 38, REGULAR, { promo_type: 'discount' });
      s.regular(39, 41, 10400);
    },
  },
  {
    name: 'rise-then-real-discount',
    kind: 'raise_then_discount',
    expected: { cn: 'none', eu: 'none' },
    note: 'look-alike: a 10% rise (costs went up), then a promotion below the price before the rise',
    plant: (s) => {
      s.regular(0, 19, REGULAR);
      s.regular(20, 34, 11000);
      s.promo(35, 38, 9400, { promo_type: 'discount' });
      s.regular(39, 41, 11000);
    },
  },
  {
    name: 'countdown-resets',
    kind: 'fake_countdown',
    expected: { cn: 'alert', eu: 'alert' },
    note: '"ends tonight" every day of days 33-39 at the same price: 6 resets',
    plant: (s) => {
      s.regular(0, 32, REGULAR);
      for (let day = 33; day <= 39; day++) s.promo(day, day, PROMO, { promo_id: 'tonight', starts: 33, promo_type: 'countdown', ...late(day) });
      s.regular(40, 41, REGULAR);
    },
  },
  {
    name: 'countdown-overrun',
    kind: 'fake_countdown',
    expected: { cn: 'alert', eu: 'alert' },
    note: 'countdown claims to end on day 35; the promotion price goes on until day 40 (4.5 days)',
    plant: (s) => {
      s.regular(0, 32, REGULAR);
      s.promo(33, 40, PROMO, { promo_type: 'countdown', ...late(35) });
      s.regular(41, 41, REGULAR);
    },
  },
  {
    name: 'genuine-countdown',
    kind: 'fake_countdown',
    expected: { cn: 'none', eu: 'none' },
    note: 'look-alike: a countdown that ends when it says',
    plant: (s) => {
      s.regular(0, 32, REGULAR);
      s.promo(33, 35, PROMO, { promo_type: 'countdown', ...late(35) });
      s.regular(36, 41, REGULAR);
    },
  },
  {
    name: 'countdown-extended-once',
    kind: 'fake_countdown',
    expected: { cn: 'none', eu: 'none' },
    note: 'look-alike: a countdown extended once (below the 2-reset threshold), then ended',
    plant: (s) => {
      s.regular(0, 32, REGULAR);
      s.promo(33, 34, PROMO, { promo_id: 'extended', starts: 33, promo_type: 'countdown', ...late(34) });
      s.promo(35, 36, PROMO, { promo_id: 'extended', starts: 33, promo_type: 'countdown', ...late(36) });
      s.regular(37, 41, REGULAR);
    },
  },
  {
    name: 'fake-scarcity',
    kind: 'fake_scarcity',
    expected: { cn: 'alert', eu: 'alert' },
    note: '"only 3-5 left" every day of a flash sale while 8-16 units sell each day',
    plant: (s, ctx) => {
      s.regular(0, 32, REGULAR);
      for (let day = 33; day <= 39; day++) {
        s.snap(day, PROMO, { promo_id: 'fake-stock', promo_type: 'flash_sale', claimed_stock_left: ctx.rng.int(3, 5) });
        s.sell(day, 8, PROMO, true);
      }
      s.regular(40, 41, REGULAR);
    },
  },
  {
    name: 'honest-stock',
    kind: 'fake_scarcity',
    expected: { cn: 'none', eu: 'none' },
    note: 'look-alike: a flash sale whose stock claims count down by what sold',
    plant: (s) => {
      s.regular(0, 32, REGULAR);
      let left = 40;
      for (let day = 33; day <= 39 && left > 0; day++) {
        s.snap(day, PROMO, { promo_id: 'real-stock', promo_type: 'flash_sale', claimed_stock_left: left });
        left -= s.sell(day, 3, PROMO, true);
      }
      s.regular(40, 41, REGULAR);
    },
  },
  {
    name: 'inflated-sales',
    kind: 'inflated_sales',
    expected: { cn: 'alert', eu: 'alert' },
    note: '"3,000+ sold in 30 days" on a sku selling a few units a day',
    plant: (s, ctx) => {
      for (let day = 0; day <= 41; day++) {
        s.snap(day, REGULAR, { promo_type: 'none', ...(day >= 31 ? { claimed_sales_30d: 3000 + ctx.rng.int(0, 9) * 100 } : {}) });
        s.sell(day, 3, REGULAR);
      }
    },
  },
  {
    name: 'rounded-sales',
    kind: 'inflated_sales',
    expected: { cn: 'none', eu: 'none' },
    note: 'look-alike: sales claims rounded up to the next ten (within 1.5 x + 10)',
    plant: (s) => {
      const units: number[] = [];
      for (let day = 0; day <= 41; day++) {
        const sold = units.slice(Math.max(0, day - 30), day).reduce((a, b) => a + b, 0);
        s.snap(day, REGULAR, { promo_type: 'none', claimed_sales_30d: Math.ceil(sold / 10) * 10 });
        units.push(s.sell(day, 3, REGULAR));
      }
    },
  },
];

export const fakePromotionScenario: Scenario = {
  name: 'fake-promotion',
  detectors: ['fake_promotion'],
  plant(ctx: ScenarioContext): void {
    CASES.forEach((c, k) => {
      const platformId = ctx.platformIds[k % ctx.platformIds.length];
      const merchantId = ctx.id(`${platformId}-fpm`);
      const skuId = ctx.id(`${platformId}-fps`);
      ctx.emit('merchants', { platform_id: platformId, merchant_id: merchantId, name: `${c.name} shop`, kind: 'third_party', size: 'medium', registered_at: '2021-09-01' });
      ctx.emit('skus', { platform_id: platformId, sku_id: skuId, merchant_id: merchantId, category: 'home.kitchen', title: `Kitchen item ${c.name}`, rating: 4.5 });
      ctx.emit('costs', { platform_id: platformId, sku_id: skuId, merchant_id: merchantId, valid_from: '2026-01-01', unit_variable_cost: 5000, unit_total_cost: 6000 });
      c.plant(shopFor(ctx, platformId, merchantId, skuId), ctx);
      ctx.label({
        case_id: `fp-${c.name}`,
        detector: 'fake_promotion',
        kind: c.kind,
        platform_id: platformId,
        match: { merchant_id: merchantId, sku_id: skuId },
        expected: c.expected,
        note: c.note,
      });
    });
  },
};

function shopFor(ctx: ScenarioContext, platformId: string, merchantId: string, skuId: string): Shop {
  const dayTs = (day: number, hour: number) => ctx.ts(ctx.startMs + day * DAY_MS + hour * HOUR_MS);
  const promoIds = new Map<string, string>();
  const shop: Shop = {
    snap(day, price, fields = {}, hour = 12) {
      const { countdown_ends_at_day: endDay, promo_id: promoKey, ...rest } = fields as Record<string, unknown> & {
        countdown_ends_at_day?: number;
        promo_id?: string;
      };
      const record: Record<string, unknown> = {
        platform_id: platformId,
        snapshot_id: ctx.id(`${platformId}-fpl`),
        ts: dayTs(day, hour),
        sku_id: skuId,
        merchant_id: merchantId,
        displayed_price: price,
        ...rest,
      };
      if (promoKey !== undefined) {
        if (!promoIds.has(promoKey)) promoIds.set(promoKey, ctx.id(`${platformId}-fpp`));
        record.promo_id = promoIds.get(promoKey);
      }
      // One second before midnight of the claimed day: "ends tonight".
      if (endDay !== undefined) record.countdown_ends_at = ctx.ts(ctx.startMs + (endDay + 1) * DAY_MS - 1000);
      ctx.emit('listings', record);
    },
    sell(day, orders, unitPrice, fixed = false) {
      const count = fixed ? orders : orders === 0 ? 0 : Math.max(1, Math.round(orders * ctx.scale * (0.8 + 0.4 * ctx.rng.next())));
      const users = ctx.users(platformId);
      let units = 0;
      for (let n = 0; n < count; n++) {
        const quantity = ctx.rng.int(1, 2);
        units += quantity;
        ctx.emit('orders', {
          platform_id: platformId,
          order_id: ctx.id(`${platformId}-fpo`),
          ts: ctx.ts(ctx.startMs + day * DAY_MS + 12.5 * HOUR_MS + Math.floor(ctx.rng.next() * 8.5 * HOUR_MS)),
          sku_id: skuId,
          merchant_id: merchantId,
          user_id: ctx.rng.pick(users).user_id,
          quantity,
          unit_price: unitPrice,
          platform_subsidy: 0,
          currency: 'CNY',
        });
      }
      return units;
    },
    regular(from, to, price, orders = ORDERS_PER_DAY) {
      for (let day = from; day <= to; day++) {
        shop.snap(day, price, { promo_type: 'none' });
        shop.sell(day, orders, price);
      }
    },
    promo(from, to, price, fields, orders = ORDERS_PER_DAY) {
      // One promotion per call: its id is fixed by where it starts.
      const { starts, ...rest } = fields as Record<string, unknown> & { starts?: number };
      const promoKey = (rest.promo_id as string | undefined) ?? `promo-from-${from}`;
      for (let day = from; day <= to; day++) {
        shop.snap(day, price, { ...rest, promo_id: promoKey, promo_starts_at: dayTs(starts ?? from, 12) });
        shop.sell(day, orders, price);
      }
    },
  };
  return shop;
}
