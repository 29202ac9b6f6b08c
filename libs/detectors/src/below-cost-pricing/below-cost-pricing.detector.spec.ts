import type { Cost, Finding, Order, Sku } from '@fairmarket/contract';
import { CN_RULE_PACK, EU_RULE_PACK, type RulePack } from '@fairmarket/rules';
import { MemorySource } from '../testing/memory-source';
import { belowCostPricingDetector } from './below-cost-pricing.detector';
import { cost, marchDate, marchTs, order, shuffled, sku, PLATFORM } from './test-rows';

interface Rows {
  skus: Sku[];
  costs: Cost[];
  orders: Order[];
}

async function detect(rows: Rows, pack: RulePack = CN_RULE_PACK): Promise<Finding[]> {
  const partial = await belowCostPricingDetector.analyze(new MemorySource(rows), pack);
  return belowCostPricingDetector.decide([JSON.parse(JSON.stringify(partial))], { rules: pack, priorFindings: [] });
}

/** One order a day on each listed March day at `price` (and optional subsidy). */
function sell(skuId: string, merchantId: string, days: number[], price: number, extra: Partial<Order> = {}, time = '10:00:00'): Order[] {
  return days.map((d) => order({ sku_id: skuId, merchant_id: merchantId, ts: marchTs(d, time), unit_price: price, ...extra }));
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);

/** A merchant alone in its category, cost AVC 1000 / ATC 1200, selling at `price` on March days `days`. */
function lone(days: number[], price: number, skuFields: Partial<Sku> = {}, extra: Partial<Order> = {}): Rows {
  return {
    skus: [sku({ sku_id: 's1', merchant_id: 'm1', category: 'cat.lone', ...skuFields })],
    costs: [cost({ sku_id: 's1', merchant_id: 'm1', unit_variable_cost: 1000, unit_total_cost: 1200 })],
    orders: sell('s1', 'm1', days, price, extra),
  };
}

