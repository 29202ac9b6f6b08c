/**
 * Planted cases for price_discrimination (detectors.md §1), on a platform of its own whose
 * users are drawn like the background's (affluence drives spend, orders, membership and iPhone
 * ownership). Each case is one merchant with its own skus; its pricing engine quotes every
 * user the sku's price of the day (moving ±2% from day to day, as the background's do), plus
 * whatever the case plants. Quotes fall between 09:00 and 20:59 (+08:00).
 *
 * Violations (alert): an iOS markup; a markup on high spend_90d above a cut-off no one
 * announces (the 72nd percentile); undisclosed targeted coupons withheld from long-tenure
 * users; a markup on the top member tier; a markup for women; a declared experiment whose arms
 * follow device_os.
 * Look-alikes: disclosed public, new-user and member coupons; a randomised experiment whose
 * arms are priced differently; regional prices (info); a 1.5% iOS markup (immaterial); an 8%
 * markup on a group with 15 quotes (< 20); prices that rise in the evening for everyone while
 * iOS users shop in the evening; a 20% markup on the top fifth of spenders, which iOS users
 * and members also feel, to be named spend_90d and nothing else.
 */
import type { Expectation, GeneratedUser, Scenario, ScenarioContext } from '../scenario';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const OPEN_HOUR = 9;
const CLOSE_HOUR = 21;

interface Offer {
  price: number;
  coupons?: { coupon_id: string; amount: number; scope: 'public' | 'new_user' | 'member' | 'targeted'; disclosed: boolean }[];
  experiment?: { experiment_id: string; arm: string };
}

interface QuoteRun {
  /** Days of quotes (from the first day of the period) and quotes per sku and hour. */
  days: number;
  perSkuHour: number;
  skus: number;
  /** The user of the next quote (default: any user). */
  shopper?(hour: number): GeneratedUser;
  offer(user: GeneratedUser, dayPrice: number, day: number, hour: number): Offer;
}

interface PdCase {
  name: string;
  attribute: string;
  expected: Expectation | { cn: Expectation; eu: Expectation };
  note: string;
  plant(ctx: ScenarioContext, platformId: string, merchantId: string, users: readonly GeneratedUser[]): void;
}

const rate = (price: number, r: number) => Math.round((price * (1 + r)) / 10) * 10;
const traits = (u: GeneratedUser) => u.traits as Record<string, unknown>;
const volume = (ctx: ScenarioContext) => ({ days: Math.max(3, Math.round(10 * ctx.scale)), perSkuHour: 8, skus: 3 });

/** Emits the merchant's skus and its quotes. */
function plantQuotes(ctx: ScenarioContext, platformId: string, merchantId: string, users: readonly GeneratedUser[], run: QuoteRun): void {
  for (let k = 0; k < run.skus; k++) {
    const skuId = ctx.id(`${platformId}-s`);
    const listPrice = 5_990 + 4_000 * k + 1_000 * ctx.rng.int(0, 5);
    ctx.emit('skus', { platform_id: platformId, sku_id: skuId, merchant_id: merchantId, category: 'home.appliance', title: `Appliance ${k + 1}`, rating: 4.5 });
    for (let day = 0; day < run.days; day++) {
      const dayPrice = Math.round(listPrice * (0.96 + 0.02 * Math.sin(day + k)));
      for (let hour = OPEN_HOUR; hour < CLOSE_HOUR; hour++) {
        for (let q = 0; q < run.perSkuHour; q++) {
          const user = run.shopper ? run.shopper(hour) : ctx.rng.pick(users);
          emitQuote(ctx, platformId, merchantId, skuId, listPrice, user, ctx.startMs + day * DAY_MS + hour * HOUR_MS + ctx.rng.int(0, 3599) * 1000, run.offer(user, dayPrice, day, hour));
        }
      }
    }
  }
}

function emitQuote(ctx: ScenarioContext, platformId: string, merchantId: string, skuId: string, listPrice: number, user: GeneratedUser, at: number, offer: Offer): void {
  const coupons = offer.coupons ?? [];
  const finalPrice = offer.price - coupons.reduce((s, c) => s + c.amount, 0);
  ctx.emit('price_quotes', {
    platform_id: platformId,
    quote_id: ctx.id(`${platformId}-q`),
    ts: ctx.ts(at),
    sku_id: skuId,
    merchant_id: merchantId,
    user_id: user.user_id,
    user: user.traits,
    list_price: listPrice,
    price: offer.price,
    coupons,
    final_price: finalPrice,
    shipping_fee: finalPrice >= 9_900 ? 0 : 600,
    ...(offer.experiment ? { experiment: offer.experiment } : {}),
    currency: 'CNY',
  });
}

