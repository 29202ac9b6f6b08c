/**
 * Planted cases for personalization_opt_out (detectors.md §6), on a platform of their own with
 * its own merchants and skus, one algorithm per case. Each case is a search algorithm over 12
 * queries of 24 candidate skus; requests come in cells (same query, same hour) of six users
 * with personalization off and six with it on. An item's score is its relevance plus noise,
 * plus, for iOS users, a boost on the "premium" half of the candidates where the case says so.
 *
 * Violation (alert): with personalization off, iOS users still get the premium boost (top-10
 * overlap about 0.2 lower across device groups than within). Look-alikes (nothing): the same
 * boost only in personalized requests; a faint boost with personalization off (gap about 0.02,
 * below 0.1); a strong boost over only 25 cells (about 150 requests, below 200).
 *
 * No algorithms.ndjson rows here: the filing checks have their own scenario.
 */
import type { GeneratedUser, Scenario, ScenarioContext } from '../scenario';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const QUERIES = ['耳机', 'earbuds', '充电宝', 'power bank', '保温杯', 'thermos', '口红', 'lipstick', '积木', 'blocks', '茶叶', 'tea'];
const POOL_SIZE = 24;
const TOP_K = 10;
const RELEVANCE_STEP = 0.1;
const NOISE = 0.5;

/** The candidates of each query on a platform: sku and merchant ids, most relevant first. */
export type QueryPools = Map<string, { sku_id: string; merchant_id: string }[]>;

/** Emits merchants (third-party, mixed sizes) and a pool of skus per query. */
export function plantQueryCatalog(ctx: ScenarioContext, platformId: string, category: string): QueryPools {
  const merchants = Array.from({ length: 8 }, (_, i) => {
    const merchant_id = ctx.id(`${platformId}-m`);
    ctx.emit('merchants', { platform_id: platformId, merchant_id, name: `Store ${i + 1}`, kind: 'third_party', size: ['small', 'medium', 'large'][i % 3] });
    return merchant_id;
  });
  const pools: QueryPools = new Map();
  for (const query of QUERIES) {
    const pool = Array.from({ length: POOL_SIZE }, (_, i) => {
      const sku_id = ctx.id(`${platformId}-s`);
      const merchant_id = merchants[(i + query.length) % merchants.length];
      ctx.emit('skus', { platform_id: platformId, sku_id, merchant_id, category, title: `${query} #${i + 1}`, rating: Math.round((4.8 - i * 0.03) * 10) / 10 });
      return { sku_id, merchant_id };
    });
    pools.set(query, pool);
  }
  return pools;
}

export interface RankedRequestsSpec {
  platformId: string;
  algorithmId: string;
  pools: QueryPools;
  /** Cells (query x hour) to fill; each gets `perCell` requests of each personalization mode. */
  cells: number;
  perCell: number;
  /** Extra score of candidate `index` (0 = most relevant) for this user and mode. */
  boost(traits: Record<string, unknown>, personalized: boolean, index: number): number;
}

/**
 * Emits search requests in cells of the same query and clock hour (09:00-20:59 +08:00, over
 * the period's days), ranked by relevance + noise + boost, top 10.
 */
export function plantRankedRequests(ctx: ScenarioContext, spec: RankedRequestsSpec): void {
  const users = ctx.users(spec.platformId);
  const slots = ctx.days * 12;
  for (let c = 0; c < spec.cells; c++) {
    const slot = c % slots;
    const query = QUERIES[(c + Math.floor(c / slots)) % QUERIES.length];
    const hourStart = ctx.startMs + Math.floor(slot / 12) * DAY_MS + (9 + (slot % 12)) * HOUR_MS;
    const pool = spec.pools.get(query)!;
    for (const personalized of [false, true]) {
      for (let k = 0; k < spec.perCell; k++) {
        const user = ctx.rng.pick(users);
        emitRequest(ctx, spec, user, personalized, query, pool, hourStart + ctx.rng.int(0, HOUR_MS / 1000 - 1) * 1000);
      }
    }
  }
}

