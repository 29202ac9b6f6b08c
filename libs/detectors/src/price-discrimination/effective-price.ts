/**
 * The price a user was really asked to pay, as detectors.md §1 compares it: `final_price` with
 * the published offers added back (coupons that are disclosed AND of a justified scope: public,
 * new_user, member). An undisclosed or targeted coupon stays deducted, because a coupon withheld
 * from some users is exactly the kind of price difference the law is about. Shipping is never
 * part of it.
 */
import type { PriceQuote } from '@fairmarket/contract';

export function effectivePrice(quote: PriceQuote, justifiedScopes: ReadonlySet<string>): number {
  let price = quote.final_price;
  for (const coupon of quote.coupons ?? []) {
    if (coupon.disclosed === true && justifiedScopes.has(coupon.scope)) price += coupon.amount;
  }
  return price;
}

/**
 * Log prices are compared in fixed point, 2^16 units per natural-log unit (a resolution of
 * 0.0015%, far below a one-fen difference on any real price). Integers add up exactly in any
 * order, so a stratum where everyone paid the same price contributes exactly zero, and the
 * analysis gives bit-identical results however rows are ordered or split.
 */
export const LOG_UNITS = 65536;

/** The fixed-point log of a positive price, or undefined for a price that has no logarithm. */
export function logPriceUnits(price: number): number | undefined {
  return price > 0 ? Math.round(Math.log(price) * LOG_UNITS) : undefined;
}