/** A value of `key` at quantile q of the users. */
function quantileOf(users: readonly GeneratedUser[], key: string, q: number): number {
  const values = users.map((u) => Number(traits(u)[key])).sort((a, b) => a - b);
  return values[Math.min(values.length - 1, Math.floor(values.length * q))];
}

/** A stable 50/50 draw per user (a randomised arm). */
function coinOf(user: GeneratedUser): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < user.user_id.length; i++) h = Math.imul(h ^ user.user_id.charCodeAt(i), 0x01000193);
  return ((h >>> 0) & 1) === 1;
}

function simpleCase(name: string, attribute: string, expected: PdCase['expected'], note: string, offer: (u: GeneratedUser, price: number, ctx: ScenarioContext, merchantId: string) => Offer): PdCase {
  return {
    name,
    attribute,
    expected,
    note,
    plant: (ctx, platformId, merchantId, users) => plantQuotes(ctx, platformId, merchantId, users, { ...volume(ctx), offer: (u, p) => offer(u, p, ctx, merchantId) }),
  };
}

const CASES: PdCase[] = [
  simpleCase('ios-markup', 'device_os', 'alert', 'iOS users quoted 6% more for the same sku in the same hour', (u, p) => ({
    price: traits(u).device_os === 'ios' ? rate(p, 0.06) : p,
  })),
  {
    name: 'spend-markup',
    attribute: 'spend_90d',
    expected: 'alert',
    note: 'users above the (unannounced) 72nd percentile of 90-day spend quoted 7% more',
    plant: (ctx, platformId, merchantId, users) => {
      const cut = quantileOf(users, 'spend_90d', 0.72);
      plantQuotes(ctx, platformId, merchantId, users, { ...volume(ctx), offer: (u, p) => ({ price: Number(traits(u).spend_90d) >= cut ? rate(p, 0.07) : p }) });
    },
  },
  simpleCase('tenure-coupons', 'tenure_days', 'alert', 'undisclosed targeted 8% coupons given to users of under a year, withheld from long-tenure users', (u, p, ctx, m) => ({
    price: p,
    coupons: Number(traits(u).tenure_days) < 365 ? [{ coupon_id: `${m}-welcome-back`, amount: Math.round(p * 0.08), scope: 'targeted', disclosed: false }] : [],
  })),
  simpleCase('member-markup', 'member_tier', 'alert', 'svip members quoted 6% more', (u, p) => ({ price: traits(u).member_tier === 'svip' ? rate(p, 0.06) : p })),
  simpleCase('gender-markup', 'gender', 'alert', 'women quoted 4% more', (u, p) => ({ price: traits(u).gender === 'f' ? rate(p, 0.04) : p })),
  simpleCase('experiment-follows-device', 'device_os', 'alert', 'a declared price experiment whose dearer arm (+8%) goes to iOS users', (u, p, _ctx, m) => {
    const arm = traits(u).device_os === 'ios' ? 'B' : 'A';
    return { price: arm === 'B' ? rate(p, 0.08) : p, experiment: { experiment_id: `${m}-exp`, arm } };
  }),
  simpleCase('disclosed-coupons', 'new_user', 'none', 'look-alike: disclosed public, new-user and member coupons (published offers)', (u, p, _ctx, m) => {
    const t = traits(u);
    const coupons: NonNullable<Offer['coupons']> = [{ coupon_id: `${m}-store`, amount: 300, scope: 'public', disclosed: true }];
    if (t.new_user === true) coupons.push({ coupon_id: `${m}-new`, amount: Math.round(p * 0.06), scope: 'new_user', disclosed: true });
    else if (t.member_tier !== 'none') coupons.push({ coupon_id: `${m}-member`, amount: Math.round(p * 0.03), scope: 'member', disclosed: true });
    return { price: p, coupons };
  }),
  simpleCase('randomised-experiment', 'device_os', 'none', 'look-alike: a randomised experiment (arm drawn per user) with an arm 8% dearer', (u, p, _ctx, m) => {
    const arm = coinOf(u) ? 'B' : 'A';
    return { price: arm === 'B' ? rate(p, 0.08) : p, experiment: { experiment_id: `${m}-exp`, arm } };
  }),
  simpleCase('regional-prices', 'region', 'info', 'look-alike: 6% dearer in region 440000 (regional pricing is reported as info)', (u, p) => ({
    price: traits(u).region === '440000' ? rate(p, 0.06) : p,
  })),
  simpleCase('immaterial-markup', 'device_os', 'none', 'look-alike: iOS users quoted 1.5% more (below 2%)', (u, p) => ({ price: traits(u).device_os === 'ios' ? Math.round(p * 1.015) : p })),
  {
    name: 'small-group',
    attribute: 'gender',
    expected: 'none',
    note: 'look-alike: users of unstated gender quoted 8% more, but only 15 such quotes (below 20)',
    plant: (ctx, platformId, merchantId, users) => {
      const unstated = users.filter((u) => traits(u).gender === 'u');
      const others = users.filter((u) => traits(u).gender !== 'u');
      const run = { days: 4, perSkuHour: 6, skus: 2, offer: (u: GeneratedUser, p: number) => ({ price: traits(u).gender === 'u' ? rate(p, 0.08) : p }) };
      // 15 quotes of the unstated group, the rest from everyone else: fixed, whatever the scale.
      let left = unstated.length > 0 ? 15 : 0;
      plantQuotes(ctx, platformId, merchantId, users, { ...run, shopper: () => (left > 0 && ctx.rng.bool(0.06) ? (left--, ctx.rng.pick(unstated)) : ctx.rng.pick(others)) });
    },
  },
  {
    name: 'evening-prices',
    attribute: 'device_os',
    expected: 'none',
    note: 'look-alike: everyone pays 10% more after 18:00, when mostly iOS users shop',
    plant: (ctx, platformId, merchantId, users) => {
      const ios = users.filter((u) => traits(u).device_os === 'ios');
      const rest = users.filter((u) => traits(u).device_os !== 'ios');
      plantQuotes(ctx, platformId, merchantId, users, {
        ...volume(ctx),
        shopper: (hour) => ctx.rng.pick((hour >= 18) === ctx.rng.bool(0.8) ? ios : rest),
        offer: (_u, p, _d, hour) => ({ price: hour >= 18 ? rate(p, 0.1) : p }),
      });
    },
  },
  {
    name: 'correlated-spend',
    attribute: 'spend_90d',
    expected: 'alert',
    note: 'top fifth of spenders quoted 20% more; iOS users and members, who spend more, also pay more on average, but spend explains it',
    plant: (ctx, platformId, merchantId, users) => {
      const cut = quantileOf(users, 'spend_90d', 0.8);
      plantQuotes(ctx, platformId, merchantId, users, { ...volume(ctx), offer: (u, p) => ({ price: Number(traits(u).spend_90d) >= cut ? rate(p, 0.2) : p }) });
    },
  },
];

