import type { EvidenceItem } from '@fairmarket/contract';
import { DAY_MS } from '../below-cost-pricing/platform-calendar';
import { formatMoney } from '../below-cost-pricing/bounded-sample';
import { candidate, pushEvidence, type CheckContext } from './check-context';
import type { CountdownVerdict, FakePromotionCandidate } from './fake-promotion.types';
import type { CountdownEnd, PromotionRecord } from './promotion-record';
import type { PromotionWindows } from './promotion-windows';
import type { SkuPromotionLedger } from './sku-promotion-ledger';
import type { SnapshotPoint } from './snapshot-point';

interface CountdownFacts {
  verdict: CountdownVerdict;
  resets: { from: CountdownEnd; to: CountdownEnd }[];
  lastPromoSnapshot: SnapshotPoint;
  continuedTo: SnapshotPoint | null;
}

/**
 * A countdown's claimed ends in the order the page first showed them. A reset is a move to an
 * end later than any shown before, at the same or a lower price than the page showed under
 * the previous end: the "limited time" was not limited.
 */
function countdownResets(promo: PromotionRecord): { from: CountdownEnd; to: CountdownEnd }[] {
  const ends = [...promo.ends.values()].sort((a, b) => a.first.ts - b.first.ts || a.endMs - b.endMs);
  const resets: { from: CountdownEnd; to: CountdownEnd }[] = [];
  let latest: CountdownEnd | null = null;
  for (const end of ends) {
    if (latest && end.endMs > latest.endMs && end.first.price <= latest.last.price) resets.push({ from: latest, to: end });
    if (!latest || end.endMs > latest.endMs) latest = end;
  }
  return resets;
}

/**
 * How long the promotion price went on after the last claimed end: the consecutive platform
 * days after the end's day on which every snapshot of the sku still shows at most the
 * promotion's price. A day without snapshots ends the streak (nothing shows the price went on).
 */
function promotionPriceContinues(w: PromotionWindows): SnapshotPoint | null {
  const promoPrice = (w.promo.highest as SnapshotPoint).price;
  let continued: SnapshotPoint | null = null;
  for (let d = (w.endDay as number) + 1; ; d++) {
    const day = w.afterEnd.get(d);
    if (!day || day.highest.price > promoPrice) break;
    continued = day.last;
  }
  return continued;
}

function countdownFacts(w: PromotionWindows, ctx: CheckContext): CountdownFacts | null {
  const promo = w.promo;
  const lastEnd = promo.lastEnd();
  if (!lastEnd) return null;
  const { rules, calendar } = ctx;
  const resets = countdownResets(promo);
  const ends = [...promo.ends.values()];
  const firstShown = ends.reduce((a, b) => (b.first.ts < a.first.ts || (b.first.ts === a.first.ts && b.endMs < a.endMs) ? b : a));
  const continuedTo = promotionPriceContinues(w);
  const overrunMs = continuedTo ? continuedTo.ts - lastEnd.endMs : 0;
  const overrun = overrunMs >= rules.countdown_overrun_days * DAY_MS;
  if (resets.length < rules.countdown_min_resets && !overrun) return null;
  return {
    verdict: {
      promo_id: promo.promoId,
      resets: resets.length,
      first_claimed_end: firstShown.endIso,
      last_claimed_end: lastEnd.endIso,
      continued_until: continuedTo ? calendar.instant(continuedTo.ts) : null,
      overrun_days: Math.max(0, Math.floor((overrunMs / DAY_MS) * 10) / 10),
    },
    resets: resets.length >= rules.countdown_min_resets ? resets : [],
    lastPromoSnapshot: promo.last as SnapshotPoint,
    continuedTo: overrun ? continuedTo : null,
  };
}

export function fakeCountdownCheck(ledger: SkuPromotionLedger, ctx: CheckContext): FakePromotionCandidate | null {
  const { calendar } = ctx;
  const money = (v: number) => formatMoney(v, ledger.currency ?? undefined);
  const found = ledger.windows
    .map((w) => ({ promo: w.promo, facts: countdownFacts(w, ctx) }))
    .filter((x): x is { promo: PromotionRecord; facts: CountdownFacts } => x.facts !== null);
  if (found.length === 0) return null;
  const evidence: EvidenceItem[] = [];
  let total = 0;
  for (const { promo, facts } of found) {
    for (const r of facts.resets) {
      total += 2;
      pushEvidence(evidence, { file: 'listings', id: r.from.last.id, note: `promotion ${promo.promoId} claims it ends ${r.from.endIso} at ${money(r.from.last.price)}` });
      pushEvidence(evidence, { file: 'listings', id: r.to.first.id, note: `end moved to ${r.to.endIso} at ${money(r.to.first.price)}` });
    }
    if (facts.continuedTo) {
      total += 1;
      pushEvidence(evidence, {
        file: 'listings',
        id: facts.continuedTo.id,
        note: `promotion price ${money(facts.continuedTo.price)} still shown ${facts.verdict.overrun_days} days after the claimed end ${facts.verdict.last_claimed_end}`,
      });
    }
  }
  const worst = [...found].sort(
    (a, b) => b.facts.verdict.resets - a.facts.verdict.resets || b.facts.verdict.overrun_days - a.facts.verdict.overrun_days,
  )[0];
  const from = Math.min(...found.map((f) => (f.promo.first as SnapshotPoint).ts));
  const to = Math.max(...found.map((f) => Math.max(f.facts.lastPromoSnapshot.ts, f.facts.continuedTo?.ts ?? 0)));
  return candidate(
    ledger,
    'fake_countdown',
    'medium',
    { from: calendar.instant(from), to: calendar.instant(to) },
    { kind: 'fake_countdown', promotions: found.slice(0, 20).map((f) => f.facts.verdict), worst: worst.facts.verdict },
    evidence,
    total,
  );
}
