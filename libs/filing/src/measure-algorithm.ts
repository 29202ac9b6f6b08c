import type { AlgorithmDeclaration, Finding } from '@fairmarket/contract';
import type { RulePack } from '@fairmarket/rules';
import type { FilingDocument, MeasuredCharacteristic } from './filing-document';
import { featureLabel, joinLabels, pct } from './filing-labels';

const isAlert = (f: Finding) => f.severity !== 'info';
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Whether a declaration covers a characteristic by its own name or its family's (as the filing detector reads it). */
export function declaresFeature(d: AlgorithmDeclaration, characteristic: string, rules: RulePack): boolean {
  if (d.declared_features.includes(characteristic)) return true;
  const families = rules.price_discrimination.families as Record<string, string[]>;
  return Object.entries(families).some(([family, members]) => d.declared_features.includes(family) && members.includes(characteristic));
}

/**
 * What the logs measured about one algorithm: the characteristics that actually move its
 * prices (price_discrimination alerts of its platform, for a pricing algorithm) or its results
 * (personalization_opt_out and undeclared-feature findings on its own requests), whether its
 * non-personalised option holds, self-preferencing and exposure figures.
 */
export function measureAlgorithm(d: AlgorithmDeclaration, findings: readonly Finding[], rules: RulePack): FilingDocument['measured'] {
  const platform = findings.filter((f) => f.platform_id === d.platform_id);
  const own = platform.filter((f) => f.subject.algorithm_id === d.algorithm_id);
  const characteristics: MeasuredCharacteristic[] = [];
  if ((d.surfaces ?? []).includes('pricing')) {
    for (const f of platform.filter((x) => x.detector === 'price_discrimination' && isAlert(x))) {
      const c = String(f.subject.attribute);
      characteristics.push({ characteristic: c, moves: 'prices', declared: declaresFeature(d, c, rules), effect: num(f.metrics.effect), finding_id: f.id });
    }
  }
  for (const f of own.filter((x) => isAlert(x) && (x.detector === 'personalization_opt_out' || (x.detector === 'filing_inconsistency' && x.kind === 'undeclared_feature')))) {
    const names = Array.isArray(f.metrics.characteristics) ? (f.metrics.characteristics as string[]) : [String(f.metrics.characteristic)];
    for (const c of names) characteristics.push({ characteristic: c, moves: 'rankings', declared: declaresFeature(d, c, rules), effect: num(f.metrics.gap), finding_id: f.id });
  }
  const optOut = own.filter((f) => f.detector === 'personalization_opt_out' && isAlert(f));
  const optOutNames = [...new Set(optOut.map((f) => String(f.metrics.characteristic)))];
  const sp = own.find((f) => f.detector === 'self_preferencing' && f.kind !== 'exposure') ?? null;
  const exposure = own.find((f) => f.detector === 'self_preferencing' && f.kind === 'exposure') ?? null;
  const gap = sp ? num(sp.metrics.mean_rank_gap) : null;
  const e = exposure?.metrics ?? {};
  return {
    characteristics,
    opt_out: {
      alert: optOut.length > 0,
      finding_ids: optOut.map((f) => f.id),
      text:
        optOut.length > 0
          ? {
              zh: `关闭个性化后，结果仍随 ${joinLabels(optOutNames.map(featureLabel), { zh: '', en: '' }).zh} 变化：不针对个人特征的选项未被落实。`,
              en: `With personalisation switched off, results still depend on ${joinLabels(optOutNames.map(featureLabel), { zh: '', en: '' }).en}: the non-personalised option does not hold.`,
            }
          : { zh: '日志未显示关闭个性化后的结果随用户特征变化（在规则包阈值下）。', en: 'The logs show no dependence on user characteristics once personalisation is off (under the rule pack thresholds).' },
    },
    self_preferencing: {
      alert: sp !== null && isAlert(sp),
      mean_rank_gap: gap,
      p_value: sp ? num(sp.metrics.p_value) : null,
      finding_id: sp?.id ?? null,
      text:
        sp && isAlert(sp)
          ? { zh: `自营商品平均比可比第三方商品高 ${gap?.toFixed(2)} 个位次（显著）。`, en: `Own items rank on average ${gap?.toFixed(2)} positions above comparable third-party items (significant).` }
          : { zh: '未发现自我优待（在规则包阈值下）。', en: 'No self-preferencing found (under the rule pack thresholds).' },
    },
    exposure: {
      own_share: num(e.own_share),
      sponsored_share: num(e.sponsored_share),
      gini: num(e.gini_over_merchants),
      share_by_merchant_size: (e.share_by_merchant_size as Record<string, unknown>) ?? null,
      text: exposure
        ? {
            zh: `自营商品曝光占比 ${pct(num(e.own_share) ?? 0)}，广告推广占比 ${pct(num(e.sponsored_share) ?? 0)}，商家曝光基尼系数 ${num(e.gini_over_merchants)?.toFixed(2)}。`,
            en: `Own items got ${pct(num(e.own_share) ?? 0)} of impressions, sponsored items ${pct(num(e.sponsored_share) ?? 0)}; Gini of impressions over merchants ${num(e.gini_over_merchants)?.toFixed(2)}.`,
          }
        : { zh: '日志中无此算法的曝光数据。', en: 'The logs hold no impressions of this algorithm.' },
    },
  };
}
