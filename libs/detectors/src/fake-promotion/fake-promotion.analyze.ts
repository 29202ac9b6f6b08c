import type { RulePack } from '@fairmarket/rules';
import { PlatformCalendar } from '../below-cost-pricing/platform-calendar';
import type { DatasetSource } from '../detector';
import type { CheckContext, PlatformCoverage } from './check-context';
import { fakeCountdownCheck } from './fake-countdown.check';
import type { FakePromotionCandidate, FakePromotionPartial } from './fake-promotion.types';
import { fakeScarcityCheck } from './fake-scarcity.check';
import { fictitiousReferenceCheck } from './fictitious-reference.check';
import { inflatedSalesCheck } from './inflated-sales.check';
import { raiseThenDiscountCheck } from './raise-then-discount.check';
import { SkuPromotionLedger } from './sku-promotion-ledger';

const SEP = '\u0000';
const CHECKS = [fictitiousReferenceCheck, raiseThenDiscountCheck, fakeCountdownCheck, fakeScarcityCheck, inflatedSalesCheck];

const min = (a: number | null, b: number) => (a === null || b < a ? b : a);
const max = (a: number | null, b: number) => (a === null || b > a ? b : a);
const skuKey = (r: { platform_id: string; merchant_id: string; sku_id: string }) => r.platform_id + SEP + r.merchant_id + SEP + r.sku_id;

/**
 * Reads listings, orders, listings again (and orders once more, only to pick evidence for
 * inflated sales claims) into one ledger per (platform, merchant, sku), then runs the five
 * tests on each. The first listings pass finds the promotions and claims, so that the later
 * passes keep only what each promotion's windows and each claim need: memory grows with
 * promotions and claims, not with days × skus. Orders of skus never listed only widen the
 * platform's coverage: no test reads them.
 */
export async function analyzeFakePromotion(source: DatasetSource, pack: RulePack): Promise<FakePromotionPartial> {
  const kinds = source.kinds();
  if (!kinds.has('listings')) return { candidates: [] };
  const rules = pack.fake_promotion;
  const calendar = new PlatformCalendar(pack.platform_tz);
  const ledgers = new Map<string, SkuPromotionLedger>();
  const coverage = new Map<string, PlatformCoverage>();
  const coverageOf = (platformId: string) => {
    let c = coverage.get(platformId);
    if (!c) coverage.set(platformId, (c = { firstOrderDay: null, lastOrderDay: null, firstListingDay: null, lastListingDay: null }));
    return c;
  };

  for await (const l of source.rows('listings')) {
    const key = skuKey(l);
    let ledger = ledgers.get(key);
    if (!ledger) ledgers.set(key, (ledger = new SkuPromotionLedger(l.platform_id, l.merchant_id, l.sku_id)));
    const day = calendar.dayOf(l.tsMs);
    ledger.addListing(l, day);
    const c = coverageOf(l.platform_id);
    c.firstListingDay = min(c.firstListingDay, day);
    c.lastListingDay = max(c.lastListingDay, day);
  }
  for (const ledger of ledgers.values()) ledger.prepare(rules, calendar);

  if (kinds.has('orders')) {
    for await (const o of source.rows('orders')) {
      const day = calendar.dayOf(o.tsMs);
      const c = coverageOf(o.platform_id);
      c.firstOrderDay = min(c.firstOrderDay, day);
      c.lastOrderDay = max(c.lastOrderDay, day);
      ledgers.get(skuKey(o))?.addOrder(o, day);
    }
  }
  for (const ledger of ledgers.values()) ledger.sales?.seal();

  for await (const l of source.rows('listings')) {
    (ledgers.get(skuKey(l)) as SkuPromotionLedger).revisitListing(l, calendar.dayOf(l.tsMs), rules, coverageOf(l.platform_id));
  }

  const inflated = [...ledgers.values()].filter((ledger) => ledger.sales?.worst);
  if (inflated.length > 0 && kinds.has('orders')) {
    for await (const o of source.rows('orders')) {
      ledgers.get(skuKey(o))?.sales?.addWindowOrder(calendar.dayOf(o.tsMs), o.order_id, rules.sales_window_days);
    }
  }

  const candidates: FakePromotionCandidate[] = [];
  for (const key of [...ledgers.keys()].sort()) {
    const ledger = ledgers.get(key) as SkuPromotionLedger;
    const ctx: CheckContext = { rules, calendar, coverage: coverageOf(ledger.platformId) };
    for (const check of CHECKS) {
      const found = check(ledger, ctx);
      if (found) candidates.push(found);
    }
  }
  return { candidates };
}
