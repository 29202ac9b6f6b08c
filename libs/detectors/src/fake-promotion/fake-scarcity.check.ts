import type { EvidenceItem } from '@fairmarket/contract';
import { candidate, pushEvidence, type CheckContext } from './check-context';
import type { FakePromotionCandidate, ScarcityOccasion } from './fake-promotion.types';
import type { SkuPromotionLedger } from './sku-promotion-ledger';

/**
 * An occasion: between two consecutive stock claims, buyers ordered more units than the first
 * said were left, and yet the second still claims stock left. Consecutive means next in time
 * among the sku's snapshots that make a stock claim.
 */
export function fakeScarcityCheck(ledger: SkuPromotionLedger, ctx: CheckContext): FakePromotionCandidate | null {
  const { claims, intervals } = ledger.stock;
  const occasions: { k: number; occasion: ScarcityOccasion }[] = [];
  intervals.forEach((interval, k) => {
    const first = claims[k];
    const second = claims[k + 1];
    if (interval.units > first.claim && second.claim > 0) {
      occasions.push({
        k,
        occasion: {
          from_snapshot: first.id,
          to_snapshot: second.id,
          claimed_stock_left: first.claim,
          units_ordered: interval.units,
          next_claimed_stock_left: second.claim,
        },
      });
    }
  });
  if (occasions.length < ctx.rules.scarcity_min_occasions) return null;
  const evidence: EvidenceItem[] = [];
  let total = 0;
  for (const { k, occasion } of occasions) {
    total += 2 + intervals[k].orders;
    const note = `claimed ${occasion.claimed_stock_left} left; ${occasion.units_ordered} units ordered before the next snapshot, which still claims ${occasion.next_claimed_stock_left} left`;
    pushEvidence(evidence, { file: 'listings', id: occasion.from_snapshot, note });
    pushEvidence(evidence, { file: 'listings', id: occasion.to_snapshot, note: `still claims ${occasion.next_claimed_stock_left} left` });
    for (const id of intervals[k].sampleOrderIds.slice(0, 2)) pushEvidence(evidence, { file: 'orders', id, note: `ordered between ${occasion.from_snapshot} and ${occasion.to_snapshot}` });
  }
  const first = claims[occasions[0].k];
  const last = claims[occasions[occasions.length - 1].k + 1];
  return candidate(
    ledger,
    'fake_scarcity',
    'medium',
    { from: ctx.calendar.instant(first.ts), to: ctx.calendar.instant(last.ts) },
    { kind: 'fake_scarcity', occasions: occasions.length, examples: occasions.slice(0, 10).map((o) => o.occasion) },
    evidence,
    total,
  );
}
