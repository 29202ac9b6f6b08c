import type { EvidenceItem, Severity } from '@fairmarket/contract';
import { above, atLeast, formatMoney } from '../below-cost-pricing/bounded-sample';
import { candidate, covers, pushEvidence, type CheckContext } from './check-context';
import type { FakePromotionCandidate, LawfulPriceBasis, ReferenceVerdict, UnverifiableReason } from './fake-promotion.types';
import type { PromotionRecord } from './promotion-record';
import type { PromotionWindows } from './promotion-windows';
import type { SkuPromotionLedger } from './sku-promotion-ledger';

const MAX_LISTED_PROMOTIONS = 20;

type LawfulPrice = { price: number; basis: LawfulPriceBasis; source: EvidenceItem } | { unverifiable: UnverifiableReason };

/**
 * The highest reference a promotion may show. cn: the lowest order price of the look-back
 * days before the start day, else (rule pack permitting) the last order price before it.
 * eu: the lowest displayed price of the look-back days. Unverifiable when the platform's
 * file does not cover the look-back or there is nothing to compare with.
 */
export function lawfulReferencePrice(w: PromotionWindows, ctx: CheckContext, currency: string | null): LawfulPrice {
  const { rules, coverage, calendar } = ctx;
  const fromDay = w.lookbackFrom;
  const toDay = w.startDay - 1;
  const window = `${calendar.dateOf(fromDay)}..${calendar.dateOf(toDay)}`;
  const money = (v: number) => formatMoney(v, currency ?? undefined);
  if (rules.prior_price_basis === 'lowest_displayed_price') {
    if (!covers(coverage.firstListingDay, coverage.lastListingDay, fromDay, toDay)) return { unverifiable: 'lookback_not_covered' };
    const lowest = w.lowestDisplayed;
    if (!lowest) return { unverifiable: 'never_displayed' };
    return {
      price: lowest.price,
      basis: 'lowest_displayed_price',
      source: { file: 'listings', id: lowest.id, note: `lowest displayed price ${window}: ${money(lowest.price)}` },
    };
  }
  if (!covers(coverage.firstOrderDay, coverage.lastOrderDay, fromDay, toDay)) return { unverifiable: 'lookback_not_covered' };
  if (w.lowestOrder) {
    return {
      price: w.lowestOrder.price,
      basis: 'lowest_order_price',
      source: { file: 'orders', id: w.lowestOrder.id, note: `lowest order price ${window}: ${money(w.lowestOrder.price)}` },
    };
  }
  const last = rules.fallback_last_order_price ? w.lastOrderBefore : null;
  if (!last) return { unverifiable: 'never_sold' };
  return {
    price: last.price,
    basis: 'last_order_price',
    source: { file: 'orders', id: last.id, note: `no order ${window}; last order price before: ${money(last.price)}` },
  };
}

export function fictitiousReferenceCheck(ledger: SkuPromotionLedger, ctx: CheckContext): FakePromotionCandidate | null {
  const { rules, calendar } = ctx;
  const money = (v: number) => formatMoney(v, ledger.currency ?? undefined);
  const judged: { verdict: ReferenceVerdict; promo: PromotionRecord; lawful: LawfulPrice; severity: Severity | null }[] = [];
  for (const w of ledger.windows) {
    const promo = w.promo;
    if (promo.references.size === 0) continue;
    const startDay = w.startDay;
    const fromDay = w.lookbackFrom;
    const reference = Math.max(...promo.references.keys());
    const lawful = lawfulReferencePrice(w, ctx, ledger.currency);
    const verdict: ReferenceVerdict = {
      promo_id: promo.promoId,
      promotion_start: calendar.instant(promo.startMs),
      lookback_from: calendar.dateOf(fromDay),
      lookback_to: calendar.dateOf(startDay - 1),
      reference_price: reference,
      lawful_price: 'price' in lawful ? lawful.price : null,
      lawful_basis: 'price' in lawful ? lawful.basis : null,
      excess: 'price' in lawful && lawful.price > 0 ? reference / lawful.price - 1 : null,
      unverifiable: 'unverifiable' in lawful ? lawful.unverifiable : null,
    };
    let severity: Severity | null = null;
    if ('price' in lawful && above(reference, lawful.price)) {
      severity = atLeast(reference, lawful.price * (1 + rules.reference_high_excess)) ? 'high' : 'medium';
    } else if ('unverifiable' in lawful) severity = 'info';
    if (severity) judged.push({ verdict, promo, lawful, severity });
  }
  const violating = judged.filter((j) => j.severity !== 'info');
  const reported = violating.length > 0 ? violating : judged;
  if (reported.length === 0) return null;

  const evidence: EvidenceItem[] = [];
  let total = 0;
  for (const { verdict, promo, lawful } of reported) {
    const limit = 'price' in lawful ? lawful.price : null;
    const shown = [...promo.references.entries()].filter(([price]) => limit === null || above(price, limit)).sort((a, b) => b[0] - a[0]);
    for (const [price, refs] of shown) {
      total += refs.count;
      const note =
        limit === null
          ? `reference ${money(price)} in promotion ${promo.promoId}; unverifiable: ${verdict.unverifiable}`
          : `reference ${money(price)} in promotion ${promo.promoId} exceeds the lawful ${money(limit)} (${verdict.lawful_basis})`;
      for (const id of refs.sampleIds) pushEvidence(evidence, { file: 'listings', id, note });
    }
    if ('source' in lawful) {
      total++;
      pushEvidence(evidence, lawful.source);
    }
  }
  const worst = [...reported].sort((a, b) => (b.verdict.excess ?? Infinity) - (a.verdict.excess ?? Infinity))[0];
  const severity: Severity = reported.some((j) => j.severity === 'high') ? 'high' : (reported[0].severity as Severity);
  const fromDay = Math.min(...reported.map((j) => calendar.dayOf(j.promo.startMs) - rules.prior_price_lookback_days));
  const toMs = Math.max(...reported.map((j) => (j.promo.last as { ts: number }).ts));
  return candidate(
    ledger,
    'fictitious_reference_price',
    severity,
    { from: calendar.startOf(fromDay), to: calendar.instant(toMs) },
    {
      kind: 'fictitious_reference_price',
      promotions: reported.slice(0, MAX_LISTED_PROMOTIONS).map((j) => j.verdict),
      violating: violating.length,
      unverifiable: judged.length - violating.length,
      worst: worst.verdict,
    },
    evidence,
    total,
  );
}
