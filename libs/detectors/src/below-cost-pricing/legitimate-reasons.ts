import type { Sku } from '@fairmarket/contract';
import type { BelowCostRules } from '@fairmarket/rules';
import type { PlatformCalendar } from './platform-calendar';

export type LegitimateReason = 'perishable' | 'near_expiry' | 'season_end' | 'launch' | 'clearance';

/** The sku facts that can justify selling below cost, as platform days. */
export interface SkuProfile {
  merchant_id: string;
  category: string;
  perishable: boolean;
  expiryDay: number | null;
  seasonEndDay: number | null;
  launchDay: number | null;
  clearanceDay: number | null;
}

export function skuProfile(sku: Sku, calendar: PlatformCalendar): SkuProfile {
  const day = (d: string | undefined) => (d ? calendar.dayOfDate(d) : null);
  return {
    merchant_id: sku.merchant_id,
    category: sku.category,
    perishable: sku.perishable === true,
    expiryDay: day(sku.expiry_date),
    seasonEndDay: day(sku.season_end),
    launchDay: day(sku.launch_date),
    clearanceDay: day(sku.clearance_from),
  };
}

/**
 * A platform may hold the same sku line twice (re-submitted files); keep one profile whatever
 * order they came in: the one whose fields sort first.
 */
export function preferProfile(a: SkuProfile, b: SkuProfile): SkuProfile {
  return JSON.stringify(a) <= JSON.stringify(b) ? a : b;
}

/**
 * Why a day is taken out of the below-cost test, or null. The windows are inclusive: a sale
 * 30 days before expiry or 30 days after launch is still "within 30 days".
 */
export function legitimateReason(profile: SkuProfile | undefined, day: number, rules: BelowCostRules): LegitimateReason | null {
  if (!profile) return null;
  if (profile.perishable) return 'perishable';
  if (profile.expiryDay !== null && profile.expiryDay >= day && profile.expiryDay - day <= rules.expiry_within_days) {
    return 'near_expiry';
  }
  if (profile.seasonEndDay !== null && day >= profile.seasonEndDay - rules.season_end_within_days) return 'season_end';
  if (profile.launchDay !== null && day >= profile.launchDay && day - profile.launchDay <= rules.launch_within_days) {
    return 'launch';
  }
  if (profile.clearanceDay !== null && day >= profile.clearanceDay) return 'clearance';
  return null;
}
