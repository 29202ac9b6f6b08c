/**
 * Regressions from review: evidence never exceeds 50 items even with many declared costs; a
 * variable-cost run points only at orders below AVC; a total-cost run holding days below AVC
 * does not claim it sold "above its average variable cost".
 */
import type { Finding } from '@fairmarket/contract';
import { CN_RULE_PACK } from '@fairmarket/rules';
import { MemorySource } from '../testing/memory-source';
import { belowCostPricingDetector } from './below-cost-pricing.detector';
import { cost, marchDate, marchTs, order, sku } from './test-rows';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);

async function detect(rows: ConstructorParameters<typeof MemorySource>[0]): Promise<Finding[]> {
  const partial = await belowCostPricingDetector.analyze(new MemorySource(rows), CN_RULE_PACK);
  return belowCostPricingDetector.decide([partial], { rules: CN_RULE_PACK, priorFindings: [] });
}

const skus = [sku({ sku_id: 's1', merchant_id: 'm1', category: 'cat.lone' })];

describe('below_cost_pricing evidence and wording', () => {
  it('caps evidence at 50 items when the run spans more than 50 declared costs', async () => {
    const days = range(1, 70);
    const costs = days.map((d) => cost({ sku_id: 's1', merchant_id: 'm1', valid_from: marchDate(d), unit_variable_cost: 1000, unit_total_cost: 1200 }));
    const orders = days.map((d) => order({ sku_id: 's1', merchant_id: 'm1', ts: marchTs(d), unit_price: 800 }));
    const [f] = await detect({ skus, costs, orders });
    expect(f.metrics.basis).toBe('variable_cost');
    expect(f.evidence.length).toBeLessThanOrEqual(50);
    expect(f.evidence.some((e) => e.file === 'orders')).toBe(true);
    expect(f.evidence_total).toBe(70 + 70);
  });

  it('cites only orders below AVC for a variable-cost run', async () => {
    const costs = [cost({ sku_id: 's1', merchant_id: 'm1', unit_variable_cost: 1000, unit_total_cost: 1200 })];
    // Each day: an order between AVC and ATC (smaller id, so it would be sampled first) and one below AVC; mean 950 < AVC.
    const orders = range(1, 20).flatMap((d) => [
      order({ sku_id: 's1', merchant_id: 'm1', ts: marchTs(d), unit_price: 1100, order_id: `a-${d}` }),
      order({ sku_id: 's1', merchant_id: 'm1', ts: marchTs(d), unit_price: 800, order_id: `b-${d}` }),
    ]);
    const [f, ...rest] = await detect({ skus, costs, orders });
    expect(rest).toEqual([]);
    expect(f.metrics.basis).toBe('variable_cost');
    const cited = f.evidence.filter((e) => e.file === 'orders').map((e) => e.id);
    expect(cited).toHaveLength(20);
    expect(cited.every((id) => id.startsWith('b-'))).toBe(true);
    expect(f.evidence_total).toBe(1 + 20);
  });

  it('does not say "above its average variable cost" of a total-cost run with days below AVC', async () => {
    const costs = [cost({ sku_id: 's1', merchant_id: 'm1', unit_variable_cost: 1000, unit_total_cost: 1200 })];
    const orders = range(1, 20).map((d) => order({ sku_id: 's1', merchant_id: 'm1', ts: marchTs(d), unit_price: d % 7 === 0 ? 900 : 1100 }));
    const [f, ...rest] = await detect({ skus, costs, orders });
    expect(rest).toEqual([]);
    expect(f.metrics).toMatchObject({ basis: 'total_cost', days_below: 20, days_below_variable_cost: 2 });
    expect(f.summary).not.toMatch(/above its average variable cost/);
    expect(f.summary).toMatch(/below its average total cost \(on 2 of those days also below its average variable cost\)/);
    expect(f.summary_zh).toMatch(/其中2天亦低于平均可变成本/);
    expect(f.method).not.toMatch(/but not below unit_variable_cost/);
  });

  it('still says "above its average variable cost" when no day fell below it', async () => {
    const costs = [cost({ sku_id: 's1', merchant_id: 'm1', unit_variable_cost: 1000, unit_total_cost: 1200 })];
    const orders = range(1, 20).map((d) => order({ sku_id: 's1', merchant_id: 'm1', ts: marchTs(d), unit_price: 1100 }));
    const [f] = await detect({ skus, costs, orders });
    expect(f.summary).toMatch(/above its average variable cost but below its average total cost/);
  });
});
