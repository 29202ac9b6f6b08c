/**
 * Planted cases for below_cost_pricing (detectors.md §2). Every case is one merchant's sku in a
 * category of its own on a background platform, with honest rivals in that category where
 * the market share matters, so no case moves another's share and the background's shares are
 * untouched. Costs are AVC 60.00 / ATC 75.00; the everyday price is about 99.00.
 *
 * Violations: a dominant seller below AVC for 20 days that then recoups (alert); a small-share
 * seller below AVC (info); revenue between AVC and ATC (info); a platform-subsidised price
 * (info, actor platform). Look-alikes (nothing): perishable goods, goods near expiry, the end
 * of a season, a launch promotion, a declared clearance, and a 5-day flash sale below cost.
 *
 * Orders fall between 09:00 and 21:00 (+08:00), which is the same calendar date in UTC, so
 * the cases mean the same under the cn (+08:00) and eu (UTC) calendars.
 */
import type { Expectation, Scenario, ScenarioContext } from '../scenario';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const AVC = 6000;
const ATC = 7500;
const EVERYDAY = 9900;
const BELOW_AVC = 4900;

interface DayPrice {
  price: number;
  subsidy?: number;
}

interface BelowCostCase {
  name: string;
  category: string;
  title: string;
  note: string;
  expected: Record<'cn' | 'eu', Expectation>;
  actor: 'merchant' | 'platform';
  /** Optional sku fields (legitimate reasons), given the date of a period day. */
  skuFields?: (date: (day: number) => string) => Record<string, unknown>;
  /** The first day the sku sells (a launch). */
  firstDay?: number;
  /** The buyer price (and platform subsidy) on a day, or null for the everyday price. */
  priceOn: (day: number) => DayPrice | null;
  /** Orders per day at scale 1, for the case's sku and for each honest rival. */
  volume: number;
  rivals: number[];
}

const within = (day: number, from: number, to: number) => day >= from && day <= to;
const belowAvcDuring = (from: number, to: number) => (day: number) => (within(day, from, to) ? { price: BELOW_AVC } : null);

const CASES: BelowCostCase[] = [
  {
    name: 'dominant-recoupment',
    category: 'home.airfryer',
    title: '空气炸锅 5L',
    note: 'dominant seller (about 2/3 of its category) below AVC on days 5-24, then prices above ATC: alert, recoupment',
    expected: { cn: 'alert', eu: 'alert' },
    actor: 'merchant',
    priceOn: (day) => (within(day, 5, 24) ? { price: BELOW_AVC } : day > 24 ? { price: 11900 } : null),
    volume: 20,
    rivals: [5, 5],
  },
  {
    name: 'small-share',
    category: 'home.blender',
    title: '破壁料理机',
    note: 'seller with about 11% of its category below AVC for 20 days: no market power, info',
    expected: { cn: 'info', eu: 'info' },
    actor: 'merchant',
    priceOn: belowAvcDuring(8, 27),
    volume: 10,
    rivals: [40, 40],
  },
  {
    name: 'between-avc-atc',
    category: 'electronics.router',
    title: 'Wi-Fi 7 Router',
    note: 'dominant seller with revenue above AVC but below ATC for 20 days: info',
    expected: { cn: 'info', eu: 'info' },
    actor: 'merchant',
    priceOn: (day) => (within(day, 10, 29) ? { price: 6800 } : null),
    volume: 20,
    rivals: [5],
  },
  {
    name: 'platform-subsidy',
    category: 'home.ricecooker',
    title: '智能电饭煲',
    note: 'buyers pay 49.00 < AVC for 20 days but a 30.00 platform subsidy lifts revenue above ATC: info, actor platform',
    expected: { cn: 'info', eu: 'info' },
    actor: 'platform',
    priceOn: (day) => (within(day, 10, 29) ? { price: BELOW_AVC, subsidy: 3000 } : null),
    volume: 20,
    rivals: [5],
  },
  {
    name: 'perishable',
    category: 'fresh.seafood',
    title: '鲜活大闸蟹',
    note: 'look-alike: perishable goods below AVC for 20 days (legitimate reason)',
    expected: { cn: 'none', eu: 'none' },
    actor: 'merchant',
    skuFields: () => ({ perishable: true }),
    priceOn: belowAvcDuring(10, 29),
    volume: 20,
    rivals: [5],
  },
  {
    name: 'near-expiry',
    category: 'beauty.sunscreen',
    title: 'Sunscreen SPF50 (short-dated)',
    note: 'look-alike: below AVC on days 10-29 with expiry on day 35 (within 30 days after every day)',
    expected: { cn: 'none', eu: 'none' },
    actor: 'merchant',
    skuFields: (date) => ({ expiry_date: date(35) }),
    priceOn: belowAvcDuring(10, 29),
    volume: 20,
    rivals: [5],
  },
  {
    name: 'season-end',
    category: 'food.mooncake',
    title: '月饼礼盒',
    note: 'look-alike: below AVC on days 20-39, the season ending on day 34 (from 14 days before it)',
    expected: { cn: 'none', eu: 'none' },
    actor: 'merchant',
    skuFields: (date) => ({ season_end: date(34) }),
    priceOn: belowAvcDuring(20, 39),
    volume: 20,
    rivals: [5],
  },
  {
    name: 'launch',
    category: 'electronics.smartwatch',
    title: 'Smartwatch S3',
    note: 'look-alike: launch promotion below AVC on days 2-21, launched on day 2 (within 30 days after launch)',
    expected: { cn: 'none', eu: 'none' },
    actor: 'merchant',
    skuFields: (date) => ({ launch_date: date(2) }),
    firstDay: 2,
    priceOn: belowAvcDuring(2, 21),
    volume: 20,
    rivals: [5],
  },
  {
    name: 'clearance',
    category: 'apparel.wintercoat',
    title: '羽绒服清仓',
    note: 'look-alike: declared clearance from day 15, below AVC on days 15-34',
    expected: { cn: 'none', eu: 'none' },
    actor: 'merchant',
    skuFields: (date) => ({ clearance_from: date(15) }),
    priceOn: belowAvcDuring(15, 34),
    volume: 20,
    rivals: [5],
  },
  {
    name: 'flash-sale',
    category: 'toys.drone',
    title: 'Mini Drone',
    note: 'look-alike: a 5-day flash sale below AVC (days 20-24): no 14-day run',
    expected: { cn: 'none', eu: 'none' },
    actor: 'merchant',
    priceOn: belowAvcDuring(20, 24),
    volume: 20,
    rivals: [5],
  },
];

