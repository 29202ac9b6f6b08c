import type { PriceQuote } from '@fairmarket/contract';
import { LOG_UNITS, logPriceUnits } from './effective-price';
import type { GroupTest } from './group-tests';
import { MAX_EVIDENCE, PairCollector } from './pair-evidence';
import { quote, T0 } from './testing/quote-market';

const GROUP = 1;
const REST = 2;
const test = { attribute: 'device_os', columns: [GROUP], restColumns: [REST] } as GroupTest;
const user = { id: 'u', traits: {} };

function add(c: PairCollector, stratum: number, sku: string, id: string, price: number, column: number): PriceQuote {
  const q = quote({ merchant: 'm', sku, tsMs: T0, user, offer: { price }, id });
  c.add(stratum, `${sku}|${stratum}`, q, price, logPriceUnits(price)!, column);
  return q;
}

describe('PairCollector', () => {
  it('pairs the group dearest-first with the comparison group cheapest-first, counting pairs where the group pays more', () => {
    const c = new PairCollector(test);
    // Group pays 110, 110, 100; comparison 100, 100, 105, 120: pairs 110/100, 110/100, 100/105 -> 2.
    [110, 110, 100].forEach((p, i) => add(c, 0, 's1', `g${i}`, p, GROUP));
    [100, 100, 105, 120].forEach((p, i) => add(c, 0, 's1', `r${i}`, p, REST));
    // Missing values (another column) are in neither group.
    add(c, 0, 's1', 'x', 200, 9);
    const e = c.summary(0.02, LOG_UNITS);
    expect(e.total).toBe(2);
    // The leading pair: dearest group quote against cheapest comparison quote, ties by id.
    expect(e.pairs).toEqual([{ sku_id: 's1', group_quote: 'g0', group_price: 110, rest_quote: 'r0', rest_price: 100 }]);
    // On average the two groups paid about the same here (106.7 vs 106.3): s1 is no affected sku.
    expect(e.sku_ids).toEqual([]);
  });

  it('keeps the 50 largest gaps, one leading pair per stratum, ties by quote id', () => {
    const c = new PairCollector(test);
    for (let s = 0; s < 80; s++) {
      add(c, s, `s${s % 7}`, `g${String(s).padStart(3, '0')}`, 100 + (s % 40), GROUP);
      add(c, s, `s${s % 7}`, `r${String(s).padStart(3, '0')}`, 100, REST);
    }
    const e = c.summary(0.02, LOG_UNITS);
    expect(e.total).toBe(78); // gaps of 0 (s = 0 and 40) are no evidence
    expect(e.pairs).toHaveLength(MAX_EVIDENCE);
    expect(e.pairs.slice(0, 3).map((p) => p.group_quote)).toEqual(['g039', 'g079', 'g038']);
    expect(e.pairs.every((p, i) => i === 0 || p.group_price <= e.pairs[i - 1].group_price)).toBe(true);
  });

  it('names only the skus where the group paid materially more', () => {
    const c = new PairCollector(test);
    add(c, 0, 'dear', 'g1', 106, GROUP);
    add(c, 0, 'dear', 'r1', 100, REST);
    add(c, 1, 'flat', 'g2', 101, GROUP);
    add(c, 1, 'flat', 'r2', 100, REST);
    expect(c.summary(0.02, LOG_UNITS).sku_ids).toEqual(['dear']);
  });

  it('pools prices of a stratum with very many distinct prices, still counting pairs', () => {
    const c = new PairCollector(test);
    for (let i = 0; i < 600; i++) add(c, 0, 's1', `g${i}`, 20_000 + i * 7, GROUP);
    for (let i = 0; i < 600; i++) add(c, 0, 's1', `r${i}`, 10_000 + i * 3, REST);
    const e = c.summary(0.02, LOG_UNITS);
    expect(e.total).toBe(600);
    expect(e.pairs[0]).toMatchObject({ group_quote: 'g599', rest_quote: 'r0' });
  });
});