function emitRequest(
  ctx: ScenarioContext,
  spec: RankedRequestsSpec,
  user: GeneratedUser,
  personalized: boolean,
  query: string,
  pool: { sku_id: string; merchant_id: string }[],
  tsMs: number,
): void {
  const ranked = pool
    .map((item, index) => ({ item, score: -index * RELEVANCE_STEP + ctx.rng.normal(0, NOISE) + spec.boost(user.traits, personalized, index) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, TOP_K);
  ctx.emit('impressions', {
    platform_id: spec.platformId,
    request_id: ctx.id(`${spec.platformId}-r`),
    ts: ctx.ts(tsMs),
    user_id: user.user_id,
    user: user.traits,
    personalized,
    surface: 'search',
    query,
    algorithm_id: spec.algorithmId,
    algorithm_version: '1.0',
    items: ranked.map((r, i) => ({ rank: i + 1, sku_id: r.item.sku_id, merchant_id: r.item.merchant_id, sponsored: false })),
  });
}

/** Premium candidates (odd positions) boosted for iOS users, in the modes given. */
export function iosPremiumBoost(strength: number, modes: { personalized: boolean; nonPersonalized: boolean }) {
  return (traits: Record<string, unknown>, personalized: boolean, index: number): number => {
    const applies = personalized ? modes.personalized : modes.nonPersonalized;
    return applies && traits.device_os === 'ios' && index % 2 === 1 ? strength : 0;
  };
}

interface OptOutCase {
  name: string;
  note: string;
  alert: boolean;
  cells: (scale: number) => number;
  boost: RankedRequestsSpec['boost'];
}

const scaledCells = (scale: number) => Math.max(60, Math.round(300 * scale));

const CASES: OptOutCase[] = [
  {
    name: 'leaky',
    note: 'personalization off, yet iOS users get premium items boosted: top-10 overlap about 0.2 lower across device groups',
    alert: true,
    cells: scaledCells,
    boost: iosPremiumBoost(3, { personalized: true, nonPersonalized: true }),
  },
  {
    name: 'personalized-only',
    note: 'look-alike: the iOS boost only in personalized requests; personalization off ranks the same for everyone',
    alert: false,
    cells: scaledCells,
    boost: iosPremiumBoost(3, { personalized: true, nonPersonalized: false }),
  },
  {
    name: 'faint',
    note: 'look-alike: a faint iOS boost with personalization off (overlap gap about 0.02, below 0.1)',
    alert: false,
    cells: scaledCells,
    boost: iosPremiumBoost(0.6, { personalized: true, nonPersonalized: true }),
  },
  {
    name: 'sparse',
    note: 'look-alike: a strong iOS boost with personalization off, but only 25 cells (about 150 requests, below 200)',
    alert: false,
    cells: () => 25,
    boost: iosPremiumBoost(3, { personalized: true, nonPersonalized: true }),
  },
];

export const personalizationOptOutScenario: Scenario = {
  name: 'personalization-opt-out',
  detectors: ['personalization_opt_out'],
  plant(ctx: ScenarioContext): void {
    const platformId = ctx.newPlatform('ppo');
    const pools = plantQueryCatalog(ctx, platformId, 'electronics.accessories');
    for (const c of CASES) {
      const algorithmId = `${platformId}-${c.name}`;
      plantRankedRequests(ctx, { platformId, algorithmId, pools, cells: c.cells(ctx.scale), perCell: 6, boost: c.boost });
      const expected = c.alert ? 'alert' : 'none';
      ctx.label({
        case_id: `po-${c.name}`,
        detector: 'personalization_opt_out',
        kind: null,
        platform_id: platformId,
        match: { algorithm_id: algorithmId },
        expected: { cn: expected, eu: expected },
        note: c.note,
      });
    }
  },
};