/** Look-alike labels of the correlated case: its correlates must not be reported. */
const CORRELATES = ['device_os', 'member_tier', 'orders_90d'];

export const priceDiscriminationScenario: Scenario = {
  name: 'price-discrimination',
  detectors: ['price_discrimination'],
  plant(ctx: ScenarioContext): void {
    const platformId = ctx.newPlatform('ppd');
    const users = ctx.users(platformId);
    const label = (caseId: string, merchantId: string, attribute: string, expected: PdCase['expected'], note: string) =>
      ctx.label({
        case_id: caseId,
        detector: 'price_discrimination',
        kind: null,
        platform_id: platformId,
        match: { merchant_id: merchantId, attribute },
        expected: typeof expected === 'string' ? { cn: expected, eu: expected } : expected,
        note,
      });
    for (const c of CASES) {
      const merchantId = ctx.id(`${platformId}-m`);
      ctx.emit('merchants', { platform_id: platformId, merchant_id: merchantId, name: `Appliance shop ${c.name}`, kind: 'third_party', size: 'medium' });
      c.plant(ctx, platformId, merchantId, users);
      label(`pd-${c.name}`, merchantId, c.attribute, c.expected, c.note);
      if (c.name === 'correlated-spend') {
        for (const a of CORRELATES) label(`pd-${c.name}-${a}`, merchantId, a, 'none', `look-alike: ${a} correlates with spend; the spend markup must not be reported under it`);
      }
    }
  },
};
