/**
 * What a user is charged for a sku on a day. Everyone gets the same price within the day;
 * the only differences are published, disclosed offers: the store coupon of the day (for
 * everyone), the new-user coupon (for new users) and the member coupons (for members).
 * Shipping depends on the delivery region and is never part of the price.
 */
import type { IdRegistry } from '../id-registry';
import type { SkuLedger } from './sku-ledger';

export interface PlatformCoupons {
  newUser: string;
  plus: string;
  svip: string;
}

export interface QuotedCoupon {
  coupon_id: string;
  amount: number;
  scope: 'public' | 'new_user' | 'member';
  disclosed: true;
}

const REMOTE_REGIONS = new Set(['650000', '540000']);
const FREE_SHIPPING_FROM = 9900;

export function platformCoupons(ids: IdRegistry, platformId: string): PlatformCoupons {
  return { newUser: ids.next(`${platformId}-cpn`), plus: ids.next(`${platformId}-cpn`), svip: ids.next(`${platformId}-cpn`) };
}

function share(listPrice: number, fraction: number, cap: number): number {
  return Math.max(100, Math.min(cap, Math.round((listPrice * fraction) / 100) * 100));
}

/** The disclosed coupons a user with these traits receives for this sku on this day. */
export function couponsFor(traits: Record<string, unknown>, ledger: SkuLedger, day: number, coupons: PlatformCoupons): QuotedCoupon[] {
  if (ledger.inPromotion(day)) return [];
  const out: QuotedCoupon[] = [];
  const store = ledger.storeCouponOn(day);
  if (store) out.push({ coupon_id: store.coupon_id, amount: store.amount, scope: 'public', disclosed: true });
  const list = ledger.sku.listPrice;
  // New-user and member offers do not stack: a new member gets the new-user offer.
  if (traits.new_user === true) out.push({ coupon_id: coupons.newUser, amount: share(list, 0.05, 3000), scope: 'new_user', disclosed: true });
  else if (traits.member_tier === 'svip') out.push({ coupon_id: coupons.svip, amount: share(list, 0.03, 3000), scope: 'member', disclosed: true });
  else if (traits.member_tier === 'plus') out.push({ coupon_id: coupons.plus, amount: share(list, 0.02, 1500), scope: 'member', disclosed: true });
  return out;
}

export function shippingFee(region: unknown, finalPrice: number): number {
  if (REMOTE_REGIONS.has(String(region))) return 1500;
  return finalPrice >= FREE_SHIPPING_FROM ? 0 : 600;
}
