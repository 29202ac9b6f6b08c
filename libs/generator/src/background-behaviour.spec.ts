/**
 * The background's users, rankings, merchant events, agreements and filings: realistic, and
 * with nothing for the ranking, 二选一 or filing detectors to find.
 */
import { CN_RULE_PACK } from '@fairmarket/rules';
import { generateInMemory } from './in-memory';
import { generateCatalog } from './market/catalog';
import { Ranker } from './market/ranking';
import { IdRegistry } from './id-registry';
import { SeededRng } from './rng';
import type { MemorySink } from './sinks/memory-sink';
import { groupBy, mean, ms, rows, type Row } from './testing/raw-rows';

const DAY = 86_400_000;

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Half the summed difference of per-sku exposure rates between flagged and other requests. */
function exposureDistance(requests: Row[], flagged: boolean[]): number {
  const rates = new Map<string, number>();
  const nFlagged = flagged.filter(Boolean).length;
  const nOther = flagged.length - nFlagged;
  requests.forEach((r, i) => {
    for (const item of r.items) rates.set(item.sku_id, (rates.get(item.sku_id) ?? 0) + (flagged[i] ? 1 / nFlagged : -1 / nOther));
  });
  let distance = 0;
  for (const d of rates.values()) distance += Math.abs(d);
  return distance / 2;
}

