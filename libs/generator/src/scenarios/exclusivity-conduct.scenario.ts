/**
 * Planted cases for exclusivity_conduct (detectors.md §5). The finding is per platform, so
 * every case is a platform of its own: a self-operated merchant and third-party merchants in
 * four categories, some of which become rival-active (open a store on, or join a campaign
 * of, a rival platform), and ordinary events (campaign sign-ups) for everyone.
 *
 * Violations (alert): the platform sanctions 7 of 10 rival-active merchants within 1-6 days
 * (traffic limits, demotion, deposit deductions, exclusion, delisting) against 1 of 30 others;
 * the platform silently cuts the impression share of 4 rival-active merchants (one per
 * category) by about 60% after their rival event while their categories' other merchants
 * keep theirs. Look-alikes (nothing): sanctions at one rate for everyone (3 of 10 rival-active,
 * 9 of 30 others); sanctions of rival-active merchants that follow their own quality
 * violations; a traffic dip of whole categories after rival events (shares unchanged); only
 * 2 rival-active merchants sanctioned (below 3, although significant); sanctions 35-39 days
 * after the rival event (outside the 30-day window).
 *
 * Events fall between 09:00 and 20:59 (+08:00), impressions between 09:00 and 21:00.
 */
import type { Scenario, ScenarioContext } from '../scenario';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const CATEGORIES = ['toys.blocks', 'toys.dolls', 'books.kids', 'home.decor'];
const RIVAL_TYPES = ['opened_rival_store', 'joined_rival_campaign'] as const;
const SANCTIONS = ['traffic_penalty', 'search_demotion', 'deposit_deducted', 'campaign_excluded', 'delisted', 'warning_notice'] as const;

interface Shop {
  merchant_id: string;
  category: string;
  skus: string[];
}

/** One case's platform: who sells what, and how to write its events. */
class ConductPlatform {
  readonly platformId: string;
  readonly shops: Shop[] = [];

  constructor(
    private readonly ctx: ScenarioContext,
    thirdParty: number,
  ) {
    this.platformId = ctx.newPlatform('pex');
    ctx.emit('merchants', { platform_id: this.platformId, merchant_id: ctx.id(`${this.platformId}-m`), name: '平台自营', kind: 'self_operated', size: 'large' });
    for (let i = 0; i < thirdParty; i++) {
      const merchant_id = ctx.id(`${this.platformId}-m`);
      const category = CATEGORIES[i % CATEGORIES.length];
      ctx.emit('merchants', { platform_id: this.platformId, merchant_id, name: `Shop ${i + 1}`, kind: 'third_party', size: ['small', 'medium', 'large'][i % 3] });
      const skus = Array.from({ length: 3 }, (_, k) => {
        const sku_id = ctx.id(`${this.platformId}-s`);
        ctx.emit('skus', { platform_id: this.platformId, sku_id, merchant_id, category, title: `${category} item ${k + 1}`, rating: 4.5 });
        return sku_id;
      });
      this.shops.push({ merchant_id, category, skus });
      if (ctx.rng.bool(0.4)) this.event(merchant_id, 'campaign_joined', this.instantOn(ctx.rng.int(0, ctx.days - 1)));
    }
  }

  /** An instant on a period day, 09:00-20:59 (+08:00). */
  instantOn(day: number): number {
    return this.ctx.startMs + day * DAY_MS + this.ctx.rng.int(9 * 3600, 21 * 3600 - 1) * 1000;
  }

  rivalEvent(merchantId: string, day: number): number {
    const at = this.instantOn(day);
    this.event(merchantId, this.ctx.rng.pick(RIVAL_TYPES), at, { rival_platform: 'rival-mall' });
    return at;
  }

  sanction(merchantId: string, atMs: number): void {
    this.event(merchantId, this.ctx.rng.pick(SANCTIONS), atMs, { reason_code: 'RULE-ADJ', detail: '根据平台规则调整' });
  }

  event(merchantId: string, type: string, atMs: number, extra: Record<string, unknown> = {}): void {
    this.ctx.emit('merchant_events', {
      platform_id: this.platformId,
      event_id: this.ctx.id(`${this.platformId}-e`),
      ts: this.ctx.ts(atMs),
      merchant_id: merchantId,
      type,
      ...extra,
    });
  }

  /**
   * Category pages every day: `perDay(day)` requests per category, each ranking the
   * category's skus at random and showing 10; `shown(shop, atMs)` may hide a shop's skus.
   */
  traffic(perDay: (day: number) => number, shown: (shop: Shop, atMs: number) => boolean): void {
    const rng = this.ctx.rng;
    const users = this.ctx.users(this.platformId);
    for (let day = 0; day < this.ctx.days; day++) {
      for (const category of CATEGORIES) {
        const shops = this.shops.filter((s) => s.category === category);
        for (let r = 0; r < perDay(day); r++) {
          const at = this.instantOn(day);
          const candidates = shops
            .filter((shop) => shown(shop, at))
            .flatMap((shop) => shop.skus.map((sku_id) => ({ sku_id, merchant_id: shop.merchant_id, score: rng.next() })))
            .sort((a, b) => b.score - a.score)
            .slice(0, 10);
          const user = rng.pick(users);
          this.ctx.emit('impressions', {
            platform_id: this.platformId,
            request_id: this.ctx.id(`${this.platformId}-r`),
            ts: this.ctx.ts(at),
            user_id: user.user_id,
            user: user.traits,
            personalized: rng.bool(0.75),
            surface: 'category',
            query: category,
            algorithm_id: `${this.platformId}-category`,
            items: candidates.map((c, i) => ({ rank: i + 1, sku_id: c.sku_id, merchant_id: c.merchant_id, sponsored: false })),
          });
        }
      }
    }
  }
}

