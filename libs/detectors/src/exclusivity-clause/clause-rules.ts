/**
 * The rules, one per way a clause can impose 二选一, the same for Chinese and English: each
 * rule looks at the cues of one scope (a clause cut at 但 / "provided that") and returns the
 * cues it rests on, or null. The lexicons decide what the words are; the rules decide which
 * combinations of words make a violation. A rule id names the category and the reasoning
 * (`parity.no_worse_than_elsewhere`), and a finding reports it prefixed by the language.
 *
 * Shared guards: a negation earlier in the scope takes a cue back (ClauseView.negated);
 * exclusivity about trademarks, territories, courts, data or confidentiality is not about
 * sales channels (non_channel); and a sanction for the merchant's own misconduct is lawful.
 * Those two exemptions hold only for the phrases the rule's cues stand in (see `exempt`): a
 * clause that forbids rival stores and, in another phrase, counterfeits is still 二选一.
 */
import type { ClauseCategory } from '@fairmarket/rules';
import { ClauseView, type CueClass, type CueHit, type Segment } from './cue-engine';

export interface ClauseRule {
  id: string;
  category: ClauseCategory;
  /** What the rule checks, in words a reviewer can hold the code against. */
  description: string;
  match(view: ClauseView, segment: Segment): CueHit[] | null;
}

/** A live (not negated) duty: an obligation, a prohibition, or 不 after a commitment (保证不在…). */
function duty(view: ClauseView, segment: Segment): CueHit | undefined {
  for (const h of view.hits) {
    if (h.start < segment.start || h.start >= segment.end || view.negated(h)) continue;
    if (h.cls === 'oblige' || h.cls === 'prohibit') return h;
    if (h.cls === 'commit_not' && view.in('oblige', segment).some((o) => o.start < h.start)) return h;
  }
  return undefined;
}

function live(view: ClauseView, cls: CueClass, segment: Segment): CueHit[] {
  return view.in(cls, segment).filter((h) => !view.negated(h));
}

function near(view: ClauseView, hit: CueHit, candidates: readonly CueHit[], window: number): CueHit | undefined {
  return candidates.find((c) => c !== hit && ClauseView.gap(hit, c) <= window);
}

interface RivalActivity {
  start: number;
  end: number;
  cues: CueHit[];
}

/** Activity on another platform: a rival mention next to a channel verb (开店, 参加活动, sell, list). */
function rivalActivities(view: ClauseView, segment: Segment): RivalActivity[] {
  const verbs = [...view.in('verb', segment), ...view.in('close', segment)];
  const out: RivalActivity[] = [];
  for (const rival of view.in('rival', segment)) {
    for (const verb of verbs) {
      if (ClauseView.gap(rival, verb) > view.lexicon.verbRivalWindow) continue;
      out.push({
        start: Math.min(rival.start, verb.start),
        end: Math.max(rival.end, verb.end),
        cues: [rival, verb],
      });
    }
  }
  for (const idiom of view.in('rival_idiom', segment)) out.push({ start: idiom.start, end: idiom.end, cues: [idiom] });
  // Closest pairs first, so that a finding quotes the verb that goes with the rival.
  const span = (a: RivalActivity): number => a.end - a.start;
  return out.sort((a, b) => span(a) - span(b) || a.start - b.start);
}

/**
 * Whether the words of a candidate finding are about something lawful: the merchant's own
 * misconduct (售假, counterfeit) or a subject other than sales channels (商标, data, 区域),
 * standing in the phrases those words span (cut at , ; 、 and/or/also 也/并). A sanction's own
 * phrase is left out by the callers ("平台将根据后台数据降低其排名": 数据 is how the platform
 * measures, not what the merchant did), and another prohibition of the same clause
 * ("…开店，也不得售假") does not excuse this one.
 */
function exempt(view: ClauseView, cues: readonly CueHit[]): boolean {
  const stretch = view.phraseSpan(Math.min(...cues.map((c) => c.start)), Math.max(...cues.map((c) => c.end)));
  return view.hasWithin('misconduct', stretch) || view.hasWithin('non_channel', stretch);
}

export const PARITY_RULES: readonly ClauseRule[] = [
  {
    id: 'parity.lowest_across_market',
    category: 'parity',
    description: 'a duty (or a sanction) to keep the price here the lowest on the whole market (全网最低价)',
    match(view, segment) {
      if (view.has('consumer')) return null;
      const lowest = live(view, 'lowest_across', segment)[0];
      const trigger = lowest && (duty(view, segment) ?? live(view, 'sanction', segment)[0]);
      return lowest && trigger ? [lowest, trigger] : null;
    },
  },
  {
    id: 'parity.no_worse_than_elsewhere',
    category: 'parity',
    description:
      'a duty (or a sanction) that compares the price or terms here with those on other platforms or channels',
    match(view, segment) {
      if (view.has('consumer')) return null;
      const elsewhere = view.all('rival')[0] ?? view.all('channel')[0];
      const trigger = duty(view, segment) ?? live(view, 'sanction', segment)[0];
      if (!elsewhere || !trigger) return null;
      const prices = view.in('price', segment);
      for (const comparator of live(view, 'comparator', segment)) {
        const price = near(view, comparator, prices, view.lexicon.priceComparatorWindow);
        if (price) return [price, comparator, elsewhere, trigger];
      }
      return null;
    },
  },
  {
    id: 'parity.most_favoured',
    category: 'parity',
    description: 'a duty to grant most-favoured (最惠) prices or terms',
    match(view, segment) {
      if (view.has('consumer')) return null;
      const mfn = live(view, 'mfn', segment)[0];
      const trigger = mfn && duty(view, segment);
      return mfn && trigger ? [mfn, trigger] : null;
    },
  },
];

