/**
 * Planted cases for filing_inconsistency (detectors.md "Filings"), on two platforms of their
 * own, each declaration checked against logs planted here:
 *
 * Platform A (`pfi`):
 *  - a pricing algorithm declaring personal_pricing=false (features new_user, member_tier)
 *    while the platform's price logs mark iOS users up 8% (a price_discrimination alert on
 *    device_os): inconsistent;
 *  - a feed declaring a non-personalized option whose results with personalization off still
 *    favour iOS users (a personalization_opt_out alert): inconsistent;
 *  - a search algorithm declaring query and region whose personalized results follow gender:
 *    inconsistent;
 *  - look-alikes, consistent: a feed whose iOS boost is declared and limited to personalized
 *    requests; a search algorithm that declares the gender it uses; a search algorithm that
 *    declares spend_90d and uses it (iOS users, members and frequent buyers spend more, so
 *    those correlates must not be blamed).
 * Platform B (`pfi`, second): the same 8% iOS markup, with a pricing algorithm that declares
 * personal pricing and device_os truthfully: consistent.
 *
 * The iOS markups are price_discrimination alerts and the leaky feed a personalization_opt_out
 * alert: this scenario labels those too. Quotes fall between 09:00 and 20:59 (+08:00).
 */
import type { Expectation, Scenario, ScenarioContext } from '../scenario';
import { iosPremiumBoost, plantQueryCatalog, plantRankedRequests, type RankedRequestsSpec } from './personalization-opt-out.scenario';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const IOS_MARKUP = 1.08;
const MARKUP_DAYS = 14;
const QUOTES_PER_SKU_HOUR = 10;

const both = (e: Expectation) => ({ cn: e, eu: e });

/** A merchant of four phones priced 8% higher for iOS users, every quote of 14 days. */
function plantIosMarkup(ctx: ScenarioContext, platformId: string): string {
  const merchant_id = ctx.id(`${platformId}-m`);
  ctx.emit('merchants', { platform_id: platformId, merchant_id, name: 'Phone Outlet', kind: 'third_party', size: 'medium' });
  const users = ctx.users(platformId);
  for (let k = 0; k < 4; k++) {
    const sku_id = ctx.id(`${platformId}-s`);
    const base = 19_900 + k * 10_000;
    ctx.emit('skus', { platform_id: platformId, sku_id, merchant_id, category: 'electronics.phone', title: `Phone model ${k + 1}`, rating: 4.6 });
    for (let day = 0; day < MARKUP_DAYS; day++) {
      for (let hour = 9; hour < 21; hour++) {
        for (let q = 0; q < QUOTES_PER_SKU_HOUR; q++) {
          const user = ctx.rng.pick(users);
          const price = user.traits.device_os === 'ios' ? Math.round((base * IOS_MARKUP) / 100) * 100 : base;
          const at = ctx.startMs + day * DAY_MS + hour * HOUR_MS + ctx.rng.int(0, 3599) * 1000;
          ctx.emit('price_quotes', {
            platform_id: platformId,
            quote_id: ctx.id(`${platformId}-q`),
            ts: ctx.ts(at),
            sku_id,
            merchant_id,
            user_id: user.user_id,
            user: user.traits,
            list_price: base,
            price,
            coupons: [],
            final_price: price,
            currency: 'CNY',
          });
        }
      }
    }
  }
  return merchant_id;
}

function declare(ctx: ScenarioContext, platformId: string, record: Record<string, unknown>): void {
  ctx.emit('algorithms', { platform_id: platformId, version: '1.0', launched_at: '2025-06-01', user_tag_controls: true, ...record });
}

interface RankingCase {
  name: string;
  type: string;
  declared: string[];
  optOut: boolean;
  boost: RankedRequestsSpec['boost'];
  filing: { expected: Expectation; kind: string | null; note: string };
  optOutAlert: boolean;
}

const premiumFor = (test: (traits: Record<string, unknown>) => boolean) => (traits: Record<string, unknown>, personalized: boolean, index: number) =>
  personalized && test(traits) && index % 2 === 1 ? 3 : 0;

