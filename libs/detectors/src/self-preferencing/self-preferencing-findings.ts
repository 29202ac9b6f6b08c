import type { Finding } from '@fairmarket/contract';
import type { RulePack } from '@fairmarket/rules';
import { gini, type TTestResult } from '@fairmarket/stats';
import { findingId } from '../finding-id';
import { formatCount, formatP, formatPercent, round, sig } from '../personalization-opt-out/format';
import type { AlgorithmPreferenceJSON } from './preference-partial';
import { requestCount } from './query-cells';

/** The `high` finding: own items ranked above comparable third-party items. */
export function preferenceFinding(a: AlgorithmPreferenceJSON, test: TTestResult, rules: RulePack): Finding {
  const r = rules.self_preferencing;
  const n = requestCount(a.cells);
  const queries = Object.keys(a.cells).length;
  const gap = round(test.diff, 2);
  return {
    id: findingId('self_preferencing', rules.name, a.platform_id, [a.algorithm_id]),
    detector: 'self_preferencing',
    kind: null,
    severity: 'high',
    platform_id: a.platform_id,
    subject: { algorithm_id: a.algorithm_id },
    period: { from: a.first.ts, to: a.last.ts },
    summary:
      `In ${r.surfaces.join(' and ')} results, algorithm ${a.algorithm_id} placed the platform's own items on average ` +
      `${gap} positions above third-party items of comparable rating and price shown in the same request ` +
      `(${formatCount(n)} requests over ${formatCount(queries)} (surface, query) cells, p = ${formatP(test.p)}).`,
    summary_zh:
      `在${r.surfaces.join('、')}结果中，算法 ${a.algorithm_id} 将平台自营或自有品牌商品平均排在同一次请求中评分和价格相当的` +
      `第三方商品之前 ${gap} 位（${formatCount(n)} 次请求，${formatCount(queries)} 个（页面，查询）单元，p = ${formatP(test.p)}）。`,
    metrics: {
      mean_rank_gap: sig(test.diff),
      ci95: [sig(test.ci95[0]), sig(test.ci95[1])],
      t: sig(test.t),
      p_value: sig(test.p),
      n_requests: n,
      n_query_cells: queries,
      df: test.df,
      requests_in_scope: a.requests_in_scope,
      comparable_pairs: a.pairs,
      own_above_share: round(a.own_above_pairs / a.pairs),
    },
    evidence: a.evidence.map((e) => ({ file: 'impressions' as const, id: e.request_id, note: e.note })),
    evidence_total: a.evidence_total,
    legal_basis: [...r.legal_basis],
    method:
      `Requests on surfaces ${r.surfaces.join(', ')}: every own item (sku own_brand, or by default a self_operated ` +
      `merchant) paired with every third-party item of the same request whose rating is within ${r.rating_tolerance} ` +
      `and whose price is within ${formatPercent(r.price_tolerance, 0)} of the third-party price (a sku's price: median ` +
      `displayed_price of its listing snapshots, else median quoted price); per-request mean of (third-party rank - own ` +
      `rank); mean over requests tested against 0 with a cluster-robust (CR1) standard error clustered by (surface, ` +
      `query), since repeats of one query are not independent, and a t distribution on (number of cells - 1) degrees ` +
      `of freedom; alert when the mean >= ${r.min_rank_gap} positions, two-sided p < ${r.p_max}, >= ` +
      `${r.min_requests} requests and >= 2 (surface, query) cells.`,
    thresholds: {
      surfaces: [...r.surfaces],
      rating_tolerance: r.rating_tolerance,
      price_tolerance: r.price_tolerance,
      min_rank_gap: r.min_rank_gap,
      p_max: r.p_max,
      min_requests: r.min_requests,
    },
  };
}

/** The `info` finding: who gets the algorithm's impressions. */
export function exposureFinding(a: AlgorithmPreferenceJSON, platformMerchants: readonly string[], rules: RulePack): Finding {
  const e = a.exposure;
  const merchants = new Set([...platformMerchants, ...Object.keys(e.by_merchant)]);
  const counts = [...merchants].map((m) => e.by_merchant[m] ?? 0);
  const concentration = gini(counts);
  const sizeShares = Object.fromEntries(
    Object.keys(e.by_size)
      .sort()
      .map((size) => [size, round(e.by_size[size] / e.items)]),
  );
  const sponsored = e.sponsored / e.items;
  const own = e.own / e.items;
  const sizes = Object.entries(sizeShares)
    .map(([size, share]) => `${size} ${formatPercent(share, 0)}`)
    .join(', ');
  return {
    id: findingId('self_preferencing', rules.name, a.platform_id, [a.algorithm_id, 'exposure']),
    detector: 'self_preferencing',
    kind: 'exposure',
    severity: 'info',
    platform_id: a.platform_id,
    subject: { algorithm_id: a.algorithm_id },
    period: { from: a.first.ts, to: a.last.ts },
    summary:
      `Algorithm ${a.algorithm_id} gave ${formatPercent(own, 0)} of its ${formatCount(e.items)} item impressions to ` +
      `the platform's own items and ${formatPercent(sponsored, 0)} to sponsored items; by merchant size: ${sizes}; ` +
      `Gini of impressions over ${merchants.size} merchants ${round(concentration, 2)}.`,
    summary_zh:
      `算法 ${a.algorithm_id} 的 ${formatCount(e.items)} 次商品曝光中，平台自营商品占 ${formatPercent(own, 0)}，` +
      `广告推广占 ${formatPercent(sponsored, 0)}；按商家规模：${sizes}；${merchants.size} 家商家曝光的基尼系数为 ` +
      `${round(concentration, 2)}。`,
    metrics: {
      requests: e.requests,
      item_impressions: e.items,
      own_share: round(own),
      sponsored_share: round(sponsored),
      share_by_merchant_size: sizeShares,
      gini_over_merchants: round(concentration),
      merchants: merchants.size,
      merchants_never_shown: counts.filter((c) => c === 0).length,
    },
    evidence: [],
    evidence_total: 0,
    legal_basis: [...rules.self_preferencing.info_legal_basis],
    method:
      'Item impressions of every request of the algorithm, all surfaces: shares by merchant size (merchants.ndjson), ' +
      'sponsored and own shares, and the Gini coefficient of impressions over every merchant of the platform ' +
      '(merchants never shown count as 0). Reported for transparency, not as a violation.',
    thresholds: {},
  };
}
