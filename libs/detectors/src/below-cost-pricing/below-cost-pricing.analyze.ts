import type { RulePack } from '@fairmarket/rules';
import type { DatasetSource } from '../detector';
import type { BelowCostCandidate, BelowCostPartial } from './below-cost-pricing.types';
import { CategoryUnits } from './category-units';
import { CostSchedule } from './cost-schedule';
import { preferProfile, skuProfile, type SkuProfile } from './legitimate-reasons';
import { OrderDayLedger } from './order-day-ledger';
import { PlatformCalendar } from './platform-calendar';
import { skuRunCandidates } from './sku-runs';

const SEP = '\u0000';

/**
 * Streams skus, then costs, then orders of a source (one platform or several) and decides
 * every run within its platform. Memory holds one daily aggregate per sku and trading day,
 * and only for skus whose category holds a sku with a declared cost: the others can neither
 * be tested nor change a tested merchant's share.
 */
export async function analyzeBelowCost(source: DatasetSource, pack: RulePack): Promise<BelowCostPartial> {
  const kinds = source.kinds();
  if (!kinds.has('orders') || !kinds.has('costs')) return { candidates: [] };
  const calendar = new PlatformCalendar(pack.platform_tz);

  const profiles = new Map<string, SkuProfile>();
  for await (const sku of source.rows('skus')) {
    const key = sku.platform_id + SEP + sku.sku_id;
    const profile = skuProfile(sku, calendar);
    const known = profiles.get(key);
    profiles.set(key, known ? preferProfile(known, profile) : profile);
  }

  const schedules = new Map<string, CostSchedule>();
  const testedCategories = new Set<string>();
  for await (const cost of source.rows('costs')) {
    const key = [cost.platform_id, cost.merchant_id, cost.sku_id].join(SEP);
    let schedule = schedules.get(key);
    if (!schedule) schedules.set(key, (schedule = new CostSchedule(calendar)));
    schedule.add(cost);
    const category = profiles.get(cost.platform_id + SEP + cost.sku_id)?.category;
    if (category !== undefined) testedCategories.add(cost.platform_id + SEP + category);
  }

  const ledgers = new Map<string, OrderDayLedger>();
  for await (const order of source.rows('orders')) {
    const key = [order.platform_id, order.merchant_id, order.sku_id].join(SEP);
    const schedule = schedules.get(key);
    if (!schedule) {
      const category = profiles.get(order.platform_id + SEP + order.sku_id)?.category;
      if (category === undefined || !testedCategories.has(order.platform_id + SEP + category)) continue;
    }
    const day = calendar.dayOf(order.tsMs);
    const cost = schedule?.on(day) ?? null;
    let ledger = ledgers.get(key);
    if (!ledger) ledgers.set(key, (ledger = new OrderDayLedger()));
    ledger.add(
      day,
      order.quantity,
      order.unit_price,
      order.platform_subsidy ?? 0,
      order.order_id,
      cost ? { avc: cost.avc, atc: cost.atc ?? null } : null,
    );
    ledger.noteCurrency(order.currency);
  }

  const categoriesByPlatform = new Map<string, CategoryUnits>();
  for (const [key, ledger] of ledgers) {
    const [platformId, merchantId, skuId] = key.split(SEP);
    const category = profiles.get(platformId + SEP + skuId)?.category;
    if (category === undefined) continue;
    let units = categoriesByPlatform.get(platformId);
    if (!units) categoriesByPlatform.set(platformId, (units = new CategoryUnits()));
    for (const [day, sales] of ledger.days) units.add(category, merchantId, day, sales.units);
  }

  const candidates: BelowCostCandidate[] = [];
  for (const key of [...schedules.keys()].sort()) {
    const ledger = ledgers.get(key);
    if (!ledger) continue;
    const [platformId, merchantId, skuId] = key.split(SEP);
    candidates.push(
      ...skuRunCandidates(
        {
          platformId,
          merchantId,
          skuId,
          profile: profiles.get(platformId + SEP + skuId),
          ledger,
          costs: schedules.get(key) as CostSchedule,
        },
        pack.below_cost_pricing,
        calendar,
        categoriesByPlatform.get(platformId) ?? new CategoryUnits(),
      ),
    );
  }
  return { candidates };
}
