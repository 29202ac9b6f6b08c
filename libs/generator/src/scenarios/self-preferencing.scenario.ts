/**
 * Planted cases for self_preferencing (detectors.md §7), on a platform of its own: a
 * self-operated merchant selling own-brand skus next to third-party merchants of every size,
 * one search algorithm per case, each over a category of its own, reached through its category
 * page and through search queries phrased eight ways (the detector's p-value treats each
 * (surface, query) as a cluster, so a case needs several queries to be testable). Candidates come in
 * quality tiers; inside a tier own and third-party skus have the same rating and price, so
 * the organic ranking (rating and price plus noise) orders them at random: no gap by
 * construction. Tiers are far enough apart (rating 0.4+, or price 40%) not to be comparable.
 * Prices are listed in listings.ndjson (one snapshot a week, no promotion).
 *
 * Violation (alert): own items moved 3 positions up after the organic ranking. Look-alikes
 * (nothing): own items that rank high because they are better (rating 4.9 against 4.5) or
 * cheaper (40% below), ranked organically (with a few equally good rivals they share the
 * top with); own items moved only 1 position up (below the 2-position threshold); a
 * 3-position boost over only 80 requests (below 100). Exposure figures are `info`.
 */
import type { Scenario, ScenarioContext } from '../scenario';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const TOP_K = 10;
const NOISE = 0.35;
/** Search phrasings of a category's keyword, taken in turn (no random draw, so the rest of the scenario is unchanged). */
const SEARCH_MODIFIERS = ['', 'sale', 'new', 'best', 'gift', 'set', 'large', 'small'];

interface Candidate {
  sku_id: string;
  merchant_id: string;
  own: boolean;
  rating: number;
  price: number;
}

interface Tier {
  own: number;
  thirdParty: number;
  rating: number;
  /** Price relative to the category's base price. */
  priceFactor: number;
}

interface PreferenceCase {
  name: string;
  note: string;
  alert: boolean;
  requests: (scale: number) => number;
  /** Positions own items are moved up after the organic ranking. */
  lift: number;
  tiers: Tier[];
}

const scaledRequests = (scale: number) => Math.max(150, Math.round(600 * scale));
/** Two better rivals, own items among equal twins, then clearly worse rivals. */
const EQUAL_TIERS: Tier[] = [
  { own: 0, thirdParty: 2, rating: 4.9, priceFactor: 1 },
  { own: 2, thirdParty: 4, rating: 4.5, priceFactor: 1 },
  { own: 0, thirdParty: 8, rating: 4.0, priceFactor: 1 },
];

const CASES: PreferenceCase[] = [
  {
    name: 'lift-3',
    note: 'own items moved 3 positions above third-party items of equal rating and price',
    alert: true,
    requests: scaledRequests,
    lift: 3,
    tiers: EQUAL_TIERS,
  },
  {
    name: 'better-own',
    note: 'look-alike: own items rank high because they are better (rating 4.9 vs 4.5), organic ranking',
    alert: false,
    requests: scaledRequests,
    lift: 0,
    tiers: [
      { own: 2, thirdParty: 2, rating: 4.9, priceFactor: 1 },
      { own: 0, thirdParty: 4, rating: 4.5, priceFactor: 1 },
      { own: 0, thirdParty: 8, rating: 4.0, priceFactor: 1 },
    ],
  },
  {
    name: 'cheaper-own',
    note: 'look-alike: own items rank high because they are 40% cheaper, organic ranking',
    alert: false,
    requests: scaledRequests,
    lift: 0,
    tiers: [
      { own: 2, thirdParty: 2, rating: 4.5, priceFactor: 0.6 },
      { own: 0, thirdParty: 4, rating: 4.5, priceFactor: 1 },
      { own: 0, thirdParty: 8, rating: 4.0, priceFactor: 1 },
    ],
  },
  {
    name: 'lift-1',
    note: 'look-alike: own items moved only 1 position up (mean gap about 1, below 2)',
    alert: false,
    requests: scaledRequests,
    lift: 1,
    tiers: EQUAL_TIERS,
  },
  {
    name: 'few-requests',
    note: 'look-alike: own items moved 3 positions up, but over only 80 requests (below 100)',
    alert: false,
    requests: () => 80,
    lift: 3,
    tiers: EQUAL_TIERS,
  },
];

