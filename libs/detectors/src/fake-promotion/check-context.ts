import type { EvidenceItem, Severity } from '@fairmarket/contract';
import type { FakePromotionKind, FakePromotionRules } from '@fairmarket/rules';
import type { PlatformCalendar } from '../below-cost-pricing/platform-calendar';
import type { FakePromotionCandidate, FakePromotionMetrics } from './fake-promotion.types';
import type { SkuPromotionLedger } from './sku-promotion-ledger';

export const MAX_EVIDENCE = 50;

/** The span of days the platform's dataset holds, per file: what a look-back can rely on. */
export interface PlatformCoverage {
  firstOrderDay: number | null;
  lastOrderDay: number | null;
  firstListingDay: number | null;
  lastListingDay: number | null;
}

/**
 * Whether a platform's file covers the whole window [fromDay, toDay]: its first row is on or
 * before the window's first day and its last on or after the window's last day. A platform
 * whose logs start inside the window cannot show what happened before; the verdict would rest
 * on a partial window.
 */
export function covers(first: number | null, last: number | null, fromDay: number, toDay: number): boolean {
  return first !== null && last !== null && first <= fromDay && last >= toDay;
}

export interface CheckContext {
  rules: FakePromotionRules;
  calendar: PlatformCalendar;
  coverage: PlatformCoverage;
}

export function candidate(
  ledger: SkuPromotionLedger,
  kind: FakePromotionKind,
  severity: Severity,
  period: { from: string; to: string },
  metrics: FakePromotionMetrics,
  evidence: EvidenceItem[],
  evidenceTotal: number,
): FakePromotionCandidate {
  return {
    platform_id: ledger.platformId,
    merchant_id: ledger.merchantId,
    sku_id: ledger.skuId,
    kind,
    severity,
    period,
    currency: ledger.currency,
    metrics,
    evidence: evidence.slice(0, MAX_EVIDENCE),
    evidence_total: evidenceTotal,
  };
}

/** Evidence without duplicates (the same snapshot can back two promotions), capped. */
export function pushEvidence(evidence: EvidenceItem[], item: EvidenceItem): void {
  if (evidence.length >= MAX_EVIDENCE) return;
  if (evidence.some((e) => e.file === item.file && e.id === item.id)) return;
  evidence.push(item);
}