function shuffle<T>(rng: SeededRng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('the honest background market: users, rankings, merchants, filings', () => {
  let raw: MemorySink;
  let quotes: Row[];
  let impressions: Row[];
  let skus: Map<string, Row>;
  let merchants: Map<string, Row>;

  beforeAll(() => {
    raw = generateInMemory(77, 0.2, { scenarios: [] }).raw;
    quotes = rows(raw, 'price_quotes');
    impressions = rows(raw, 'impressions');
    skus = new Map(rows(raw, 'skus').map((s) => [`${s.platform_id}/${s.sku_id}`, s]));
    merchants = new Map(rows(raw, 'merchants').map((m) => [`${m.platform_id}/${m.merchant_id}`, m]));
  }, 60_000);

  it('has three platforms of ~30 merchants of both kinds and all sizes, ~5 skus each in 8 categories', () => {
    const byPlatform = groupBy([...merchants.values()], (m) => m.platform_id);
    expect([...byPlatform.keys()].sort()).toEqual(['p1', 'p2', 'p3']);
    for (const ms_ of byPlatform.values()) {
      expect(ms_.length).toBe(30);
      expect(new Set(ms_.map((m) => m.kind))).toEqual(new Set(['self_operated', 'third_party']));
      expect(new Set(ms_.map((m) => m.size))).toEqual(new Set(['small', 'medium', 'large']));
    }
    const all = [...skus.values()];
    expect(new Set(all.map((s) => s.category)).size).toBe(8);
    expect(all.some((s) => s.own_brand === true)).toBe(true);
    expect(all.filter((s) => s.category === 'fresh.fruit').every((s) => s.perishable === true)).toBe(true);
    expect(Math.min(...all.map((s) => s.rating))).toBeGreaterThanOrEqual(3.5);
    expect(Math.max(...all.map((s) => s.rating))).toBeLessThanOrEqual(4.9);
    expect(all.length / merchants.size).toBeGreaterThan(4);
    expect(all.length / merchants.size).toBeLessThan(6.5);
  });

  it('draws users whose characteristics are correlated as in life', () => {
    const users = [...new Map(quotes.map((q) => [q.user_id, q.user])).values()];
    expect(users.length).toBeGreaterThan(1000);
    const spend = (pred: (u: Row) => boolean) => mean(users.filter(pred).map((u) => u.spend_90d));
    expect(spend((u) => u.device_os === 'ios')).toBeGreaterThan(1.3 * spend((u) => u.device_os === 'android'));
    expect(spend((u) => u.member_tier === 'svip')).toBeGreaterThan(spend((u) => u.member_tier === 'none'));
    expect(spend((u) => u.new_user)).toBeLessThan(spend((u) => !u.new_user));
    expect(users.every((u) => u.new_user === u.tenure_days < 30)).toBe(true);
    // orders_90d follows spend: rank correlation well above zero.
    const paired = users.map((u) => [Math.log1p(u.spend_90d), Math.log1p(u.orders_90d)]);
    const mx = mean(paired.map((p) => p[0]));
    const my = mean(paired.map((p) => p[1]));
    const cov = mean(paired.map(([x, y]) => (x - mx) * (y - my)));
    const sd = (k: 0 | 1, m: number) => Math.sqrt(mean(paired.map((p) => (p[k] - m) ** 2)));
    expect(cov / (sd(0, mx) * sd(1, my))).toBeGreaterThan(0.5);
    for (const field of ['member_tier', 'device_os', 'gender', 'age_band', 'region', 'channel']) {
      expect(new Set(users.map((u) => u[field])).size).toBeGreaterThan(2);
    }
  });

  it.each([
    ['device_os', 'ios'],
    ['gender', 'f'],
    ['age_band', '18-24'],
    ['region', '440000'],
    ['member_tier', 'none'],
  ])('shows opted-out users the same items whoever asks (%s = %s against the rest)', (attribute, value) => {
    const optedOut = impressions.filter((r) => !r.personalized);
    expect(optedOut.length / impressions.length).toBeGreaterThan(0.2);
    expect(optedOut.length / impressions.length).toBeLessThan(0.3);
    // Per cell (platform, surface, query): how far the group's item exposure is from the
    // rest's, as a z-score against random relabelling of the same requests.
    const rng = new SeededRng(11);
    const zs: number[] = [];
    for (const cell of groupBy(optedOut, (r) => `${r.platform_id}/${r.surface}/${r.query ?? ''}`).values()) {
      const inGroup = cell.map((r) => r.user[attribute] === value);
      const hits = inGroup.filter(Boolean).length;
      if (hits < 15 || cell.length - hits < 15) continue;
      const observed = exposureDistance(cell, inGroup);
      const shuffled = Array.from({ length: 39 }, () => exposureDistance(cell, shuffle(rng, inGroup)));
      const m = mean(shuffled);
      const sd = Math.sqrt(mean(shuffled.map((d) => (d - m) ** 2)));
      zs.push((observed - m) / sd);
    }
    expect(zs.length).toBeGreaterThan(5);
    const combined = zs.reduce((a, b) => a + b, 0) / Math.sqrt(zs.length);
    expect(combined).toBeLessThan(4);
  });

  it('personalises only on the declared characteristics', () => {
    const rng = () => new SeededRng(5);
    const catalog = generateCatalog(new SeededRng(1), new IdRegistry(), 'px');
    const ranker = new Ranker(catalog, new SeededRng(2));
    const base = { new_user: false, tenure_days: 400, orders_90d: 3, spend_90d: 5000, member_tier: 'none', device_os: 'android', region: '310000', channel: 'app', gender: 'f', age_band: '25-34' };
    const rich = { ...base, orders_90d: 90, spend_90d: 9_000_000, member_tier: 'svip', device_os: 'ios', new_user: true, tenure_days: 3 };
    const ids = (items: { sku: { sku_id: string } }[]) => items.map((i) => i.sku.sku_id);
    expect(ids(ranker.search(rng(), 'toys', rich))).toEqual(ids(ranker.search(rng(), 'toys', base)));
    expect(ids(ranker.feed(rng(), rich))).toEqual(ids(ranker.feed(rng(), base)));
    // ...and the declared ones do matter.
    expect(ids(ranker.feed(rng(), { ...base, gender: 'm', age_band: '55+', region: '650000' }))).not.toEqual(ids(ranker.feed(rng(), base)));
    const algorithms = rows(raw, 'algorithms');
    expect(algorithms.find((a) => a.algorithm_id === 'p1-search')!.declared_features).toEqual(['query', 'region']);
    expect(algorithms.find((a) => a.algorithm_id === 'p1-feed')!.declared_features).toEqual(['gender', 'age_band', 'region']);
    const pricing = algorithms.find((a) => a.algorithm_id === 'p1-pricing')!;
    expect(pricing).toMatchObject({ surfaces: ['pricing'], personal_pricing: false, opt_out_available: true });
    expect(new Set(impressions.map((r) => r.algorithm_id))).toEqual(new Set(['p1-search', 'p1-feed', 'p2-search', 'p2-feed', 'p3-search', 'p3-feed']));
  });

  it('ranks own-brand items like comparable third-party items, and sells sponsored slots only to third parties', () => {
    const rules = CN_RULE_PACK.self_preferencing;
    const priceOf = new Map<string, number>();
    for (const q of quotes) priceOf.set(`${q.platform_id}/${q.sku_id}`, q.list_price);
    const gaps: number[] = [];
    let ownSponsored = 0;
    for (const r of impressions.filter((x) => rules.surfaces.includes(x.surface))) {
      const items = r.items.map((i: Row) => ({ ...i, sku: skus.get(`${r.platform_id}/${i.sku_id}`)!, price: priceOf.get(`${r.platform_id}/${i.sku_id}`)! }));
      const own = items.filter((i: Row) => i.sku.own_brand || merchants.get(`${r.platform_id}/${i.merchant_id}`)!.kind === 'self_operated');
      const rivals = items.filter((i: Row) => !own.includes(i));
      for (const o of own) {
        for (const t of rivals) {
          if (Math.abs(o.sku.rating - t.sku.rating) <= rules.rating_tolerance && Math.abs(o.price - t.price) <= rules.price_tolerance * t.price) gaps.push(t.rank - o.rank);
        }
      }
      ownSponsored += items.filter((i: Row) => i.sponsored && own.includes(i)).length;
    }
    expect(ownSponsored).toBe(0);
    expect(gaps.length).toBeGreaterThan(200);
    expect(Math.abs(mean(gaps))).toBeLessThan(rules.min_rank_gap / 2);
  });

  it('penalises rival-active merchants no more often than others', () => {
    const rules = CN_RULE_PACK.exclusivity_conduct;
    const events = rows(raw, 'merchant_events').map((e): Row => ({ ...e, tsMs: ms(e.ts) }));
    const sanctions = new Set<string>(['traffic_penalty', 'search_demotion', 'deposit_deducted', 'delisted', 'campaign_excluded', 'warning_notice']);
    for (const platformEvents of groupBy(events, (e) => e.platform_id).values()) {
      const byMerchant = groupBy(platformEvents, (e) => e.merchant_id);
      let rivalActive = 0;
      let sanctionedAfterRival = 0;
      for (const evs of byMerchant.values()) {
        const rival = evs.find((e) => e.type === 'joined_rival_campaign' || e.type === 'opened_rival_store');
        if (!rival) continue;
        rivalActive++;
        const inWindow = evs.filter((e) => e.tsMs > rival.tsMs && e.tsMs <= rival.tsMs + rules.sanction_window_days * DAY);
        const explained = inWindow.some((e) => e.type === 'quality_violation');
        if (!explained && inWindow.some((e) => sanctions.has(e.type))) sanctionedAfterRival++;
      }
      expect(rivalActive).toBeGreaterThanOrEqual(3);
      expect(sanctionedAfterRival).toBeLessThan(Math.min(2, rules.min_sanctioned));
      // Every quality violation is followed by its warning.
      expect(platformEvents.filter((e) => e.type === 'quality_violation').length).toBe(platformEvents.filter((e) => e.type === 'warning_notice' && e.reason_code === 'QUALITY').length);
    }
  });

  it('publishes a benign Chinese and English agreement per platform', () => {
    const docs = rows(raw, 'documents');
    for (const p of ['p1', 'p2', 'p3']) {
      const mine = docs.filter((d) => d.platform_id === p);
      expect(mine.map((d) => d.language).sort()).toEqual(['en', 'zh']);
      const zh = mine.find((d) => d.language === 'zh')!.text as string;
      const en = mine.find((d) => d.language === 'en')!.text as string;
      expect(zh).toContain('非独家');
      expect(zh).toContain('保密');
      expect(zh).toContain('商标');
      expect(en).toMatch(/non-exclusive/i);
      expect(en).toMatch(/any other marketplace/);
      expect(en).toMatch(/confidential/);
      expect(en).toMatch(/licence/);
    }
  });
});
