/**
 * Regression tests for the windows of exclusivity_conduct: one window per merchant in both
 * groups, quality violations only excuse inside the window, and the share-drop test is the
 * spec's (size and difference in differences, no extra significance test).
 */
import type { MerchantEventType } from '@fairmarket/contract';
import { CN_RULE_PACK } from '@fairmarket/rules';
import { mulberry32 } from '@fairmarket/stats';
import { DAY, HOUR, T0 } from '../personalization-opt-out/impression.fixtures';
import type { ConductEvent, PlatformConduct } from './conduct-partial';
import { judgePlatform } from './platform-verdict';
import { ImpressionShares } from './share-drop';

const rules = CN_RULE_PACK.exclusivity_conduct;

/** A platform of third-party merchants with the given events (by merchant). */
function platformOf(events: Record<string, [MerchantEventType, number][]>, impressions: PlatformConduct['impressions'] = {}): PlatformConduct {
  let n = 0;
  const out: PlatformConduct = { platform_id: 'p1', merchants: {}, events: {}, impressions };
  for (const [merchant, list] of Object.entries(events)) {
    out.merchants[merchant] = { kind: 'third_party' };
    out.events[merchant] = list.map(([type, tsMs]): ConductEvent => ({ event_id: `e${++n}`, type, ts: new Date(tsMs).toISOString(), tsMs }));
  }
  return out;
}

describe('exclusivity_conduct: one window per merchant', () => {
  it('stays silent when an honest platform sanctions everyone at one rate, however many rival events a merchant has', () => {
    // 30 merchants with three rival events each (days 10, 70, 130) and 100 without; warnings
    // fall at random, about one per 150 days, for everybody. Judging each rival-active merchant
    // on three windows against one for the others alerted on 12 of these 20 seeds.
    let alerts = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const rand = mulberry32(seed);
      const events: Record<string, [MerchantEventType, number][]> = {};
      for (let m = 0; m < 130; m++) {
        const list: [MerchantEventType, number][] = [];
        if (m < 30) for (let k = 0; k < 3; k++) list.push(['joined_rival_campaign', T0 + (10 + 60 * k) * DAY]);
        for (let d = 0; d < 200; d++) if (rand() < 1 / 150) list.push(['warning_notice', T0 + d * DAY + HOUR]);
        events[`m${String(m).padStart(3, '0')}`] = list;
      }
      if (judgePlatform(platformOf(events), rules)!.alert) alerts++;
    }
    expect(alerts).toBeLessThanOrEqual(1);
  });

  it('judges a rival-active merchant on the window of its first rival event only', () => {
    const events: Record<string, [MerchantEventType, number][]> = {
      // A sanction 2 days after the second rival event, 62 days after the first.
      rv: [
        ['opened_rival_store', T0 + 5 * DAY],
        ['joined_rival_campaign', T0 + 65 * DAY],
        ['traffic_penalty', T0 + 67 * DAY],
      ],
      ct: [],
    };
    const verdict = judgePlatform(platformOf(events), rules)!;
    expect(verdict.rival).toHaveLength(1);
    expect(verdict.rival[0].rival_event!.type).toBe('opened_rival_store');
    expect(verdict.rival[0].sanction).toBeNull();
    expect(verdict.table).toEqual([[0, 1], [0, 1]]);
  });
});

describe('exclusivity_conduct: the quality-violation excuse', () => {
  const verdictWith = (violationDay: number) =>
    judgePlatform(
      platformOf({
        rv: [
          ['quality_violation', T0 + violationDay * DAY],
          ['opened_rival_store', T0 + 10 * DAY],
          ['search_demotion', T0 + 13 * DAY],
        ],
      }),
      rules,
    )!.rival[0];

  it('does not excuse a sanction by a violation before the rival event', () => {
    const outcome = verdictWith(5);
    expect(outcome.sanction).toMatchObject({ by: 'event' });
    expect(outcome.explained).toEqual([]);
  });

  it('excuses a sanction by a violation between the rival event and the sanction', () => {
    const outcome = verdictWith(11);
    expect(outcome.sanction).toBeNull();
    expect(outcome.explained).toHaveLength(1);
  });

  it('does not excuse a sanction by a violation after it', () => {
    expect(verdictWith(14).sanction).toMatchObject({ by: 'event' });
  });
});

describe('exclusivity_conduct: share drop is size and difference in differences only', () => {
  it('counts a drop of 40% with a 60% difference in differences on few impressions', () => {
    // 6 of 18 impressions before (1/3), 3 of 15 after (1/5): -40%; the others 12/18 → 12/15
    // (+20%). A two-proportion z-test would give p ≈ 0.2, but the spec asks for none.
    const hour = Math.floor((T0 + 20 * DAY) / HOUR);
    const at = (offset: number, n: number) => ({ [String(hour + offset)]: n });
    const impressions = {
      ['toys\u0001sh']: { ...at(-10, 6), ...at(10, 3) },
      ['toys\u0001ct']: { ...at(-10, 12), ...at(10, 12) },
    };
    const drop = new ImpressionShares(impressions, new Set(['ct'])).shareDrop('sh', hour * HOUR + 30 * 60_000, rules)!;
    expect(drop.share_change).toBeCloseTo(-0.4, 9);
    expect(drop.difference_in_differences).toBeCloseTo(-0.6, 9);
    expect(drop.sanction).toBe(true);
  });
});
