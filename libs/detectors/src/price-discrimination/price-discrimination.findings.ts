/**
 * `decide` for price_discrimination: Benjamini-Hochberg over every test of the run (all
 * platforms, merchants, characteristics, levels and cut-offs), then one finding per
 * (platform, merchant, characteristic) that survived attribution and whose test is a discovery
 * at q_max. Family characteristics are alerts (high at ≥ high_effect), region and channel info.
 */
import type { Finding } from '@fairmarket/contract';
import type { PriceDiscriminationRules, RulePack } from '@fairmarket/rules';
import { benjaminiHochberg } from '@fairmarket/stats';
import type { DetectorContext } from '../detector';
import { findingId } from '../finding-id';
import { sortFindings } from '../run-detectors';
import { attributeSpecs } from './characteristics';
import { groupPhrase } from './group-phrases';
import { USER_CLUSTERS } from './user-clusters';
import type { PdCandidate, PdPartial } from './price-discrimination.types';

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function significant(x: number): number {
  return x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(3));
}

function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/** q-value of each p-value of the run; p-values above q_max stand in as 1 (see PdPlatformPartial). */
function qValues(partials: readonly PdPartial[]): Map<number, number> {
  const small = partials.flatMap((p) => p.platforms.flatMap((pl) => pl.small_p));
  const tests = partials.reduce((n, p) => n + p.platforms.reduce((m, pl) => m + pl.tests, 0), 0);
  const padded = [...small, ...new Array<number>(Math.max(0, tests - small.length)).fill(1)];
  const q = benjaminiHochberg(padded);
  const byP = new Map<number, number>();
  small.forEach((p, i) => byP.set(p, q[i]));
  return byP;
}

function methodText(rules: PriceDiscriminationRules, tests: number): string {
  return (
    `within-stratum fixed-effects regression of log effective price on quotes (sku x ${rules.window_minutes} min, ` +
    `x experiment arm for randomised experiments), t-test with standard errors clustered by user ` +
    `(CR1 sandwich over ${USER_CLUSTERS} hash buckets of user_id, t with clusters - 1 df, so repeated quotes of one user ` +
    `count once in the inference); Benjamini-Hochberg q <= ${rules.q_max} over ${tests} tests ` +
    `(every level and every 5% quantile cut-off of every characteristic); effect >= ${percent(rules.min_effect)} ` +
    `(high >= ${percent(rules.high_effect)}); >= ${rules.min_group_quotes} distinct users per group in strata holding both groups ` +
    `(n_quotes counts their quotes); attribution by joint within regression on the groups of the other significant characteristics ` +
    `(effect and ci95 controlled for them, iid errors; p_value and q_value of the characteristic's own clustered test); ` +
    `experiments excuse arm differences only when arms are independent of characteristics (chi-square p >= ${rules.experiment_independence_p})`
  );
}

function summaries(c: PdCandidate, numeric: boolean, effect: number, nQuotes: number, skus: number): { en: string; zh: string } {
  const phrase = groupPhrase(c.attribute, c.group, numeric);
  const controlled = c.controlled_for.length > 0 ? `; after accounting for ${c.controlled_for.join(', ')}` : '';
  const controlledZh = c.controlled_for.length > 0 ? `；已控制${c.controlled_for.join('、')}的影响` : '';
  const exp = c.experiments.map((e) => e.experiment_id);
  const expEn = exp.length > 0 ? `, and the arms of price experiment ${exp.join(', ')} follow this characteristic` : '';
  const expZh = exp.length > 0 ? `，且价格实验${exp.join('、')}的分组随该特征而定` : '';
  const infoEn = c.family === null ? '; reported for information only' : '';
  const infoZh = c.family === null ? '；仅供参考' : '';
  const counts = `${nQuotes.toLocaleString('en-US')} quotes, ${skus} sku${skus === 1 ? '' : 's'}`;
  return {
    en: `${phrase.en} paid ${percent(effect)} more than ${phrase.enRest} for the same items in the same hour (${counts}${controlled})${expEn}${infoEn}.`,
    zh: `${phrase.zh}在同一小时内购买相同商品比${phrase.zhRest}多支付${percent(effect)}（${nQuotes}次报价，${skus}个商品${controlledZh}）${expZh}${infoZh}。`,
  };
}