export const exclusivityConductScenario: Scenario = {
  name: 'exclusivity-conduct',
  detectors: ['exclusivity_conduct'],
  plant(ctx: ScenarioContext): void {
    const rng = ctx.rng;
    const label = (p: ConductPlatform, name: string, alert: boolean, note: string, merchantId?: string) =>
      ctx.label({
        case_id: `ex-${name}`,
        detector: 'exclusivity_conduct',
        kind: null,
        platform_id: p.platformId,
        match: merchantId ? { merchant_ids: merchantId } : {},
        expected: alert ? { cn: 'alert', eu: 'alert' } : { cn: 'none', eu: 'none' },
        note,
      });

    /**
     * `rivals` rival-active merchants (events on days 2-10), `rivalSanctioned` of them
     * sanctioned `delay(i)` days later; `controlSanctioned` of the other 30 sanctioned on days
     * 11-31, inside the 30 days after any rival event.
     */
    const sanctionPlatform = (o: {
      rivals: number;
      rivalSanctioned: number;
      controlSanctioned: number;
      delayDays: () => number;
      rivalDays?: () => number;
      qualityFirst?: boolean;
    }) => {
      const p = new ConductPlatform(ctx, o.rivals + 30);
      const rivals = p.shops.slice(0, o.rivals);
      const sanctioned: string[] = [];
      rivals.forEach((shop, i) => {
        const at = p.rivalEvent(shop.merchant_id, o.rivalDays ? o.rivalDays() : rng.int(2, 10));
        if (i >= o.rivalSanctioned) return;
        const sanctionAt = at + o.delayDays() * DAY_MS;
        if (o.qualityFirst) p.event(shop.merchant_id, 'quality_violation', sanctionAt - rng.int(1, 3) * DAY_MS, { reason_code: 'QUALITY', detail: '抽检不合格' });
        p.sanction(shop.merchant_id, sanctionAt);
        sanctioned.push(shop.merchant_id);
      });
      p.shops.slice(o.rivals, o.rivals + o.controlSanctioned).forEach((shop) => p.sanction(shop.merchant_id, p.instantOn(rng.int(11, 31))));
      return { p, sanctioned };
    };

    const a = sanctionPlatform({ rivals: 10, rivalSanctioned: 7, controlSanctioned: 1, delayDays: () => rng.int(1, 6) });
    label(a.p, 'sanctions', true, '7 of 10 rival-active merchants sanctioned within 1-6 days, 1 of 30 others', a.sanctioned[0]);

    const b = sanctionPlatform({ rivals: 10, rivalSanctioned: 3, controlSanctioned: 9, delayDays: () => rng.int(1, 20) });
    label(b.p, 'random-sanctions', false, 'look-alike: sanctions at one rate for everyone (3 of 10 rival-active, 9 of 30 others)');

    const c = sanctionPlatform({ rivals: 10, rivalSanctioned: 7, controlSanctioned: 1, delayDays: () => rng.int(4, 8), qualityFirst: true });
    label(c.p, 'quality-explained', false, "look-alike: the 7 sanctions of rival-active merchants follow each merchant's own quality violation");

    const f = sanctionPlatform({ rivals: 2, rivalSanctioned: 2, controlSanctioned: 0, delayDays: () => rng.int(1, 6) });
    label(f.p, 'two-sanctioned', false, 'look-alike: only 2 rival-active merchants sanctioned (below 3), although 0 of 30 others are');

    const g = sanctionPlatform({ rivals: 8, rivalSanctioned: 8, controlSanctioned: 0, delayDays: () => rng.int(35, 39), rivalDays: () => rng.int(1, 2) });
    label(g.p, 'late-sanctions', false, 'look-alike: sanctions 35-39 days after the rival event, outside the 30-day window');

    const requestsPerDay = Math.max(6, Math.round(25 * ctx.scale));
    // Share drops: one rival-active merchant per category, hidden from 60% of the requests
    // after its rival event (days 14-20).
    const e = new ConductPlatform(ctx, 24);
    const hiddenFrom = new Map<string, number>();
    CATEGORIES.forEach((category) => {
      const shop = e.shops.find((s) => s.category === category)!;
      hiddenFrom.set(shop.merchant_id, e.rivalEvent(shop.merchant_id, rng.int(14, 20)));
    });
    e.traffic(
      () => requestsPerDay,
      (shop, at) => !(at > (hiddenFrom.get(shop.merchant_id) ?? Infinity) && rng.bool(0.6)),
    );
    label(e, 'share-drops', true, "4 rival-active merchants' category impression shares cut by about 60% after their rival event", [...hiddenFrom.keys()][0]);

    // Traffic dip: rival events on days 19-21, and from day 20 every category gets 40% of its requests.
    const d = new ConductPlatform(ctx, 24);
    CATEGORIES.forEach((category) => d.rivalEvent(d.shops.find((s) => s.category === category)!.merchant_id, rng.int(19, 21)));
    d.traffic(
      (day) => (day >= 20 ? Math.max(3, Math.round(requestsPerDay * 0.4)) : requestsPerDay),
      () => true,
    );
    label(d, 'category-dip', false, 'look-alike: from day 20 every merchant of every category loses 60% of its impressions (shares unchanged)');
  },
};
