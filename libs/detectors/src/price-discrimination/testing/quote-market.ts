/**
 * Hand-built markets of validated price quotes for the edge tests: users with correlated
 * characteristics (affluence drives spend, orders, membership and iPhone ownership, as in the
 * generator), skus with a base price, hours of traffic, and a pricing rule per test.
 */
import type { Coupon, Experiment, PriceQuote, UserTraits } from '@fairmarket/contract';
import { mulberry32 } from '@fairmarket/stats';

export const T0 = Date.parse('2026-03-02T00:00:00+08:00');
export const HOUR = 3_600_000;

export interface TestUser {
  id: string;
  traits: UserTraits;
}

function normal(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

export function makeUsers(count: number, seed: number): TestUser[] {
  const rand = mulberry32(seed);
  const regions = ['440000', '310000', '110000', '650000'];
  const ages = ['18-24', '25-34', '35-44', '45-54', '55+'];
  return Array.from({ length: count }, (_, i) => {
    const affluence = normal(rand);
    const tenure = rand() < 0.12 ? Math.floor(rand() * 30) : 30 + Math.floor(Math.exp(Math.log(500) + 0.8 * normal(rand)));
    const spend = Math.round(80_000 * Math.exp(1.0 * normal(rand) + 0.45 * affluence));
    const orders = Math.max(1, Math.round(spend / (12_000 * Math.exp(0.4 * normal(rand)))));
    const ios = rand() < 1 / (1 + Math.exp(-(-0.9 + 1.3 * affluence)));
    const device = ios ? 'ios' : ['android', 'android', 'harmony', 'web'][Math.floor(rand() * 4)];
    const tierDraw = rand();
    const svip = 1 / (1 + Math.exp(-(1.6 * affluence - 3.2)));
    const plus = 1 / (1 + Math.exp(-(1.2 * affluence - 0.6)));
    return {
      id: `u${String(i).padStart(5, '0')}`,
      traits: {
        new_user: tenure < 30,
        tenure_days: tenure,
        orders_90d: orders,
        spend_90d: spend,
        member_tier: tierDraw < svip ? 'svip' : tierDraw < svip + plus * (1 - svip) ? 'plus' : 'none',
        device_os: device,
        region: regions[Math.floor(rand() * regions.length)],
        channel: device === 'web' ? 'web' : rand() < 0.8 ? 'app' : 'mini_program',
        gender: (['f', 'm', 'u'] as const)[rand() < 0.53 ? 0 : rand() < 0.94 ? 1 : 2],
        age_band: ages[Math.floor(rand() * ages.length)],
      },
    };
  });
}

export interface Offer {
  /** What the engine charged before coupons. */
  price: number;
  coupons?: Coupon[];
  experiment?: Experiment;
}

export interface MarketSpec {
  platform?: string;
  merchant: string;
  skus: { id: string; base: number }[];
  users: readonly TestUser[];
  hours: number;
  quotesPerSkuHour: number;
  seed: number;
  /** The engine: what this user is offered for this sku in this hour. */
  offer(user: TestUser, sku: { id: string; base: number }, hour: number, rand: () => number): Offer;
  /** Which users shop in a given hour (default: anyone). */
  shopper?(user: TestUser, hour: number): boolean;
}

let quoteCounter = 0;

export function quote(fields: {
  platform?: string;
  merchant: string;
  sku: string;
  tsMs: number;
  user: TestUser;
  offer: Offer;
  id?: string;
}): PriceQuote {
  const coupons = fields.offer.coupons ?? [];
  const ts = new Date(fields.tsMs + 8 * HOUR).toISOString().replace('Z', '+08:00').replace('.000', '');
  return {
    platform_id: fields.platform ?? 'p1',
    quote_id: fields.id ?? `q${String(++quoteCounter).padStart(7, '0')}`,
    ts,
    tsMs: fields.tsMs,
    sku_id: fields.sku,
    merchant_id: fields.merchant,
    user_id: fields.user.id,
    user: fields.user.traits,
    list_price: Math.round(fields.offer.price * 1.05),
    price: fields.offer.price,
    ...(coupons.length > 0 ? { coupons } : {}),
    final_price: fields.offer.price - coupons.reduce((s, c) => s + c.amount, 0),
    ...(fields.offer.experiment ? { experiment: fields.offer.experiment } : {}),
    currency: 'CNY',
  };
}

export function market(spec: MarketSpec): PriceQuote[] {
  const rand = mulberry32(spec.seed);
  const out: PriceQuote[] = [];
  for (let hour = 0; hour < spec.hours; hour++) {
    const shoppers = spec.shopper ? spec.users.filter((u) => spec.shopper!(u, hour)) : spec.users;
    for (const sku of spec.skus) {
      for (let k = 0; k < spec.quotesPerSkuHour; k++) {
        const user = shoppers[Math.floor(rand() * shoppers.length)];
        const tsMs = T0 + hour * HOUR + Math.floor(rand() * 3599) * 1000;
        out.push(quote({ platform: spec.platform, merchant: spec.merchant, sku: sku.id, tsMs, user, offer: spec.offer(user, sku, hour, rand) }));
      }
    }
  }
  return out;
}

/** `count` skus named `${prefix}-k` with base prices spread around 10,000. */
export function skus(prefix: string, count: number): { id: string; base: number }[] {
  return Array.from({ length: count }, (_, k) => ({ id: `${prefix}-${k}`, base: 8000 + 700 * k }));
}

export function markup(base: number, rate: number): number {
  return Math.round(base * (1 + rate));
}