describe('below_cost_pricing', () => {
  it('alerts (high) a dominant merchant below variable cost for 20 days and reports recoupment', async () => {
    const rows = lone(range(1, 20), 800);
    rows.orders.push(...sell('s1', 'm1', range(21, 30), 1500));
    const [f, ...rest] = await detect(rows);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      detector: 'below_cost_pricing',
      kind: null,
      severity: 'high',
      platform_id: PLATFORM,
      subject: { merchant_id: 'm1', sku_id: 's1', actor: 'merchant' },
      period: { from: '2026-03-01T00:00:00+08:00', to: '2026-03-20T23:59:59+08:00' },
      legal_basis: CN_RULE_PACK.below_cost_pricing.legal_basis,
      thresholds: { min_run_days: 14, min_below_share: 0.8, dominance_share: 0.3 },
    });
    expect(f.metrics).toMatchObject({
      basis: 'variable_cost',
      days_below: 20,
      days_tested: 20,
      market_share: 1,
      mean_net_revenue: 800,
      mean_variable_cost: 1000,
      confidence: 'high',
      recoupment: { first_day: '2026-03-21', days_above: 10, days_after_run: 10, max_price: 1500, threshold: 1200 },
    });
    expect(f.evidence[0]).toEqual({ file: 'costs', id: 's1@2026-01-01', note: expect.any(String) });
    expect(f.evidence.filter((e) => e.file === 'orders')).toHaveLength(20);
    expect(f.evidence_total).toBe(21);
    expect(f.summary).toMatch(/below its average variable cost on 20 of 20 trading days/);
    expect(f.summary_zh).toMatch(/低于平均可变成本/);
    expect(f.id).toMatch(/^bc-[0-9a-f]{8}$/);
  });

  it('uses 1.2 x AVC as the recoupment bar when no ATC is declared, and reports none below it', async () => {
    const rows = lone(range(1, 20), 800);
    rows.costs = [cost({ sku_id: 's1', merchant_id: 'm1', unit_variable_cost: 1000 })];
    rows.orders.push(...sell('s1', 'm1', range(21, 25), 1200));
    const [f] = await detect(rows);
    expect(f.metrics).toMatchObject({ recoupment: null, confidence: 'medium' });
    rows.orders.push(...sell('s1', 'm1', [26], 1201));
    const [g] = await detect(rows);
    expect(g.metrics).toMatchObject({ recoupment: { first_day: '2026-03-26', threshold: 1200, days_above: 1 } });
  });

  it('needs a run of 14 calendar days: 13 is a flash sale, 14 is a run', async () => {
    expect(await detect(lone(range(1, 13), 800))).toEqual([]);
    expect(await detect(lone(range(1, 14), 800))).toHaveLength(1);
  });

  it('needs 80% of trading days below cost within the window', async () => {
    const at80 = lone(range(1, 15).filter((d) => ![4, 7, 10].includes(d)), 800);
    at80.orders.push(...sell('s1', 'm1', [4, 7, 10], 1300));
    expect(await detect(at80)).toHaveLength(1);
    const below80 = lone(range(1, 15).filter((d) => ![4, 7, 10, 13].includes(d)), 800);
    below80.orders.push(...sell('s1', 'm1', [4, 7, 10, 13], 1300));
    expect(await detect(below80)).toEqual([]);
  });

  it('weights the day by quantity: one big order at a loss outweighs a small one above cost', async () => {
    const rows = lone(range(1, 14), 900, {}, { quantity: 3 });
    rows.orders.push(...sell('s1', 'm1', range(1, 14), 1200));
    // (3 x 900 + 1200) / 4 = 975 < 1000
    const [f] = await detect(rows);
    expect(f.metrics).toMatchObject({ mean_net_revenue: 975, days_below: 14 });
  });

  it('is high at a 30% category share and info just below it', async () => {
    const market = (ownUnits: number, rivalUnits: number): Rows => {
      const rows = lone(range(1, 14), 800, { category: 'cat.shared' }, { quantity: ownUnits });
      rows.skus.push(sku({ sku_id: 'rival', merchant_id: 'm2', category: 'cat.shared' }));
      rows.orders.push(...sell('rival', 'm2', range(1, 14), 2000, { quantity: rivalUnits }));
      return rows;
    };
    const [high] = await detect(market(3, 7));
    expect(high.severity).toBe('high');
    expect(high.metrics.market_share).toBeCloseTo(0.3, 12);
    const [info] = await detect(market(29, 71));
    expect(info.severity).toBe('info');
    expect(info.metrics).toMatchObject({ market_share: 0.29, merchant_category_units: 29 * 14, category_units: 100 * 14 });
    expect(info.summary).toMatch(/below the 30% market-power threshold/);
  });

  it("counts the merchant's other skus of the category and only the run's days in the share", async () => {
    const rows = lone(range(1, 14), 800, { category: 'cat.shared' });
    rows.skus.push(sku({ sku_id: 's1b', merchant_id: 'm1', category: 'cat.shared' }));
    rows.skus.push(sku({ sku_id: 'rival', merchant_id: 'm2', category: 'cat.shared' }));
    rows.orders.push(...sell('s1b', 'm1', range(1, 14), 5000));
    rows.orders.push(...sell('rival', 'm2', range(1, 14), 5000, { quantity: 4 }));
    // Rival sales outside the run do not dilute the share.
    rows.orders.push(...sell('rival', 'm2', range(20, 30), 5000, { quantity: 50 }));
    const [f] = await detect(rows);
    expect(f.metrics).toMatchObject({ market_share: 2 / 6, merchant_category_units: 28, category_units: 84 });
    expect(f.severity).toBe('high');
  });

  it('cannot establish market power without the sku row (category unknown): info', async () => {
    const rows = lone(range(1, 20), 800);
    rows.skus = [];
    const [f] = await detect(rows);
    expect(f).toMatchObject({ severity: 'info' });
    expect(f.metrics).toMatchObject({ market_share: null, category: null });
  });

  it('reports revenue above AVC but below ATC as info, not as an alert', async () => {
    const [f, ...rest] = await detect(lone(range(1, 20), 1100));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'info', subject: { actor: 'merchant' } });
    expect(f.metrics).toMatchObject({ basis: 'total_cost', mean_net_revenue: 1100, mean_total_cost: 1200 });
  });

  it('does not add a total-cost finding over a variable-cost run', async () => {
    const findings = await detect(lone(range(1, 20), 800));
    expect(findings.map((f) => f.metrics.basis)).toEqual(['variable_cost']);
  });

  it('treats a subsidised price as the platform selling below cost (info, actor platform)', async () => {
    const [f, ...rest] = await detect(lone(range(1, 20), 700, {}, { platform_subsidy: 600 }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      severity: 'info',
      subject: { merchant_id: 'm1', sku_id: 's1', actor: 'platform' },
      legal_basis: CN_RULE_PACK.below_cost_pricing.platform_legal_basis,
    });
    expect(f.metrics).toMatchObject({ basis: 'subsidised_price', mean_buyer_price: 700, mean_net_revenue: 1300 });
  });

  it('still holds the merchant responsible when the subsidy does not lift revenue to cost', async () => {
    const findings = await detect(lone(range(1, 20), 700, {}, { platform_subsidy: 200 }));
    expect(findings.map((f) => [f.severity, f.subject.actor, f.metrics.basis])).toEqual([['high', 'merchant', 'variable_cost']]);
  });

  describe('legitimate reasons remove days from the test', () => {
    it('perishable goods', async () => {
      expect(await detect(lone(range(1, 20), 800, { perishable: true }))).toEqual([]);
    });

    it('expiry within 30 days after the day (inclusive)', async () => {
      // Only 14 March is within 30 days of a 13 April expiry: 1-13 March is too short a run.
      expect(await detect(lone(range(1, 14), 800, { expiry_date: '2026-04-13' }))).toEqual([]);
      expect(await detect(lone(range(1, 14), 800, { expiry_date: '2026-04-14' }))).toHaveLength(1);
    });

    it('from 14 days before the season end', async () => {
      expect(await detect(lone(range(1, 14), 800, { season_end: '2026-03-28' }))).toEqual([]);
      expect(await detect(lone(range(1, 14), 800, { season_end: '2026-03-29' }))).toHaveLength(1);
    });

    it('within 30 days after the launch date (inclusive)', async () => {
      expect(await detect(lone(range(1, 14), 800, { launch_date: '2026-01-30' }))).toEqual([]);
      expect(await detect(lone(range(1, 14), 800, { launch_date: '2026-01-29' }))).toHaveLength(1);
    });

    it('from the declared clearance date', async () => {
      expect(await detect(lone(range(1, 14), 800, { clearance_from: marchDate(14) }))).toEqual([]);
      expect(await detect(lone(range(1, 14), 800, { clearance_from: marchDate(15) }))).toHaveLength(1);
    });

    it('and are counted in the finding when they fall inside a run', async () => {
      const rows = lone(range(1, 20), 800, { clearance_from: marchDate(21) });
      rows.orders.push(...sell('s1', 'm1', [21, 22], 500));
      const [f] = await detect(rows);
      expect(f.metrics).toMatchObject({ days_below: 20, days_exempt: 0 });
      expect(f.metrics.recoupment).toBeNull();
    });
  });

  it('reads the cost valid that day, valid_to inclusive, and does not test days without a cost', async () => {
    const rows = lone(range(1, 14), 800);
    rows.costs = [cost({ sku_id: 's1', merchant_id: 'm1', valid_from: marchDate(1), valid_to: marchDate(14), unit_variable_cost: 1000 })];
    expect(await detect(rows)).toHaveLength(1);
    rows.costs = [cost({ sku_id: 's1', merchant_id: 'm1', valid_from: marchDate(1), valid_to: marchDate(13), unit_variable_cost: 1000 })];
    expect(await detect(rows)).toEqual([]);
  });

  it('lets a newer cost declaration supersede an open-ended older one', async () => {
    const rows = lone(range(1, 20), 800);
    rows.costs.push(cost({ sku_id: 's1', merchant_id: 'm1', valid_from: marchDate(8), unit_variable_cost: 700, unit_total_cost: 750 }));
    // Below AVC only on 1-7 March: no run.
    expect(await detect(rows)).toEqual([]);
  });

  it('counts days in the platform time zone of the rule pack', async () => {
    // 14 cn days (1-14 March at +08:00); the first sale is at 09:00+08:00 (01:00Z, 1 March UTC) and the
    // last at 07:00+08:00 on 14 March (23:00Z on 13 March): in UTC the window is only 13 days.
    const rows = lone([], 800);
    rows.orders = [
      ...sell('s1', 'm1', [1], 800, {}, '09:00:00'),
      ...sell('s1', 'm1', range(2, 13), 800),
      ...sell('s1', 'm1', [14], 800, {}, '07:00:00'),
    ];
    expect(await detect(rows, CN_RULE_PACK)).toHaveLength(1);
    const eu = await detect(rows, EU_RULE_PACK);
    expect(eu).toEqual([]);
  });

  it('cites the eu pack and eu time zone under eu', async () => {
    const [f] = await detect(lone(range(1, 20), 800), EU_RULE_PACK);
    expect(f).toMatchObject({
      legal_basis: EU_RULE_PACK.below_cost_pricing.legal_basis,
      period: { from: '2026-03-01T00:00:00Z', to: '2026-03-20T23:59:59Z' },
    });
  });

  it('caps evidence at 50 items, one order per day before a second one', async () => {
    const rows = lone(range(1, 30), 800);
    for (let k = 0; k < 3; k++) rows.orders.push(...sell('s1', 'm1', range(1, 30), 800));
    const [f] = await detect(rows);
    expect(f.evidence).toHaveLength(50);
    expect(f.evidence_total).toBe(1 + 120);
    const days = new Set(f.evidence.filter((e) => e.file === 'orders').map((e) => e.note?.slice(0, 10)));
    expect(days.size).toBe(30);
  });

  it('gives the same findings and ids whatever the row order', async () => {
    const rows = lone(range(1, 20), 800);
    rows.orders.push(...sell('s1', 'm1', range(21, 30), 1500), ...sell('s1', 'm1', range(1, 20), 850));
    const a = await detect(rows);
    const b = await detect({ skus: rows.skus, costs: shuffled(rows.costs, 1), orders: shuffled(rows.orders, 7) });
    expect(b).toEqual(a);
  });

  it('gives the same findings when each platform is analysed on its own', async () => {
    const p1 = lone(range(1, 20), 800);
    const other = <T extends { platform_id: string }>(r: T): T => ({ ...r, platform_id: 'p-other' });
    const p2 = lone(range(5, 30), 1100);
    const all = new MemorySource({
      skus: [...p1.skus, ...p2.skus.map(other)],
      costs: [...p1.costs, ...p2.costs.map(other)],
      orders: [...p1.orders, ...p2.orders.map(other)],
    });
    const ctx = { rules: CN_RULE_PACK, priorFindings: [] };
    const whole = belowCostPricingDetector.decide([await belowCostPricingDetector.analyze(all, CN_RULE_PACK)], ctx);
    const split = belowCostPricingDetector.decide(
      [
        await belowCostPricingDetector.analyze(all.forPlatform('p-other'), CN_RULE_PACK),
        await belowCostPricingDetector.analyze(all.forPlatform(PLATFORM), CN_RULE_PACK),
      ],
      ctx,
    );
    expect(whole.map((f) => [f.platform_id, f.severity])).toEqual([
      [PLATFORM, 'high'],
      ['p-other', 'info'],
    ]);
    expect(split).toEqual(whole);
  });
});
