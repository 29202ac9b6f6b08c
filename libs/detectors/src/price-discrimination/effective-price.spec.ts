import { CN_RULE_PACK } from '@fairmarket/rules';
import { effectivePrice, LOG_UNITS, logPriceUnits } from './effective-price';
import { quote, T0 } from './testing/quote-market';

const justified = new Set(CN_RULE_PACK.price_discrimination.justified_coupon_scopes);
const user = { id: 'u1', traits: {} };
const withCoupons = (coupons: { scope: 'public' | 'new_user' | 'member' | 'targeted'; disclosed: boolean; amount: number }[]) =>
  quote({ merchant: 'm', sku: 's', tsMs: T0, user, offer: { price: 10_000, coupons: coupons.map((c, i) => ({ coupon_id: `c${i}`, ...c })) } });

describe('effectivePrice', () => {
  it('adds back disclosed public, new_user and member coupons: published offers are justified', () => {
    const q = withCoupons([
      { scope: 'public', disclosed: true, amount: 300 },
      { scope: 'new_user', disclosed: true, amount: 500 },
      { scope: 'member', disclosed: true, amount: 200 },
    ]);
    expect(q.final_price).toBe(9_000);
    expect(effectivePrice(q, justified)).toBe(10_000);
  });

  it('keeps undisclosed coupons and targeted coupons deducted: a withheld coupon is a price difference', () => {
    const q = withCoupons([
      { scope: 'new_user', disclosed: false, amount: 500 },
      { scope: 'targeted', disclosed: true, amount: 300 },
      { scope: 'public', disclosed: true, amount: 100 },
    ]);
    expect(effectivePrice(q, justified)).toBe(9_200);
  });

  it('never counts shipping', () => {
    const q = { ...withCoupons([]), shipping_fee: 1_500 };
    expect(effectivePrice(q, justified)).toBe(10_000);
  });
});

describe('logPriceUnits', () => {
  it('is a fixed-point log, fine enough to tell one fen apart on a 10,000 fen price', () => {
    expect(logPriceUnits(10_000)).toBe(Math.round(Math.log(10_000) * LOG_UNITS));
    expect(logPriceUnits(10_001)! - logPriceUnits(10_000)!).toBeGreaterThanOrEqual(6);
  });

  it('has no value for a price of zero or less', () => {
    expect(logPriceUnits(0)).toBeUndefined();
    expect(logPriceUnits(-5)).toBeUndefined();
  });
});
