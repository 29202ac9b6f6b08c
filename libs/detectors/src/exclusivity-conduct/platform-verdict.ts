import { SANCTION_TYPES } from '@fairmarket/contract';
import type { ExclusivityConductRules } from '@fairmarket/rules';
import { fisherExact } from '@fairmarket/stats';
import { stableHash } from '../personalization-opt-out/stable-hash';
import { compareIds } from '../personalization-opt-out/request-sampler';
import { RIVAL_ACTIVATING_TYPES, sortedEvents } from './conduct-collector';
import { DAY_MS, type ConductEvent, type PlatformConduct } from './conduct-partial';
import { ImpressionShares, type ShareDrop } from './share-drop';

const SANCTIONS = new Set<string>(SANCTION_TYPES);

export type Sanction =
  | { by: 'event'; event: ConductEvent; days_after: number }
  | { by: 'share'; drop: ShareDrop };

/** What followed one merchant's rival event (or, for the comparison group, its reference instant). */
export interface MerchantOutcome {
  merchant_id: string;
  /** The rival event that made the merchant rival-active (or that was followed by the sanction). */
  rival_event: ConductEvent | null;
  reference_ms: number;
  sanction: Sanction | null;
  /** Sanctions in the window that the merchant's own quality violation explains. */
  explained: { sanction: ConductEvent; quality_violation: ConductEvent }[];
}

export interface PlatformVerdict {
  platform_id: string;
  /** [[rival-active sanctioned, not], [others sanctioned, not]] */
  table: [[number, number], [number, number]];
  p_value: number;
  odds_ratio: number;
  rival: MerchantOutcome[];
  control: MerchantOutcome[];
  alert: boolean;
  first: ConductEvent;
  last: ConductEvent;
}

/**
 * The 二选一 test of one platform. Rival-active merchants (a joined_rival_campaign or
 * opened_rival_store event) are sanctioned when, after one of those events, the platform
 * sanctions them unexplained by their own quality violation, or their category share drops
 * (see ImpressionShares). The comparison group is every other third-party merchant, each
 * judged the same way after a matched reference instant: one of the platform's rival-event
 * instants, chosen by a hash of the merchant id, so both groups are observed over the same
 * calendar spans. Self-operated merchants are in neither group. Fisher's exact test asks
 * whether rival-active merchants are sanctioned more often.
 */
export function judgePlatform(platform: PlatformConduct, rules: ExclusivityConductRules): PlatformVerdict | null {
  const eventsOf = new Map(Object.keys(platform.events).map((id) => [id, sortedEvents(platform.events[id])]));
  const merchants = Object.keys(platform.merchants)
    .filter((id) => platform.merchants[id].kind !== 'self_operated')
    .sort(compareIds);
  const rivalEvents = (id: string) => (eventsOf.get(id) ?? []).filter((e) => RIVAL_ACTIVATING_TYPES.includes(e.type));
  const rivalActive = merchants.filter((id) => rivalEvents(id).length > 0);
  if (rivalActive.length === 0) return null;
  const controls = merchants.filter((id) => rivalEvents(id).length === 0);
  const shares = new ImpressionShares(platform.impressions, new Set(controls));
  const judge = (id: string, referenceMs: number) => outcomeAfter(eventsOf.get(id) ?? [], id, referenceMs, shares, rules);

  const rival = rivalActive.map((id) => {
    const outcomes = rivalEvents(id).map((event) => ({ ...judge(id, event.tsMs), rival_event: event }));
    return outcomes.find((o) => o.sanction !== null) ?? outcomes[0];
  });
  const references = rivalActive
    .flatMap(rivalEvents)
    .sort((a, b) => a.tsMs - b.tsMs || compareIds(a.event_id, b.event_id));
  const control = controls.map((id) => {
    const reference = references[stableHash(`${platform.platform_id}\u0001${id}`) % references.length];
    return judge(id, reference.tsMs);
  });

  const rivalSanctioned = rival.filter((o) => o.sanction).length;
  const controlSanctioned = control.filter((o) => o.sanction).length;
  const table: [[number, number], [number, number]] = [
    [rivalSanctioned, rival.length - rivalSanctioned],
    [controlSanctioned, control.length - controlSanctioned],
  ];
  const fisher = fisherExact(table, 'greater');
  const all = [...eventsOf.values()].flat().sort((a, b) => a.tsMs - b.tsMs || compareIds(a.event_id, b.event_id));
  return {
    platform_id: platform.platform_id,
    table,
    p_value: fisher.p,
    odds_ratio: fisher.oddsRatio,
    rival,
    control,
    alert: rivalSanctioned >= rules.min_sanctioned && fisher.p < rules.fisher_p_max,
    first: all[0],
    last: all[all.length - 1],
  };
}

function outcomeAfter(
  events: readonly ConductEvent[],
  merchantId: string,
  referenceMs: number,
  shares: ImpressionShares,
  rules: ExclusivityConductRules,
): MerchantOutcome {
  const window = rules.sanction_window_days * DAY_MS;
  const qualityViolations = events.filter((e) => e.type === 'quality_violation');
  const explained: MerchantOutcome['explained'] = [];
  let sanction: Sanction | null = null;
  for (const event of events) {
    if (!SANCTIONS.has(event.type) || event.tsMs <= referenceMs || event.tsMs > referenceMs + window) continue;
    // A sanction that follows the merchant's own quality violation (within the same span
    // before it) is the platform enforcing quality, not punishing rival activity.
    const cause = qualityViolations.find((q) => q.tsMs <= event.tsMs && q.tsMs >= event.tsMs - window);
    if (cause) explained.push({ sanction: event, quality_violation: cause });
    else if (!sanction) sanction = { by: 'event', event, days_after: (event.tsMs - referenceMs) / DAY_MS };
  }
  if (!sanction) {
    const drop = shares.shareDrop(merchantId, referenceMs, rules);
    const shareEnd = referenceMs + rules.share_window_days * DAY_MS;
    const explainedDrop = qualityViolations.some((q) => q.tsMs >= referenceMs - window && q.tsMs <= shareEnd);
    if (drop?.sanction && !explainedDrop) sanction = { by: 'share', drop };
  }
  return { merchant_id: merchantId, rival_event: null, reference_ms: referenceMs, sanction, explained };
}
