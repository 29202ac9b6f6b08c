import type { Finding } from '@fairmarket/contract';
import type { EvidenceRow } from '../dossier-input';
import { ThinnedSeries, type Chart, type ChartSeries } from './chart';

/**
 * Builds an allegation's charts from its evidence rows as they stream past, in bounded memory:
 * price history against the reference and the lawful prior price (fake promotions), prices by
 * group within strata (price discrimination), net revenue per day against AVC and ATC (below
 * cost), and the rank gap with its interval (self-preferencing).
 */
export interface ChartCollector {
  add(row: EvidenceRow): void;
  charts(): Chart[];
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const time = (v: unknown): number | null => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? Date.parse(v) : null);

export function chartCollectorFor(finding: Finding): ChartCollector {
  switch (finding.detector) {
    case 'fake_promotion':
      return priceHistory(finding);
    case 'price_discrimination':
      return groupPrices(finding);
    case 'below_cost_pricing':
      return belowCost(finding);
    case 'self_preferencing':
      return rankGap(finding);
    default:
      return { add: () => undefined, charts: () => [] };
  }
}

function priceHistory(finding: Finding): ChartCollector {
  const displayed = new ThinnedSeries('displayed price / 展示价', 'line');
  const reference = new ThinnedSeries('reference price / 划线价', 'points');
  const orders = new ThinnedSeries('order price / 成交价', 'points');
  return {
    add(row) {
      const d = row.doc ?? {};
      const at = time(d.ts);
      if (at === null) return;
      if (row.file === 'listings') {
        if (num(d.displayed_price) !== null) displayed.add({ x: at, y: num(d.displayed_price)! });
        if (num(d.reference_price) !== null) reference.add({ x: at, y: num(d.reference_price)! });
      } else if (row.file === 'orders' && num(d.unit_price) !== null) orders.add({ x: at, y: num(d.unit_price)! });
    },
    charts() {
      const worst = (finding.metrics.worst ?? {}) as Record<string, unknown>;
      const lawful = num(worst.lawful_price);
      const series: ChartSeries[] = [displayed.toSeries(), reference.toSeries(), orders.toSeries()];
      if (lawful !== null) series.push({ name: 'lawful prior price / 依法可标示的原价', kind: 'rule', points: [{ x: 0, y: lawful }] });
      return [{ title_en: 'Price history', title_zh: '价格历史', x: 'time', y_label: String(finding.metrics.currency ?? 'minor units'), series }];
    },
  };
}

function groupPrices(finding: Finding): ChartCollector {
  const attribute = String(finding.subject.attribute ?? '');
  const group = String(finding.subject.group ?? '');
  const sums = new Map<string, { g: number; gn: number; o: number; on: number }>();
  return {
    add(row) {
      const d = row.doc ?? {};
      if (row.file !== 'price_quotes' || num(d.final_price) === null) return;
      const sku = String(d.sku_id ?? '?');
      if (!sums.has(sku) && sums.size >= 12) return;
      const s = sums.get(sku) ?? { g: 0, gn: 0, o: 0, on: 0 };
      const user = (d.user ?? {}) as Record<string, unknown>;
      if (String(user[attribute]) === group) (s.g += num(d.final_price)!), s.gn++;
      else (s.o += num(d.final_price)!), s.on++;
      sums.set(sku, s);
    },
    charts() {
      const skus = [...sums.keys()].sort();
      const mean = (t: number, n: number) => (n > 0 ? t / n : 0);
      return [
        {
          title_en: `Mean price by ${attribute} within each sku`,
          title_zh: `同一商品内按 ${attribute} 分组的平均价格`,
          x: 'category',
          y_label: 'final_price',
          series: [
            { name: `${group}`, kind: 'bar', points: skus.map((k) => ({ x: k, y: mean(sums.get(k)!.g, sums.get(k)!.gn) })) },
            { name: 'others / 其他', kind: 'bar', points: skus.map((k) => ({ x: k, y: mean(sums.get(k)!.o, sums.get(k)!.on) })) },
          ],
        },
      ];
    },
  };
}

function belowCost(finding: Finding): ChartCollector {
  const revenue = new ThinnedSeries('net unit revenue / 单位净收入', 'points');
  let avc = num(finding.metrics.mean_variable_cost);
  let atc = num(finding.metrics.mean_total_cost);
  return {
    add(row) {
      const d = row.doc ?? {};
      if (row.file === 'orders' && num(d.unit_price) !== null && time(d.ts) !== null) {
        revenue.add({ x: time(d.ts)!, y: num(d.unit_price)! + (num(d.platform_subsidy) ?? 0) });
      } else if (row.file === 'costs') {
        avc = num(d.unit_variable_cost) ?? avc;
        atc = num(d.unit_total_cost) ?? atc;
      }
    },
    charts() {
      const series: ChartSeries[] = [revenue.toSeries()];
      if (avc !== null) series.push({ name: 'AVC / 平均可变成本', kind: 'rule', points: [{ x: 0, y: avc }] });
      if (atc !== null) series.push({ name: 'ATC / 平均总成本', kind: 'rule', points: [{ x: 0, y: atc }] });
      return [{ title_en: 'Below-cost days against AVC and ATC', title_zh: '低于成本的天数（对照平均可变成本与平均总成本）', x: 'time', y_label: String(finding.metrics.currency ?? 'minor units'), series }];
    },
  };
}

function rankGap(finding: Finding): ChartCollector {
  return {
    add: () => undefined,
    charts() {
      const gap = num(finding.metrics.mean_rank_gap);
      const ci = (finding.metrics.ci95 ?? []) as unknown[];
      if (gap === null) return [];
      return [
        {
          title_en: 'Rank gap: own items above comparable third-party items (positions)',
          title_zh: '排名差：自营商品高于可比第三方商品的位次',
          x: 'category',
          y_label: 'positions',
          series: [
            { name: 'mean gap / 平均差', kind: 'bar', points: [{ x: 'mean', y: gap }] },
            { name: '95% CI / 95%置信区间', kind: 'bar', points: [{ x: 'ci low', y: num(ci[0]) ?? 0 }, { x: 'ci high', y: num(ci[1]) ?? 0 }] },
          ],
        },
      ];
    },
  };
}
