import { CN_RULE_PACK } from '@fairmarket/rules';
import { mulberry32, shuffleInPlace } from '@fairmarket/stats';
import { attributeSpecs } from './characteristics';
import type { ColumnLayout } from './column-layout';
import { MerchantProfile } from './merchant-profile';
import { StratumTable } from './stratum-table';

const attributes = attributeSpecs(CN_RULE_PACK.price_discrimination);
const layout: ColumnLayout = new MerchantProfile(attributes).layout();
const columns = Int32Array.from(layout.attributes.map((a) => a.missingColumn));

type Row = [sku: string, window: number, y: number];

function fill(rows: Row[]): StratumTable {
  const table = new StratumTable(layout);
  for (const [sku, window, y] of rows) table.add(table.stratumOf(sku, window, ''), y, columns);
  table.finish();
  return table;
}

function snapshot(table: StratumTable) {
  return {
    strata: table.order.map((s) => [table.key(s), table.totals(s)]),
    sums: Array.from(table.columnSums),
    squares: table.sumOfSquares,
  };
}

describe('StratumTable', () => {
  it('sums log prices from each stratum\'s lowest price, exactly, whatever the arrival order', () => {
    const rand = mulberry32(1);
    const rows: Row[] = Array.from({ length: 5000 }, () => [`s${Math.floor(rand() * 5)}`, Math.floor(rand() * 30), 600_000 + Math.floor(rand() * 4000)]);
    const a = snapshot(fill(rows));
    const b = snapshot(fill(shuffleInPlace([...rows], mulberry32(2))));
    expect(b).toEqual(a);
    // Check one stratum by hand.
    const [key, totals] = a.strata[0] as [string, { n: number; sum: number; sumSq: number }];
    const ys = rows.filter(([sku, w]) => `${sku}\u0000${w}\u0000` === key).map(([, , y]) => y);
    const min = Math.min(...ys);
    expect(totals.n).toBe(ys.length);
    expect(totals.sum).toBe(ys.reduce((s, y) => s + (y - min), 0));
    expect(totals.sumSq).toBe(ys.reduce((s, y) => s + (y - min) ** 2, 0));
  });

  it('marks a stratum where everyone paid the same as constant, with sums of exactly zero', () => {
    const table = fill([
      ['s1', 1, 612_345],
      ['s1', 1, 612_345],
      ['s1', 1, 612_345],
      ['s1', 2, 612_345],
      ['s1', 2, 612_400],
    ]);
    const [flat, moving] = table.order.map((s) => table.totals(s));
    expect(flat).toEqual({ n: 3, sum: 0, sumSq: 0, constant: true });
    expect(moving).toEqual({ n: 2, sum: 55, sumSq: 55 * 55, constant: false });
  });

  it('keeps strata of experiment arms apart and finds strata again in a later pass', () => {
    const table = new StratumTable(layout);
    const plain = table.stratumOf('s1', 7, '');
    const armA = table.stratumOf('s1', 7, 'exp\u0000A');
    expect(new Set([plain, armA, table.stratumOf('s1', 7, 'exp\u0000B')]).size).toBe(3);
    expect(table.find('s1', 7, 'exp\u0000A')).toBe(armA);
    expect(table.find('s1', 8, '')).toBe(-1);
  });

  it('counts past 65,535 quotes of one group in one stratum', () => {
    const table = new StratumTable(layout);
    const s = table.stratumOf('s1', 1, '');
    for (let i = 0; i < 70_000; i++) table.add(s, 600_000, columns);
    table.finish();
    expect(table.count(s, columns[0])).toBe(70_000);
    expect(table.totals(s).n).toBe(70_000);
  });
});
