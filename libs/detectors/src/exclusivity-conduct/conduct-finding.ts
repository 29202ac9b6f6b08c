import type { EvidenceItem, Finding } from '@fairmarket/contract';
import type { RulePack } from '@fairmarket/rules';
import { findingId } from '../finding-id';
import { formatP, formatPercent, round } from '../personalization-opt-out/format';
import type { MerchantOutcome, PlatformVerdict } from './platform-verdict';

const MAX_EVIDENCE = 50;

/** The one `high` finding of a platform whose sanctions single out rival-active merchants. */
export function conductFinding(verdict: PlatformVerdict, rules: RulePack): Finding {
  const r = rules.exclusivity_conduct;
  const sanctioned = verdict.rival.filter((o) => o.sanction);
  const merchantIds = sanctioned.map((o) => o.merchant_id).sort();
  const [[rs, rn], [cs, cn]] = verdict.table;
  const rivalRate = rs / (rs + rn);
  const controlRate = cs + cn > 0 ? cs / (cs + cn) : 0;
  const evidence = sanctioned.flatMap(evidenceOf);
  return {
    id: findingId('exclusivity_conduct', rules.name, verdict.platform_id, []),
    detector: 'exclusivity_conduct',
    kind: null,
    severity: 'high',
    platform_id: verdict.platform_id,
    subject: { merchant_ids: merchantIds },
    period: { from: verdict.first.ts, to: verdict.last.ts },
    summary:
      `Platform ${verdict.platform_id} sanctioned ${rs} of ${rs + rn} merchants within ${r.sanction_window_days} days ` +
      `after they joined a rival platform's campaign or opened a store there (${formatPercent(rivalRate, 0)}), against ` +
      `${cs} of ${cs + cn} other merchants (${formatPercent(controlRate, 0)}); Fisher exact p = ${formatP(verdict.p_value)}.`,
    summary_zh:
      `平台 ${verdict.platform_id} 在商家参加其他平台活动或在其他平台开店后 ${r.sanction_window_days} 天内对其中 ` +
      `${rs}/${rs + rn} 家采取了限流、降权、扣保证金等处罚（${formatPercent(rivalRate, 0)}），而其他商家仅 ` +
      `${cs}/${cs + cn} 家（${formatPercent(controlRate, 0)}）；Fisher 精确检验 p = ${formatP(verdict.p_value)}。`,
    metrics: {
      table: {
        rival_active: { sanctioned: rs, not_sanctioned: rn },
        others: { sanctioned: cs, not_sanctioned: cn },
      },
      p_value: verdict.p_value,
      odds_ratio: Number.isFinite(verdict.odds_ratio) ? round(verdict.odds_ratio) : null,
      sanctioned_rate_rival_active: round(rivalRate),
      sanctioned_rate_others: round(controlRate),
      sanctioned_by_event: sanctioned.filter((o) => o.sanction?.by === 'event').length,
      sanctioned_by_share_drop: sanctioned.filter((o) => o.sanction?.by === 'share').length,
      explained_by_quality_violation: verdict.rival.reduce((n, o) => n + o.explained.length, 0),
      merchants: sanctioned.map(merchantMetrics),
    },
    evidence: evidence.slice(0, MAX_EVIDENCE),
    evidence_total: evidence.length,
    legal_basis: [...r.legal_basis],
    method:
      `Each rival-active merchant (joined_rival_campaign or opened_rival_store) is judged over one window, opened by ` +
      `its first such event. It counts as sanctioned when within ${r.sanction_window_days} days after that event the ` +
      `platform records traffic_penalty, search_demotion, deposit_deducted, delisted, campaign_excluded or ` +
      `warning_notice, unless the merchant's own quality_violation falls after the event and no later than the ` +
      `sanction; or when its share of item impressions in its main category over the next ${r.share_window_days} days ` +
      `falls by >= ${formatPercent(r.share_drop_min, 0)} against the previous ${r.share_window_days} days and the ` +
      `difference in differences against same-category merchants without rival activity is also <= ` +
      `-${formatPercent(r.share_drop_min, 0)}, unless the merchant's own quality_violation falls in those ` +
      `${r.share_window_days} days after the event. Comparison group: every other third-party merchant ` +
      `(self-operated merchants excluded), judged the same way over one window after a reference instant drawn by ` +
      `hash from the rival-active merchants' first-event instants. Alert when >= ${r.min_sanctioned} rival-active ` +
      `merchants are sanctioned and Fisher's exact test (one-sided, greater) on the 2x2 table of sanctioned merchants ` +
      `gives p < ${r.fisher_p_max}.`,
    thresholds: {
      sanction_window_days: r.sanction_window_days,
      share_window_days: r.share_window_days,
      share_drop_min: r.share_drop_min,
      min_sanctioned: r.min_sanctioned,
      fisher_p_max: r.fisher_p_max,
    },
  };
}

function evidenceOf(outcome: MerchantOutcome): EvidenceItem[] {
  const rival = outcome.rival_event!;
  const sanction = outcome.sanction!;
  if (sanction.by === 'event') {
    return [
      { file: 'merchant_events', id: rival.event_id, note: `${outcome.merchant_id}: ${rival.type} at ${rival.ts}` },
      {
        file: 'merchant_events',
        id: sanction.event.event_id,
        note: `${outcome.merchant_id}: ${sanction.event.type} ${round(sanction.days_after, 1)} days after ${rival.event_id}`,
      },
    ];
  }
  const d = sanction.drop;
  return [
    {
      file: 'merchant_events',
      id: rival.event_id,
      note:
        `${outcome.merchant_id}: ${rival.type} at ${rival.ts}; its share of ${d.category} impressions then fell ` +
        `${formatPercent(-d.share_change, 0)} (others without rival activity: ` +
        `${d.control_change === null ? 'n/a' : formatPercent(d.control_change, 0)})`,
    },
  ];
}

function merchantMetrics(outcome: MerchantOutcome): Record<string, unknown> {
  const s = outcome.sanction!;
  const base = { merchant_id: outcome.merchant_id, rival_event_id: outcome.rival_event?.event_id ?? null };
  if (s.by === 'event') {
    return { ...base, sanction: s.event.type, sanction_event_id: s.event.event_id, days_after: round(s.days_after, 2) };
  }
  return {
    ...base,
    sanction: 'share_drop',
    category: s.drop.category,
    share_change: round(s.drop.share_change),
    control_change: s.drop.control_change === null ? null : round(s.drop.control_change),
    difference_in_differences: s.drop.difference_in_differences === null ? null : round(s.drop.difference_in_differences),
  };
}
