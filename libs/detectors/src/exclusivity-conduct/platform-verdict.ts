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
  /** The merchant's first activating rival event, which opened its one window (null for the comparison group). */
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
 * The 二选一 test of one platform. A rival-active merchant (a joined_rival_campaign or
 * opened_rival_store event) is judged over ONE window, the one opened by its first activating
 * event: it is sanctioned when the platform then sanctions it unexplained by its own quality
 * violation, or its category share drops (see ImpressionShares). The comparison group is every
 * other third-party merchant, each judged the same way over one window after a matched
 * reference instant: one of the rival-active merchants' first-event instants, chosen by a hash
 * of the merchant id, so both groups are observed over the same calendar spans. One window per
 * merchant in both groups gives both the same chance to draw a sanction by accident: judging a
 * merchant with three rival events on three windows would triple its odds under an honest
 * platform. Self-operated merchants are in neither group. Fisher's exact test asks whether
 * rival-active merchants are sanctioned more often.
 */
export function judgePlatform(platform: PlatformConduct, rules: ExclusivityConductRules): PlatformVerdict | null {
  const eventsOf = new Map(Object.keys(platform.events).map((id) => [id, sortedEvents(platform.events[id])]));
  const merchants = Object.keys(platform.merchants)
    .filter((id) => platform.merchants[id].kind !== 'self_operated')
    .sort(compareIds);
  // Events are sorted by time (ties by id), so find() gives the first activating event.
  const firstRivalEvent = (id: string) => (eventsOf.get(id) ?? []).find((e) => RIVAL_ACTIVATING_TYPES.includes(e.type));
  const rivalActive = merchants.filter((id) => firstRivalEvent(id) !== undefined);
  if (rivalActive.length === 0) return null;
  const controls = merchants.filter((id) => firstRivalEvent(id) === undefined);
  const shares = new ImpressionShares(platform.impressions, new Set(controls));
  const judge = (id: string, referenceMs: number) => outcomeAfter(eventsOf.get(id) ?? [], id, referenceMs, shares, rules);

  const rival = rivalActive.map((id) => {
    const event = firstRivalEvent(id)!;
    return { ...judge(id, event.tsMs), rival_event: event };
  });
  const references = rival
    .map((o) => o.rival_event)
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
  // The spec excuses a sanction by the merchant's own quality_violation "in the same window":
  // the violation must fall after the reference instant and no later than the sanction
  // (a violation before the rival event cannot excuse what followed the rival event).
  const violationIn = (fromMs: number, toMs: number) => qualityViolations.find((q) => q.tsMs > fromMs && q.tsMs <= toMs);
  const explained: MerchantOutcome['explained'] = [];
  let sanction: Sanction | null = null;
  for (const event of events) {
    if (!SANCTIONS.has(event.type) || event.tsMs <= referenceMs || event.tsMs > referenceMs + window) continue;
    const cause = violationIn(referenceMs, event.tsMs);
    if (cause) explained.push({ sanction: event, quality_violation: cause });
    else if (!sanction) sanction = { by: 'event', event, days_after: (event.tsMs - referenceMs) / DAY_MS };
  }
  if (!sanction) {
    const drop = shares.shareDrop(merchantId, referenceMs, rules);
    // A share drop is the share window after the instant: a violation inside it explains the drop.
    const explainedDrop = violationIn(referenceMs, referenceMs + rules.share_window_days * DAY_MS) !== undefined;
    if (drop?.sanction && !explainedDrop) sanction = { by: 'share', drop };
  }
  return { merchant_id: merchantId, rival_event: null, reference_ms: referenceMs, sanction, explained };
}
