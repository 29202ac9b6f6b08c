/**
 * Search, category and home-feed requests of one platform. A quarter of users have switched
 * personalisation off: their requests are ranked without looking at them at all, so the same
 * surface, query and hour give the same ranking distribution whoever asks.
 */
import { formatTs } from '../clock';
import type { IdRegistry } from '../id-registry';
import type { SeededRng } from '../rng';
import type { MarketUser } from '../users';
import { WeightedTable } from '../weighted-table';
import { CATEGORIES } from './categories';
import { drawInstant, weekdayFactor } from './diurnal';
import type { Ranker, RankedItem } from './ranking';

export const ALGORITHM_VERSION = '2026.02';
const SURFACES = ['search', 'category', 'home_feed'] as const;
const SURFACE_WEIGHTS = [0.45, 0.2, 0.35];
const CATEGORY_TABLE = new WeightedTable(CATEGORIES.map((c) => c.searchWeight));

export interface ImpressionInput {
  platformId: string;
  days: number;
  /** Expected requests over the period. */
  requests: number;
  users: readonly MarketUser[];
  ranker: Ranker;
  ids: IdRegistry;
  rng: SeededRng;
  emit(kind: 'impressions', record: Record<string, unknown>): void;
  onDay?(day: number): void;
}

export function searchAlgorithmId(platformId: string): string {
  return `${platformId}-search`;
}

export function feedAlgorithmId(platformId: string): string {
  return `${platformId}-feed`;
}

export function simulateImpressions(input: ImpressionInput): void {
  const { rng, days, users, platformId } = input;
  const userTable = new WeightedTable(users.map((u) => u.activity));
  for (let day = 0; day < days; day++) {
    const n = rng.poisson((input.requests / days) * weekdayFactor(day));
    const pending: { tsMs: number; record: Record<string, unknown> }[] = [];
    for (let r = 0; r < n; r++) {
      const user = users[userTable.draw(rng)];
      const tsMs = drawInstant(rng, day);
      pending.push({ tsMs, record: request(input, user, tsMs) });
    }
    pending.sort((a, b) => a.tsMs - b.tsMs);
    for (const p of pending) {
      p.record.request_id = input.ids.next(`${platformId}-r`);
      input.emit('impressions', p.record);
    }
    input.onDay?.(day);
  }
}

function request(input: ImpressionInput, user: MarketUser, tsMs: number): Record<string, unknown> {
  const { rng, ranker, platformId } = input;
  const personalized = !user.optsOut;
  const surface = SURFACES[rng.weighted(SURFACE_WEIGHTS)];
  const profile = personalized ? user.traits : null;
  const record: Record<string, unknown> = {
    platform_id: platformId,
    request_id: '',
    ts: formatTs(tsMs),
    user_id: user.user_id,
    user: user.traits,
    personalized,
    surface,
  };
  let items: RankedItem[];
  if (surface === 'home_feed') {
    record.algorithm_id = feedAlgorithmId(platformId);
    items = ranker.feed(rng, profile);
  } else {
    const category = CATEGORIES[CATEGORY_TABLE.draw(rng)];
    record.query = surface === 'search' ? rng.pick(category.queries) : category.id;
    record.algorithm_id = searchAlgorithmId(platformId);
    items = ranker.search(rng, category.id, profile);
  }
  record.algorithm_version = ALGORITHM_VERSION;
  record.items = items.map((item, i) => ({ rank: i + 1, sku_id: item.sku.sku_id, merchant_id: item.sku.merchant.merchant_id, sponsored: item.sponsored }));
  const clicked = items.filter((_, i) => rng.bool(0.12 / Math.pow(i + 1, 0.6))).map((item) => item.sku.sku_id);
  record.clicked = clicked;
  record.purchased = clicked.filter(() => rng.bool(0.06));
  return record;
}