export const PENALTY_RULES: readonly ClauseRule[] = [
  {
    id: 'penalty.sanction_for_rival_activity',
    category: 'rival_penalty',
    description:
      'a sanction (traffic, ranking, campaigns, deposit, delisting, termination) that follows from activity on other platforms',
    match(view, segment) {
      const conditions = view.in('condition', segment);
      // Only the activity's own phrases can excuse it: "商家在其他平台售假的" is misconduct, but
      // "…，平台将根据后台数据降低其排名" names data only as the sanction's yardstick.
      const activities = rivalActivities(view, segment).filter((a) => !exempt(view, a.cues));
      for (const sanction of live(view, 'sanction', segment)) {
        for (const activity of activities) {
          // "如商家在其他平台开店，平台将扣除保证金" / "Merchants who sell elsewhere will be demoted".
          if (sanction.start >= activity.end) return [...activity.cues, sanction];
          // "The Platform will throttle traffic to stores that are also operated on competing platforms."
          const cond = conditions.find((c) => c.start >= sanction.end && c.end <= activity.start);
          if (sanction.end <= activity.start && cond) return [sanction, cond, ...activity.cues];
        }
      }
      return null;
    },
  },
];

export const EXCLUSIVE_RULES: readonly ClauseRule[] = [
  {
    id: 'exclusive.no_presence_elsewhere',
    category: 'exclusive_dealing',
    description: 'a prohibition to sell on, open a store on, join campaigns of or cooperate with other platforms',
    match(view, segment) {
      const obligations = view.in('oblige', segment);
      for (const p of [...view.in('prohibit', segment), ...view.in('commit_not', segment)]) {
        if (view.negated(p)) continue;
        // A bare 不 is a promise only after a commitment verb: 保证不在…开设.
        if (p.cls === 'commit_not' && !obligations.some((o) => o.start < p.start)) continue;
        const verbs = view.in('verb', segment).filter((v) => v.start > p.start);
        for (const rival of view.in('rival', segment).filter((r) => r.start > p.start)) {
          const verb = near(view, rival, verbs, view.lexicon.verbRivalWindow);
          // An excused pairing does not end the search: a later 不得 may govern another phrase.
          if (verb && !exempt(view, [p, rival, verb])) return [p, rival, verb];
        }
      }
      return null;
    },
  },
  {
    id: 'exclusive.sell_only_here',
    category: 'exclusive_dealing',
    description: 'a duty to sell only here or exclusively (仅在本平台, 独家经营, 二选一, sole channel)',
    match(view, segment) {
      const only = live(view, 'only', segment)[0];
      const trigger = only && duty(view, segment);
      if (!only || !trigger) return null;
      // Only non-channel words excuse it (独家授权 in a region); misconduct never makes "sell only here" lawful.
      const stretch = view.phraseSpan(Math.min(trigger.start, only.start), Math.max(trigger.end, only.end));
      return view.hasWithin('non_channel', stretch) ? null : [trigger, only];
    },
  },
  {
    id: 'exclusive.close_stores_elsewhere',
    category: 'exclusive_dealing',
    description: 'a duty to close, withdraw or suspend stores, listings or campaigns on other platforms',
    match(view, segment) {
      const rivals = view.in('rival', segment);
      for (const close of live(view, 'close', segment)) {
        const obligation = view.in('oblige', segment).find((o) => o.start < close.start && !view.negated(o));
        const rival = near(view, close, rivals, view.lexicon.verbRivalWindow);
        if (obligation && rival && !exempt(view, [obligation, close, rival])) return [obligation, close, rival];
      }
      return null;
    },
  },
];

/** In the order a clause is judged: parity first, then sanctions, then bare exclusivity. */
export const CLAUSE_RULES: readonly ClauseRule[] = [...PARITY_RULES, ...PENALTY_RULES, ...EXCLUSIVE_RULES];

/**
 * A clause that only says what happens on breach ("否则，平台将扣除保证金", "failing which the
 * Platform may suspend the account") is judged with the clause before it.
 */
export function sanctionReferringBack(view: ClauseView): CueHit[] | null {
  if (view.has('misconduct')) return null;
  const anaphor = view.all('anaphor')[0];
  if (!anaphor) return null;
  const sanction = view.all('sanction').find((s) => s.start > anaphor.start && !view.negated(s));
  return sanction ? [anaphor, sanction] : null;
}