const RANKING_CASES: RankingCase[] = [
  {
    name: 'feed-leaky',
    type: 'personalized_push',
    declared: ['query', 'device_os'],
    optOut: true,
    boost: iosPremiumBoost(3, { personalized: true, nonPersonalized: true }),
    filing: { expected: 'alert', kind: 'opt_out', note: 'declares a non-personalized option, yet with personalization off iOS users still get premium items first' },
    optOutAlert: true,
  },
  {
    name: 'feed-honest',
    type: 'personalized_push',
    declared: ['query', 'device_os'],
    optOut: true,
    boost: iosPremiumBoost(3, { personalized: true, nonPersonalized: false }),
    filing: { expected: 'none', kind: null, note: 'look-alike: declared iOS boost, only in personalized requests' },
    optOutAlert: false,
  },
  {
    name: 'search-gender',
    type: 'ranking_selection',
    declared: ['query', 'region'],
    optOut: true,
    boost: premiumFor((t) => t.gender === 'f'),
    filing: { expected: 'alert', kind: 'undeclared_feature', note: 'declares query and region, yet personalized results follow gender' },
    optOutAlert: false,
  },
  {
    name: 'search-gender-declared',
    type: 'ranking_selection',
    declared: ['query', 'gender'],
    optOut: true,
    boost: premiumFor((t) => t.gender === 'f'),
    filing: { expected: 'none', kind: null, note: 'look-alike: personalized results follow gender, which is declared' },
    optOutAlert: false,
  },
  {
    name: 'search-spend',
    type: 'ranking_selection',
    declared: ['query', 'spend_90d'],
    optOut: true,
    boost: premiumFor((t) => typeof t.spend_90d === 'number' && t.spend_90d >= 60_000),
    filing: { expected: 'none', kind: null, note: 'look-alike: personalized results follow the declared spend_90d; device, membership and orders only correlate with it' },
    optOutAlert: false,
  },
];

export const filingInconsistencyScenario: Scenario = {
  name: 'filing-inconsistency',
  detectors: ['filing_inconsistency', 'price_discrimination', 'personalization_opt_out'],
  plant(ctx: ScenarioContext): void {
    const a = ctx.newPlatform('pfi');
    const label = (platformId: string, caseId: string, detector: 'filing_inconsistency' | 'price_discrimination' | 'personalization_opt_out', kind: string | null, match: Record<string, string>, expected: Expectation, note: string) =>
      ctx.label({ case_id: caseId, detector, kind, platform_id: platformId, match, expected: both(expected), note });

    const markupA = plantIosMarkup(ctx, a);
    label(a, 'fi-pd-ios-markup', 'price_discrimination', null, { merchant_id: markupA, attribute: 'device_os' }, 'alert', 'iOS users quoted 8% more for the same phone in the same hour (planted for the filing check)');
    declare(ctx, a, {
      algorithm_id: `${a}-pricing`,
      name: '定价算法 / pricing',
      type: 'scheduling_decision',
      surfaces: ['pricing'],
      declared_features: ['new_user', 'member_tier'],
      personal_pricing: false,
      opt_out_available: false,
    });
    label(a, 'fi-personal-pricing', 'filing_inconsistency', 'personal_pricing', { algorithm_id: `${a}-pricing` }, 'alert', 'declares personal_pricing=false and no device_os, on a platform whose quotes mark iOS users up');

    const pools = plantQueryCatalog(ctx, a, 'electronics.accessories');
    const cells = Math.max(60, Math.round(300 * ctx.scale));
    for (const c of RANKING_CASES) {
      const algorithmId = `${a}-${c.name}`;
      declare(ctx, a, {
        algorithm_id: algorithmId,
        name: c.name,
        type: c.type,
        surfaces: ['search'],
        declared_features: c.declared,
        personal_pricing: false,
        opt_out_available: c.optOut,
      });
      plantRankedRequests(ctx, { platformId: a, algorithmId, pools, cells, perCell: 6, boost: c.boost });
      label(a, `fi-${c.name}`, 'filing_inconsistency', c.filing.kind, { algorithm_id: algorithmId }, c.filing.expected, c.filing.note);
      label(a, `fi-${c.name}-opt-out`, 'personalization_opt_out', null, { algorithm_id: algorithmId }, c.optOutAlert ? 'alert' : 'none', c.optOutAlert ? 'non-personalized results follow device_os' : 'non-personalized results ignore the user');
    }

    const b = ctx.newPlatform('pfi');
    const markupB = plantIosMarkup(ctx, b);
    label(b, 'fi-pd-ios-markup-declared', 'price_discrimination', null, { merchant_id: markupB, attribute: 'device_os' }, 'alert', 'iOS users quoted 8% more (planted for the truthful-filing look-alike)');
    declare(ctx, b, {
      algorithm_id: `${b}-pricing`,
      name: '定价算法 / pricing',
      type: 'scheduling_decision',
      surfaces: ['pricing'],
      declared_features: ['device_os', 'new_user', 'member_tier'],
      personal_pricing: true,
      opt_out_available: false,
    });
    label(b, 'fi-personal-pricing-declared', 'filing_inconsistency', null, { algorithm_id: `${b}-pricing` }, 'none', 'look-alike: the pricing filing declares personal pricing by device_os, as the quotes show');
  },
};
