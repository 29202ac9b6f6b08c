import type { Finding, Listing, Order } from '@fairmarket/contract';
import { CN_RULE_PACK, EU_RULE_PACK, type RulePack } from '@fairmarket/rules';
import { listing, marchTs, order, PLATFORM, shuffled } from '../below-cost-pricing/test-rows';
import { MemorySource } from '../testing/memory-source';
import { fakePromotionDetector } from './fake-promotion.detector';

interface Rows {
  listings: Listing[];
  orders: Order[];
}

const M = 'm1';
const S = 's1';
/** The promotion starts on 1 April (day 32 of March). */
const START = 32;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);

async function detect(rows: Rows, pack: RulePack = CN_RULE_PACK): Promise<Finding[]> {
  const partial = await fakePromotionDetector.analyze(new MemorySource(rows), pack);
  return fakePromotionDetector.decide([JSON.parse(JSON.stringify(partial))], { rules: pack, priorFindings: [] });
}

/** Another sku that trades and is listed every day from `from` to 30 April: the platform's logs cover those days. */
function platformLogs(from = 1): Rows {
  return {
    listings: range(from, 61).map((d) => listing({ sku_id: 'bg', merchant_id: 'm-bg', ts: marchTs(d, '00:00:00'), displayed_price: 5000 })),
    orders: range(from, 61).map((d) => order({ sku_id: 'bg', merchant_id: 'm-bg', ts: marchTs(d, '12:00:00'), unit_price: 5000 })),
  };
}

function regular(days: number[], price: number, time = '00:00:00'): Listing[] {
  return days.map((d) => listing({ sku_id: S, merchant_id: M, ts: marchTs(d, time), displayed_price: price, promo_type: 'none' }));
}

function promo(days: number[], price: number, extra: Partial<Listing> = {}, time = '00:00:00'): Listing[] {
  return days.map((d) =>
    listing({ sku_id: S, merchant_id: M, ts: marchTs(d, time), displayed_price: price, promo_id: 'pr-1', promo_type: 'discount', ...extra }),
  );
}

function sales(days: number[], price: number, quantity = 1, time = '12:00:00'): Order[] {
  return days.map((d) => order({ sku_id: S, merchant_id: M, ts: marchTs(d, time), unit_price: price, quantity }));
}

function rows(...parts: Partial<Rows>[]): Rows {
  return { listings: parts.flatMap((p) => p.listings ?? []), orders: parts.flatMap((p) => p.orders ?? []) };
}

const kinds = (findings: Finding[]) => findings.map((f) => [f.kind, f.severity]);

