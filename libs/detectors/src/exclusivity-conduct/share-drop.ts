import type { ExclusivityConductRules } from '@fairmarket/rules';
import { DAY_MS, HOUR_MS, KEY_SEPARATOR } from './conduct-partial';

/** A merchant's share of impressions in its main category, before and after an instant. */
export interface ShareDrop {
  category: string;
  /** Item impressions of the merchant and of the whole category, in each window. */
  merchant_before: number;
  merchant_after: number;
  category_before: number;
  category_after: number;
  /** Relative change of the merchant's share: after / before - 1. */
  share_change: number;
  /** Relative change of the share held by same-category merchants without rival activity. */
  control_change: number | null;
  /** share_change - control_change: the difference in differences. */
  difference_in_differences: number | null;
  /**
   * The drop meets both conditions of the spec: the merchant's share fell by at least
   * share_drop_min, and by at least share_drop_min more than the share of same-category
   * merchants without rival activity (difference in differences). No significance test on
   * the single merchant: noise hits the comparison group, judged the same way, just as often,
   * and Fisher's exact test over both groups is where chance is accounted for.
   */
  sanction: boolean;
}

/** Hourly impression counts of one platform, with per-category and control totals precomputed. */
export class ImpressionShares {
  /** category → merchant → hour → count */
  private readonly byMerchant = new Map<string, Map<string, Map<number, number>>>();
  /** merchant → its categories, sorted */
  private readonly categoriesOf = new Map<string, string[]>();
  private readonly categoryTotal = new Map<string, Map<number, number>>();
  /** Per category, the impressions of merchants without rival activity (the control group). */
  private readonly controlTotal = new Map<string, Map<number, number>>();

  /** `controls` are the merchants without rival activity; they give the difference in differences. */
  constructor(
    impressions: Record<string, Record<string, number>>,
    private readonly controls: ReadonlySet<string>,
  ) {
    for (const [key, hours] of Object.entries(impressions)) {
      const [category, merchant] = key.split(KEY_SEPARATOR);
      const counts = new Map<number, number>();
      for (const [hour, n] of Object.entries(hours)) counts.set(Number(hour), n);
      if (!this.byMerchant.has(category)) this.byMerchant.set(category, new Map());
      this.byMerchant.get(category)!.set(merchant, counts);
      this.categoriesOf.set(merchant, [...(this.categoriesOf.get(merchant) ?? []), category].sort());
      addInto(this.categoryTotal, category, counts);
      if (controls.has(merchant)) addInto(this.controlTotal, category, counts);
    }
  }

  /**
   * The merchant's share in its main category (the one where it had the most impressions in
   * the window before) over `share_window_days` after the instant vs the same span before
   * (the hour of the instant itself belongs to neither), against the share of the same
   * category's merchants without rival activity (the merchant itself left out).
   */
  shareDrop(merchantId: string, atMs: number, rules: ExclusivityConductRules): ShareDrop | null {
    const hour = Math.floor(atMs / HOUR_MS);
    const span = (rules.share_window_days * DAY_MS) / HOUR_MS;
    const before: [number, number] = [hour - span, hour - 1];
    const after: [number, number] = [hour + 1, hour + span];
    let main: { category: string; count: number } | null = null;
    for (const category of this.categoriesOf.get(merchantId) ?? []) {
      const count = sumHours(this.byMerchant.get(category)!.get(merchantId)!, before);
      if (count > 0 && (!main || count > main.count)) main = { category, count };
    }
    if (!main) return null;
    const own = this.byMerchant.get(main.category)!.get(merchantId)!;
    const total = this.categoryTotal.get(main.category)!;
    const mb = main.count;
    const ma = sumHours(own, after);
    const cb = sumHours(total, before);
    const ca = sumHours(total, after);
    if (ca === 0) return null;
    const controlSeries = this.controlTotal.get(main.category);
    const ownShare = this.controls.has(merchantId) ? 1 : 0;
    const controlBefore = (controlSeries ? sumHours(controlSeries, before) : 0) - ownShare * mb;
    const controlAfter = (controlSeries ? sumHours(controlSeries, after) : 0) - ownShare * ma;
    const shareChange = ma / ca / (mb / cb) - 1;
    const controlChange = controlBefore > 0 ? controlAfter / ca / (controlBefore / cb) - 1 : null;
    const did = controlChange === null ? null : shareChange - controlChange;
    const epsilon = 1e-12;
    return {
      category: main.category,
      merchant_before: mb,
      merchant_after: ma,
      category_before: cb,
      category_after: ca,
      share_change: shareChange,
      control_change: controlChange,
      difference_in_differences: did,
      sanction:
        shareChange <= -rules.share_drop_min + epsilon &&
        did !== null &&
        did <= -rules.share_drop_min + epsilon,
    };
  }
}

function addInto(target: Map<string, Map<number, number>>, category: string, counts: Map<number, number>): void {
  const series = target.get(category) ?? new Map<number, number>();
  target.set(category, series);
  for (const [hour, n] of counts) series.set(hour, (series.get(hour) ?? 0) + n);
}

function sumHours(counts: Map<number, number>, [from, to]: [number, number]): number {
  let sum = 0;
  for (const [hour, n] of counts) if (hour >= from && hour <= to) sum += n;
  return sum;
}