function finding(pack: RulePack, platformId: string, c: PdCandidate, q: number, tests: number): Finding | null {
  const rules = pack.price_discrimination;
  const estimate = c.controlled ?? c.marginal;
  const effect = Math.expm1(estimate.coef);
  if (q > rules.q_max || effect < rules.min_effect) return null;
  const skuIds = c.sku_ids.length > 0 ? c.sku_ids : [...new Set(c.evidence.map((e) => e.sku_id))].sort();
  const nQuotes = c.n_group + c.n_rest;
  const numeric = attributeSpecs(rules).some((a) => a.name === c.attribute && a.kind === 'numeric');
  const text = summaries(c, numeric, effect, nQuotes, skuIds.length);
  return {
    id: findingId('price_discrimination', pack.name, platformId, [c.merchant_id, c.attribute]),
    detector: 'price_discrimination',
    kind: null,
    severity: c.family === null ? 'info' : effect >= rules.high_effect ? 'high' : 'medium',
    platform_id: platformId,
    subject: { merchant_id: c.merchant_id, attribute: c.attribute, group: c.group, sku_ids: skuIds },
    period: c.period,
    summary: text.en,
    summary_zh: text.zh,
    metrics: {
      effect: round(effect, 4),
      ci95: [round(Math.expm1(estimate.ci95[0]), 4), round(Math.expm1(estimate.ci95[1]), 4)],
      // p and q of the characteristic's own test, the one in the run's multiple-testing set.
      p_value: significant(c.marginal.p),
      q_value: significant(q),
      ...(c.controlled ? { controlled_p_value: significant(c.controlled.p) } : {}),
      n_quotes: nQuotes,
      n_group: c.n_group,
      n_rest: c.n_rest,
      n_users_group: c.n_users_group,
      n_users_rest: c.n_users_rest,
      clusters: c.clusters,
      n_strata: c.n_strata,
      family: c.family,
      controlled_for: c.controlled_for,
      explains: c.explains,
      marginal_effect: round(Math.expm1(c.marginal.coef), 4),
      experiments: c.experiments.map((e) => ({ ...e, chi_square: round(e.chi_square, 2), p: significant(e.p) })),
    },
    evidence: c.evidence.map((e) => ({ file: 'price_quotes', id: e.group_quote, note: `paired with ${e.rest_quote}: ${e.group_price} vs ${e.rest_price}` })),
    evidence_total: c.evidence_total,
    legal_basis: c.family === null ? [...rules.info_legal_basis] : [...rules.legal_basis],
    method: methodText(rules, tests),
    thresholds: {
      window_minutes: rules.window_minutes,
      min_effect: rules.min_effect,
      high_effect: rules.high_effect,
      q_max: rules.q_max,
      min_group_quotes: rules.min_group_quotes,
      experiment_independence_p: rules.experiment_independence_p,
      justified_coupon_scopes: [...rules.justified_coupon_scopes],
    },
  };
}

export function decidePriceDiscrimination(partials: readonly PdPartial[], context: DetectorContext): Finding[] {
  const q = qValues(partials);
  const tests = partials.reduce((n, p) => n + p.platforms.reduce((m, pl) => m + pl.tests, 0), 0);
  const platforms = partials.flatMap((p) => p.platforms).sort((a, b) => (a.platform_id < b.platform_id ? -1 : a.platform_id > b.platform_id ? 1 : 0));
  const findings: Finding[] = [];
  for (const platform of platforms) {
    for (const c of platform.candidates) {
      const f = finding(context.rules, platform.platform_id, c, q.get(c.marginal.p) ?? 1, tests);
      if (f) findings.push(f);
    }
  }
  return sortFindings(findings);
}