export const selfPreferencingScenario: Scenario = {
  name: 'self-preferencing',
  detectors: ['self_preferencing'],
  plant(ctx: ScenarioContext): void {
    const platformId = ctx.newPlatform('psp');
    const rng = ctx.rng;
    const self = ctx.id(`${platformId}-m`);
    ctx.emit('merchants', { platform_id: platformId, merchant_id: self, name: '自营旗舰店', kind: 'self_operated', size: 'large' });
    const rivals = Array.from({ length: 9 }, (_, i) => {
      const merchant_id = ctx.id(`${platformId}-m`);
      ctx.emit('merchants', { platform_id: platformId, merchant_id, name: `Seller ${i + 1}`, kind: 'third_party', size: ['small', 'medium', 'large'][i % 3] });
      return merchant_id;
    });

    for (const c of CASES) {
      const category = `home.case-${c.name}`;
      const base = 5000 + rng.int(0, 20) * 500;
      const candidates: Candidate[] = [];
      for (const tier of c.tiers) {
        const price = Math.round((base * tier.priceFactor) / 10) * 10;
        for (let i = 0; i < tier.own + tier.thirdParty; i++) {
          const own = i < tier.own;
          const merchant_id = own ? self : rivals[(candidates.length + i) % rivals.length];
          const sku_id = ctx.id(`${platformId}-s`);
          ctx.emit('skus', { platform_id: platformId, sku_id, merchant_id, category, title: `${category} ${sku_id}`, rating: tier.rating, ...(own ? { own_brand: true } : {}) });
          for (let week = 0; week < ctx.days / 7; week++) {
            const at = ctx.startMs + week * 7 * DAY_MS + 8 * HOUR_MS;
            ctx.emit('listings', { platform_id: platformId, snapshot_id: ctx.id(`${platformId}-l`), ts: ctx.ts(at), sku_id, merchant_id, displayed_price: price, promo_type: 'none' });
          }
          candidates.push({ sku_id, merchant_id, own, rating: tier.rating, price });
        }
      }

      const algorithmId = `${platformId}-${c.name}`;
      const n = c.requests(ctx.scale);
      for (let r = 0; r < n; r++) {
        const user = rng.pick(ctx.users(platformId));
        const at = ctx.startMs + rng.int(0, ctx.days - 1) * DAY_MS + rng.int(9 * 3600, 21 * 3600 - 1) * 1000;
        const surface = rng.bool(0.7) ? 'search' : 'category';
        ctx.emit('impressions', {
          platform_id: platformId,
          request_id: ctx.id(`${platformId}-r`),
          ts: ctx.ts(at),
          user_id: user.user_id,
          user: user.traits,
          personalized: false,
          surface,
          query: surface === 'search' ? `${category.split('.')[1]} ${SEARCH_MODIFIERS[r % SEARCH_MODIFIERS.length]}`.trim() : category,
          algorithm_id: algorithmId,
          items: rankFor(candidates, c.lift, () => rng.normal(0, NOISE), base).map((cand, i) => ({
            rank: i + 1,
            sku_id: cand.sku_id,
            merchant_id: cand.merchant_id,
            sponsored: false,
          })),
        });
      }
      const expected = c.alert ? 'alert' : 'none';
      ctx.label({
        case_id: `sp-${c.name}`,
        detector: 'self_preferencing',
        kind: null,
        platform_id: platformId,
        match: { algorithm_id: algorithmId },
        expected: { cn: expected, eu: expected },
        note: c.note,
      });
      ctx.label({
        case_id: `sp-${c.name}-exposure`,
        detector: 'self_preferencing',
        kind: 'exposure',
        platform_id: platformId,
        match: { algorithm_id: algorithmId },
        expected: { cn: 'info', eu: 'info' },
        note: 'exposure figures (share by merchant size, Gini, sponsored share) of the algorithm',
      });
    }
  },
};

/** Organic order by rating and price with noise, then own items moved `lift` positions up. */
function rankFor(candidates: readonly Candidate[], lift: number, noise: () => number, base: number): Candidate[] {
  const organic = candidates
    .map((c) => ({ c, score: 2 * c.rating - 2 * Math.log(c.price / base) + noise() }))
    .sort((a, b) => b.score - a.score)
    .map((s) => s.c);
  const ranked = [...organic];
  for (let i = 0; i < ranked.length; i++) {
    if (!organic[i].own || lift === 0) continue;
    const from = ranked.indexOf(organic[i]);
    const to = Math.max(0, from - lift);
    ranked.splice(from, 1);
    ranked.splice(to, 0, organic[i]);
  }
  return ranked.slice(0, TOP_K);
}