describe('fake_promotion', () => {
  describe('fictitious_reference_price under cn (lowest order price of the 7 days before the start)', () => {
    const sold = (reference: number, orderPrice = 10000) =>
      rows(platformLogs(), { listings: [...regular(range(1, START - 1), 10000), ...promo(range(START, START + 3), 8000, { reference_price: reference })] }, { orders: sales(range(START - 7, START - 1), orderPrice) });

    it('is high at 10% above the lawful price, medium below that, and nothing at the lawful price', async () => {
      const [high] = await detect(sold(11000));
      expect(high).toMatchObject({ kind: 'fictitious_reference_price', severity: 'high', subject: { merchant_id: M, sku_id: S } });
      expect(high.metrics).toMatchObject({
        violating: 1,
        worst: { promo_id: 'pr-1', reference_price: 11000, lawful_price: 10000, lawful_basis: 'lowest_order_price', lookback_from: '2026-03-25', lookback_to: '2026-03-31' },
      });
      expect(high.legal_basis).toEqual(CN_RULE_PACK.fake_promotion.legal_basis.fictitious_reference_price);
      expect(high.thresholds).toEqual({ prior_price_basis: 'lowest_order_price', prior_price_lookback_days: 7, fallback_last_order_price: true, reference_high_excess: 0.1 });
      expect(high.evidence.map((e) => e.file)).toEqual(['listings', 'listings', 'listings', 'listings', 'orders']);
      expect(high.evidence_total).toBe(5);
      expect(high.summary).toMatch(/prior price of CNY 110.00 in promotion pr-1 .*lawful reference of CNY 100.00 \(10% above\)/);
      expect(high.summary_zh).toMatch(/促销前7日内的最低成交价/);
      expect(kinds(await detect(sold(10999)))).toEqual([['fictitious_reference_price', 'medium']]);
      expect(await detect(sold(10000))).toEqual([]);
    });

    it('takes the lowest order of the 7 days: a cheaper order 8 days before does not count', async () => {
      const cheapOn = (day: number) => {
        const r = sold(10000);
        r.orders.push(...sales([day], 8000));
        return r;
      };
      expect(kinds(await detect(cheapOn(START - 7)))).toEqual([['fictitious_reference_price', 'high']]);
      expect(await detect(cheapOn(START - 8))).toEqual([]);
    });

    it('falls back to the last order price before the start when the 7 days have no order', async () => {
      const r = rows(platformLogs(), { listings: promo(range(START, START + 3), 8000, { reference_price: 10000 }) }, { orders: [...sales([10], 7000), ...sales([20], 9000)] });
      const [f] = await detect(r);
      expect(f.metrics).toMatchObject({ worst: { lawful_price: 9000, lawful_basis: 'last_order_price' } });
      expect(f.severity).toBe('high');
      expect(f.summary).toMatch(/last order price before the promotion/);
    });

    it('reports a sku that never sold before the start as unverifiable (info)', async () => {
      const [f, ...rest] = await detect(rows(platformLogs(), { listings: promo(range(START, START + 3), 8000, { reference_price: 10000 }) }));
      expect(rest).toEqual([]);
      expect(f).toMatchObject({ severity: 'info', kind: 'fictitious_reference_price' });
      expect(f.metrics).toMatchObject({ violating: 0, unverifiable: 1, worst: { unverifiable: 'never_sold', lawful_price: null } });
      expect(f.summary).toMatch(/cannot be verified: the sku has no order before the promotion/);
    });

    it("reports unverifiable (info) when the platform's orders start inside the look-back", async () => {
      const late = (from: number) =>
        rows(platformLogs(from), { listings: promo(range(START, START + 3), 8000, { reference_price: 20000 }) }, { orders: sales([START - 1], 10000) });
      const [f] = await detect(late(START - 6));
      expect(f).toMatchObject({ severity: 'info' });
      expect(f.metrics).toMatchObject({ worst: { unverifiable: 'lookback_not_covered' } });
      expect(kinds(await detect(late(START - 7)))).toEqual([['fictitious_reference_price', 'high']]);
    });

    it('reads the start from promo_starts_at before the first snapshot', async () => {
      // Orders at 80.00 on 25-31 March, at 100.00 on 18-24 March; the page claims the promotion began 25 March.
      const base = rows(platformLogs(), { orders: [...sales(range(18, 24), 10000), ...sales(range(25, 31), 8000)] });
      const claimed = rows(base, { listings: promo(range(START, START + 3), 7000, { reference_price: 10000, promo_starts_at: marchTs(25, '00:00:00') }) });
      expect(await detect(claimed)).toEqual([]);
      const unclaimed = rows(base, { listings: promo(range(START, START + 3), 7000, { reference_price: 10000 }) });
      expect(kinds(await detect(unclaimed))).toEqual([['fictitious_reference_price', 'high']]);
    });

    it('exempts RRP and competitor references and ignores references outside a promotion', async () => {
      const base = rows(platformLogs(), { orders: sales(range(START - 7, START - 1), 10000) });
      expect(await detect(rows(base, { listings: promo(range(START, START + 3), 8000, { reference_price: 20000, reference_kind: 'rrp' }) }))).toEqual([]);
      expect(await detect(rows(base, { listings: promo(range(START, START + 3), 8000, { reference_price: 20000, reference_kind: 'competitor' }) }))).toEqual([]);
      expect(await detect(rows(base, { listings: regular(range(START, START + 3), 8000).map((l) => ({ ...l, reference_price: 20000 })) }))).toEqual([]);
    });
  });

  describe('fictitious_reference_price under eu (lowest displayed price of the 30 days before the start)', () => {
    const shown = (cheapDay: number) =>
      rows(platformLogs(), {
        listings: [
          // Snapshots at noon +08:00 fall on the same date in UTC, the eu pack's zone.
          ...regular(range(1, START - 1).filter((d) => d !== cheapDay), 10000, '12:00:00'),
          // An earlier one-day flash sale: a displayed price, but not a regular one (no raise before the discount).
          ...promo([cheapDay], 8000, {}, '12:00:00').map((l) => ({ ...l, promo_id: 'flash-0' })),
          ...promo(range(START, START + 3), 9000, { reference_price: 10000 }, '12:00:00'),
        ],
        orders: sales(range(1, START - 1), 10000),
      });

    it('counts a displayed price 30 days before the start and not 31', async () => {
      const [f] = await detect(shown(START - 30), EU_RULE_PACK);
      expect(f).toMatchObject({ severity: 'high', legal_basis: ['EU-PID-6A'] });
      expect(f.metrics).toMatchObject({ worst: { lawful_price: 8000, lawful_basis: 'lowest_displayed_price', lookback_from: '2026-03-02' } });
      expect(await detect(shown(START - 31), EU_RULE_PACK)).toEqual([]);
    });

    it('splits from cn: a lower price displayed 20 days before is lawful under cn, not under eu', async () => {
      const r = rows(platformLogs(), {
        listings: [
          ...regular(range(1, START - 1).filter((d) => d < 10 || d > 13), 10000),
          ...promo(range(10, 13), 8000).map((l) => ({ ...l, promo_id: 'flash-0' })),
          ...promo(range(START, START + 3), 9000, { reference_price: 10000 }),
        ],
        orders: sales(range(1, START - 1), 10000),
      });
      expect(await detect(r, CN_RULE_PACK)).toEqual([]);
      expect(kinds(await detect(r, EU_RULE_PACK))).toEqual([['fictitious_reference_price', 'high']]);
    });

    it('splits the other way: orders paid with coupons below the displayed price make the reference unlawful in cn only', async () => {
      const r = rows(platformLogs(), {
        listings: [...regular(range(1, START - 1), 10000), ...promo(range(START, START + 3), 9000, { reference_price: 10000 })],
        orders: sales(range(1, START - 1), 8900),
      });
      expect(kinds(await detect(r, CN_RULE_PACK))).toEqual([['fictitious_reference_price', 'high']]);
      expect(await detect(r, EU_RULE_PACK)).toEqual([]);
    });

    it('reports a look-back before the logs as unverifiable (info) under eu while cn can judge it', async () => {
      const r = rows(platformLogs(10), {
        listings: [...regular(range(10, START - 1), 10000), ...promo(range(START, START + 3), 9000, { reference_price: 10000 })],
        orders: sales(range(10, START - 1), 10000),
      });
      expect(await detect(r, CN_RULE_PACK)).toEqual([]);
      const [f] = await detect(r, EU_RULE_PACK);
      expect(f).toMatchObject({ severity: 'info' });
      expect(f.summary).toMatch(/does not cover the 30 days before the promotion/);
    });
  });

  describe('raise_then_discount', () => {
    const raised = (riseDay: number, after: number, promoPrice: number) =>
      rows(platformLogs(), {
        listings: [...regular(range(1, riseDay - 1), 10000), ...regular(range(riseDay, START - 1), after), ...promo(range(START, START + 3), promoPrice)],
      });

    it('is high when the regular price rose 5% within 30 days and the promotion is not below the old price', async () => {
      const [f] = await detect(raised(20, 10500, 10000));
      expect(f).toMatchObject({ kind: 'raise_then_discount', severity: 'high', legal_basis: CN_RULE_PACK.fake_promotion.legal_basis.raise_then_discount });
      expect(f.metrics).toMatchObject({ worst: { regular_before: 10000, regular_after: 10500, promotion_price: 10000, rise_date: '2026-03-20' } });
      expect(f.metrics.worst).toMatchObject({ rise: expect.closeTo(0.05, 10) });
      expect(f.evidence).toHaveLength(3);
      expect(f.summary).toMatch(/raised from 100.00 to 105.00 \(\+5.0%\) on 2026-03-20/);
    });

    it('is nothing below a 5% rise or when the promotion undercuts the old price', async () => {
      expect(await detect(raised(20, 10499, 10000))).toEqual([]);
      expect(await detect(raised(20, 12000, 9999))).toEqual([]);
    });

    it('only looks at rises within the 30 days before the start', async () => {
      expect(kinds(await detect(raised(START - 30, 12000, 11000)))).toEqual([['raise_then_discount', 'high']]);
      expect(await detect(raised(START - 31, 12000, 11000))).toEqual([]);
    });

    it('ignores earlier promotion prices: only regular prices make the base', async () => {
      const r = rows(platformLogs(), {
        listings: [
          ...regular(range(1, START - 1).filter((d) => d < 10 || d > 13), 10000),
          ...promo(range(10, 13), 8000).map((l) => ({ ...l, promo_id: 'flash-0' })),
          ...promo(range(START, START + 3), 9000),
        ],
      });
      expect(await detect(r)).toEqual([]);
    });
  });

  describe('fake_countdown', () => {
    const end = (day: number) => marchTs(day, '12:00:00');

    it('is nothing for a countdown that ends when claimed, or is extended once', async () => {
      const genuine = rows(platformLogs(), { listings: [...regular(range(20, 31), 10000, '12:00:00'), ...promo(range(START, START + 3), 8000, { countdown_ends_at: end(START + 3) }, '11:00:00'), ...regular(range(START + 4, START + 10), 10000, '12:00:00')] });
      expect(await detect(genuine)).toEqual([]);
      const once = rows(platformLogs(), {
        listings: [
          ...promo(range(START, START + 1), 8000, { countdown_ends_at: end(START + 1) }, '11:00:00'),
          ...promo(range(START + 2, START + 3), 8000, { countdown_ends_at: end(START + 3) }, '11:00:00'),
          ...regular(range(START + 4, START + 10), 10000, '12:00:00'),
        ],
      });
      expect(await detect(once)).toEqual([]);
    });

    it('is medium when the end moves later twice at the same price, not when the price rose', async () => {
      const resets = (secondPrice: number) =>
        rows(platformLogs(), {
          listings: [
            ...promo([START], 8000, { countdown_ends_at: end(START) }, '11:00:00'),
            ...promo([START + 1], 8000, { countdown_ends_at: end(START + 1) }, '11:00:00'),
            ...promo([START + 2], secondPrice, { countdown_ends_at: end(START + 2) }, '11:00:00'),
            ...regular(range(START + 3, START + 10), 10000, '12:00:00'),
          ],
        });
      const [f] = await detect(resets(8000));
      expect(f).toMatchObject({ kind: 'fake_countdown', severity: 'medium' });
      expect(f.metrics).toMatchObject({ worst: { promo_id: 'pr-1', resets: 2, first_claimed_end: end(START), last_claimed_end: end(START + 2) } });
      // The 2 April snapshot closes the first reset and opens the second: listed once.
      expect(f.evidence.map((e) => e.note)).toEqual([
        expect.stringMatching(/claims it ends 2026-04-01T12:00:00\+08:00 at 80.00/),
        expect.stringMatching(/end moved to 2026-04-02T12:00:00\+08:00/),
        expect.stringMatching(/end moved to 2026-04-03T12:00:00\+08:00/),
      ]);
      expect(f.evidence_total).toBe(4);
      expect(f.summary).toMatch(/moved its countdown end later 2 times/);
      expect(await detect(resets(8100))).toEqual([]);
    });

    it('is medium when the promotion price goes on 3 days after the claimed end, not 3 days less an hour', async () => {
      const overrun = (lastTime: string) =>
        rows(platformLogs(), {
          listings: [
            ...promo(range(START, START + 2), 8000, { countdown_ends_at: end(START + 2) }, '11:00:00'),
            ...promo(range(START + 3, START + 4), 8000, {}, '13:00:00'),
            ...promo([START + 5], 8000, {}, lastTime),
            ...regular([START + 6], 10000, '12:00:00'),
          ],
        });
      const [f] = await detect(overrun('12:00:00'));
      expect(f.metrics).toMatchObject({ worst: { resets: 0, overrun_days: 3, continued_until: marchTs(START + 5, '12:00:00') } });
      expect(f.summary).toMatch(/kept the promotion price 3 days past the claimed end/);
      expect(await detect(overrun('11:00:00'))).toEqual([]);
    });
  });

  describe('fake_scarcity', () => {
    /** Stock claims every 6 hours; `sold[k]` units ordered after claim k. */
    const scarcity = (claims: number[], sold: number[]) =>
      rows(platformLogs(), {
        listings: claims.map((claim, k) =>
          listing({ sku_id: S, merchant_id: M, ts: new Date(Date.parse(marchTs(10, '00:00:00')) + k * 6 * 3600_000).toISOString(), displayed_price: 5000, claimed_stock_left: claim }),
        ),
        orders: sold.flatMap((units, k) =>
          units > 0 ? [order({ sku_id: S, merchant_id: M, ts: new Date(Date.parse(marchTs(10, '01:00:00')) + k * 6 * 3600_000).toISOString(), unit_price: 5000, quantity: units })] : [],
        ),
      });

    it('is medium on 3 occasions of more units sold than claimed left while stock is still claimed', async () => {
      const [f] = await detect(scarcity([3, 3, 3, 3, 3], [4, 4, 4, 0]));
      expect(f).toMatchObject({ kind: 'fake_scarcity', severity: 'medium' });
      expect(f.metrics).toMatchObject({ occasions: 3, examples: [{ claimed_stock_left: 3, units_ordered: 4, next_claimed_stock_left: 3 }, {}, {}] });
      expect(f.evidence_total).toBe(3 * 3);
    });

    it('is nothing on 2 occasions, on honest counts, or when the next snapshot claims none left', async () => {
      expect(await detect(scarcity([3, 3, 3, 3], [4, 4, 0]))).toEqual([]);
      expect(await detect(scarcity([9, 6, 3, 1, 1], [3, 3, 2, 0]))).toEqual([]);
      expect(await detect(scarcity([3, 0, 3, 0, 3, 0], [4, 0, 4, 0, 4]))).toEqual([]);
    });
  });

  describe('inflated_sales', () => {
    const claimed = (claim: number, logsFrom = 1) =>
      rows(platformLogs(logsFrom), {
        listings: [listing({ sku_id: S, merchant_id: M, ts: marchTs(START, '00:00:00'), displayed_price: 5000, claimed_sales_30d: claim })],
        // 60 units in the 30 days before 1 April, plus sales on the day itself that do not count.
        orders: [...sales(range(Math.max(logsFrom, START - 30), START - 1), 5000, 2), ...sales([START], 5000, 50, '00:00:00')],
      });

    it('is medium above 1.5 x units + 10 and nothing at it', async () => {
      const [f] = await detect(claimed(101));
      expect(f).toMatchObject({ kind: 'inflated_sales', severity: 'medium' });
      expect(f.metrics).toMatchObject({ snapshots_over: 1, snapshots_checked: 1, worst: { claimed_sales_30d: 101, units_ordered: 60, limit: 100, window_from: '2026-03-02', window_to: '2026-03-31' } });
      expect(f.evidence[0]).toMatchObject({ file: 'listings' });
      expect(f.evidence.filter((e) => e.file === 'orders')).toHaveLength(10);
      expect(await detect(claimed(100))).toEqual([]);
    });

    it('caps evidence at 50 items and counts every claim above the limit and every order of the worst window', async () => {
      const r = rows(platformLogs(), {
        listings: range(31, 61).flatMap((d) =>
          [0, 6, 12].map((h) => listing({ sku_id: S, merchant_id: M, ts: marchTs(d, `${String(h).padStart(2, '0')}:00:00`), displayed_price: 5000, claimed_sales_30d: 999 })),
        ),
        orders: sales(range(1, 61), 5000),
      });
      const [f] = await detect(r);
      expect(f.metrics).toMatchObject({ snapshots_over: 93, snapshots_checked: 93 });
      expect(f.evidence).toHaveLength(50);
      expect(f.evidence.filter((e) => e.file === 'orders')).toHaveLength(10);
      expect(f.evidence_total).toBe(93 + 30);
    });

    it('judges only snapshots whose 30 days the orders cover', async () => {
      expect(await detect(claimed(5000, 3))).toEqual([]);
      expect(kinds(await detect(claimed(5000, 2)))).toEqual([['inflated_sales', 'medium']]);
    });
  });

  it('finds several kinds on one sku, sorted by severity, with stable ids', async () => {
    const r = rows(platformLogs(), {
      listings: [
        ...regular(range(1, 19), 10000),
        ...regular(range(20, START - 1), 11000),
        ...promo(range(START, START + 3), 10000, { reference_price: 15000, claimed_sales_30d: 999 }),
      ],
      orders: sales(range(1, START - 1), 10000),
    });
    const a = await detect(r);
    expect(kinds(a)).toEqual([
      ['fictitious_reference_price', 'high'],
      ['raise_then_discount', 'high'],
      ['inflated_sales', 'medium'],
    ]);
    expect(new Set(a.map((f) => f.id)).size).toBe(3);
    const b = await detect({ listings: shuffled(r.listings, 3), orders: shuffled(r.orders, 11) });
    expect(b).toEqual(a);
  });

  it('gives the same findings when each platform is analysed on its own', async () => {
    const p1 = rows(platformLogs(), { listings: [...regular(range(1, START - 1), 10000), ...promo(range(START, START + 3), 9000, { reference_price: 12000 })], orders: sales(range(1, START - 1), 10000) });
    const other = <T extends { platform_id: string }>(x: T): T => ({ ...x, platform_id: 'p-other' });
    const p2 = rows(platformLogs(20), { listings: promo(range(START, START + 3), 9000, { reference_price: 12000 }) });
    const all = new MemorySource({ listings: [...p1.listings, ...p2.listings.map(other)], orders: [...p1.orders, ...p2.orders.map(other)] });
    const ctx = { rules: CN_RULE_PACK, priorFindings: [] };
    const whole = fakePromotionDetector.decide([await fakePromotionDetector.analyze(all, CN_RULE_PACK)], ctx);
    const split = fakePromotionDetector.decide(
      [await fakePromotionDetector.analyze(all.forPlatform('p-other'), CN_RULE_PACK), await fakePromotionDetector.analyze(all.forPlatform(PLATFORM), CN_RULE_PACK)],
      ctx,
    );
    expect(whole.map((f) => [f.platform_id, f.severity])).toEqual([
      [PLATFORM, 'high'],
      ['p-other', 'info'],
    ]);
    expect(split).toEqual(whole);
  });
});