export const belowCostPricingScenario: Scenario = {
  name: 'below-cost-pricing',
  detectors: ['below_cost_pricing'],
  plant(ctx: ScenarioContext): void {
    CASES.forEach((c, k) => plantCase(ctx, ctx.platformIds[k % ctx.platformIds.length], c));
  },
};

function plantCase(ctx: ScenarioContext, platformId: string, c: BelowCostCase): void {
  const date = (day: number) => ctx.date(ctx.startMs + day * DAY_MS);
  const seller = plantSeller(ctx, platformId, c.category, c.title, c.skuFields?.(date) ?? {}, 'large');
  const firstDay = c.firstDay ?? 0;
  for (let day = firstDay; day < ctx.days; day++) {
    const planted = c.priceOn(day);
    const everyday = EVERYDAY + ctx.rng.int(-2, 2) * 100;
    sellOn(ctx, platformId, seller, day, c.volume, planted?.price ?? everyday, planted?.subsidy ?? 0);
  }
  c.rivals.forEach((volume, r) => {
    const rival = plantSeller(ctx, platformId, c.category, `${c.title} (${r + 1})`, {}, 'medium');
    for (let day = 0; day < ctx.days; day++) sellOn(ctx, platformId, rival, day, volume, 9500 + ctx.rng.int(0, 10) * 100, 0);
  });
  ctx.label({
    case_id: `bc-${c.name}`,
    detector: 'below_cost_pricing',
    kind: null,
    platform_id: platformId,
    match: { merchant_id: seller.merchantId, sku_id: seller.skuId, actor: c.actor },
    expected: c.expected,
    note: c.note,
  });
}

interface Seller {
  merchantId: string;
  skuId: string;
}

/** A merchant with one sku in the case's category and its declared cost. */
function plantSeller(ctx: ScenarioContext, platformId: string, category: string, title: string, skuFields: Record<string, unknown>, size: 'large' | 'medium'): Seller {
  const merchantId = ctx.id(`${platformId}-bcm`);
  const skuId = ctx.id(`${platformId}-bcs`);
  ctx.emit('merchants', { platform_id: platformId, merchant_id: merchantId, name: `${title} 专营店`, kind: 'third_party', size, registered_at: '2020-05-01' });
  ctx.emit('skus', {
    platform_id: platformId,
    sku_id: skuId,
    merchant_id: merchantId,
    category,
    title,
    rating: Math.round((4 + ctx.rng.next() * 0.8) * 10) / 10,
    ...skuFields,
  });
  ctx.emit('costs', {
    platform_id: platformId,
    sku_id: skuId,
    merchant_id: merchantId,
    valid_from: '2026-01-01',
    unit_variable_cost: AVC,
    unit_total_cost: ATC,
    source: 'merchant_declared',
  });
  return { merchantId, skuId };
}

/** One day of a sku: its page snapshot at midnight and its orders between 09:00 and 21:00. */
function sellOn(ctx: ScenarioContext, platformId: string, seller: Seller, day: number, volume: number, price: number, subsidy: number): void {
  const dayStart = ctx.startMs + day * DAY_MS;
  ctx.emit('listings', {
    platform_id: platformId,
    snapshot_id: ctx.id(`${platformId}-bcl`),
    ts: ctx.ts(dayStart),
    sku_id: seller.skuId,
    merchant_id: seller.merchantId,
    displayed_price: price,
    promo_type: 'none',
  });
  const users = ctx.users(platformId);
  const orders = Math.max(1, Math.round(volume * ctx.scale * (0.8 + 0.4 * ctx.rng.next())));
  for (let n = 0; n < orders; n++) {
    ctx.emit('orders', {
      platform_id: platformId,
      order_id: ctx.id(`${platformId}-bco`),
      ts: ctx.ts(dayStart + 9 * HOUR_MS + Math.floor(ctx.rng.next() * 12 * HOUR_MS)),
      sku_id: seller.skuId,
      merchant_id: seller.merchantId,
      user_id: ctx.rng.pick(users).user_id,
      quantity: ctx.rng.int(1, 2),
      unit_price: price,
      platform_subsidy: subsidy,
      currency: 'CNY',
    });
  }
}
