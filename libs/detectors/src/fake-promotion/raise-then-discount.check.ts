import type { EvidenceItem } from '@fairmarket/contract';
import { atLeast, formatMoney } from '../below-cost-pricing/bounded-sample';
import { candidate, pushEvidence, type CheckContext } from './check-context';
import type { FakePromotionCandidate, RaiseVerdict } from './fake-promotion.types';
import type { PromotionRecord } from './promotion-record';
import type { PromotionWindows } from './promotion-windows';
import type { SkuPromotionLedger } from './sku-promotion-ledger';
import type { SnapshotPoint } from './snapshot-point';

interface Rise {
  before: SnapshotPoint;
  after: SnapshotPoint;
  day: number;
}

/**
 * The largest rise of the regular price within the look-back days before a promotion that
 * makes the promotion's discount illusory: the regular price rose by at least `raise_min`
 * over an earlier regular price (the last one before the window or one inside it), and even
 * the promotion's lowest price is not below that earlier price.
 */
export function illusoryRise(w: PromotionWindows, ctx: CheckContext): Rise | null {
  const promoPrice = (w.promo.lowest as SnapshotPoint).price;
  // The regular price in force when the window opens.
  let base: SnapshotPoint | null = w.regularBefore;
  let best: Rise | null = null;
  for (const [day, regular] of [...w.regularDays.entries()].sort((a, b) => a[0] - b[0])) {
    // Within a day, the first regular price precedes the day's highest one.
    const before = base === null || regular.first.price < base.price ? regular.first : base;
    const after = regular.highest;
    const qualifies = atLeast(after.price, before.price * (1 + ctx.rules.raise_min)) && promoPrice >= before.price;
    if (qualifies && (!best || after.price / before.price > best.after.price / best.before.price)) best = { before, after, day };
    if (base === null || regular.lowest.price < base.price) base = regular.lowest;
  }
  return best;
}

export function raiseThenDiscountCheck(ledger: SkuPromotionLedger, ctx: CheckContext): FakePromotionCandidate | null {
  const { calendar } = ctx;
  const money = (v: number) => formatMoney(v, ledger.currency ?? undefined);
  const found: { promo: PromotionRecord; rise: Rise; verdict: RaiseVerdict }[] = [];
  for (const w of ledger.windows) {
    const promo = w.promo;
    const rise = illusoryRise(w, ctx);
    if (!rise) continue;
    const verdict: RaiseVerdict = {
      promo_id: promo.promoId,
      promotion_start: calendar.instant(promo.startMs),
      promotion_price: (promo.lowest as SnapshotPoint).price,
      regular_before: rise.before.price,
      regular_after: rise.after.price,
      rise: rise.after.price / rise.before.price - 1,
      rise_date: calendar.dateOf(rise.day),
    };
    found.push({ promo, rise, verdict });
  }
  if (found.length === 0) return null;
  const evidence: EvidenceItem[] = [];
  for (const { promo, rise, verdict } of found) {
    pushEvidence(evidence, { file: 'listings', id: rise.before.id, note: `regular price ${money(rise.before.price)} before the rise` });
    pushEvidence(evidence, {
      file: 'listings',
      id: rise.after.id,
      note: `regular price raised to ${money(rise.after.price)} on ${verdict.rise_date}`,
    });
    pushEvidence(evidence, {
      file: 'listings',
      id: (promo.lowest as SnapshotPoint).id,
      note: `promotion ${promo.promoId} price ${money(verdict.promotion_price)}, not below the pre-rise ${money(rise.before.price)}`,
    });
  }
  const worst = [...found].sort((a, b) => b.verdict.rise - a.verdict.rise)[0];
  const fromDay = Math.min(...found.map((f) => f.rise.day));
  return candidate(
    ledger,
    'raise_then_discount',
    'high',
    { from: calendar.startOf(fromDay), to: calendar.instant(Math.max(...found.map((f) => (f.promo.last as SnapshotPoint).ts))) },
    { kind: 'raise_then_discount', promotions: found.slice(0, 20).map((f) => f.verdict), worst: worst.verdict },
    evidence,
    found.length * 3,
  );
}
