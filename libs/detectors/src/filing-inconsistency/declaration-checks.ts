import type { EvidenceItem, Finding } from '@fairmarket/contract';
import type { RulePack } from '@fairmarket/rules';
import { declares, filingFinding } from './filing-finding';
import type { Declaration } from './filing-partial';

/** Evidence copied from each related alert: enough to show the alert, not all of it. */
const EVIDENCE_PER_ALERT = 5;

const isAlert = (f: Finding) => f.severity !== 'info';

/**
 * A pricing algorithm (surfaces include `pricing`) on a platform where price_discrimination
 * alerted: its declaration contradicts the logs when it says personal_pricing=false, or when
 * its declared_features leave out a characteristic an alert names. The alert is the
 * platform's (quotes do not say which algorithm priced them).
 */
export function pricingInconsistency(declaration: Declaration, prior: readonly Finding[], rules: RulePack): Finding | null {
  if (!(declaration.surfaces ?? []).includes('pricing')) return null;
  const alerts = prior
    .filter((f) => f.detector === 'price_discrimination' && isAlert(f) && f.platform_id === declaration.platform_id)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  if (alerts.length === 0) return null;
  const attributes = [...new Set(alerts.map((f) => String(f.subject.attribute)))].sort();
  const missing = attributes.filter((a) => !declares(declaration, a, rules));
  if (declaration.personal_pricing && missing.length === 0) return null;
  const claims = [
    ...(declaration.personal_pricing ? [] : ['that personal characteristics do not influence prices']),
    ...(missing.length > 0 ? [`features that leave out ${missing.join(', ')}`] : []),
  ];
  const claimsZh = [
    ...(declaration.personal_pricing ? [] : ['个人特征不影响价格']),
    ...(missing.length > 0 ? [`所用特征不含 ${missing.join('、')}`] : []),
  ];
  const evidence = alertEvidence(alerts);
  return filingFinding(
    declaration,
    {
      kind: 'personal_pricing',
      summary:
        `Pricing algorithm ${declaration.algorithm_id} is declared with ${claims.join(' and ')}, yet the platform's ` +
        `price logs show prices differing by ${attributes.join(', ')} (${alerts.length} price discrimination alert(s)).`,
      summary_zh:
        `定价算法 ${declaration.algorithm_id} 备案声明${claimsZh.join('且')}，但平台价格日志显示价格因 ` +
        `${attributes.join('、')} 而不同（${alerts.length} 条价格歧视告警）。`,
      metrics: { related_findings: alerts.map((f) => f.id), attributes, missing_features: missing },
      evidence: evidence.items,
      evidence_total: evidence.total,
      method:
        'The declaration of an algorithm whose surfaces include pricing is checked against the price_discrimination ' +
        "alerts of its platform (price quotes do not name the algorithm, so the platform's alerts are taken as the " +
        "pricing algorithm's outcomes): inconsistent when it declares personal_pricing=false or when declared_features " +
        'leave out a characteristic an alert names (a declared family name covers its characteristics).',
      thresholds: {},
      period: span(alerts),
    },
    rules,
  );
}

/** An algorithm declaring opt_out_available=true whose non-personalized option is not. */
export function optOutInconsistency(declaration: Declaration, prior: readonly Finding[], rules: RulePack): Finding | null {
  if (!declaration.opt_out_available) return null;
  const alerts = prior
    .filter(
      (f) =>
        f.detector === 'personalization_opt_out' &&
        isAlert(f) &&
        f.platform_id === declaration.platform_id &&
        f.subject.algorithm_id === declaration.algorithm_id,
    )
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  if (alerts.length === 0) return null;
  const characteristics = [...new Set(alerts.map((f) => String(f.metrics.characteristic)))].sort();
  const evidence = alertEvidence(alerts);
  return filingFinding(
    declaration,
    {
      kind: 'opt_out',
      summary:
        `Algorithm ${declaration.algorithm_id} is declared to offer a non-personalized option, yet with personalization ` +
        `switched off its results still depend on ${characteristics.join(', ')}.`,
      summary_zh:
        `算法 ${declaration.algorithm_id} 备案声明提供不针对个人特征的选项，但用户关闭个性化后其结果仍随 ` +
        `${characteristics.join('、')} 而变化。`,
      metrics: { related_findings: alerts.map((f) => f.id), characteristics },
      evidence: evidence.items,
      evidence_total: evidence.total,
      method:
        'A declaration with opt_out_available=true is inconsistent when personalization_opt_out alerted for the same ' +
        '(platform, algorithm_id).',
      thresholds: {},
      period: span(alerts),
    },
    rules,
  );
}

function alertEvidence(alerts: readonly Finding[]): { items: EvidenceItem[]; total: number } {
  const items = alerts.flatMap((f) =>
    f.evidence.slice(0, EVIDENCE_PER_ALERT).map((e) => ({ ...e, note: `alert ${f.id}: ${e.note ?? ''}`.trim() })),
  );
  return { items, total: alerts.reduce((n, f) => n + f.evidence_total, 0) };
}

function span(findings: readonly Finding[]): Finding['period'] {
  const periods = findings.map((f) => f.period).filter((p): p is NonNullable<Finding['period']> => p !== null);
  if (periods.length === 0) return null;
  // Periods carry offsets: compare instants, keep the platform's own text.
  const from = periods.reduce((a, b) => (Date.parse(b.from) < Date.parse(a.from) ? b : a)).from;
  const to = periods.reduce((a, b) => (Date.parse(b.to) > Date.parse(a.to) ? b : a)).to;
  return { from, to };
}
